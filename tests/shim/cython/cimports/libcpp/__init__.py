"""Shim for `cython.cimports.libcpp`: the C++ standard containers pyxx compiles."""
from . import vector  # noqa: F401
