# Recursion: def, cfunc and nogil cfunc recursing, mutual recursion, and a
# recursive function called without the GIL.
import cython


def fact(n: cython.int) -> cython.ulonglong:
    if n <= 1:
        return 1
    return n * fact(n - 1)


@cython.cfunc
def ackermann(m: cython.long, n: cython.long) -> cython.long:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def ack(m: cython.long, n: cython.long):
    return ackermann(m, n)


@cython.cfunc
@cython.nogil
def is_even(n: cython.uint) -> cython.bint:
    return True if n == 0 else is_odd(n - 1)


@cython.cfunc
@cython.nogil
def is_odd(n: cython.uint) -> cython.bint:
    return False if n == 0 else is_even(n - 1)


def parity(n: cython.uint):
    with cython.nogil:
        e = is_even(n)
    return e


@cython.cfunc
@cython.nogil
def gcd(a: cython.long, b: cython.long) -> cython.long:
    return a if b == 0 else gcd(b, a % b)


def gcd_py(a: cython.long, b: cython.long) -> cython.long:
    with cython.nogil:
        g = gcd(a, b)
    return g


def flatten(x, out):
    if isinstance(x, (list, tuple)):
        for item in x:
            flatten(item, out)
    else:
        out.append(x)
    return out
