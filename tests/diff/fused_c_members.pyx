# Fused types with C string members (`cython.p_char`) and members spelled as
# Python builtins: Cython reads `int` and `float` in
# `cython.fused_type(...)` as C types (C int, C float).
import cython

text_or_number = cython.fused_type(cython.p_char, cython.double)
int_or_float = cython.fused_type(int, float)
bunch = cython.fused_type(bytes, cython.int, cython.float)
string_t = cython.fused_type(cython.p_char, bytes, str)


text_or_object = cython.fused_type(cython.p_char, object)


def measure(s: text_or_number):
    if text_or_number is cython.p_char:
        return "chars", s[0], s
    else:
        return "double", s * 2


def measure_default(s: text_or_object = b"xy"):
    return cython.typeof(s), s


def pick(x: int_or_float):
    return cython.typeof(x), x


@cython.cfunc
def describe(i: cython.integral, s: bunch) -> list:
    out = []
    if cython.integral is int:
        out.append("i is an int")
    elif cython.integral is long:
        out.append("i is a long")
    else:
        out.append("i is a short")
    if bunch in string_t:
        out.append("s is a string")
    if bunch is not cython.float:
        out.append(cython.typeof(s))
    return out


@cython.cfunc
def first_char(s: string_t) -> cython.long:
    if string_t is cython.p_char:
        return s[0] + 1000
    return s[0]


def describe_all():
    return [
        describe(cython.cast(cython.int, 5), b"m"),
        describe(cython.cast(cython.long, 5), 3),
        describe(cython.cast(cython.short, 5), 3),
        describe(cython.cast(cython.short, 5), cython.cast(cython.float, 1.5)),
    ]


def first_chars(b: bytes):
    p: cython.p_char = b
    return first_char(p), first_char(b), first_char(b"A")
