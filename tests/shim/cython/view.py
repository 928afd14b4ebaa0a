"""`cython.view.array` for plain Python: a zero-filled memoryview cast to the
format and shape, as the compiled module makes it (mode "c" only)."""


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
    return memoryview(bytearray(size)).cast(format, shape)
