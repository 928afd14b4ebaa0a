# Object parameters of `def` functions that the body never binds again are lent
# by the caller (pyxx::Lent): the callee holds no reference of its own. Each
# function here does something with such a parameter while the other holders
# of the object let go of it, so a missing reference shows as a crash, a wrong
# value or (under the debug Python) a leak.
import cython
import weakref

holder = [object()]
log = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tracked({self.name})"


def returned(x):
    return x


def unused(x, y):
    return 1


def dropped_elsewhere(x):
    # The module's list lets go of the object; the caller still holds it.
    holder.clear()
    return [x, x]


def kept(x, box: list):
    box.append(x)
    return len(box)


def passed_on(x):
    # A direct call from the module: lent again, no reference taken.
    return returned(x), kept(x, [])


def passed_literal():
    # A constant and a temporary lent to a `def` called directly.
    return returned("text"), returned([1, 2]), unused(3, None)


@cython.cfunc
def c_takes(x: object) -> object:
    return (x, "c")


def to_c(x):
    return c_takes(x)


def with_default(x, y=None, z=(1, 2)):
    return (x, y, z)


def star(x, *args, **kwargs):
    return (x, args, sorted(kwargs.items()))


def keyword_only(x, *, key):
    return (x, key)


def rebound(x):
    # Bound again: an owned variable, not a lent parameter.
    x = [x]
    return x


def in_closure(x):
    def inner():
        return x
    return inner


def generator(x):
    yield x
    yield x


def weak_dies(make):
    # The callee's temporary is the only holder: released when the statement ends.
    obj = make()
    ref = weakref.ref(obj)
    del obj
    return ref() is None


def after_caller_drops(x):
    log.append(repr(x))
    return x.name


def lent_to_method(obj, arg):
    return obj.method(arg)


class WithMethod:
    def method(self, arg):
        return ("method", arg)


@cython.cclass
class Box:
    value: object

    def __init__(self, value):
        self.value = value

    def replace(self, new):
        # The field held the only other reference to the old value.
        old = self.value
        self.value = new
        return (old, new)

    def __eq__(self, other):
        return isinstance(other, Box) and self.value == other.value
