# A fused function: its specialisations, and the Python entry point that picks
# one from a scalar argument and from a buffer's item format.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.ccall
def scale(v: number[:], k: number) -> cython.void:
    i: cython.Py_ssize_t
    for i in range(v.shape[0]):
        v[i] *= k


@cython.cfunc
@cython.nogil
def clamp(x: cython.integral) -> cython.integral:
    if cython.integral is cython.short:
        return x
    return x if x > 0 else 0


def use(n: cython.long) -> cython.long:
    return clamp(n)
