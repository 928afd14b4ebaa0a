# Pointers to C values, to structs and to pointers are C values: allowed
# everywhere, nogil code included (no PX206, no PX201).
# ok-for: PX206
# expected-no-diagnostics
import cython

Node = cython.struct(value=cython.double, weight=cython.int)


@cython.cfunc
@cython.nogil
def weigh(p: cython.pointer(Node), pp: cython.pointer(cython.p_int), n: cython.int) -> cython.double:
    total: cython.double = 0
    i: cython.int
    for i in range(n):
        total += p[i].value * pp[0][i]
    return total


def run(n: cython.int) -> cython.double:
    nodes = cython.declare(Node[4])
    weights = cython.declare(cython.int[4])
    w: cython.p_int = weights
    with cython.nogil:
        t = weigh(cython.address(nodes[0]), cython.address(w), n)
    return t
