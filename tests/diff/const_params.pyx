# `cython.const[T]` on parameters and results: read like T, converted like T at
# the Python boundary.
import cython


@cython.cfunc
def add(a: cython.const[cython.int], b: cython.const[cython.int]) -> cython.const[cython.int]:
    return a + b


@cython.cfunc
def fill(p: cython.const[cython.p_int], n: cython.const[cython.Py_ssize_t]) -> cython.void:
    i: cython.Py_ssize_t
    for i in range(n):
        p[i] = add(cython.cast(cython.int, i), 1)


def scaled(x: cython.const[cython.double], k: cython.const[cython.long] = 2) -> cython.double:
    y: cython.double = x
    y *= k
    return y


@cython.ccall
def halved(n: cython.const[cython.int]) -> cython.const[cython.int]:
    return n // 2


def run():
    a = cython.declare(cython.int[4])
    fill(a, 4)
    return a[0], a[3], add(2, 3)
