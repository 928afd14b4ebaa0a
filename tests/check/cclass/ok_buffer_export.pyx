# expected-no-diagnostics
# An extension type exporting a 1-D buffer of its C array field, with the
# fields of the `Py_buffer` it fills (both spellings of the pointer type).
import cython
from cython.cimports.cpython import Py_buffer
from cython.cimports.cpython.buffer import Py_buffer as Buffer
from cython.cimports.cpython.buffer import PyBuffer_FillInfo, PyBUF_WRITABLE, PyBUF_FULL_RO
from cython.cimports.cpython import PyBUF_ND


@cython.cclass
class Exporter:
    data: cython.double[4]
    shape: cython.Py_ssize_t[1]
    exported: cython.int

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        if flags < 0:
            raise BufferError("bad flags")
        self.shape[0] = 4
        buffer.buf = cython.address(self.data[0])
        buffer.obj = self
        with cython.nogil:  # the struct's C fields need no GIL
            buffer.len = 4 * cython.sizeof(cython.double)
        buffer.itemsize = cython.sizeof(cython.double)
        buffer.readonly = buffer.obj is not self
        buffer.ndim = 1
        buffer.format = 'd'
        buffer.shape = self.shape
        buffer.strides = cython.NULL
        buffer.suboffsets = cython.NULL
        buffer.internal = cython.NULL
        self.exported += 1

    def __releasebuffer__(self, buffer: cython.pointer[Buffer]) -> None:
        if buffer.obj is self and buffer.len > 0:
            self.exported -= 1


@cython.cclass
class ReleaseOnly:
    # Cython fills the slot as written: without a `__getbuffer__` (here or in a
    # base) the type exports nothing and the slot is never called.
    def __releasebuffer__(self, buffer: cython.pointer(Py_buffer)):
        pass


@cython.cclass
class Filled:
    data: cython.uchar[8]

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        if flags & PyBUF_WRITABLE and not flags & PyBUF_ND:
            raise BufferError("simple writable buffers only")
        readonly: cython.int = flags == PyBUF_FULL_RO
        PyBuffer_FillInfo(buffer, self, self.data, 8, readonly, flags)
