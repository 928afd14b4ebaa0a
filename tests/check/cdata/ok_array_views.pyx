# A C array as a memoryview: views of local arrays used within their function
# (with or without the GIL), views of module-level arrays used anywhere.
# ok-for: PX127 PX103
# expected-no-diagnostics
import cython

table = cython.declare(cython.double[4][2])
kept = cython.declare(cython.double[:, :])


@cython.cfunc
@cython.nogil
def norm(v: cython.double[:, :]) -> cython.double:
    w: cython.double[:, :] = v.T
    return w[0, 0] + v[v.shape[0] - 1, 0]


@cython.ccall
def scale(v: cython.double[:, ::1], k: cython.double) -> cython.void:
    i: cython.Py_ssize_t
    for i in range(v.shape[1]):
        v[0, i] *= k


@cython.cfunc
def relay(v: cython.double[:, :]) -> cython.double:
    return norm(v[1:]) if v is not None else 0.0


def locals_only() -> cython.double:
    a = cython.declare(cython.double[4][2])
    v: cython.double[:, :] = a
    w = v[:, 1:]
    v[...] = 1.0
    w[0, 0] = 2.0
    scale(a, 3.0)
    c = v.copy()
    return norm(a) + relay(w) + len(v) + c[0, 0] + v.shape[0]


@cython.nogil
@cython.cfunc
def without_gil(n: cython.int) -> cython.double:
    a = cython.declare(cython.double[4][2])
    v = cython.declare(cython.double[:, ::1], a)
    v[1, n] = 1.5
    a2 = cython.declare(cython.double[4][2])
    u: cython.double[:, :] = a2
    u[:, :] = v
    return norm(a) + norm(u)


def module_level():
    global kept
    kept = table
    v: cython.double[:, :] = table
    return v, [cython.declare(cython.double[:, :], table)], norm(table)
