# What pyxx (and Cython) refuses on C data, each with its reason.
import cython
from cython.cimports.libc.stdlib import malloc, free, qsort  # qsort: not known to pyxx
from cython.cimports.cpython.mem import PyMem_Malloc, PyMem_Free

Point = cython.struct(x=cython.double, y=cython.double)
Bad = cython.struct(name=object)  # expected-error PX113: a struct field cannot be a Python object (`name`)
Either = cython.union(i=cython.int, d=cython.double)
IntPtr = cython.typedef(cython.p_int)


@cython.cfunc
def arithmetic(p: cython.p_int, v: cython.p_void, q: cython.p_double):
    a = p + q  # expected-error PX111: `+`
    b = v + 1  # expected-error PX111: no arithmetic on `void*`
    c = p == q  # expected-error PX111: comparison
    d: cython.p_double = v  # expected-error PX103: cannot convert `cython.pointer(cython.void)` expected-note: convert it with `cython.cast(cython.pointer(cython.double), ...)`
    return p  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to a Python object expected-note: a pointer has no Python value


def structs():
    p = Point(1.0)  # expected-error PX113: needs a value for each of its 2 fields
    e = Either(i=1, d=2.0)  # expected-error PX113: exactly one field
    q = Point(1.0, 2.0)
    r = q.z  # expected-error PX113: has no field `z`
    return Either(i=1)  # expected-error PX103: cannot convert `Either` to a Python object


def nogil_allocation(n: cython.size_t):
    with cython.nogil:  # expected-note: the GIL is released here
        p = PyMem_Malloc(n)  # expected-error PX202: `PyMem_Malloc`
        q = malloc(n)
        free(q)
    PyMem_Free(p)


def unknown():
    qsort(cython.NULL, 0, 0, cython.NULL)  # expected-error PX302: `libc.stdlib.qsort`


@cython.cfunc
def deletions(p: cython.p_int):
    a = cython.declare(cython.int[3])
    del a[0]  # expected-error PX110: delete an element of `cython.int[3]`
    del p[1]  # expected-error PX110: delete an element of `cython.pointer(cython.int)`


def not_addressable(x: cython.int):
    return cython.address(x + 1)  # expected-error PX302: `cython.address` of `x + 1`


@cython.cfunc
def in_displays(p: cython.p_int):
    return (p, 1)  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to a Python object expected-note: a pointer has no Python value


@cython.cfunc
def pointer_views(p: cython.p_int, q: cython.p_double, x: cython.double):
    a: cython.double[:] = cython.cast(cython.double[:4], p)  # expected-error PX103: cannot convert `cython.pointer(cython.int)` to `cython.pointer(cython.double)`
    b: cython.double[:] = cython.cast(cython.double[:x], q)  # expected-error PX103: a C integer extent
    c: cython.longdouble[:] = cython.cast(cython.longdouble[:4], q)  # expected-error PX304: a memoryview of `cython.longdouble` over a pointer
    return a, b, c


def typedef_views(v: IntPtr[:]):  # expected-error PX304: a memoryview of `cython.pointer(cython.int)`
    return v


Linked = cython.struct(value=cython.int, next=cython.p_int)


def record_views(a: Either[:], b: Linked[:]):  # expected-error PX304: a memoryview of the union `Either` expected-error PX304: whose field `next` is
    return a, b


def record_views_without_gil(v: Point[:], d: dict):
    with cython.nogil:  # expected-note: the GIL is released here
        v[0] = d  # expected-error PX201


@cython.cfunc
def object_indices(p: cython.p_int, k: object, f: cython.double) -> cython.int:
    a: cython.int = p[f]  # expected-error PX103: cannot convert `cython.double` to a C integer index
    with cython.nogil:  # expected-note: the GIL is released here
        p[k] = 1  # expected-error PX201: converting a Python object to a C value without the GIL
    return a
