# Module-level C variables (cython.declare at the top level) are read and
# written from def, cfunc and nogil code, `with nogil` blocks and prange
# bodies, and may be a range/prange loop variable.
# expected-no-diagnostics
import cython
from cython.parallel import prange

hits = cython.declare(cython.int, 0)
scale = cython.declare(cython.double, 1.5)
limit = cython.declare(cython.long)
cython.declare(ready=cython.bint, step=cython.short, z=cython.floatcomplex)
i = cython.declare(cython.Py_ssize_t)
names: list = []  # a Python type: an ordinary Python global
counter: cython.int = 0  # ignored annotation: a Python global, fine with the GIL

ready = True
step = 2
counter += 1

for i in prange(4, nogil=True):
    hits += i


@cython.cfunc
@cython.nogil
def bump(k: cython.int) -> cython.int:
    global hits, z
    hits += k
    z = z * 2
    return hits


def loop(n: cython.int) -> cython.double:
    global limit, i
    acc: cython.double = 0
    with cython.nogil:
        for i in range(n):
            acc += scale * i
            bump(step)
        limit = hits
    for i in prange(n, nogil=True):
        limit += i
    return acc


def module_loop():
    names.append(hits)
    return ready and limit > 0 and counter > 0


class Holder:
    seen = hits + 1  # a class body reads a C variable as a global


Point = cython.struct(x=cython.double, y=cython.double)
squares = cython.declare(cython.int[8])
origin = cython.declare(Point)
corners = cython.declare(Point[4])
cursor = cython.declare(cython.p_int)


@cython.cfunc
@cython.nogil
def aggregates(i: cython.int) -> cython.double:
    # Elements and fields of module-level arrays and structs, and their
    # addresses, without the GIL.
    global cursor
    squares[i] = i * i
    squares[0] += 1
    origin.x += 0.5
    corners[i].y = origin.x
    cursor = cython.address(squares[1])
    p: cython.p_double = cython.address(origin.y)
    p[0] = 2.0
    local: Point = corners[i]
    return local.y + squares[i] + cython.address(hits)[0]
