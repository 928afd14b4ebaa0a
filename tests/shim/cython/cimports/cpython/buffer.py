"""Shim for `cython.cimports.cpython.buffer`: `Py_buffer`, so that annotations
naming it (`cython.pointer(Py_buffer)`) evaluate. Plain Python has no buffer
slots: a class's `__getbuffer__` is an ordinary method there, which
`memoryview()` never calls (compiled, it is the type's bf_getbuffer slot)."""


class Py_buffer:
    """CPython's buffer struct; compiled, its fields are the ones Cython declares."""
