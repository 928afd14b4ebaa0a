"""Shim for `cython.cimports.libcpp`: the C++ standard containers pyxx compiles."""
from . import string, vector  # noqa: F401
