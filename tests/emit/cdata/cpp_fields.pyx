# C++ fields of an extension type: constructed in tp_new before `__cinit__`,
# destroyed in tp_dealloc after `__dealloc__`; methods act on the field in place.
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector


@cython.cclass
class Rows:
    width: cython.Py_ssize_t
    cells: vector[cython.double]
    label: string

    def __cinit__(self, width: cython.Py_ssize_t):
        self.width = width

    def add_row(self):
        self.cells.resize(self.cells.size() + self.width)
        self.label.append(b"+")

    @cython.cfunc
    @cython.nogil
    def first(self) -> cython.double:
        return self.cells[0]
