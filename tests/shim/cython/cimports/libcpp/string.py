"""Shim for `cython.cimports.libcpp.string`: `string` as a mutable bytes value
with std::string's methods, raising what pyxx raises (docs/language/cpp-containers.md).
Cython's own shim has none: there, these programs run compiled only. A value
converts to `bytes` at the Python boundary in compiled code; here it stays a
`string`, whose repr is that of its bytes."""

npos = (1 << 64) - 1  # std::string::npos, size_t's largest value
_MAX_SIZE = (1 << 62) - 1  # std::string::max_size() of libstdc++ on LP64


def _chars(value):
    """A C string's characters: up to its first NUL (a bytes literal is one)."""
    if isinstance(value, string):
        return bytes(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).split(b"\0", 1)[0]
    raise TypeError(f"expected bytes, {type(value).__name__} found")


class string(bytearray):  # noqa: N801 (Cython's name)
    """A std::string seen from Python."""

    _cpp_class = True  # cython.declare(string) gives an empty one

    def __init__(self, value=b"", n=None):
        if n is not None:
            if n < 0 or n > _MAX_SIZE:
                raise MemoryError()
            super().__init__(bytes(value)[:n])
        else:
            super().__init__(_chars(value))

    @classmethod
    def _from_iterable(cls, value):
        """cython.declare(string, obj): Cython's conversion of bytes or bytearray."""
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError(f"expected bytes, {type(value).__name__} found")
        result = cls()
        result[:] = value
        return result

    def __repr__(self):
        return repr(bytes(self))

    def __add__(self, other):
        result = string(self)
        result.extend(_chars(other))
        return result

    def __radd__(self, other):
        result = string(other)
        result.extend(self)
        return result

    def size(self):
        return len(self)

    length = size

    def empty(self):
        return not self

    def c_str(self):
        return bytes(self)

    data = c_str

    def at(self, i):
        if not 0 <= i < len(self):
            raise IndexError("string index out of range")
        return self[i]

    def back(self):
        if not self:
            raise IndexError("back() of an empty string")
        return self[-1]

    def front(self):
        if not self:
            raise IndexError("front() of an empty string")
        return self[0]

    def pop_back(self):
        if not self:
            raise IndexError("pop_back() of an empty string")
        self.pop()

    def push_back(self, c):
        self.append(c % 256)

    def append(self, other):  # std::string::append of a string or a C string
        if isinstance(other, int):
            super().append(other)
        else:
            self.extend(_chars(other))

    def reserve(self, n):
        if n < 0 or n > _MAX_SIZE:
            raise MemoryError()

    def resize(self, n):
        if n < 0 or n > _MAX_SIZE:
            raise MemoryError()
        if n < len(self):
            del self[n:]
        else:
            self.extend(b"\0" * (n - len(self)))

    def substr(self, pos, n=npos):
        if not 0 <= pos <= len(self):  # a negative C position converts past the end
            raise IndexError("substr() position out of range")
        n = npos if n < 0 else n
        return string(bytes(self[pos:pos + min(n, len(self))]), min(n, len(self) - pos))

    def find(self, needle, pos=0):
        found = super().find(_chars(needle), pos) if 0 <= pos <= len(self) else -1
        return npos if found < 0 else found

    def rfind(self, needle, pos=npos):
        pos = npos if pos < 0 else pos
        found = super().rfind(_chars(needle), 0, min(pos, len(self)) + len(_chars(needle)))
        return npos if found < 0 else found

    def swap(self, other):
        mine = bytes(self)
        self[:] = other
        other[:] = mine

    def capacity(self):
        raise NotImplementedError("string.capacity() has no plain-Python meaning")
