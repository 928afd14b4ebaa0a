# A bare C type name is a C type only where Cython reads a C type (cython.cast,
# sizeof, declare, ...). In an annotation Cython does not read it as one (it
# warns and makes the variable an object): pyxx refuses it, with a fix-it.
import cython


def annotated(n: double) -> cython.double:  # expected-error PX102: `double` is not a type pyxx knows
    p: p_void = cython.NULL  # expected-error PX102: `p_void` is not a type pyxx knows
    k: cint = 2  # expected-error PX102: `cint` is not a type pyxx knows
    return n


def unknown(x: cython.double):
    return cython.cast(cint, x)  # expected-error PX102: `cint` is not a type pyxx knows


def sized():
    return cython.sizeof(p_object)  # expected-error PX101: name `p_object` is not defined
