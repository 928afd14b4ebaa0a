import cython


@cython.cfunc
@cython.nogil
def sum_below(n: cython.long) -> cython.long:
    s: cython.long = 0
    for i in range(n):
        s += i
    return s


def total(n: cython.long) -> cython.long:
    result: cython.long
    with cython.nogil:
        result = sum_below(n)
    return result
