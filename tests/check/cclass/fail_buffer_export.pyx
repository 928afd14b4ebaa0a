# Buffer export: `__getbuffer__`/`__releasebuffer__` of an extension type are its
# buffer slots, with Cython's fixed signatures; `Py_buffer` exists only as their
# `buffer` parameter (elsewhere its `obj` field could hold no reference).
import cython
from cython.cimports.cpython import Py_buffer
from cython.cimports.cpython.buffer import Py_buffer as Buffer
from cython.cimports.cpython.buffer import PyBuffer_FillInfo


@cython.cclass
class Untyped:
    def __getbuffer__(self, buffer, flags: cython.int):  # expected-error PX113: parameter `buffer` of `__getbuffer__` is
        pass


@cython.cclass
class WrongArity:
    def __releasebuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):  # expected-error PX113: takes 2 parameters
        pass


@cython.cclass
class WrongFlags:
    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.long):  # expected-error PX113: parameter `flags`
        pass


@cython.cclass
class ByValue:
    def __getbuffer__(self, buffer: Py_buffer, flags: cython.int):  # expected-error PX113: parameter `buffer`
        pass


@cython.cclass
class Returns:
    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int) -> cython.int:  # expected-error PX113: returns nothing
        return 0


@cython.cclass
class Decorated:
    @cython.cfunc  # expected-error PX107: takes no decorators
    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        pass

    @cython.nogil  # expected-error PX107: takes no decorators
    def __releasebuffer__(self, buffer: cython.pointer(Py_buffer)):
        pass


@cython.cclass
class Twice:
    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        pass

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):  # expected-error PX105
        pass


@cython.cclass
class Misuse:
    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        copy = buffer[0]  # expected-error PX302: a `Py_buffer` pointer other than through its fields
        buffer.obj += 1  # expected-error PX301: an in-place operation on `buffer.obj`
        buffer.readonly += 1  # expected-error PX301: an in-place operation on `buffer.readonly`
        buffer = cython.NULL  # expected-error PX301: binding the parameter `buffer` again
        buffer.nothing = 1  # expected-error PX113: has no field `nothing`

    def __releasebuffer__(self, buffer: cython.pointer(Py_buffer)):
        self = None  # expected-error PX301: binding the parameter `self` again
        with cython.nogil:
            buffer.obj = None  # expected-error PX201


@cython.cclass
class BadFill:
    data: cython.char[2]

    def __getbuffer__(self, buffer: cython.pointer(Py_buffer), flags: cython.int):
        PyBuffer_FillInfo(buffer, self, cython.address(self.data[0]), 2, 1)  # expected-error PX104: takes 6 arguments
        PyBuffer_FillInfo(self, self, cython.address(self.data[0]), 2, 1, flags)  # expected-error PX103: a `Py_buffer` pointer
        PyBuffer_FillInfo(buffer, self, 0, 2, 1, flags)  # expected-error PX103: a pointer
        with cython.nogil:
            PyBuffer_FillInfo(buffer, None, cython.address(self.data[0]), 2, 1, flags)  # expected-error PX202


@cython.cfunc
def fill(view: cython.pointer(Py_buffer)) -> cython.void:  # expected-error PX304: `Py_buffer` other than as the `buffer` parameter
    pass


def local():
    b: cython.pointer[Buffer] = cython.NULL  # expected-error PX304: `Py_buffer` other than
    return b == cython.NULL
