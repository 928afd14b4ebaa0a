# expected-no-diagnostics
# ok-for: PX201
# The same operations are fine with the GIL, and `raise` of a builtin exception
# is allowed in nogil code (it takes the GIL for the statement).
import cython

G = 10


def f(obj, lst: list):
    x = obj[0]
    y = obj.attr
    if obj == 1:
        x = obj
    w = [1, 2, x, y]
    for item in lst:
        w.append(item)
    return w, G


@cython.cfunc
@cython.nogil
def checked(n: cython.int) -> cython.int:
    if n < 0:
        raise ValueError("negative")
    with cython.gil:
        print(n)
    return n * 2


def uses_gil_block(n: cython.int) -> cython.int:
    with cython.nogil:
        r: cython.int = checked(n)
        with cython.gil:
            print("inside", r)
    return r


@cython.cfunc
@cython.nogil
def with_finally(n: cython.int) -> cython.int:
    total: cython.int = 0
    try:
        total = 10 // n
    finally:
        total += 1
    return total


def handles(n: cython.int):
    try:
        return with_finally(n)
    except ZeroDivisionError:
        return -1
