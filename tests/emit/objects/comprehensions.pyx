import cython

SQUARES = [i * i for i in range(5)]


def f(xs, d):
    return [x * 2 for x in xs if x > 1], {k: v for k, v in d.items()}, sum(y for y in xs)


def g(n: cython.int, rows):
    pairs = [(i, j) for i in range(n) for j in range(i) if (i + j) % 2 == 0]
    flat = {c for row in rows for c in row}
    return pairs, sorted(flat), [[r * n + c for c in range(n)] for r in range(2)], SQUARES
