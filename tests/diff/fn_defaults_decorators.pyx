# Default values evaluated once, when the `def` statement runs (mutable ones
# shared between calls, C-typed ones converted then), decorators written in
# Python applied to module-level functions (calls from compiled code go
# through the decorated object), docstrings and text signatures.
import functools

import cython
from diff_decorators import counting, tagged, trace as calls

trace = []
BASE = 10


def note(x):
    trace.append(x)
    return x


def appended(item, into=[]):
    into.append(item)
    return into


def computed(a, b=BASE * 2, c: cython.int = BASE + 1, *, d=note("d")):
    """Adds its arguments."""
    return a + b + c + d.count("d")


BASE = 1000  # the defaults above were taken already


@counting
def square(x: cython.long) -> cython.long:
    return x * x


@tagged("t")
@counting
def pair(a, b=note("pair-default")):
    return (a, b)


@functools.lru_cache(maxsize=None)
def fib(n: cython.int):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def uses_decorated():
    # Compiled callers call the decorated objects, never the bare functions.
    return [square(3), pair(1), fib(30), fib.cache_info().hits > 0]


def registry_keeps_function(fn):
    registered.append(fn.__name__)
    return fn


registered = []


@registry_keeps_function
def plain(x=(1, 2)):
    """Plain."""
    return x


def no_doc(a, /, b=-1.5, *args, c="s", d=None, e=[], **kw):
    return (a, b, args, c, d, e, kw)


def marked(fn):
    fn.mark = "marked"  # a decorator may set attributes on the function
    return fn


@marked
def with_mark(x=[0]):
    return x


def make_nested(base):
    def inner(a, b=base * 2, *, c, d=base + 1):
        return (a, b, c, d)
    return inner


def uses_stored(n: cython.int):
    # A direct call of a function made by its `def` (stored defaults).
    out = []
    for i in range(n):
        out.append(appended(i)[-1])
    return out


def make_lambda():
    return lambda a, b=2, *rest, c="x", **kw: (a, b, rest, c, kw)
