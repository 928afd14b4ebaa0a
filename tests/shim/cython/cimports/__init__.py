"""Shim for `cython.cimports`: C libraries seen from plain Python."""
from . import cpython, libc  # noqa: F401
