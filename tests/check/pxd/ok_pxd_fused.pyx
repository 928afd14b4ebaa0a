# expected-no-diagnostics
# ok-for: PX123
# The .pxd's fused type names a fused parameter of the module's functions.
import cython


@cython.cfunc
@cython.nogil
def clamp(x: number, top: number) -> number:
    return top if x > top else x


def clamped(a: number, b: number):
    return clamp(a, b) * scale
