# The version macros of cython.cimports.cpython.version: those of the Python
# the module is compiled for, as C ints, also without the GIL. Plain Python
# (where Cython's shim has no cpython.version) reads the same from sys.
import cython

if cython.compiled:
    from cython.cimports.cpython.version import PY_VERSION_HEX, PY_MAJOR_VERSION, PY_MINOR_VERSION
    from cython.cimports.cpython.version import PY_MICRO_VERSION, PY_RELEASE_LEVEL, PY_RELEASE_SERIAL
else:
    import sys
    PY_VERSION_HEX = sys.hexversion
    PY_MAJOR_VERSION, PY_MINOR_VERSION, PY_MICRO_VERSION = sys.version_info[:3]
    PY_RELEASE_LEVEL = {"alpha": 0xA, "beta": 0xB, "candidate": 0xC, "final": 0xF}[sys.version_info.releaselevel]
    PY_RELEASE_SERIAL = sys.version_info.serial

at_least_3_2 = PY_VERSION_HEX >= 0x030200F0


def parts():
    return PY_MAJOR_VERSION, PY_MINOR_VERSION, PY_MICRO_VERSION, PY_RELEASE_LEVEL, PY_RELEASE_SERIAL


def packed() -> cython.bint:
    v: cython.long
    with cython.nogil:
        v = (PY_MAJOR_VERSION << 24) | (PY_MINOR_VERSION << 16) | (PY_MICRO_VERSION << 8)
        v |= (PY_RELEASE_LEVEL << 4) | PY_RELEASE_SERIAL
    return v == PY_VERSION_HEX
