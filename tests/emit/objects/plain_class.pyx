# A plain Python class: the body runs into a namespace, methods are function
# objects, zero-argument super() reads the class cell.
class Base:
    """A base."""
    scale: int = 2

    def __init__(self, value):
        self.value = value * self.scale


class Derived(Base):
    def __init__(self, value):
        super().__init__(value + 1)

    @property
    def doubled(self):
        return self.value * 2
