# PX206: a pointer to a Python object, however it is spelled, is rejected
# (Cython: "Pointer base type cannot be a Python object"): C code could keep the
# object without a reference and use it without the GIL.
import cython

Holder = cython.struct(p=cython.pointer(object))  # expected-error PX206: `cython.pointer(object)`


def f(x: cython.pointer(object)) -> cython.int:  # expected-error PX206: `cython.pointer(object)`
    return 0


def g(obj):
    q = cython.declare(cython.pointer[cython.object])  # expected-error PX206: `cython.pointer[cython.object]`
    return cython.address(obj)  # expected-error PX206: `cython.address(obj)`


def slice_of_view(v: cython.int[:]):
    return cython.address(v[1:])  # expected-error PX206: `cython.address(v[1:])`
