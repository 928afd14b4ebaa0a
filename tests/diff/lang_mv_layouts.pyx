# Axis specs of cython.view: `view.contiguous` of a 1-D view is `::1` (a
# strided buffer is refused), `view.direct`/`view.strided`/`view.generic` are `:`.
import cython


def csum(v: cython.double[::cython.view.contiguous]):
    s = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s


def corners(m: cython.int[::cython.view.direct, ::cython.view.strided], g: cython.int[::cython.view.generic, :]):
    return m[0, 0] + m[-1, -1], g[0, -1]
