# A C tuple is a struct of its elements (one per distinct tuple type): a
# display fills it field by field, `t[k]` reads field k, unpacking copies the
# fields out; at the Python boundary it converts to and from a tuple.
import cython


@cython.cfunc
@cython.nogil
def split(x: cython.double) -> tuple[cython.long, cython.double]:
    whole: cython.long = cython.cast(cython.long, x)
    return whole, x - whole


def parts(x: cython.double) -> tuple[cython.double, cython.long]:
    w, f = split(x)
    t: tuple[cython.long, cython.double] = split(x)
    return f, t[0] + w
