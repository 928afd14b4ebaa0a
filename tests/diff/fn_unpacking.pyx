# `*` and `**` unpacking: in calls (of Python callables, builtins and the
# module's own functions), in list/tuple/set/dict displays, and in assignment
# targets (`a, *rest = xs`, nested, in `for` loops and comprehensions), with
# CPython's errors for what cannot be unpacked.
import cython

log = []


def note(x):
    log.append(x)
    return x


def target(a, b=0, *rest, key=None, **extra):
    return (a, b, rest, key, sorted(extra.items()))


def fixed(a, b, c=3):
    return a * 100 + b * 10 + c


def calls(xs, kw):
    return [
        target(*xs),
        target(0, *xs, key=1),
        target(*xs, *xs),
        target(**kw, a=0),
        target(1, **kw, key=5),
        fixed(*xs),
        fixed(1, **{"b": 2}),
        max(*xs),
        print(*xs, sep="-"),
        dict(**kw, z=0),
    ]


def call_errors(what):
    if what == 0:
        return target(*5)
    if what == 1:
        return target(1, *5)
    if what == 2:
        return target(**5)
    if what == 3:
        return target(1, **{"key": 1}, key=2)
    if what == 4:
        return target(**{"a": 1}, **{"a": 2})
    if what == 5:
        return fixed(*[1, 2, 3, 4])
    if what == 6:
        return target(**{1: 2})
    return len(*5)


def order():
    del log[:]
    r = target(note(1), *note([2, 3]), key=note(4), **note({"e": 5}))
    return (r, list(log))


def displays(a, b, d):
    return [
        [*a, *b],
        [0, *a, 9],
        (*a, *b),
        (*a,),
        {*a, *b},
        {**d, "k": 1},
        {"k": 0, **d},
        {**d, **{"x": 2}},
        [*"ab", *range(2)],
    ]


def display_errors(what):
    if what == 0:
        return [*5]
    if what == 1:
        return (1, *None)
    if what == 2:
        return {*3}
    if what == 3:
        return {**[1]}
    return {"a": 1, **4}


def assign(xs):
    a, *rest = xs
    *init, last = xs
    first, *middle, end = xs
    return (a, rest, init, last, first, middle, end)


def nested(rows):
    out = []
    for head, *tail in rows:
        out.append((head, tail))
    (p, *q), r = rows[0], 7
    [s, *t] = "xyz"
    out.append((p, q, r, s, t))
    out.append([u for u, *_ in rows])
    return out


def assign_errors(xs):
    a, *b, c = xs
    return (a, b, c)


def typed_unpack(xs):
    n: cython.int
    n, *others = xs
    return n * 2, others
