"""Shim for `cython.cimports.libc.string`: memcpy, memmove, memset (zeros only), strlen, strcmp, strncmp;
strcpy, strncpy, strcat and strncat only raise (the shim has no writable char arrays)."""
from ..._cdata import memcpy, memmove, memset, strcat, strcmp, strcpy, strlen, strncat, strncmp, strncpy  # noqa: F401
