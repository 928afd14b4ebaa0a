# Exporting a buffer from an extension type is not compiled yet: Cython makes
# `__getbuffer__`/`__releasebuffer__` the type's buffer slots, so a method of
# that name is refused rather than compiled as a method that exports nothing.
import cython
from cython.cimports.cpython import Py_buffer
from cython.cimports.cpython.buffer import Py_buffer as Buffer


@cython.cclass
class Exporter:
    def __getbuffer__(self, buffer, flags):  # expected-error PX301: exporting a buffer
        pass

    def __releasebuffer__(self, buffer):  # expected-error PX301: exporting a buffer
        pass


@cython.cfunc
def fill(view: cython.pointer(Py_buffer)) -> cython.void:  # expected-error PX304: `Py_buffer`
    pass


@cython.cfunc
def fill2(view: cython.pointer[Buffer]) -> cython.void:  # expected-error PX304: `Py_buffer`
    pass
