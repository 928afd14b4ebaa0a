# A memoryview of a bare name that is no element type pyxx knows.
import cython
from cython import p_int


def unknown(a: foo[:]):  # expected-error PX102: `foo` is not a type pyxx knows
    pass


def pointers(a: p_int[:]):  # expected-error PX304: a memoryview of `p_int`
    pass
