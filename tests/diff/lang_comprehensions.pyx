# List, dict and set comprehensions and generator expressions passed to
# builtins, in GIL code, over objects and C values, with conditions and
# nesting; the loop variable does not leak.
import cython


def squares(n: cython.int):
    return [i * i for i in range(n)]


def evens_as_text(values):
    return [str(v) for v in values if v % 2 == 0]


def index_map(words):
    return {w: len(w) for w in words}


def letters(words):
    return sorted({c for w in words for c in w})


def grid(rows: cython.int, cols: cython.int):
    return [[r * cols + c for c in range(cols)] for r in range(rows)]


def total_len(words):
    return sum(len(w) for w in words)


def scoped(n: cython.int):
    x = -1
    values = [x for x in range(n)]
    return (x, values)
