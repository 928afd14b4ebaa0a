# The .pxd's declarations type this module as if they were written here: a
# pointer parameter takes no float, a nogil C function runs without the GIL, a
# module variable and a field have their C types.
import cython

ratio = 1.0


def first(values):
    values = 1.5  # expected-error PX103
    return values[0]


def _scale(x):
    return x * 2.0


def run() -> cython.double:
    r: cython.double
    with cython.nogil:
        r = _scale(1.5)
    return r


def store():
    global ratio
    ratio = cython.NULL  # expected-error PX103


class Counter:
    def __init__(self):
        self.slot = cython.NULL

    def bump(self, by=1):
        self.slot = 0.5  # expected-error PX103
        return by
