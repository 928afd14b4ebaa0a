# A local view bound once, by a statement of the body itself, gets a ViewAccess
# right after that statement (its data pointer and strides in locals); a local
# view bound twice, or bound inside a block, is addressed through the View.
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def clear_multiples(obj, step: cython.Py_ssize_t) -> None:
    flags: cython.uchar[::1] = obj
    j: cython.Py_ssize_t = step
    while j < flags.shape[0]:
        flags[j] = 0                   # through the ViewAccess
        j += step


def rebound(a, b) -> cython.double:
    v: cython.double[:] = a
    s: cython.double = v[0]            # through the View: v is bound again below
    v = b
    return s + v[0]


def in_a_block(a, flag: cython.bint) -> cython.double:
    if flag:
        w: cython.double[:] = a
        return w[0]                    # bound in a block: through the View
    return 0.0
