import cython


@cython.cfunc
@cython.nogil
def mix(a: cython.int, b: cython.long, x: cython.double) -> cython.double:
    q = a // b
    r = a % b
    p = b ** 3
    s = (a << 2) >> 1
    t = -a + ~b
    m = min(a, b, 7)
    n = abs(t)
    return q + r + p + s + m + n + x / a


@cython.cdivision(True)
def c_division(a: cython.int, b: cython.int) -> cython.int:
    return a // b + a % b


def loops(n: cython.int) -> cython.long:
    total: cython.long = 0
    for i in range(n, 0, -1):
        total += i
    for j in range(0, n, 3):
        if j == 9:
            continue
        total += j
    else:
        total += 1000
    k = 0
    while k < n:
        k += 1
        if k > 5:
            break
    else:
        total -= 1
    a, b = k, total
    a, b = b, a + b
    return a if a > b else b


def chained(a: cython.double, b: cython.double, c: cython.double) -> cython.bint:
    return a < b <= c and not (a == c) or b != c
