# The entry point of a function with C string members: Cython's Python type of
# `char *` is `bytes`, tested after the C numbers; a `bytes` default picks it.
import cython

text_or_number = cython.fused_type(cython.p_char, cython.int)
text_or_object = cython.fused_type(cython.p_char, object)


def first(s: text_or_number, t: text_or_object = b"x"):
    if text_or_number is cython.p_char:
        return s[0], t
    else:
        return s, t
