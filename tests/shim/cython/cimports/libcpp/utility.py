"""Shim for `cython.cimports.libcpp.utility`: `pair[A, B]` as a value with
`.first` and `.second`, converted to A and B (docs/language/cpp-containers.md).
Cython's own shim has none: there, these programs run compiled only. Compiled,
a pair becomes a tuple at the Python boundary; here it stays a pair, whose repr
and equality are those of the tuple."""

from .vector import _convert, _zero


class _Pair:
    """A std::pair<A, B> seen from Python."""

    __slots__ = ("_types", "first", "second")

    def __init__(self, types, first, second):
        self._types = types
        self.first = _convert(types[0], first)
        self.second = _convert(types[1], second)

    def _as_tuple(self):
        return (self.first, self.second)

    def __repr__(self):
        return repr(self._as_tuple())

    def __iter__(self):
        # Unpacking a pair (`k, v = p`, `for k, v in m`): Cython makes it a tuple first.
        return iter(self._as_tuple())

    def __eq__(self, other):
        return self._as_tuple() == (other._as_tuple() if isinstance(other, _Pair) else other)

    def __hash__(self):
        return hash(self._as_tuple())


class _PairType:
    """`pair[A, B]`: calling it makes a pair (of zeros, or of two values)."""

    _cpp_class = True  # cython.declare(pair[A, B]) gives a pair of zeros

    def __init__(self, types):
        self.types = types

    def __call__(self, *values):
        if not values:
            values = (_zero(self.types[0]), _zero(self.types[1]))
        first, second = values
        return _Pair(self.types, first, second)

    def _from_iterable(self, value):
        """cython.declare(pair[A, B], obj): Cython's `x, y = obj`."""
        first, second = value
        return _Pair(self.types, first, second)

    def __repr__(self):
        return f"pair[{self.types[0]!r}, {self.types[1]!r}]"


class _PairTemplate:
    def __getitem__(self, types):
        return _PairType(types)


pair = _PairTemplate()
