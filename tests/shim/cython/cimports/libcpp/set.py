"""Shim for `cython.cimports.libcpp.set`: `set[T]` as a Python set with
std::set's methods, iterated in order (docs/language/cpp-containers.md).
Cython's own shim has none: there, these programs run compiled only. Compiled,
a set becomes a Python set at the Python boundary; here it stays a set."""

import builtins

from .map import _End
from .vector import _convert


_PySet = builtins.set  # this module's `set` is the template below


class _Set(_PySet):
    """A std::set<T> (or an unordered one) seen from Python."""

    _ordered = True

    def __init__(self, element):
        super().__init__()
        self._element = element

    def __iter__(self):
        items = list(_PySet.__iter__(self))
        return iter(sorted(items) if self._ordered else items)

    def __repr__(self):
        return repr(_PySet(_PySet.__iter__(self))) if self else "set()"

    def size(self):
        return len(self)

    def empty(self):
        return len(self) == 0

    def count(self, value):
        return 1 if _PySet.__contains__(self, _convert(self._element, value)) else 0

    def find(self, value):
        return ("found", _convert(self._element, value)) if self.count(value) else _End()

    def end(self):
        return _End()

    def insert(self, value):
        self.add(_convert(self._element, value))

    def erase(self, value):
        if not self.count(value):
            return 0
        self.discard(_convert(self._element, value))
        return 1

    def swap(self, other):
        mine = _PySet(_PySet.__iter__(self))
        _PySet.clear(self)
        _PySet.update(self, _PySet(_PySet.__iter__(other)))
        _PySet.clear(other)
        _PySet.update(other, mine)


class _SetType:
    """`set[T]`: calling it makes an empty set."""

    _cpp_class = True  # cython.declare(set[T]) gives an empty one
    _set = _Set

    def __init__(self, element):
        self.element = element

    def __call__(self):
        return self._set(self.element)

    def _from_iterable(self, items):
        """cython.declare(set[T], obj): Cython's conversion of any iterable."""
        result = self._set(self.element)
        for item in items:
            result.insert(item)
        return result

    def __repr__(self):
        return f"set[{self.element!r}]"


class _SetTemplate:
    _type = _SetType

    def __getitem__(self, element):
        return self._type(element)


set = _SetTemplate()  # noqa: A001 (Cython's name)
