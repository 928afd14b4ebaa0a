# cpython.array: array.array as a type (an isinstance test where it is
# stored), as a value, its data pointer and the helpers of Cython's
# cpython/array.pxd (`clone`, `resize`, `extend`, ...).
import cython
from cython.cimports.cpython import array
import array


class IntArray(array.array):
    pass


def total(a: array.array) -> cython.long:
    s: cython.long = 0
    i: cython.Py_ssize_t
    for i in range(len(a)):
        s += a[i]
    return s


def maybe_len(a: array.array = None):
    return -1 if a is None else len(a)


def view_sum(a: array.array) -> cython.long:
    ca: cython.int[:] = a
    s: cython.long = 0
    i: cython.Py_ssize_t
    for i in range(len(ca)):
        s += ca[i]
    return s


def store(x):
    a: array.array = x
    return a


module_array = cython.declare(array.array, array.array('i', [4, 5, 6]))


def module_first():
    return module_array[0]


def make(n: cython.int) -> array.array:
    return array.array('i', range(n))


def the_type():
    return array.array


def first_int(a: array.array) -> cython.int:
    return a.data.as_ints[0]


def first_of(x) -> cython.int:
    a: array.array = x
    return a.data.as_ints[0]


def set_item(a: array.array, i: cython.Py_ssize_t, v: cython.int):
    a.data.as_ints[i] = v
    return a


def scale_doubles(a: array.array, f: cython.double):
    p: cython.p_double = a.data.as_doubles
    n: cython.Py_ssize_t = len(a)
    i: cython.Py_ssize_t
    with cython.nogil:
        for i in range(n):
            p[i] *= f
    return a


def cloned(a: array.array, n: cython.Py_ssize_t):
    b: array.array = array.clone(a, n, zero=True)
    return b


def cloned_kind(a: array.array):
    return type(array.clone(a, 2, False)).__name__


def resized(a: array.array, n: cython.Py_ssize_t):
    array.resize(a, n)
    return a


def resized_smart(a: array.array, n: cython.Py_ssize_t):
    r: cython.int = array.resize_smart(a, n)
    return r, a


def extended(a: array.array, b: array.array):
    array.extend(a, b)
    return a


def copied(a: array.array):
    b = array.copy(a)
    return b, b is a, type(b).__name__


def zeroed(a):
    array.zero(a)
    return a


def extend_raw(a: array.array, b: array.array):
    array.extend_buffer(a, b.data.as_chars, len(b))
    return a


def resize_while_viewed(a: array.array):
    v: cython.int[:] = a
    array.resize(a, 1)
    return v[0]


@cython.cclass
class Holder:
    items = cython.declare(array.array, visibility="readonly")

    def __init__(self, items):
        self.items = items

    def first(self) -> cython.int:
        return self.items.data.as_ints[0]


def cast_checked(x):
    a: array.array = cython.cast(array.array, x, typecheck=True)
    return a
