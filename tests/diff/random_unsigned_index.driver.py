import array

from diff_support import show


def check_bounds(view, *index):
    """C's bounds check of an unsigned index, axis by axis (pyxx's words)."""
    for axis, (i, n) in enumerate(zip(index, view.shape)):
        if i >= n:
            raise IndexError(f"Out of bounds on buffer access (axis {axis})")


def c_read(view, *index):
    check_bounds(view, *index)
    return view[index if len(index) > 1 else index[0]]


def c_write(view, i, x):
    check_bounds(view, i)
    view[i] = x
    return view[0] + view[1] + view[2]


def run(mod):
    v = array.array("i", [10, 20, 30])
    m = memoryview(array.array("d", [1.0, 2.0, 3.0, 4.0])).cast("B").cast("d", (2, 2))
    for i in (0, 2, 3, 2**63 - 1, 2**63, 2**64 - 2, 2**64 - 1):
        # Plain Python cannot index with i >= 2**63 at all ("cannot fit 'int' into
        # an index-sized integer"): there the plain run models C's bounds check.
        read = c_read if i >= 2**63 else None
        show(f"read_size_t({i})", mod.read_size_t, memoryview(v), i, c_model=read)
        show(f"read_ulonglong_2d({i}, 1)", mod.read_ulonglong_2d, m, i, 1, c_model=read)
        show(f"read_ulonglong_2d(1, {i})", mod.read_ulonglong_2d, m, 1, i, c_model=read)
        w = array.array("i", [1, 2, 3])
        show(f"write_ulong({i})", mod.write_ulong, memoryview(w), i, 7, c_model=c_write if i >= 2**63 else None)
        print("  ", w.tolist())
    for k in (-1, -3, 0, 2, 3):
        show(f"cast_index({k})", mod.cast_index, memoryview(v), k,
             c_model=(lambda view, k: c_read(view, k % 2**64)) if k < 0 else None)
    for i in (0, 2, 3, 4294967295):
        show(f"uint_index({i})", mod.uint_index, memoryview(v), i)
