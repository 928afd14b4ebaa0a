# Cimported extern functions keep the GIL rule of their declaration.
import cython
from cython.cimports.kitchen_externs import atoi


def parse(text: bytes) -> cython.int:
    p: cython.p_char = text
    n: cython.int
    with cython.nogil:
        n = atoi(p)  # expected-error PX202: call to `atoi`, which needs the GIL, without the GIL
    return n
