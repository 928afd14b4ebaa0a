# Making a Python object from a memoryview, or a memoryview from a Python
# object, needs the GIL.
import cython


@cython.cfunc
@cython.nogil
def shape_tuple(m: cython.double[:, :]) -> cython.void:
    s = m.shape  # expected-error PX201: making a Python object from a memoryview
    t = m[1:].strides  # expected-error PX201


def bind(arr, other) -> cython.void:
    v: cython.double[:] = arr
    with cython.nogil:
        v = other  # expected-error PX201: converting a Python object to a C value (taking a memoryview of it)


def as_object(v: cython.double[:]) -> cython.void:
    with cython.nogil:
        o: object = v  # expected-error PX201


def copy_nogil(v: cython.double[:, :]) -> cython.void:
    w: cython.double[:, ::1]
    with cython.nogil:
        w = v.copy()  # expected-error PX201: copying a memoryview into a new array


def fill_from_object(v: cython.double[:], x) -> cython.void:
    with cython.nogil:
        v[:] = x  # expected-error PX201: converting a Python object to a C value


def iterate(v: cython.double[:]) -> cython.double:
    # Cython iterates the Python object it makes of the view: each item is a Python object.
    s: cython.double = 0.0
    x: cython.double
    with cython.nogil:
        for x in v:  # expected-error PX201: iterating over a memoryview (its items are Python objects)
            s += x
    return s
