# Module-level C variables pyxx rejects, and Python globals without the GIL.
import cython

counter: cython.int = 0
table = {}
wide: cython.longdouble = 0  # expected-error PX304: a module-level C variable of type `long double`
cython.declare(box=object)  # expected-error PX304: a module-level `cython.declare` of a Python object type

if table is not None:
    late: cython.int = 1  # expected-error PX304: a C variable declared inside a block of the module's code

import math as counter  # expected-error PX105


def drop():
    global counter
    del counter  # expected-error PX110


@cython.cfunc
@cython.nogil
def touch() -> cython.int:
    table[1] = 2  # expected-error PX201
    return counter


def counter_twice():
    return counter
