"""Shim for `cython.cimports.libcpp.vector`: `vector[T]` as a list of T's values
with std::vector's methods, raising what pyxx raises (docs/language/cpp-containers.md).
Cython's own shim has none: there, these programs run compiled only."""

_PTRDIFF_MAX = (1 << 63) - 1  # std::vector<T>::max_size() is PTRDIFF_MAX / sizeof(T)


class _Vector(list):
    """A std::vector<T> seen from Python: a list whose items are converted to T."""

    def __init__(self, element, items=()):
        super().__init__(_convert(element, x) for x in items)
        self._element = element

    def push_back(self, value):
        self.append(_convert(self._element, value))

    def pop_back(self):
        if not self:
            raise IndexError("pop_back() of an empty vector")
        self.pop()

    def size(self):
        return len(self)

    def empty(self):
        return not self

    def reserve(self, n):
        _check_count(self._element, n)

    def shrink_to_fit(self):
        pass

    def resize(self, n, value=None):
        _check_count(self._element, n)
        if n < len(self):
            del self[n:]
        else:
            fill = _zero(self._element) if value is None else _convert(self._element, value)
            self.extend(fill for _ in range(n - len(self)))

    def back(self):
        if not self:
            raise IndexError("back() of an empty vector")
        return self[-1]

    def front(self):
        if not self:
            raise IndexError("front() of an empty vector")
        return self[0]

    def at(self, i):
        if not 0 <= i < len(self):
            raise IndexError("vector index out of range")
        return self[i]

    def swap(self, other):
        mine = list(self)
        self[:] = other
        other[:] = mine

    def capacity(self):
        raise NotImplementedError("vector.capacity() has no plain-Python meaning")

    def data(self):
        raise NotImplementedError("vector.data() has no plain-Python meaning")


def _check_count(element, n):
    # A negative C count converts to a size_t too large for any vector.
    size = getattr(element, "size", 8)  # a C type's size; `string` has a method of that name
    if n < 0 or n > _PTRDIFF_MAX // (size if isinstance(size, int) else 32):
        raise MemoryError()


def _zero(element):
    return element() if callable(element) else 0


def _convert(element, value):
    kind = getattr(element, "kind", None)
    if kind in ("int", "float", "complex"):
        return element(value)
    return value


class _VectorType:
    """`vector[T]`: calling it makes a vector (empty, of n zeros, or of n copies)."""

    _cpp_class = True  # cython.declare(vector[T]) gives an empty one

    def __init__(self, element):
        self.element = element

    def __call__(self, n=0, value=None):
        _check_count(self.element, n)
        if n == 0:
            return _Vector(self.element)  # no zero of T needed (an enum class has none)
        fill = _zero(self.element) if value is None else _convert(self.element, value)
        return _Vector(self.element, [fill] * n)

    def _from_iterable(self, items):
        return _Vector(self.element, items)

    def __repr__(self):
        return f"vector[{self.element!r}]"


class _VectorTemplate:
    def __getitem__(self, element):
        return _VectorType(element)


vector = _VectorTemplate()
