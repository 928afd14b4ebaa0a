"""Shim for `cython.cimports.cpython`."""
# `from cython.cimports.cpython import array` is the standard `array` module, as
# Cython's Shadow.py gives it (its C helpers, `array.clone` and the rest, exist
# only compiled).
import array  # noqa: F401

from . import buffer, mem  # noqa: F401
from .buffer import *  # noqa: F401,F403  (Cython's cpython/__init__.pxd cimports cpython.buffer's names)
