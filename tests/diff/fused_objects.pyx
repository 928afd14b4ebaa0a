# Fused types with Python object members: `object`, builtin types, an
# extension type. The entry point tests C numbers first, then the object types
# in order (isinstance), then falls back to `object`, as Cython's dispatcher.
import cython

double_or_object = cython.fused_type(cython.double, object)
text = cython.fused_type(bytes, str)


@cython.cclass
class Box:
    v: cython.long

    def __init__(self, v: cython.long):
        self.v = v


box_or_long = cython.fused_type(Box, cython.long)


def increment(x: double_or_object):
    if double_or_object is object:
        return "object", x + 1
    return "double", x + 1


def doubled(s: text):
    if text is bytes:
        return s + b"!", len(s)
    return s + "?", len(s)


@cython.ccall
def unbox(b: box_or_long) -> cython.long:
    if box_or_long is cython.long:
        return b * 10
    else:
        return b.v


@cython.cfunc
def scaled(x: double_or_object, k: cython.int):
    return x * k


def scale_both(o: object, d: cython.double):
    return scaled(o, 2), scaled(d, 2)


def kinds(s: text):
    return cython.typeof(s)


bytes_or_object = cython.fused_type(bytes, object)


def defaulted(x: double_or_object = 0.5, s: text = "abc", b: bytes_or_object = None):
    if bytes_or_object is object:
        return x * 2, s * 2, b
    else:
        return x * 2, s * 2, b + b"?"
