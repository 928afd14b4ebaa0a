# `@cython.total_ordering` on extension types: the ordering methods the class
# body leaves out are made from its equality method and one ordering method
# (the root: `__lt__`, else `__le__`, `__gt__`, `__ge__`), as Cython 3 does.
import cython

calls = []


@cython.total_ordering
@cython.cclass
class ByGe:
    x: cython.int

    def __init__(self, x: cython.int):
        self.x = x

    def __eq__(self, other):
        if not isinstance(other, ByGe):
            return NotImplemented
        return self.x == cython.cast(ByGe, other).x

    def __ge__(self, other):
        if not isinstance(other, ByGe):
            return NotImplemented
        calls.append("ge")
        if self.x < 0:
            raise ValueError("negative")
        return self.x >= cython.cast(ByGe, other).x


@cython.total_ordering
@cython.cclass
class ByLtNe:
    x: cython.int

    def __init__(self, x: cython.int):
        self.x = x

    def __ne__(self, other):
        calls.append("ne")
        return self.x != cython.cast(ByLtNe, other).x

    def __lt__(self, other):
        calls.append("lt")
        return self.x < cython.cast(ByLtNe, other).x


@cython.total_ordering
@cython.cclass
class ByLe:
    x: cython.int

    def __init__(self, x: cython.int):
        self.x = x

    def __eq__(self, other):
        calls.append("eq")
        return self.x == cython.cast(ByLe, other).x

    def __gt__(self, other):
        calls.append("gt")
        return self.x > cython.cast(ByLe, other).x

    def __le__(self, other):
        calls.append("le")
        return self.x <= cython.cast(ByLe, other).x
