"""`cython.view.array` for plain Python: a zero-filled memoryview cast to the
format and shape, as the compiled module makes it (mode "fortran": a memoryview
of a zero-filled Fortran-order NumPy array, the same geometry)."""


def array(shape, itemsize, format, mode="c", allocate_buffer=True):  # noqa: A002 - Cython's names
    shape = tuple(shape)
    if not shape:
        raise ValueError("Empty shape tuple for cython.array")
    if itemsize <= 0:
        raise ValueError("itemsize <= 0 for cython.array")
    size = itemsize
    for axis, n in enumerate(shape):
        if n <= 0:
            raise ValueError(f"Invalid shape in axis {axis}: {n}.")
        size *= n
    if mode == "fortran":
        import numpy
        return memoryview(numpy.zeros(shape, dtype=numpy.dtype(format), order="F"))
    if mode != "c":
        raise ValueError(f"Invalid mode, expected 'c' or 'fortran', got {mode}")
    return memoryview(bytearray(size)).cast(format, shape)


# Axis specs (`cython.int[::view.contiguous]`): only read by the compiler.
generic = "generic"
strided = "strided"
indirect = "indirect"
contiguous = "contiguous"
indirect_contiguous = "indirect_contiguous"
direct = "direct"
follow = "follow"
