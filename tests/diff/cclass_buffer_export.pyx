# Buffer export: `__getbuffer__`/`__releasebuffer__` are the type's buffer
# slots. Plain Python has no such slots (the driver shows Cython's results with
# `documented`); what does not touch a buffer runs the same both ways.
import cython
from cython.cimports.cpython import Py_buffer
from cython.cimports.cpython.buffer import Py_buffer as Buffer
from cython.cimports.cpython.buffer import PyBuffer_FillInfo, PyBUF_WRITABLE
from cython.cimports.libcpp.vector import vector

log = []


@cython.cclass
class Matrix:
    """Rows of `ncols` floats in a vector, exported as a 2-D buffer."""
    ncols: cython.Py_ssize_t
    shape: cython.Py_ssize_t[2]
    strides: cython.Py_ssize_t[2]
    v: vector[cython.float]
    view_count: cython.int
    fail_next: cython.bint

    def __cinit__(self, ncols: cython.Py_ssize_t):
        self.ncols = ncols

    def add_row(self):
        if self.view_count > 0:
            raise ValueError("can't add row while being viewed")
        self.v.resize(self.v.size() + self.ncols)

    def put(self, i: cython.Py_ssize_t, x: cython.float):
        self.v[i] = x

    def get(self, i: cython.Py_ssize_t) -> cython.float:
        return self.v[i]

    def views(self):
        return self.view_count

    def fail(self):
        self.fail_next = True

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        itemsize: cython.Py_ssize_t = cython.sizeof(cython.float)
        log.append(("get", flags, buffer.obj is None))
        if self.fail_next:
            self.fail_next = False
            buffer.obj = self  # reset by the slot: the failed view holds nothing
            raise BufferError("refused")
        if self.v.size() == 0:
            raise BufferError("empty matrix")
        self.shape[0] = self.v.size() // self.ncols
        self.shape[1] = self.ncols
        # The distance between two adjacent items, measured as Cython's example does.
        self.strides[1] = cython.cast(cython.p_char, cython.address(self.v[1])) - cython.cast(cython.p_char, cython.address(self.v[0]))
        self.strides[0] = self.ncols * self.strides[1]
        buffer.buf = cython.cast(cython.p_char, cython.address(self.v[0]))
        buffer.format = 'f'
        buffer.internal = cython.NULL
        buffer.itemsize = itemsize
        buffer.len = self.v.size() * itemsize
        buffer.ndim = 2
        buffer.obj = self
        buffer.readonly = False
        buffer.shape = self.shape
        buffer.strides = self.strides
        buffer.suboffsets = cython.NULL
        log.append(("readonly", buffer.readonly))
        self.view_count += 1

    def __releasebuffer__(self, buffer: cython.pointer[Py_buffer]):
        log.append(("release", buffer.obj is self, buffer.len))
        self.view_count -= 1


@cython.cclass
class Bytes3:
    """A read-only 1-D buffer of three C chars; `obj` left None exports no object."""
    data: cython.char[3]
    releases: cython.int

    def __cinit__(self):
        self.data[0] = 65
        self.data[1] = 66
        self.data[2] = 67

    def __getbuffer__(self, view: cython.pointer(Buffer), flags: cython.int):
        view.buf = cython.address(self.data[0])
        view.len = 3
        view.itemsize = 1
        view.readonly = 1
        view.ndim = 1
        view.format = cython.NULL
        view.shape = cython.NULL
        view.strides = cython.NULL
        view.suboffsets = cython.NULL

    def __releasebuffer__(self, view: cython.pointer(Buffer)):
        self.releases += 1  # never: a view without an object is not released through it

    def count(self):
        return self.releases


@cython.cclass
class Grown(Matrix):
    """Inherits both slots."""
    def total(self) -> cython.double:
        s: cython.double = 0
        i: cython.Py_ssize_t
        for i in range(self.v.size()):
            s += self.v[i]
        return s


@cython.cclass
class BadRelease(Bytes3):
    """An error in `__releasebuffer__` cannot propagate: it is unraisable."""
    def __getbuffer__(self, view: cython.pointer(Py_buffer), flags: cython.int):
        view.buf = cython.address(self.data[0])
        view.len = 3
        view.itemsize = 1
        view.readonly = 1
        view.ndim = 1
        view.format = cython.NULL
        view.shape = cython.NULL
        view.strides = cython.NULL
        view.suboffsets = cython.NULL
        view.obj = self

    def __releasebuffer__(self, view: cython.pointer(Py_buffer)):
        raise KeyError("release failed")


@cython.cclass
class Filled:
    """Four bytes exported with PyBuffer_FillInfo; read-only unless made writable."""
    data: cython.uchar[4]
    writable: cython.bint
    asked_writable = cython.declare(list, visibility='readonly')

    def __init__(self, writable: cython.bint):
        self.writable = writable
        self.asked_writable = []
        self.data[0] = 119

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        self.asked_writable.append((flags & PyBUF_WRITABLE) != 0)
        PyBuffer_FillInfo(buffer, self, cython.address(self.data[0]), 4, not self.writable, flags)

    def first(self):
        return self.data[0]


def matrix(rows, ncols):
    m = Matrix(ncols)
    k = 0
    for r in range(rows):
        m.add_row()
        for c in range(ncols):
            m.put(k, k * 0.5)
            k += 1
    return m
