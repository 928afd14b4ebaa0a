# Indexing a pointer or a C array with a Python int (a comprehension's
# variable, an element of a list): converted to Py_ssize_t as Cython does,
# with TypeError for a non-integer and OverflowError past Py_ssize_t.
import cython
from cython.cimports.libc.stdlib import free, malloc


def squares(n: cython.int):
    buf: cython.p_long = cython.cast(cython.p_long, malloc(n * cython.sizeof(cython.long)))
    try:
        for i in range(n):
            buf[i] = i * i
        return [buf[k] for k in range(n)]
    finally:
        free(buf)


def pick(indices):
    table: cython.int[5] = [10, 20, 30, 40, 50]
    out = []
    for k in indices:
        out.append(table[k])
    return out


def store(indices, v: cython.int):
    table: cython.int[3] = [0, 0, 0]
    for k in indices:
        table[k] = v
        table[k] += 1
    return table
