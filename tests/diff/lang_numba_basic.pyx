# The Numba front end: @njit, @njit(nogil=True), @jit(nopython=True) and
# @jit(nopython=True, nogil=True), explicit signature strings, bool and float
# annotations, jit functions calling each other and recursing.
from numba import jit, njit


@njit
def add(a: int, b: int) -> int:
    return a + b


@njit(nogil=True)
def poly(x: float) -> float:
    return 3.0 * x * x - 2.0 * x + 0.5


@jit(nopython=True)
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@jit("int64(int64, int64)", nopython=True, nogil=True)
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


@njit("float64(float64, int64)")
def power_sum(x, n):
    s = 0.0
    p = 1.0
    for _ in range(n):
        p = p * x
        s = s + p
    return s


@njit
def both(flag: bool, x: float) -> float:
    if flag and x > 0.0:
        return x
    return -x


@jit(nopython=True, nogil=True)
def combined(n: int) -> float:
    return add(n, 1) + poly(n * 0.5) + fib(n % 15) + gcd(n, 12)


@njit
def int_division(a: int, b: int) -> int:
    return a // b + a % b
