# Generator expressions are lazy, as in Python: the first iterable is evaluated
# (and iter() taken) where the expression is, everything else one item at a time.
import itertools

import cython

log = []


def note(tag, value):
    log.append((tag, value))
    return value


def take_log():
    out = list(log)
    del log[:]
    return out


def short_any(xs):
    return any(note("test", x) > 2 for x in xs)


def short_all(xs):
    return all(note("test", x) < 3 for x in xs)


def first_square_over(limit: cython.int):
    return next(x for x in itertools.count() if x * x > limit)


def first_iterable_is_eager(make):
    g = (x for x in note("first", make()) for y in note("second", [1]))
    log.append("made")
    return g


def not_iterable(obj):
    return (x for x in obj)


def scaled(xs, k: cython.int):
    return list(x * k for x in xs)


def scaled_late(xs):
    k: cython.int = 2
    g = (x * k for x in xs)
    k = 10
    return list(g)


def closure_object(xs):
    prefix = "a"
    g = (prefix + x for x in xs)
    prefix = "b"
    return g


def unbound_free(xs):
    g = (x + later for x in xs)
    if len(xs) > 5:
        later = 1
    return g


def rows_total(rows):
    return sum(sum(v for v in row) for row in rows)


def pairs(n: cython.int):
    return ((i, j) for i in range(n) for j in range(i) if (i + j) % 2)


def unpacking(d):
    return sorted(f"{k}={v}" for k, v in d.items())


def tuple_target(pairs):
    return list(a * b for a, (b, c) in pairs if c)


def failing(xs):
    return (10 // x for x in xs)


def stop_inside(xs):
    return list(next(iter(x)) for x in xs)


def attributes():
    g = (x for x in [1, 2])
    return (type(g).__name__, g.__name__, g.__qualname__, g.gi_running,
            next(g), g.send(None), hasattr(g, "throw"), hasattr(g, "close"))


def as_argument(xs):
    return ",".join(str(x) for x in xs), dict((x, x * x) for x in xs), tuple(x for x in xs if x % 2)


def nested_lambda(xs):
    return [f() for f in (lambda: x * 10 for x in xs)]


def genexpr_of_generator(n: cython.int):
    return list(x + 1 for x in countdown(n))


def countdown(n: cython.int):
    while n > 0:
        yield n
        n -= 1


def in_generator(xs):
    for total in (x * 2 for x in xs):
        yield total


total_at_import = sum(x for x in range(5))
squares_at_import = list(x * x for x in range(4))
