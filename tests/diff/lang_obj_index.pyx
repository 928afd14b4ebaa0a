# Indexing and slicing Python objects: lists, tuples, strings, dicts, with
# negative indices, steps, slice assignment and deletion; C integer indices.
import cython


def get(seq, i):
    return seq[i]


def get_c(seq, i: cython.Py_ssize_t):
    return seq[i]


def slices(seq):
    return (seq[1:], seq[:-1], seq[::2], seq[::-1], seq[1:-1:3], seq[-2:])


def c_slice(seq, lo: cython.int, hi: cython.int):
    return seq[lo:hi]


def set_items(lst, i, value):
    lst[i] = value
    lst[-1] = "last"
    return lst


def slice_assign(lst):
    lst[1:3] = ["a", "b", "c"]
    lst[::2] = [0] * len(lst[::2])
    return lst


def delete(lst, d, key):
    del lst[0]
    del lst[-2:]
    del d[key]
    return (lst, sorted(d))


def dict_ops(d):
    d["new"] = d.get("x", 0) + 1
    d[(1, 2)] = "tuple key"
    return (d["new"], d[1, 2], "x" in d, len(d))


def nested(grid, i: cython.int, j: cython.int):
    grid[i][j] += 100
    return grid[i][j] * grid[-1][-1]
