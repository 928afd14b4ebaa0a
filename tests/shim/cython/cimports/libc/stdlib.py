"""Shim for `cython.cimports.libc.stdlib`: malloc and friends over the shim's memory model, atoi, atol, atof."""
from ..._cdata import atof, atoi, atol, calloc, free, malloc, realloc  # noqa: F401
