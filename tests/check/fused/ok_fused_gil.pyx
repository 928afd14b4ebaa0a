# expected-no-diagnostics
# ok-for: PX117 PX202
# Specialisations of nogil functions call each other without the GIL; the dead
# branch of a type test is not checked in the specialisations that drop it.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cfunc
@cython.nogil
def half(x: number) -> cython.double:
    if number is cython.double:
        return x / 2
    elif number is cython.int:
        return cython.cast(cython.double, x) / 2
    else:
        print(x)  # dropped in both specialisations


@cython.cfunc
@cython.nogil
def both(a: cython.int, b: cython.double) -> cython.double:
    return half(a) + half(b) + half[cython.double](a)


def run(a: cython.int, b: cython.double) -> cython.double:
    with cython.nogil:
        r = both(a, b)
    return r
