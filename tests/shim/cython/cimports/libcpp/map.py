"""Shim for `cython.cimports.libcpp.map`: `map[K, V]` as a dict with std::map's
methods, its items in the order of their keys (docs/language/cpp-containers.md).
Cython's own shim has none: there, these programs run compiled only. Compiled,
a map becomes a dict at the Python boundary; here it stays a map, whose repr is
that of the dict of its items in order."""

from .utility import _Pair
from .vector import _convert, _zero


class _End:
    """What `m.end()` gives: what `m.find(k)` of a missing key gives too."""

    def __eq__(self, other):
        return isinstance(other, _End)

    def __hash__(self):
        return 0


class _Map(dict):
    """A std::map<K, V> (or an unordered one) seen from Python."""

    _ordered = True

    def __init__(self, types):
        super().__init__()
        self._types = types

    def _key(self, key):
        return _convert(self._types[0], key)

    def _keys(self):
        return sorted(dict.keys(self)) if self._ordered else list(dict.keys(self))

    def __missing__(self, key):
        value = _zero(self._types[1])  # `m[k]` inserts a zero value, as C++'s operator[]
        dict.__setitem__(self, key, value)
        return value

    def __getitem__(self, key):
        return dict.__getitem__(self, self._key(key))

    def __setitem__(self, key, value):
        dict.__setitem__(self, self._key(key), _convert(self._types[1], value))

    def __iter__(self):
        for key in self._keys():
            yield _Pair(self._types, key, dict.__getitem__(self, key))

    def __repr__(self):
        return repr({key: dict.__getitem__(self, key) for key in self._keys()})

    def size(self):
        return len(self)

    def empty(self):
        return len(self) == 0

    def count(self, key):
        return 1 if self._key(key) in self.keys() else 0

    def find(self, key):
        return ("found", self._key(key)) if self.count(key) else _End()

    def end(self):
        return _End()

    def at(self, key):
        if not self.count(key):
            raise IndexError("map key not found")
        return self[key]

    def erase(self, key):
        if not self.count(key):
            return 0
        dict.__delitem__(self, self._key(key))
        return 1

    def insert(self, item):
        first, second = (item.first, item.second) if isinstance(item, _Pair) else item
        if not self.count(first):
            self[first] = second

    def swap(self, other):
        mine = dict(self)
        dict.clear(self)
        dict.update(self, other)
        dict.clear(other)
        dict.update(other, mine)


class _MapType:
    """`map[K, V]`: calling it makes an empty map."""

    _cpp_class = True  # cython.declare(map[K, V]) gives an empty one
    _map = _Map

    def __init__(self, types):
        self.types = types

    def __call__(self):
        return self._map(self.types)

    def _from_iterable(self, value):
        """cython.declare(map[K, V], obj): Cython's `for key, value in obj.items(): m.insert(...)`."""
        result = self._map(self.types)
        for key, item in value.items():
            result.insert((key, item))
        return result

    def __repr__(self):
        return f"map[{self.types[0]!r}, {self.types[1]!r}]"


class _MapTemplate:
    _type = _MapType

    def __getitem__(self, types):
        return self._type(types)


map = _MapTemplate()  # noqa: A001 (Cython's name)
