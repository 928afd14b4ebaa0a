# expected-no-diagnostics
# ok-for: PX301 PX302 PX303 PX304
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def total(v: cython.double[:], n: cython.int) -> cython.double:
    s: cython.double = 0.0
    for i in range(n):
        s += v[i]
    return s


def objects(items: list):
    out = []
    for item in items:
        out.append(item * 2)
    squares = [x * x for x in items if x]
    return {"out": out, "n": len(items), "squares": squares}
