# expected-no-diagnostics
# ok-for: PX117 PX201 PX304
# Python object members of fused types: `object`, builtin types and extension
# types specialise like C numbers; `T is object` is decided per specialisation,
# so a nogil branch is only checked where it lives.
import cython

double_or_object = cython.fused_type(cython.double, object)
text = cython.fused_type(bytes, str)


@cython.cclass
class Box:
    v: cython.double


box_or_double = cython.fused_type(Box, cython.double)


def add_one(x: double_or_object) -> double_or_object:
    y: double_or_object = x
    if double_or_object is object:
        return y + 1
    else:
        with cython.nogil:
            y = y + 1
        return y


@cython.cfunc
def first(s: text) -> text:
    return s[:1]


def value_of(b: box_or_double) -> cython.double:
    if box_or_double is cython.double:
        return b
    else:
        return b.v


def calls(o: object, d: cython.double, bs: bytes, st: str, box: Box):
    return add_one(o), add_one(d), first(bs), first[str](st), value_of(box), value_of(d)
