import sys

from diff_support import documented, show


def geometry(view):
    return (view.shape, view.strides, view.format, view.itemsize, view.ndim, view.readonly, view.nbytes)


def run(mod):
    m = mod.matrix(2, 3)
    show("rows", lambda: [m.get(i) for i in range(6)])
    show("no views yet", m.views)
    # Plain Python has no buffer slots: `memoryview(m)` is a TypeError there.
    documented("geometry", lambda: geometry(memoryview(m)), (), "((2, 3), (12, 4), 'f', 4, 2, False, 24)")
    documented("log after one view", lambda: list(mod.log), (), "[('get', 284, True), ('readonly', False), ('release', True, 24)]")
    del mod.log[:]
    mv = None
    if sys.implementation.name == "cpython":
        try:
            mv = memoryview(m)
        except TypeError:
            pass
    documented("obj is the matrix", lambda: mv.obj is m, (), "True")
    documented("tolist", lambda: mv.tolist(), (), "[[0.0, 0.5, 1.0], [1.5, 2.0, 2.5]]")
    documented("bytes", lambda: bytes(mv)[4:8], (), "b'\\x00\\x00\\x00?'")
    documented("views while held", m.views, (), "1")
    documented("add_row while viewed", m.add_row, (), "ValueError: can't add row while being viewed")

    def write_through():
        mv[1, 2] = 9.0
        return m.get(5)

    documented("write through the view", write_through, (), "9.0")
    documented("release", lambda: (mv.release(), m.views())[1], (), "0")
    show("add_row after release", lambda: (m.add_row(), m.views())[1])
    documented("two views", lambda: [m.views() for _ in [memoryview(m), memoryview(m)]][-1], (), "2")
    show("all released", m.views)
    del mod.log[:]

    def refused():
        m.fail()
        return memoryview(m)

    documented("refused", refused, (), "BufferError: refused")
    documented("refused log", lambda: list(mod.log), (), "[('get', 284, True)]")
    show("refused keeps no view", m.views)
    documented("empty", lambda: memoryview(mod.Matrix(4)), (), "BufferError: empty matrix")
    before = sys.getrefcount(m)
    for _ in range(10):
        try:
            refused()
        except (BufferError, TypeError):
            pass
        try:
            memoryview(m).release()
        except TypeError:
            pass
    show("no reference kept", lambda: sys.getrefcount(m) - before)
    del mod.log[:]

    b = mod.Bytes3()
    documented("bytes3", lambda: bytes(b), (), "b'ABC'")
    documented("read-only geometry", lambda: geometry(memoryview(b)), (), "((3,), (1,), 'B', 1, 1, True, 3)")
    documented("no object", lambda: memoryview(b).obj, (), "None")
    documented("write refused", lambda: memoryview(b).__setitem__(0, 1), (), "TypeError: cannot modify read-only memory")
    show("never released through it", b.count)

    g = mod.Grown(2)
    g.add_row()
    g.put(1, 4.0)
    documented("inherited slots", lambda: (memoryview(g).tolist(), g.views(), g.total()), (), "([[0.0, 4.0]], 0, 4.0)")

    class Py(mod.Matrix):
        pass

    p = Py(2)
    p.add_row()
    documented("Python subclass", lambda: memoryview(p).tolist(), (), "[[0.0, 0.0]]")

    caught = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = lambda u: caught.append(type(u.exc_value).__name__ + ": " + str(u.exc_value))
    try:
        def bad():
            with memoryview(mod.BadRelease()) as v:
                return bytes(v)
        documented("bad release", bad, (), "b'ABC'")
        documented("unraisable", lambda: list(caught), (), "[\"KeyError: 'release failed'\"]")
    finally:
        sys.unraisablehook = old_hook

    import io

    w, r = mod.Filled(True), mod.Filled(False)
    documented("fill info", lambda: (bytes(r), geometry(memoryview(r)), memoryview(r).obj is r), (),
               "(b'w\\x00\\x00\\x00', ((4,), (1,), 'B', 1, 1, True, 4), True)")
    documented("readinto writable", lambda: (io.BytesIO(b"xyz").readinto(w), w.first()), (), "(3, 120)")
    # PyBuffer_FillInfo's BufferError, which readinto's argument parser turns into a TypeError.
    documented("readinto read-only", lambda: io.BytesIO(b"xyz").readinto(r), (),
               "TypeError: readinto() argument must be read-write bytes-like object, not cclass_buffer_export.Filled")
    show("first unchanged", r.first)
    documented("asked writable", lambda: (w.asked_writable, r.asked_writable), (),
               "([True], [False, False, False, True])")
    before = sys.getrefcount(r)
    for _ in range(5):
        try:
            io.BytesIO(b"xyz").readinto(r)
        except (BufferError, TypeError):
            pass
        try:
            memoryview(r).release()
        except TypeError:
            pass
    show("fill info keeps no reference", lambda: sys.getrefcount(r) - before)

    # Compiled, the slots are no attributes (plain Python: ordinary methods).
    documented("no attribute", lambda: (hasattr(mod.Matrix, "__getbuffer__"), hasattr(m, "__releasebuffer__")), (),
               "(False, False)")
