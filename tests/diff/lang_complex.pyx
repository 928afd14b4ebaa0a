# C complex numbers: a `complex` annotation is a C double complex (as in Cython
# 3), and cython.doublecomplex, cython.floatcomplex, cython.complex name the C
# types. Arithmetic follows Python (CPython's formulas, ZeroDivisionError,
# OverflowError), mixed with C integers and doubles; nogil code may use them.
import cython


def add(a: complex, b: complex) -> complex:
    return a + b


def arith(a: complex, x: cython.double, n: cython.int):
    return a * x, a - n, n - a, x / a, a * a, -a, +a, a + x


def div(a: complex, b: complex) -> complex:
    return a / b


def power(a: complex, b: complex):
    return a ** b


def int_power(a: complex, n: cython.int):
    return a ** n


def parts(z: complex):
    return z.real, z.imag, z.conjugate(), abs(z)


def compare(a: complex, b: complex, x: cython.double):
    return a == b, a != b, a == x, x != a


def truth(z: complex):
    if z:
        return "nonzero"
    return "zero"


def literal(x: cython.double):
    z = x + 2j
    w: complex = complex(x, -1.5)
    return z, w, z * w, str(z), f"{w}"


def accumulate(n: cython.int):
    total: complex = 0
    for k in range(n):
        total += complex(k, 1) / (k + 1)
    total *= 2
    total -= 1j
    return total


def kinds(f: cython.floatcomplex, d: cython.doublecomplex, c: cython.complex):
    g: cython.floatcomplex = f * 2
    return g, d + f, c - d


@cython.cfunc
@cython.nogil
def rotate(n: cython.int) -> cython.doublecomplex:
    z: cython.doublecomplex = 1
    i: cython.int
    for i in range(n):
        z = z * 1j + complex(i, -i) / 2
    return z


def nogil_use(n: cython.int) -> complex:
    with cython.nogil:
        r = rotate(n)
    return r


@cython.ccall
def ccall_complex(z: complex) -> complex:
    return z.conjugate() * 2
