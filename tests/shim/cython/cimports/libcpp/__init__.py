"""Shim for `cython.cimports.libcpp`: the C++ standard containers pyxx compiles."""
from . import algorithm, string, vector  # noqa: F401
