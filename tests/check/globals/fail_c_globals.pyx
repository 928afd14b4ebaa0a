# Module-level C variables pyxx rejects, and Python globals without the GIL.
import cython

counter = cython.declare(cython.int, 0)  # expected-note 2: `counter` was first defined here
table = {}
wide = cython.declare(cython.longdouble, 0)  # expected-error PX304: a module-level C variable of a `long double` type
Wide = cython.struct(x=cython.longdouble)
wides = cython.declare(Wide[2])  # expected-error PX304: a module-level C variable of a `long double` type (inside
view = cython.declare(cython.double[:])
cython.declare(box=object)  # expected-error PX304: a module-level `cython.declare` of a Python object type
cython.declare(gap=cython.void)  # expected-error PX102: `cython.void` is not a type pyxx knows
cython.declare(counter=cython.double)  # expected-error PX105: `counter` is already defined
annotated: cython.int = 0  # expected-note: a module-level annotation does not make `annotated` a C variable

if table is not None:
    late = cython.declare(cython.int, 1)  # expected-error PX304: a C variable declared inside a block
    late_view = cython.declare(cython.int[:])  # expected-error PX304: a C variable declared inside a block

import math as counter  # expected-error PX105

try:
    table[0] = 1
except ValueError as counter:  # expected-error PX103: cannot convert an exception to `cython.int`
    pass


def drop():
    global counter
    del counter  # expected-error PX110


@cython.cfunc
@cython.nogil  # expected-note: `touch` may run without the GIL
def touch() -> cython.int:
    table[1] = 2  # expected-error PX201
    return counter


@cython.cfunc
@cython.nogil  # expected-note: `read_annotated` may run without the GIL
def read_annotated() -> cython.int:
    return annotated  # expected-error PX201: reading a Python global `annotated`


class Shadow:
    counter = counter + 1  # expected-error PX302: reading `counter` in a class body that binds it


@cython.cfunc
@cython.nogil  # expected-note: `first_without_gil` may run without the GIL
def first_without_gil() -> cython.double:
    return view[0]  # expected-error PX201: using the module-level memoryview `view` without the GIL


def rebind_without_gil(data):
    global view
    with cython.nogil:  # expected-note: the GIL is released here
        view = data  # expected-error PX201: using the module-level memoryview `view` without the GIL
