# cython.uchar[:] over bytearray, memoryview and array('B'): counting, a
# checksum, in-place edits, and read-only inputs (bytes) refused for writes.
import cython


def count_byte(data: cython.uchar[:], b: cython.uchar) -> cython.Py_ssize_t:
    n: cython.Py_ssize_t = 0
    for i in range(data.shape[0]):
        if data[i] == b:
            n += 1
    return n


def checksum(data: cython.uchar[:]) -> cython.uint:
    h: cython.uint = 0
    for i in range(len(data)):
        h = (h * 31 + data[i]) % 1000003
    return h


def upper_ascii(data: cython.uchar[:]) -> cython.int:
    changed: cython.int = 0
    c: cython.uchar
    for i in range(len(data)):
        c = data[i]
        if c >= 97 and c <= 122:
            data[i] = c - 32
            changed += 1
    return changed


def xor_with(data: cython.uchar[:], key: cython.uchar) -> cython.void:
    for i in range(len(data)):
        data[i] = data[i] ^ key


def tail_byte(data: cython.uchar[:]) -> cython.int:
    return data[-1]
