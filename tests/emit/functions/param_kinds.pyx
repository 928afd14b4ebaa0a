# Wrappers of keyword-only, positional-only, `*args` and `**kwargs` parameters,
# and `*`/`**` unpacking in calls, displays and assignments.
import cython


def kinds(a, /, b: cython.int, *args, c, d=1, **kwargs):
    return (a, b, args, c, d, kwargs)


def unpack(xs, kw):
    first, *rest = xs
    return kinds(*xs, c=first, **kw), [*rest, 0], {**kw, "k": 1}
