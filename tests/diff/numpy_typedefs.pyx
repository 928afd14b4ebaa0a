# NumPy's C typedefs cimported in pure mode (`from cython.cimports.numpy
# import ...` and `cimport numpy as cnp` spelled `from cython.cimports import
# numpy as cnp`): the C types they name, with no NumPy needed to build or run.
import cython
from cython.cimports import numpy as cnp
from cython.cimports.numpy import float64_t, int32_t, npy_intp, uint8_t


def wrap_byte(n: cython.int) -> uint8_t:
    b: uint8_t = cython.cast(uint8_t, n)
    return b


def total(n: npy_intp) -> float64_t:
    s: float64_t = 0.0
    i: npy_intp
    with cython.nogil:
        for i in range(n):
            s += i * 0.5
    return s


def narrow(x: cnp.int64_t) -> int32_t:
    return cython.cast(int32_t, x)


def sizes():
    return (cython.sizeof(cnp.int8_t), cython.sizeof(cnp.int16_t), cython.sizeof(int32_t),
            cython.sizeof(cnp.int64_t), cython.sizeof(cnp.float32_t), cython.sizeof(float64_t),
            cython.sizeof(cnp.complex128_t), cython.sizeof(npy_intp), cython.sizeof(cnp.uintp_t))


def views(a: cnp.float64_t[:], b: cnp.int32_t[:]) -> cnp.float64_t:
    t: cnp.float64_t = 0.0
    i: npy_intp
    for i in range(a.shape[0]):
        t += a[i] * b[i]
    return t


def pointers(n: cython.int):
    v: int32_t = 0
    p: cython.pointer(int32_t) = cython.address(v)
    p[0] = n * 7
    return p[0]
