"""Shim for `cython.cimports.cpython.mem`: the PyMem_* allocators over the shim's memory model."""
from ..._cdata import calloc as PyMem_Calloc  # noqa: F401
from ..._cdata import free as PyMem_Free  # noqa: F401
from ..._cdata import malloc as PyMem_Malloc  # noqa: F401
from ..._cdata import realloc as PyMem_Realloc  # noqa: F401

PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree = PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free
