# `cython.const[T]` parameters and results (T a C number or a pointer): the
# body reads a const parameter and never stores to it; a const result is a
# value like any other.
# ok-for: PX110 PX304
# expected-no-diagnostics
import cython


@cython.cfunc
@cython.nogil
def add(a: cython.const[cython.int], b: cython.const[cython.int]) -> cython.const[cython.int]:
    return a + b


@cython.cfunc
@cython.nogil
def fill(p: cython.const[cython.p_int], n: cython.const[cython.Py_ssize_t]) -> cython.void:
    i: cython.Py_ssize_t
    for i in range(n):
        p[i] = add(cython.cast(cython.int, i), 1)  # the pointer is const, not what it points to


def scaled(x: cython.const[cython.double], k: cython.const[cython.long] = 2) -> cython.double:
    y: cython.double = x
    y *= k
    return y


def run() -> cython.long:
    a: cython.int[4]
    fill(a, 4)
    return a[0] + a[3] + add(2, 3)
