# math.* inside Numba bodies maps to C's <cmath>: sqrt, exp, log, sin, cos,
# atan2, hypot, fabs, floor, ceil, pi, e; also with nogil=True.
import math
from numba import jit, njit


@njit
def distance(x1: float, y1: float, x2: float, y2: float) -> float:
    return math.sqrt((x2 - x1) ** 2 + (y2 - y1) ** 2)


@njit
def angle(x: float, y: float) -> float:
    return math.atan2(y, x) * 180.0 / math.pi


@jit(nopython=True, nogil=True)
def softplus(x: float) -> float:
    return math.log(1.0 + math.exp(x))


@njit
def wave(n: int) -> float:
    s = 0.0
    for k in range(n):
        s = s + math.sin(k * 0.1) * math.cos(k * 0.2)
    return s


@njit
def rounding(x: float) -> float:
    return math.floor(x) * 100.0 + math.ceil(x) + math.fabs(x) / 10.0


@njit
def euler() -> float:
    return math.e ** 2 + math.hypot(3.0, 4.0)
