import cython


@cython.cfunc
@cython.nogil
def methods(x: cython.double, n: cython.int) -> cython.double:
    a = x.as_integer_ratio()  # expected-error PX302: as_integer_ratio
    b = n.to_bytes(4, "little")  # expected-error PX302: to_bytes
    c = x.conjugate(1)  # expected-error PX104
    d = x.nonexistent()  # expected-error PX111
    return x.numerator  # expected-error PX111
