# A C array as a memoryview: the view must fit the array, and a view of a
# local array must not outlive it (PX127).
import cython

saved = None


@cython.cfunc
def keep(v: cython.int[:]) -> cython.int[:]:
    return v


@cython.cfunc
def pass_on(v: cython.int[:]) -> cython.int[:]:
    w: cython.int[:] = v[1:]
    return keep(w)


def python_view(v: cython.int[:]) -> cython.int:
    return v[0]


def wrong_shapes():
    a = cython.declare(cython.int[3][2])
    b: cython.int[:] = a  # expected-error PX103: cannot convert `cython.int[3][2]` expected-note: its own element type and 2 dimensions
    c: cython.double[:, :] = a  # expected-error PX103 expected-note: C-contiguous
    d: cython.int[::1, :] = a  # expected-error PX103 expected-note: C-contiguous
    e: cython.int[:] = a[0]  # expected-error PX302: a memoryview of this C array
    return b, c, d, e


def returned():
    a = cython.declare(cython.int[4])
    v: cython.int[:] = a  # expected-note: the memoryview of `a` is made here
    return v  # expected-error PX127: local C array `a` could outlive it: it is returned


def returned_slice():
    a = cython.declare(cython.int[4])
    v: cython.int[:] = a  # expected-note: made here
    w = v[1:]
    return w[::2]  # expected-error PX127: it is returned


def as_object():
    a = cython.declare(cython.int[4])
    v: cython.int[:] = a  # expected-note: made here
    return [a[0], v]  # expected-error PX127: used as a Python object


def stored_in_global():
    global saved
    a = cython.declare(cython.int[4])
    v = cython.declare(cython.int[:], a)  # expected-note: made here
    saved = v  # expected-error PX127: stored in `saved`


def kept_by_callee():
    a = cython.declare(cython.int[4])
    return keep(a)[0]  # expected-error PX127: `keep` may keep its parameter `v`


def kept_further_down():
    a = cython.declare(cython.int[4])
    return pass_on(a)[0]  # expected-error PX127: `pass_on` may keep its parameter `v`


def through_python():
    a = cython.declare(cython.int[4])
    return python_view(a)  # expected-error PX127: the callee could keep it


def yielded():
    a = cython.declare(cython.int[4])
    v: cython.int[:] = a  # expected-note: made here
    yield v  # expected-error PX127: used as a Python object


def appended(out: list):
    a = cython.declare(cython.int[4])
    v: cython.int[:] = a  # expected-note: made here
    out.append(v)  # expected-error PX127: the callee could keep it
