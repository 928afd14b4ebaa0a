import ctypes

from diff_support import compiled, documented, show


# Where ctypes is not a typed view (its elements share their memory, it takes
# no dicts, it has no 2-D index), the compiled module is compared with what
# Cython does, written down here.


class P(ctypes.Structure):
    _fields_ = [("x", ctypes.c_double), ("y", ctypes.c_double)]


class T(ctypes.Structure):
    _fields_ = [("tag", ctypes.c_char), ("weight", ctypes.c_double), ("count", ctypes.c_int)]


def points(n):
    return (P * n)(*[P(k, k + 0.5) for k in range(n)])


def run(mod):
    pts = points(4)
    show("total", mod.total, pts)
    show("shift", mod.shift, pts, 1.5)
    # A struct variable holds a copy of the record (ctypes would share it).
    documented("swap_first", mod.swap_first, (pts,), "(2.5, 1.5)")
    documented("store", mod.store, (pts, 2, {"x": 10.0, "y": 20.0}), "30.0")
    documented("as_dict", mod.as_dict, (pts, 2), "{'x': 10.0, 'y': 20.0}")
    documented("records after", lambda: [(p.x, p.y) for p in pts], (),
               "[(2.5, 1.5), (1.5, 0.5), (10.0, 20.0), (4.5, 3.5)]")
    tagged = (T * 3)(T(b"a", 1.5, 2), T(b"b", 2.0, 3), T(b"a", 0.5, 4))
    show("weights", mod.weights, tagged)
    show("second_half", mod.second_half, points(6))
    g = (P * 3 * 2)()
    g[1][1].x = 4.0
    documented("grid", mod.grid, (g,), "3.5")
    documented("out of range", mod.out_of_range, (points(2),), "IndexError: Out of bounds on buffer access (axis 0)")
    documented("ints as records", mod.total, ((ctypes.c_double * 4)(),),
               "ValueError: Buffer dtype mismatch, expected 'Point' (T{d:x:d:y:}) but got '<d'")
    # The message quotes the exporter's format (ctypes writes the padding from 3.13 on).
    documented("other records", mod.total, (tagged,),
               "ValueError: Buffer dtype mismatch, expected 'Point' (T{d:x:d:y:}) but got "
               f"'{memoryview(tagged).format}' in field 'Point.x'")
    show("doubles from ctypes", mod.doubles, (ctypes.c_double * 4)(1.0, 2.0, 3.0, 4.0))
