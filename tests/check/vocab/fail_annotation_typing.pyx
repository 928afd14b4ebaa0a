import cython


# annotation_typing(False): the parameter is a Python object, which a nogil
# function cannot take.
@cython.cfunc
@cython.nogil
@cython.annotation_typing(False)
def untyped_nogil(n: cython.int):  # expected-error PX205 # expected-error PX205
    return 0


# infer_types(False): `x` is a Python object, which nogil code cannot hold.
@cython.cfunc
@cython.nogil
@cython.infer_types(False)
def not_inferred(n: cython.int) -> cython.int:
    x = n  # expected-error PX201
    return 0


@cython.infer_types(1)  # expected-error PX107
def bad_argument(n):
    return n


def block(v):
    with cython.infer_types(False):  # expected-error PX301
        x = v
    return x
