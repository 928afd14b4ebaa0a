# cython.operator: what pyxx refuses (non-pointers, untyped pointers, places that
# are not C locals, Python objects and bint, wrong argument counts).
import cython
from cython.operator import dereference, postincrement, preincrement


@cython.cclass
class Box:
    n: cython.int


@cython.cfunc
def wrong(o: object, x: cython.int, p: cython.p_void, a: cython.int[4], b: cython.bint, box: Box):
    dereference(x)  # expected-error PX103: cannot convert `cython.int` to a typed pointer (or a vector's `begin()`/`end()`)
    dereference(p)  # expected-error PX103: cannot convert `cython.pointer(cython.void)` to a typed pointer (or a vector's `begin()`/`end()`)
    dereference(o)  # expected-error PX103: cannot convert a Python object to a typed pointer (or a vector's `begin()`/`end()`)
    dereference(cython.NULL)  # expected-error PX103: cannot convert `cython.NULL` to a typed pointer (or a vector's `begin()`/`end()`)
    dereference(x, x)  # expected-error PX104: `cython.operator.dereference` takes 1 argument but 2 were given
    preincrement(o)  # expected-error PX111: operator `++` cannot be applied to a Python object
    postincrement(b)  # expected-error PX111: operator `++` cannot be applied to `cython.bint`
    preincrement(p)  # expected-error PX111: operator `++` cannot be applied to `cython.pointer(cython.void)`
    preincrement(x + 1)  # expected-error PX302: `preincrement` of `x + 1` (only of a C local variable of a function)
    preincrement(a[0])  # expected-error PX302: `preincrement` of `a[0]` (only of a C local variable of a function)
    preincrement(box.n)  # expected-error PX302: `preincrement` of `box.n` (only of a C local variable of a function)
    preincrement()  # expected-error PX104: `cython.operator.preincrement` takes 1 argument but 0 were given
