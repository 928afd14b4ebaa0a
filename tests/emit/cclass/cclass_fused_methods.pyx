# A fused `@cython.cfunc` method: one C function and vtable slot per
# specialisation; each call names the slot its argument types pick.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cclass
class Acc:
    total: cython.double

    @cython.cfunc
    @cython.nogil
    def add(self, x: number) -> number:
        self.total += x
        return x


def use(a: Acc, n: cython.int, d: cython.double):
    return a.add(n), a.add(d)
