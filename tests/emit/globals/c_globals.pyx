# Module-level C variables: relaxed atomic loads and stores of C globals, a
# read ordered before a call that may store, a C global as a range loop variable.
import cython

total = cython.declare(cython.long, 0)
rate = cython.declare(cython.double, 0.5)
cython.declare(k=cython.int, z=cython.doublecomplex)


@cython.cfunc
@cython.nogil
def accumulate(n: cython.int) -> cython.long:
    global total, k
    for k in range(n):
        total += k
    return total


def scaled(x: cython.double) -> cython.double:
    global rate, z
    rate = rate * 2
    z = z + rate
    return x * rate + accumulate(3) + total
