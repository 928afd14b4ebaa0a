# Literals in GIL code: list, tuple, dict and set displays (nested, empty,
# with C values inside) and unpacking assignments (starred forms:
# lang_star_args).
import cython


def displays(n: cython.int, x: cython.double):
    items = [n, x, "s", None, True]
    pair = (n, x)
    single = (n,)
    table = {"n": n, "x": x, 1: [n, n], (1, 2): {}}
    unique = {n, n, n + 1}
    return (items, pair, single, table, sorted(unique))


def empties():
    return ([], (), {}, set(), "", b"")


def nested():
    return {"a": [1, (2, 3), {"b": {4, 5} == {5, 4}}], "c": ([[]],)}


def unpack(seq):
    a, b, c = seq
    return c, b, a


def unpack_nested(pair):
    (a, b), c = pair
    return a * 100 + b * 10 + c


def swap_objects(a, b):
    a, b = b, a
    return [a, b]
