# Fused types with C string and pointer members, and members named as Cython
# reads C types there: `int` is C int, `float` C float, `double`, `long`,
# `p_char` bare C names, `bool` bint; a quoted name may be a later class.
# ok-for: PX117 PX304
# expected-no-diagnostics
import cython

string_t = cython.fused_type(cython.p_char, bytes, str)
bunch = cython.fused_type(bytes, cython.int, cython.float)
text_or_number = cython.fused_type(cython.p_char, cython.double)
bare = cython.fused_type(int, float, double, long, bool, p_char)
pointers = cython.fused_type(cython.p_int, cython.pointer(cython.double))
boxed = cython.fused_type("Box", cython.double)


@cython.cfunc
@cython.nogil
def length(s: text_or_number) -> cython.long:
    n: cython.long = 0
    if text_or_number is cython.p_char:
        while s[n] != 0:
            n += 1
    else:
        n = cython.cast(cython.long, s)
    return n


@cython.cfunc
def kind(s: bunch) -> cython.int:
    if bunch in string_t:
        return 1
    elif bunch is cython.int:
        return 2
    return 3


@cython.cfunc
@cython.nogil
def first(p: pointers) -> cython.double:
    return p[0]


@cython.cfunc
def bare_kind(x: bare) -> cython.int:
    if bare is p_char:
        return 5
    elif bare is bool:
        return 4
    elif bare is float:
        return 3
    return 0


@cython.cclass
class Box:
    v: cython.double


def unbox(b: boxed):
    if boxed is cython.double:
        return b
    else:
        return b.v


def calls(b: bytes):
    p: cython.p_char = b
    i: cython.int = 3
    d: cython.double = 1.5
    with cython.nogil:
        n = length(p) + length(d) + length(b"abc")
    return n, kind(b), kind(3), kind(cython.cast(cython.float, 1.5)), first(cython.address(i)), first(cython.address(d)), bare_kind(p), bare_kind(d)
