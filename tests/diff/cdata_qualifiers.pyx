# `cython.const[T]` and `cython.volatile[T]` locals: a const value given where it is
# declared (from C values, from a Python object, a const pointer), volatile ones stored and read.
import cython
from cython.cimports.libc.stdlib import free, malloc


def scaled(n: cython.int) -> cython.long:
    # A const local, initialised from a computation; reads only afterwards.
    factor: cython.const[cython.long] = n * 3 + 1
    total: cython.long = 0
    for i in range(n):
        total += factor * i
    return total + factor


@cython.cfunc
@cython.nogil
def clamp(x: cython.double) -> cython.double:
    upper: cython.const[cython.double] = 10.0
    lower: cython.const[cython.double] = -upper
    return min(max(x, lower), upper)


def clamped(x: cython.double) -> cython.double:
    return clamp(x)


def from_object(value) -> cython.int:
    # Converted from a Python object as for a plain `cython.int` (OverflowError included).
    limit: cython.const[cython.int] = value
    return limit + 1


def squares_total(n: cython.int) -> cython.long:
    # A const pointer (`int* const`): the pointer is fixed, what it points to is not.
    p: cython.const[cython.p_int] = cython.cast(cython.p_int, malloc(n * cython.sizeof(cython.int)))
    if not p:
        raise MemoryError()
    i: cython.int
    for i in range(n):
        p[i] = i * i
    total: cython.long = 0
    for i in range(n):
        total += p[i]
    free(p)
    return total


def counted(n: cython.int) -> cython.int:
    # A volatile local: every store and read happens, in order.
    ticks: cython.volatile[cython.int] = 0
    for _ in range(n):
        ticks += 2
    ticks = ticks - 1
    return ticks


def volatile_from_object(value) -> object:
    v: cython.volatile[cython.double] = value
    return v * 2


def volatile_reads(o):
    # Reads of a volatile local are reads of its value everywhere a C int goes.
    v: cython.volatile[cython.int] = o
    w: cython.volatile[cython.bint] = v > 2
    return (v, w, f"{v}", [v], v == 3, abs(v), min(v, 1), float(v), -v, v // 2, v ** 2)
