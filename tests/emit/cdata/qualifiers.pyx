# `cython.const[T]` is declared where its value is given (`T const x = v;`);
# `cython.volatile[T]` at the top of the function like any C local (`T volatile x{};`).
import cython


@cython.cfunc
@cython.nogil
def area(w: cython.double, h: cython.double) -> cython.double:
    half: cython.const[cython.double] = 0.5
    scale: cython.volatile[cython.double] = 2.0
    scale = scale * half
    return w * h * scale


def table(n: cython.int) -> cython.long:
    limit: cython.const[cython.long] = n * 2
    total: cython.long = 0
    i: cython.long
    for i in range(limit):
        total += i
    p: cython.const[cython.p_long] = cython.address(total)
    p[0] += limit
    return total


def from_python(o) -> cython.int:
    v: cython.const[cython.int] = o
    return v
