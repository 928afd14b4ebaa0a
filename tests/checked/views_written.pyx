# Which memoryview parameters are written: directly, through a callee (in a
# comprehension's clauses too), along a chain of calls and through recursion.
import cython


@cython.cfunc
def store(a: cython.double[:], i: cython.Py_ssize_t) -> cython.Py_ssize_t:
    a[i] = 1.0
    return i


@cython.cfunc
def relay(b: cython.double[:], n: cython.Py_ssize_t) -> cython.Py_ssize_t:
    if n <= 0:
        return store(b, 0)
    return relay(b, n - 1)


def in_clause(c: cython.double[:], d: cython.double[:]):
    return [k for k in range(relay(c, 2)) if d[k] > 0.0]


def reads_only(e: cython.double[:]) -> cython.double:
    return e[0]
