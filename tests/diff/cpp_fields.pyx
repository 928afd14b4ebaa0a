# C++ values as extension-type fields: a vector and a string live in the
# instance, made empty before `__cinit__` and destroyed after `__dealloc__`,
# used in place by methods with and without the GIL.
import cython
from cython.cimports.libcpp.string import string
from cython.cimports.libcpp.vector import vector

log = []


@cython.cclass
class Matrix:
    ncols: cython.Py_ssize_t
    v: vector[cython.float]
    name: string

    def __cinit__(self, ncols: cython.Py_ssize_t):
        if ncols < 0:
            raise ValueError("negative width")
        self.ncols = ncols
        self.name = string(b"m")

    def __dealloc__(self):
        log.append(int(self.v.size()))

    def add_row(self):
        self.v.resize(self.v.size() + self.ncols)
        self.name.push_back(43)

    def set(self, i: cython.Py_ssize_t, j: cython.Py_ssize_t, x: cython.float):
        self.v[i * self.ncols + j] = x

    @cython.cfunc
    @cython.nogil
    def total_nogil(self) -> cython.double:
        s: cython.double = 0
        k: cython.size_t
        for k in range(self.v.size()):
            s += self.v[k]
        return s

    def total(self):
        with cython.nogil:
            s = self.total_nogil()
        return s

    def rows(self):
        return self.v.size() // self.ncols if self.ncols else 0

    def values(self):
        out = []
        for x in self.v:
            out.append(x)
        return out, self.v, self.name

    def replace(self, items):
        self.v = items
        other = vector[cython.float](2, 1.5)
        other.swap(self.v)
        return other, self.v, self.v.at(1)

    def grow_while_iterating(self):
        n = 0
        for x in self.v:
            if n < 3:
                self.v.push_back(x)
            n += 1
        return n, self.v.size()


class Derived(Matrix):
    pass


def lifetime():
    del log[:]
    m = Matrix(2)
    m.add_row()
    m.add_row()
    m.set(1, 1, 4.0)
    result = (m.rows(), m.total(), m.values())
    del m
    return result, log[:]


def failed_cinit():
    del log[:]
    try:
        Matrix(-1)
    except ValueError as e:
        return str(e), log[:]


def subclassed():
    del log[:]
    d = Derived(1)
    d.add_row()
    result = d.values()
    del d
    return result, log[:]


def replaced():
    m = Matrix(1)
    return m.replace([1, 2, 3])


def iterated():
    m = Matrix(1)
    m.add_row()
    m.add_row()
    return m.grow_while_iterating()
