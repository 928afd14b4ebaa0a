# diff-needs: numpy
import numpy as np

from diff_support import show


def grid():
    return np.arange(12, dtype=np.float64).reshape(3, 4)


def fortran_copy_model(m):
    f = np.asfortranarray(m)
    return f.tolist(), bool(f.flags.f_contiguous)


def not_fortran(*args):
    raise ValueError("ndarray is not Fortran contiguous")


def run(mod):
    show("columns", mod.columns, grid())
    show("columns(transposed)", mod.columns, grid().T)
    show("rows_nogil", mod.rows_nogil, grid())
    for r0, c0, step in [(0, 0, 1), (1, 2, 1), (0, 1, 2), (-1, 0, -1), (5, 0, 1), (0, -2, -2)]:
        show(f"sub{r0, c0, step}", mod.sub, grid(), r0, c0, step)
    show("reversed_both", mod.reversed_both, grid())
    show("copies", mod.copies, grid())
    show("copies(strided)", mod.copies, grid()[::2, ::-1])
    show("fortran_copy", mod.fortran_copy, grid(), c_model=fortran_copy_model)
    show("fortran_sum(F)", mod.fortran_sum, np.asfortranarray(grid()))
    show("fortran_sum(C)", mod.fortran_sum, grid(), c_model=not_fortran)
    show("fortran_local(F)", mod.fortran_local, np.asfortranarray(grid()))
    show("fortran_local(C)", mod.fortran_local, grid(), c_model=not_fortran)
    show("fortran_sum(columns)", mod.fortran_sum, np.asfortranarray(grid())[:, 1:3])
    show("fortran_sum(rows)", mod.fortran_sum, np.asfortranarray(grid())[1:, :], c_model=not_fortran)
    m = grid()
    show("to_numpy", mod.to_numpy, m)
    print("  m[1, 0]:", m[1, 0])
