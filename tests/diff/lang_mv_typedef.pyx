# Memoryviews whose element is a typedef (`char_type[:]` of
# `char_type = cython.typedef(cython.uchar)`): as parameters, locals and
# return values, used with and without the GIL.
import cython

char_type = cython.typedef(cython.uchar)
real = cython.typedef(cython.double)


@cython.cfunc
def _chars(s) -> char_type[:]:
    if isinstance(s, str):
        s = cython.cast(str, s).encode('utf8')
    return bytearray(s)


def checksum(s) -> cython.long:
    data: char_type[:] = _chars(s)
    total: cython.long = 0
    i: cython.Py_ssize_t
    with cython.nogil:
        for i in range(len(data)):
            total = (total * 31 + data[i]) % 1000003
    return total


@cython.nogil
@cython.cfunc
def scale(values: real[::1], factor: real) -> cython.void:
    i: cython.Py_ssize_t
    for i in range(len(values)):
        values[i] *= factor


def scaled(values, factor: real):
    v: real[::1] = values
    with cython.nogil:
        scale(v, factor)
    out = []
    i: cython.Py_ssize_t
    for i in range(len(v)):
        out.append(v[i])
    return out
