# diff-needs: numpy
from diff_support import show


def described(view):
    return view.tolist(), view.shape, view.strides, view.f_contiguous, view.c_contiguous, view.format


def not_c(*args):
    raise ValueError("ndarray is not C-contiguous")


def run(mod):
    show("table(2, 3)", lambda r, c: described(mod.table(r, c)), 2, 3)
    show("table(3, 0)", mod.table, 3, 0)
    show("cube(2)", lambda n: described(mod.cube(n)), 2)
    show("as_c_contiguous(2, 3)", mod.as_c_contiguous, 2, 3, c_model=not_c)
    show("as_c_contiguous(1, 3)", mod.as_c_contiguous, 1, 3)
    show("with_mode(c)", lambda m: described(mod.with_mode(m)), "c")
    show("with_mode(fortran)", lambda m: described(mod.with_mode(m)), "fortran")
    show("with_mode(C)", mod.with_mode, "C")
    show("with_mode(None)", mod.with_mode, None)
