# C data in generated C++: struct definitions and their dict converters,
# pointer indexing and arithmetic, NULL, address-of, C arrays (pyxx::CArray),
# malloc/free, and a struct field written through a pointer without the GIL.
import cython
from cython.cimports.libc.stdlib import malloc, free

Point = cython.struct(x=cython.double, y=cython.double)


@cython.cfunc
@cython.nogil
def shift(p: cython.pointer(Point), n: cython.int, dx: cython.double) -> cython.void:
    end: cython.pointer(Point) = p + n
    while p != end:
        p.x += dx
        p += 1


def run(n: cython.int):
    pts: cython.pointer(Point) = cython.cast(cython.pointer(Point), malloc(n * cython.sizeof(Point)))
    if pts is cython.NULL:
        raise MemoryError()
    i: cython.int
    for i in range(n):
        pts[i] = Point(i, -i)
    with cython.nogil:
        shift(pts, n, 0.5)
    first: Point = pts[0]
    free(pts)
    a = cython.declare(cython.int[3])
    a[1] = 7
    q: cython.p_int = cython.address(a[1])
    return first, a, q[0]
