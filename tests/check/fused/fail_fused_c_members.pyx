# Fused types with C string, pointer and builtin-spelled members: what is refused.
import cython

string_or_bytes = cython.fused_type(cython.p_char, bytes)
pointer_or_int = cython.fused_type(cython.p_int, cython.int)
Point = cython.struct(x=cython.int)
point_or_int = cython.fused_type(Point, cython.int)  # expected-error PX304: `Point` as a member of a fused type
twice = cython.fused_type(int, cython.int)  # expected-error PX117: `cython.int` appears twice
twice_float = cython.fused_type(float, cython.float, double)  # expected-error PX117: `cython.float` appears twice
string_or_long = cython.fused_type(cython.p_char, cython.long)


def both(s: string_or_bytes):  # expected-error PX117: both a C string member and `bytes`
    # expected-note@-1: in the specialisation of `both`
    return s


@cython.ccall
def both_ccall(s: string_or_bytes) -> cython.int:  # expected-error PX117: both a C string member and `bytes`
    # expected-note@-1: in the specialisation of `both_ccall`
    return 0


def pointer_param(p: pointer_or_int):  # expected-note: in the specialisation of `pointer_param` where `pointer_or_int` is `cython.p_int`
    # expected-error@-1 PX103: cannot convert a Python object to `cython.pointer(cython.int)`
    # expected-note@-2: called from Python, with Python objects
    return p


@cython.cfunc
@cython.nogil
def chars(s: string_or_long) -> cython.long:
    return 0


def calls(o: object):
    with cython.nogil:
        chars(b"ab")
    return chars(o)  # expected-error PX117: no member fits
