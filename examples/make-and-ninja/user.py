import cython
from cython.cimports.lib import scale


def scaled(x: cython.int) -> cython.int:
    return scale(x)
