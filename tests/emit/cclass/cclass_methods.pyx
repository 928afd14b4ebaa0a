# C methods: the vtable, a nogil cfunc called through it, a ccall dispatcher.
import cython


@cython.cclass
class Counter:
    n: cython.long

    @cython.cfunc
    @cython.nogil
    def step(self, by: cython.long) -> cython.long:
        self.n += by
        return self.n

    @cython.ccall
    def get(self) -> cython.long:
        return self.n

    def run(self, k: cython.long) -> cython.long:
        with cython.nogil:
            self.step(k)
        return self.get()


def peek(c: Counter) -> cython.long:
    return c.get()
