"""Shim for `cython.cimports.libc.string`: memcpy, memmove, memset (zeros only), strlen."""
from ..._cdata import memcpy, memmove, memset, strlen  # noqa: F401
