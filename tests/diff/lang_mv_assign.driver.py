# diff-needs: numpy
import numpy as np

from diff_support import show


def grid(rows=3, cols=4, dtype=np.float64):
    return np.arange(rows * cols, dtype=dtype).reshape(rows, cols)


def extents(dim, dst, src):
    def model(*args):
        raise ValueError(f"got differing extents in dimension {dim} (got {dst} and {src})")
    return model


def after(label, function, target, *args, c_model=None):
    show(label, function, target, *args, c_model=c_model)
    print("  ->", target.tolist())


def run(mod):
    after("copy_all", mod.copy_all, np.zeros((3, 4)), grid())
    after("copy_all(strided)", mod.copy_all, np.zeros((6, 4))[::2], grid()[:, ::-1])
    after("copy_colon", mod.copy_colon, np.zeros((3, 4)), grid() * 2)
    after("copy_column", mod.copy_column, np.zeros((3, 4)), grid())
    after("fill", mod.fill, np.zeros((2, 3)), 2.5)
    after("fill(empty)", mod.fill, np.zeros((0, 3)), 2.5)
    after("fill_row_nogil", mod.fill_row_nogil, np.zeros((3, 3), dtype=np.intc), 1, 9)
    after("fill_row_nogil(-1)", mod.fill_row_nogil, np.zeros((3, 3), dtype=np.intc), -1, 4)
    after("fill_object", mod.fill_object, np.zeros(4, dtype=np.int_), 12)
    after("broadcast_row", mod.broadcast_row, np.zeros((3, 4)), np.arange(4.0))
    after("broadcast_extent_one", mod.broadcast_extent_one, np.zeros((3, 2)), np.array([[1.0, 2.0]]))
    after("broadcast_row(wrong)", mod.broadcast_row, np.zeros((3, 4)), np.arange(3.0),
          c_model=extents(1, 4, 3))
    after("shift_right", mod.shift_right, np.arange(6, dtype=np.intc))
    after("shift_left", mod.shift_left, np.arange(6, dtype=np.intc))
    after("reverse_in_place", mod.reverse_in_place, np.arange(7, dtype=np.intc))
    after("swap_halves_nogil", mod.swap_halves_nogil, np.arange(12, dtype=np.intc).reshape(4, 3))
    after("transpose_into", mod.transpose_into, np.zeros((4, 3)), grid())
    show("transposed", mod.transposed, grid())
    show("ellipsis_views", mod.ellipsis_views, np.arange(24, dtype=np.intc).reshape(2, 3, 4))
    after("mismatch", mod.mismatch, np.zeros(3), np.ones(4), c_model=extents(0, 3, 4))
    after("mismatch(empty)", mod.mismatch, np.zeros(0), np.ones(0))
    show("strided_local", mod.strided_local, np.zeros((4, 3), dtype=np.float32))
    after("slice_of_transpose", mod.slice_of_transpose, np.zeros((3, 3)), np.arange(9.0).reshape(3, 3))
