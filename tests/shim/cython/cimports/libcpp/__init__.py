"""Shim for `cython.cimports.libcpp`: the C++ standard containers pyxx compiles."""
from . import algorithm, map, set, string, unordered_map, unordered_set, utility, vector  # noqa: F401
