# Module-level C variables: declared at the top level (annotation or
# cython.declare), read and written from def, cfunc and nogil code.
import cython

hits: cython.int = 0
scale: cython.double = 1.5
limit = cython.declare(cython.long, 100)
cython.declare(ready=cython.bint, step=cython.short)
names: list = []  # a Python type: an ordinary Python global

ready = True
step = 2


@cython.cfunc
@cython.nogil
def bump(k: cython.int) -> cython.int:
    global hits
    hits += k
    return hits


def loop(n: cython.int) -> cython.double:
    global hits, limit
    acc: cython.double = 0
    with cython.nogil:
        for i in range(n):
            acc += scale * i
            bump(step)
        limit = hits
    return acc


def module_loop():
    names.append(hits)
    return ready and limit > 0


for hits in range(3):
    pass
