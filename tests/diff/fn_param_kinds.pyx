# Every parameter form of a `def` function: `*args`, `**kwargs`, keyword-only
# parameters (after `*` or `*args`), positional-only ones (before `/`), with
# C types and defaults, and Python's TypeErrors for calls that do not fit.
import cython


def collect(a, *args, **kwargs):
    return (a, args, sorted(kwargs.items()))


def keyword_only(a, *, scale: cython.int, shift: cython.double = 0.5, tag="x"):
    return (a, scale, shift, tag)


def positional_only(a: cython.long, b=2, /, c=3, *, d):
    return a + b * 10 + c * 100 + d * 1000


def only_star(*items):
    total: cython.long = 0
    for x in items:
        total += x
    return total


def only_kwargs(**options):
    return sorted(options)


def posonly_and_kwargs(name, /, **kw):
    # `name` given as a keyword lands in `kw`.
    return (name, sorted(kw.items()))


def star_then_kwonly(*args, sep: str = ", ", end):
    return sep.join(str(a) for a in args) + end


def three_kwonly(*, x, y, z):
    return x + y + z


def caller():
    # Calls from compiled code: bound at compile time or through Python.
    return [
        keyword_only(1, scale=2),
        positional_only(1, d=4),
        positional_only(1, 2, c=5, d=6),
        collect(1, 2, 3, k=4),
        only_star(1, 2, 3),
        star_then_kwonly(1, 2, end="!"),
        posonly_and_kwargs("n", name="again"),
    ]
