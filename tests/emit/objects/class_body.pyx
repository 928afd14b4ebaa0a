# Statements in a class body: loop targets, imports, `except ... as`, `del`,
# `global`/`nonlocal` names and a comprehension that does not see the class.
import cython

count = 0


@cython.cfunc
@cython.nogil
def _twice(n: cython.int) -> cython.int:
    return n * 2


class Body:
    global count
    count += 1
    total = 0
    for i in range(3):
        total += i
    del i
    from math import tau as turn
    try:
        ratio = 1 // total
    except ZeroDivisionError as err:
        ratio = None
    with cython.nogil:
        _twice(4)
    doubled = [count * j for j in range(total)]


def make(start):
    seen = start

    class Local:
        nonlocal seen
        seen += 1
        a, *rest = range(start)

    return Local, seen
