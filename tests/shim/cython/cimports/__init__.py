"""Shim for `cython.cimports`: C libraries seen from plain Python."""
from . import libc  # noqa: F401
