"""Shim for `cython.cimports.libcpp.unordered_map`: a map whose items keep no
order of keys (in C++ their order is unspecified: drivers sort what they print)."""

from .map import _Map, _MapTemplate, _MapType


class _UnorderedMap(_Map):
    _ordered = False


class _UnorderedMapType(_MapType):
    _map = _UnorderedMap


class _UnorderedMapTemplate(_MapTemplate):
    _type = _UnorderedMapType


unordered_map = _UnorderedMapTemplate()
