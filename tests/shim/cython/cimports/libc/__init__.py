"""Shim for `cython.cimports.libc`."""
from . import math  # noqa: F401
