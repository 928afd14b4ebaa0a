# Cimporting C functions of other pyxx modules: what cannot be found, called
# without the GIL, or called with the wrong arguments.
import cython
from cython.cimports.no_such_module import f  # expected-error PX120
from cython.cimports.shapes_decl import area, scaled, describe, perimeter
from cython.cimports.libc.math import *  # expected-error PX120: pyxx cimports names one by one


def missing():
    return f(1)


def not_exported(x: cython.double) -> cython.double:
    return perimeter(x)  # expected-error PX120


def needs_gil(x: cython.double) -> cython.double:
    r: cython.double
    with cython.nogil:
        r = scaled(x)  # expected-error PX202
    return r


def nogil_function_cannot_take_objects(w: cython.double):
    with cython.nogil:
        area(w, describe)  # expected-error PX302


def arity(x: cython.double) -> cython.double:
    return area(x)  # expected-error PX104


def as_value():
    return area  # expected-error PX302


from cython.cimports.shapes_decl import Shape, Circle


def shape_without_gil(s: Shape) -> cython.int:
    n: cython.int = 0
    with cython.nogil:
        n = s.sides
        if s.name:  # expected-error PX201: Python-object field `name` of extension type `shapes_decl.Shape`
            n += 1
    return n


def ccall_method_without_gil(s: Shape):
    with cython.nogil:
        s.label("x")  # expected-error PX202


def unknown_type(c: Circle):  # expected-error PX102: `shapes_decl.Circle`
    return c
