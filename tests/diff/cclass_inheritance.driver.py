import gc

from diff_support import show


def run(mod):
    shapes = [mod.Shape("s"), mod.Rect("r", 2.0, 3.0), mod.Square("q", 1.5)]
    show("cinit order", lambda: list(mod.log))
    show("describe", lambda: [x.describe() for x in shapes])
    show("isinstance", lambda: [(isinstance(x, mod.Shape), isinstance(x, mod.Rect)) for x in shapes])
    show("areas", lambda: mod.areas(shapes[1], shapes[2]))
    show("grow", lambda: mod.grow_all(shapes, 2.0))
    show("after grow", lambda: [x.describe() for x in shapes])
    show("rect only", lambda: (mod.rect_diagonal(shapes[2]), mod.as_shape(shapes[1])))
    show("readonly", lambda: shapes[2].corners)

    class Circle(mod.Shape):
        def kind(self):
            return "circle"

    show("python subclasses", lambda: (Circle("c").describe(), mod.grow_all([Circle("c")], 3.0)))
    del mod.log[:]
    del shapes
    gc.collect()
    show("dealloc order", lambda: sorted(mod.log))
