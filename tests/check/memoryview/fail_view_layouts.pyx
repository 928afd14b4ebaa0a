# Axis specs pyxx's views cannot promise: one contiguous dimension of several
# (the others strided), and indirect dimensions.
import cython


def last_contiguous(m: cython.int[:, ::cython.view.contiguous]) -> cython.void:  # expected-error PX304: `::view.contiguous` in a view of several dimensions
    pass


def indirect(m: cython.int[::cython.view.indirect, ::1]) -> cython.void:  # expected-error PX304: indirect memoryview dimensions
    pass
