# The GIL rules run on every specialisation; a diagnostic in one says which.
import cython

number = cython.fused_type(cython.int, cython.double)


@cython.cfunc
@cython.nogil
def only_int_prints(x: number) -> number:
    if number is cython.int:
        print(x)  # expected-error PX202: print
    return x


@cython.cfunc
@cython.nogil
def every_one_prints(x: cython.floating) -> cython.floating:
    print(x)  # expected-error PX202: print
    return x
