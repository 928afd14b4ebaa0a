# cpython.array: what pyxx refuses, and the GIL rules of its helpers and data pointer.
import cython
from cython.cimports.cpython import array
import array


def data_without_gil(a: array.array) -> cython.int:
    p: cython.p_int
    with cython.nogil:  # expected-note: the GIL is released here
        p = a.data.as_ints  # expected-error PX201
    return p[0]


def helper_without_gil(a: array.array):
    with cython.nogil:  # expected-note: the GIL is released here
        array.zero(a)  # expected-error PX202: call to `array.zero`, which needs the GIL, without the GIL


def unknown_members(a: array.array):
    d = a.data  # expected-error PX302: `.data` of an `array.array` alone
    u = a.data.as_pyunicodes  # expected-error PX302: `.data.as_pyunicodes` of an `array.array`
    return d, u


def unknown_helper(a: array.array):
    return array.newarrayobject(a)  # expected-error PX302: `array.newarrayobject` of cpython.array


@cython.cfunc
def wrong_arguments(a: array.array, p: cython.p_int):
    array.clone(a, 3)  # expected-error PX104: `array.clone` takes 3 arguments but 2 were given
    array.resize(a, 1, size=2)  # expected-error PX104: no argument named `size`
    array.extend_buffer(a, p, 1)  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to a `cython.p_char`


def not_an_array(x: cython.int):
    a: array.array = x  # expected-error PX103
    return a


def private_fields(a: array.array):
    return a.ob_descr, a.allocated  # expected-error PX302: the field `.ob_descr` expected-error PX302: the field `.allocated`
