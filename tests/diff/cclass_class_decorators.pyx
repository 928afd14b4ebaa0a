# Class decorators of Cython's pure mode on extension types:
# collection_type (what `match` sees), no_gc_clear (fields kept for
# __dealloc__ when a cycle is collected), no_gc and type_version_tag.
import cython


@cython.collection_type("sequence")
@cython.cclass
class Pair:
    a: cython.int
    b: cython.int

    def __init__(self, a: cython.int, b: cython.int):
        self.a = a
        self.b = b

    def __len__(self):
        return 2

    def __getitem__(self, i: cython.Py_ssize_t):
        if i == 0 or i == -2:
            return self.a
        if i == 1 or i == -1:
            return self.b
        raise IndexError("Pair index out of range")


@cython.collection_type("mapping")
@cython.cclass
class Settings:
    data: dict

    def __init__(self, **values):
        self.data = values

    def __getitem__(self, key):
        return self.data[key]

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def keys(self):
        return self.data.keys()

    def get(self, key, default=None):
        return self.data.get(key, default)


@cython.cclass
class NotACollection:
    def __len__(self):
        return 2

    def __getitem__(self, i: cython.Py_ssize_t):
        return i


dealloc_log = []


@cython.no_gc_clear
@cython.cclass
class Holder:
    other: object

    def __init__(self, other):
        self.other = other

    def __dealloc__(self):
        # With no_gc_clear the fields are still set when a collected cycle ends here.
        dealloc_log.append(type(self.other).__name__)


@cython.no_gc
@cython.type_version_tag
@cython.cclass
class Leaf:
    value: cython.double

    def __init__(self, value: cython.double):
        self.value = value

    def twice(self):
        return self.value * 2


def shape(subject):
    # `match` runs in the driver (plain Python reads the type flags); here only
    # the calls go through compiled code.
    return len(subject)


def make_cycle():
    box = []
    h = Holder(box)
    box.append(h)
    return None
