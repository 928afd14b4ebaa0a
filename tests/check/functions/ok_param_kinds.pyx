# expected-no-diagnostics
# Every parameter form of a `def` function, and `*`/`**` unpacking in calls,
# displays and assignment targets, where the GIL is held.
import cython


def every_kind(a, b: cython.int = 1, /, c=2, *args, d: cython.double, e="e", **kwargs):
    return (a, b, c, args, d, e, kwargs)


def keyword_only(*, k):
    return k


def unpacking(xs: list, kw: dict):
    r = every_kind(*xs, d=1.0, **kw)
    first, *rest = xs
    *init, last = xs
    (p, *q), s = xs, 0
    for head, *tail in [xs]:
        print(head, tail)
    pairs = [t for t, *_ in [xs]]
    return [r, first, rest, init, last, p, q, s, pairs, [*xs, 1], (*xs,), {*xs}, {**kw, "k": 1},
            keyword_only(k=2), max(*xs)]


def with_gil_inside(xs: list) -> cython.int:
    with cython.nogil:
        with cython.gil:
            ys = [*xs, *xs]
    return len(ys)
