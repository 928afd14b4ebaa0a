"""Shim for `cython.cimports.libcpp.unordered_set`: a set iterated in no
particular order (in C++ the order is unspecified: drivers sort what they print)."""

from .set import _Set, _SetTemplate, _SetType


class _UnorderedSet(_Set):
    _ordered = False


class _UnorderedSetType(_SetType):
    _set = _UnorderedSet


class _UnorderedSetTemplate(_SetTemplate):
    _type = _UnorderedSetType


unordered_set = _UnorderedSetTemplate()
