# expected-no-diagnostics
# The version macros of cpython.version are C ints: read without the GIL.
import cython
from cython.cimports.cpython.version import PY_VERSION_HEX, PY_MINOR_VERSION


@cython.cfunc
@cython.nogil
def recent() -> cython.bint:
    return PY_VERSION_HEX >= 0x030900F0 and PY_MINOR_VERSION >= 9


def check() -> bool:
    return recent()
