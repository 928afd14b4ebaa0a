# The Numba front end on scalars: @njit and @jit(nopython=True, nogil=True)
# functions calling each other, int and float annotations. Values stay inside
# int64, so plain Python (unbounded ints) and the compiled module agree.
from numba import jit, njit


@njit
def triangle(n: int) -> int:
    total = 0
    for i in range(1, n + 1):
        total = total + i
    return total


@jit(nopython=True, nogil=True)
def mean_triangle(n: int) -> float:
    s = 0.0
    for i in range(n):
        s = s + triangle(i) * 0.5
    return s / n


@jit(nopython=True)
def sign_steps(x: float, steps: int) -> float:
    y = x
    k = 0
    while k < steps:
        if y > 0:
            y = y - 1.5
        elif y < 0:
            y = y + 2.25
        else:
            break
        k = k + 1
    return y
