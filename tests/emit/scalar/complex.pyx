import cython


@cython.cfunc
@cython.nogil
def step(z: complex, c: complex) -> complex:
    return z * z / c + 2j


def use(z: complex, n: cython.int):
    w: cython.floatcomplex = z
    w += n
    return step(z, w), abs(z), z == n, z.real
