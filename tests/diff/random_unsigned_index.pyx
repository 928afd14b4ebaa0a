# Found by tests/random: a memoryview index of a 64-bit unsigned type was
# converted to Py_ssize_t first, so 2**64 - 2 became -2 and read the element
# before the last (wraparound) where Python raises IndexError.
import cython


def read_size_t(v: cython.int[:], i: cython.size_t) -> cython.int:
    return v[i]


def read_ulonglong_2d(m: cython.double[:, :], i: cython.ulonglong, j: cython.ulong) -> cython.double:
    return m[i, j]


def write_ulong(v: cython.int[:], i: cython.ulong, x: cython.int) -> cython.int:
    v[i] = x
    return v[0] + v[1] + v[2]


def cast_index(v: cython.int[:], k: cython.int) -> cython.int:
    return v[cython.cast(cython.size_t, k)]


def uint_index(v: cython.int[:], i: cython.uint) -> cython.int:
    return v[i]
