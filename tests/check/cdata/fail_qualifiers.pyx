# `cython.const[T]` / `cython.volatile[T]`: a const local is given its value where
# it is declared and never stored to again, nor is a const parameter; qualifiers
# anywhere but on a function's local, a const parameter or result (volatile
# parameters, fields, globals, pointer targets) are not supported yet.
import cython

g: cython.const[cython.int] = 3  # expected-error PX304: anywhere but on a local variable


def stores(n: cython.int) -> cython.int:
    x: cython.const[cython.int] = n
    x = 4  # expected-error PX110: store to `x`
    x += 1  # expected-error PX110: store to `x`
    for x in range(3):  # expected-error PX110: store to `x`
        pass
    if (x := 5) > 0:  # expected-error PX110: store to `x`
        pass
    del x  # expected-error PX110: cannot delete a C variable
    return 0


def uninitialised() -> cython.int:
    x: cython.const[cython.int]  # expected-error PX113: must be given its value where it is declared
    return 0


def before(n: cython.int) -> cython.int:
    if n > 0:
        return y  # expected-error PX114: `y`
    y: cython.const[cython.int] = y + 1  # expected-error PX114: `y`
    return y


def in_block(n: cython.int) -> cython.int:
    if n > 0:
        z: cython.const[cython.int] = n  # expected-error PX304: declared inside a block
        return z
    return 0


def params(a: cython.const[cython.int], v: cython.volatile[cython.int]) -> cython.const[cython.int]:
    # expected-error@-1 PX304: anywhere but on a local variable
    a = v  # expected-error PX110: store to `a`: the parameter is declared `cython.const`
    a += 1  # expected-error PX110: store to `a`
    for a in range(3):  # expected-error PX110: store to `a`
        pass
    return a


def const_object(o: cython.const[object]) -> cython.const[list]:  # expected-error PX304: `cython.const` of a Python object
    # expected-error@-1 PX304: `cython.const` of a Python `list`
    return [o]


def not_numbers(o) -> cython.int:
    s: cython.const[object] = o  # expected-error PX304: of a Python object
    v: cython.volatile[cython.p_int] = cython.NULL  # expected-error PX304: `cython.volatile` of
    return 0


def addressed(n: cython.int) -> cython.int:
    x: cython.const[cython.int] = n
    p: cython.p_int = cython.address(x)  # expected-error PX304: `cython.address` of the qualified local `x`
    return p[0]


def typed(n: cython.int):
    x: cython.volatile[cython.int] = n
    return cython.typeof(x)  # expected-error PX304: of the qualified local `x`


def captured(n: cython.int):
    x: cython.const[cython.int] = n
    return lambda: x  # expected-error PX304: an inner function's use


def generator(n: cython.int):
    x: cython.const[cython.int] = n  # expected-error PX304: in a generator
    yield x


@cython.cclass
class Box:
    size: cython.const[cython.int]  # expected-error PX304: anywhere but on a local variable


def pointer_target() -> cython.int:
    p: cython.pointer(cython.volatile[cython.char]) = cython.NULL  # expected-error PX304: `cython.volatile` target
    return 0


def declared() -> cython.int:
    cython.declare(y=cython.const[cython.int])  # expected-error PX102: `cython.const[cython.int]`
    y = 2
    return y


def fused_store(a: cython.floating) -> cython.floating:
    x: cython.const[cython.floating] = a * 2
    x = 3  # expected-error PX110: store to `x`
    return x
