# A module that imports its own extension type by name (Cython's documentation
# does so in an example): the name keeps the type, and the code after the
# import makes and uses instances as before.
import cython


@cython.cclass
class Shop:
    cheeses: object

    def __cinit__(self):
        self.cheeses = []

    @property
    def cheese(self):
        return f"We don't have: {self.cheeses}"

    @cheese.setter
    def cheese(self, value):
        self.cheeses.append(value)

    @cheese.deleter
    def cheese(self):
        del self.cheeses[:]


from cclass_self_import import Shop

shop = Shop()
shop.cheese = "camembert"
seen = [shop.cheese]
shop.cheese = "cheddar"
seen.append(shop.cheese)
del shop.cheese
seen.append(shop.cheese)


def same_type():
    return type(shop) is Shop
