# The buffer slots of an extension type: bf_getbuffer runs Cython's protocol
# around `__getbuffer__` (obj None first, reset on an error, cleared when left
# None); bf_releasebuffer calls `__releasebuffer__`, its errors unraisable.
import cython
from cython.cimports.cpython import Py_buffer
from cython.cimports.cpython.buffer import PyBuffer_FillInfo, PyBUF_WRITABLE


@cython.cclass
class Ints:
    data: cython.int[3]
    shape: cython.Py_ssize_t[1]
    views: cython.int

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        if self.views > 10:
            raise BufferError("too many views")
        self.shape[0] = 3
        buffer.buf = cython.address(self.data[0])
        buffer.obj = self
        buffer.len = 3 * cython.sizeof(cython.int)
        buffer.itemsize = cython.sizeof(cython.int)
        buffer.readonly = True
        buffer.ndim = 1
        buffer.format = 'i'
        buffer.shape = self.shape
        buffer.strides = cython.NULL
        buffer.suboffsets = cython.NULL
        self.views += 1

    def __releasebuffer__(self, buffer: cython.pointer(Py_buffer)):
        if buffer.readonly:
            self.views -= 1


@cython.cclass
class Raw:
    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        buffer.len = 0


@cython.cclass
class Filled:
    data: cython.char[4]

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        PyBuffer_FillInfo(buffer, self, self.data, 4, (flags & PyBUF_WRITABLE) == 0, flags)
