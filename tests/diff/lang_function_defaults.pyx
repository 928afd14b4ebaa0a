# __defaults__ and __kwdefaults__ of module-level, nested and method functions,
# as Python shows them; and a module-level `def` binds its name when it runs.
import cython

BOUND_EARLY = ("positional" in globals(), "no_defaults" in globals())
BASE = 10


def positional(a, b=2, c="three"):
    return a, b, c


def keyword_only(a, b=BASE * 2, *, c=3, d, e=[]):
    e.append(a)
    return a, b, c, d, e


def typed(n: cython.int = 4, x: cython.double = 2.5, *, flag: cython.bint = True):
    return n, x, flag


def no_defaults(a, *args, **kwargs):
    return a, args, kwargs


def only_keyword(*, k=None):
    return k


def star_and_keyword(*args, k=1, m):
    return args, k, m


def shared(item, into=[]):
    into.append(item)
    return into


def make_inner():
    def inner(x=5, *, y=6, z):
        return x, y, z
    return inner


def make_plain_inner():
    def plain(x):
        return x
    return plain


class Holder:
    def method(self, y=7, *, z=8):
        return y, z

    def bare(self):
        return self


LAMBDA = lambda p, q=1, *, r=2: (p, q, r)


def module_function(obj, a=1):
    return type(obj).__name__, a


class Aliases:
    plus = module_function  # binds as a method, as Python's function does
