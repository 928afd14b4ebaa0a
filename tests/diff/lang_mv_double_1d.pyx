# One-dimensional cython.double[:] memoryviews: reads, negative indices, writes,
# len(), .shape[0], IndexError, over array.array, memoryview and bytearray-backed
# buffers.
import cython


def total(a: cython.double[:]) -> cython.double:
    s: cython.double = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def mean(a: cython.double[:]) -> cython.double:
    return total(a) / len(a)


def last(a: cython.double[:]) -> cython.double:
    return a[-1]


def pick(a: cython.double[:], i: cython.Py_ssize_t) -> cython.double:
    return a[i]


def scale(a: cython.double[:], factor: cython.double) -> cython.void:
    for i in range(len(a)):
        a[i] = a[i] * factor


def put(a: cython.double[:], i: cython.Py_ssize_t, v: cython.double):
    a[i] = v
    return a[i]


def reverse_in_place(a: cython.double[:]) -> cython.int:
    n: cython.Py_ssize_t = a.shape[0]
    swaps: cython.int = 0
    for i in range(n // 2):
        a[i], a[n - 1 - i] = a[n - 1 - i], a[i]
        swaps += 1
    return swaps


def argmax(a: cython.double[:]) -> cython.Py_ssize_t:
    best: cython.Py_ssize_t = 0
    for i in range(1, a.shape[0]):
        if a[i] > a[best]:
            best = i
    return best
