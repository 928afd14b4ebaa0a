# Complex fields of extension types: double and float complex, private, public
# and readonly; complex arithmetic on them without the GIL; the real and
# imaginary parts; conversion when Python code sets a public one.
import cython


@cython.cclass
class Wave:
    z: cython.doublecomplex
    w = cython.declare(cython.floatcomplex, visibility='public')
    c = cython.declare(cython.complex, visibility='readonly')

    def __init__(self, z):
        self.z = z
        self.w = 0
        self.c = z * 2

    def step(self, n: cython.int):
        i: cython.int
        with cython.nogil:
            for i in range(n):
                self.z = self.z * 1j + 1
                self.w += self.z
        return self.z, self.w, self.c, self.z.real, self.z.imag

    def parts(self):
        return self.c.real, self.c.imag


def rotate(w: Wave, turns: cython.int) -> cython.doublecomplex:
    i: cython.int
    with cython.nogil:
        for i in range(turns):
            w.z = w.z * 1j
    return w.z
