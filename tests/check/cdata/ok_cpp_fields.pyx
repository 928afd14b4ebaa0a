# C++ fields of an extension type (private ones): read and changed in place by
# methods, with and without the GIL, and converted where the GIL is held.
# expected-no-diagnostics
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cclass
class Grid:
    width: cython.Py_ssize_t
    cells: vector[cython.double]
    names: vector[string]
    title: string

    def __cinit__(self, width: cython.Py_ssize_t, title: bytes):
        self.width = width
        self.title = title

    @cython.cfunc
    @cython.nogil
    def grow(self, n: cython.Py_ssize_t) -> cython.void:
        self.cells.resize(self.cells.size() + n * self.width)
        self.names.push_back(self.title + b"!")
        self.title.push_back(35)
        self.cells[0] = self.cells.back()

    def snapshot(self, other: Grid):
        with cython.nogil:
            self.grow(1)
            other.cells.swap(self.cells)
        self.cells = [1.0, 2.0]
        return self.cells, other.cells, self.names, self.title.decode("ascii"), self.title[0]
