# Memoryviews of structs (`Point[:]`): views of records taken from ctypes arrays
# of Structure (the driver's buffers), read and written field by field, with
# and without the GIL, sliced, two-dimensional, whole elements copied and
# assigned from dicts, and as dicts when a record becomes a Python object.
import cython

Point = cython.struct(x=cython.double, y=cython.double)
Tagged = cython.struct(tag=cython.char, weight=cython.double, count=cython.int)


def total(pts: Point[:]) -> cython.double:
    s: cython.double = 0
    i: cython.Py_ssize_t
    with cython.nogil:
        for i in range(len(pts)):
            s += pts[i].x * pts[i].y
    return s


def shift(pts: Point[:], dx: cython.double):
    i: cython.Py_ssize_t
    for i in range(len(pts)):
        pts[i].x += dx
    return pts[0].x, pts[len(pts) - 1].x


def swap_first(pts: Point[:]):
    t: Point = pts[0]
    pts[0] = pts[1]
    pts[1] = t
    return pts[0].x, pts[1].x


def store(pts: Point[:], i: cython.Py_ssize_t, v: dict):
    pts[i] = v
    return pts[i].x + pts[i].y


def as_dict(pts: Point[:], i: cython.Py_ssize_t):
    p: Point = pts[i]
    return {"x": p.x, "y": p.y}


def weights(ts: Tagged[:]) -> cython.double:
    s: cython.double = 0
    i: cython.Py_ssize_t
    for i in range(len(ts)):
        s += ts[i].weight * ts[i].count
    return s


def second_half(pts: Point[:]) -> cython.double:
    rest: Point[:] = pts[len(pts) // 2:]
    return total(rest)


@cython.cfunc
@cython.nogil
def corner(g: Point[:, :]) -> cython.double:
    return g[1, 1].x - g[0, 1].y


def grid(g: Point[:, :]) -> cython.double:
    g[0, 1].y = 0.5
    return corner(g)


def out_of_range(pts: Point[:]):
    return pts[len(pts)].x


def doubles(v: cython.double[:]) -> cython.double:
    # A ctypes array exports no strides (it is C-contiguous): they follow from the shape.
    s: cython.double = 0
    i: cython.Py_ssize_t
    for i in range(len(v)):
        s += v[i] * (i + 1)
    return s
