# A memoryview parameter written by a callee that is called from a comprehension's
# `for` clause (or its `if` clause) must be acquired writable: a read-only buffer is
# refused at the call, never written.
import cython


@cython.cfunc
def fill(a: cython.double[:], v: cython.double) -> cython.Py_ssize_t:
    for i in range(a.shape[0]):
        a[i] = v
    return a.shape[0]


@cython.cfunc
def bump(a: cython.double[:], i: cython.Py_ssize_t) -> cython.bint:
    a[i] += 1.0
    return i % 2 == 0


def refill(a: cython.double[:], v: cython.double):
    return [k for k in range(fill(a, v))]


def bump_even(a: cython.double[:]):
    return [k for k in range(a.shape[0]) if bump(a, k)]


def nested(a: cython.double[:], v: cython.double):
    return {k: j for k in range(2) for j in range(fill(a, v + k))}
