# Module-level C variables: relaxed atomic loads and stores of C globals.
import cython

total: cython.long = 0
rate = cython.declare(cython.double, 0.5)


@cython.cfunc
@cython.nogil
def accumulate(n: cython.int) -> cython.long:
    global total
    for i in range(n):
        total += i
    return total


def scaled(x: cython.double) -> cython.double:
    global rate
    rate = rate * 2
    return x * rate
