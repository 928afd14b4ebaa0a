# Calls without the GIL of the extern functions of fail_pxd_extern_gil.pxd.
import cython


def root(x: cython.double) -> cython.double:
    with cython.nogil:  # expected-note: the GIL is released here
        x = _sqrt(x)  # expected-error PX202: call to `_sqrt`, which needs the GIL, without the GIL
    return x


@cython.cfunc
@cython.nogil  # expected-note: `scratch` may run without the GIL
def scratch(n: cython.size_t) -> cython.int:
    p: cython.p_char = cython.cast(cython.p_char, malloc(n))  # expected-error PX202: call to `malloc`
    free(p)
    return 0


def floor(x):  # expected-error PX124: `floor` is declared in an extern block of the .pxd: the module cannot define it
    return x
