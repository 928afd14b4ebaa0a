"""Shim for `cython.cimports.cpython`."""
from . import mem  # noqa: F401
