"""Shim for `cython.cimports.libc.stdlib`: malloc and friends over the shim's memory model."""
from ..._cdata import calloc, free, malloc, realloc  # noqa: F401
