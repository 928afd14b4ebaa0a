# Fused types with Python object members: what is refused, and where.
import cython

double_or_object = cython.fused_type(cython.double, object)
text = cython.fused_type(bytes, str)
twice = cython.fused_type(bytes, str, bytes)  # expected-error PX117: `bytes` appears twice


class Plain:
    pass


plain_member = cython.fused_type(Plain, cython.int)  # expected-error PX304: `Plain` as a member of a fused type


@cython.cfunc
@cython.nogil
def half(x: double_or_object) -> cython.double:  # expected-note: in the specialisation of `half` where `double_or_object` is `object`
    return x / 2  # expected-error@-1 PX205: parameter `x` of nogil function `half` is a Python object


def view(v: double_or_object[:]):  # expected-error PX117: a memoryview of the fused type `double_or_object`, whose member `object` is no C number
    return v


@cython.cfunc
def pick(s: text):
    return s


def ambiguous(o: object, b: bytes):
    pick(o)  # expected-error PX117: cannot choose the specialisation of `pick`
    return pick[bytes](b)
