"""Shim for `cython.cimports.libc`."""
from . import math, stdint, stdlib, string  # noqa: F401
