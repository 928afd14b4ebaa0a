# expected-no-diagnostics
# ok-for: PX304
# Axis specs of cython.view that say what pyxx's views are: direct, strided
# (`view.direct`, `view.strided`, `view.generic` are `:`), and the one
# contiguous dimension of a 1-D view (`view.contiguous` is `::1` there).
import cython


@cython.cfunc
@cython.nogil
def total(v: cython.double[::cython.view.contiguous], m: cython.int[::cython.view.direct, ::cython.view.strided]) -> cython.double:
    s: cython.double = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s + m[0, 0]


def generic(m: cython.int[::cython.view.generic, :]) -> cython.int:
    return m[0, 0]
