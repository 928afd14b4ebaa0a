"""Plain-Python stand-ins for Cython's C data: pointers, C arrays, structs.

Tests only (see __init__.py). Memory is a list of element slots: malloc(n)
gives a block that a cast to `cython.p_double` (or any pointer type) reads as
n // sizeof(double) doubles. A pointer is (block, offset, element type), so
indexing, arithmetic and comparison behave as in C within one block. A C array
is a fixed-length list (it prints as the list Cython converts it to); a struct
is a dict whose keys are also attributes (it prints as the dict Cython makes).
Like Cython's Shadow module, `address(x)` of a plain variable points at a copy:
writing through it does not change `x`.
"""
import builtins as _builtins


class PointerType:
    """`cython.pointer(T)`, `cython.p_int`."""

    def __init__(self, target):
        self.target = target

    def __getitem__(self, dims):
        from . import _MemoryviewType
        return _MemoryviewType(self, dims)

    def __call__(self, value=None):
        return cast_pointer(self, value)

    def __repr__(self):
        return f"cython.pointer({self.target!r})"


class PointerView:
    """`cython.cast(cython.double[:n, :m], p)`: a C-contiguous view of the
    memory behind a pointer (Cython's checks: a NULL pointer, an extent below 1)."""

    def __init__(self, pointer, extents):
        if pointer is None:
            raise ValueError("Cannot create cython.array from NULL pointer")
        for axis, n in enumerate(extents):
            if n < 1:
                raise ValueError(f"Invalid shape in axis {axis}: an extent below 1")
        self.pointer, self.shape = pointer, tuple(extents)

    def _offset(self, index):
        index = index if isinstance(index, tuple) else (index,)
        offset = 0
        for axis, (i, n) in enumerate(zip(index, self.shape)):
            i = i + n if i < 0 else i
            if not 0 <= i < n:
                raise IndexError(f"Out of bounds on buffer access (axis {axis})")
            offset = offset * n + i
        return offset

    def __getitem__(self, index):
        return self.pointer[self._offset(index)]

    def __setitem__(self, index, value):
        self.pointer[self._offset(index)] = value

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        if len(self.shape) != 1:
            raise TypeError("the shim iterates one-dimensional pointer views only")
        return (self[i] for i in range(self.shape[0]))


class _Block:
    def __init__(self, nbytes=0, items=None):
        self.nbytes = nbytes
        self.items = items if items is not None else []
        self.freed = False


class Pointer:
    """A pointer value: slot `offset` of `block`, read as `target`."""

    def __init__(self, block, offset, target):
        self.block, self.offset, self.target = block, offset, target

    def _typed(self):
        size = sizeof(self.target)
        block = self.block
        if block.nbytes and size and len(block.items) * size < block.nbytes:
            zero = zero_value(self.target)
            block.items.extend(zero for _ in range(block.nbytes // size - len(block.items)))
        return block.items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(i.start or 0, i.stop)]
        return self._typed()[self.offset + i]

    def __setitem__(self, i, value):
        self._typed()[self.offset + i] = convert(self.target, value)

    def __add__(self, n):
        return Pointer(self.block, self.offset + n, self.target)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, Pointer):
            return self.offset - other.offset
        return Pointer(self.block, self.offset - other, self.target)

    def __eq__(self, other):
        return isinstance(other, Pointer) and other.block is self.block and other.offset == self.offset

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self.offset < other.offset

    def __le__(self, other):
        return self.offset <= other.offset

    def __gt__(self, other):
        return self.offset > other.offset

    def __ge__(self, other):
        return self.offset >= other.offset

    def __hash__(self):
        return hash((id(self.block), self.offset))

    def __getattr__(self, name):
        # `p.x` through a pointer to a struct, as Cython allows.
        if name.startswith("_") or name in ("block", "offset", "target"):
            raise AttributeError(name)
        return getattr(self[0], name)

    def __setattr__(self, name, value):
        if name in ("block", "offset", "target"):
            object.__setattr__(self, name, value)
        else:
            setattr(self[0], name, value)


def cast_pointer(ptype, value):
    if value is None:
        return None
    if isinstance(value, Pointer):
        return Pointer(value.block, value.offset, ptype.target)
    if isinstance(value, CArray):
        return Pointer(_Block(items=value), 0, ptype.target)
    raise TypeError(f"the shim cannot cast {value!r} to {ptype!r}")


class ArrayType:
    """`cython.int[10]`: `declare` gives a zero-filled CArray."""

    def __init__(self, element, length):
        self.element, self.length = element, length

    def __getitem__(self, n):
        return ArrayType(self, n)

    def __call__(self, value=None):
        array = CArray(zero_value(self.element) for _ in range(self.length))
        array.element = self.element
        if value is not None:
            items = list(value)
            if len(items) > self.length:
                raise IndexError(f"too many values found during array assignment, expected {self.length}")
            if len(items) < self.length:
                raise IndexError("not enough values found during array assignment, "
                                 f"expected {self.length}, got {len(items)}")
            array[:] = [convert(self.element, v) for v in items]
        return array

    def __repr__(self):
        return f"{self.element!r}[{self.length}]"


class ValueField:
    """A C array, struct or C++ container field of a cclass: each instance has
    its own value, zero-filled (empty) until assigned; assignment converts (a dict to a struct, an
    iterable to an array) and copies, as storing a C value does."""

    def __init__(self, ctype):
        self.ctype, self.name = ctype, None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if self.name not in obj.__dict__:
            obj.__dict__[self.name] = self.ctype()
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if isinstance(self.ctype, ArrayType):
            obj.__dict__[self.name] = self.ctype(value)
        elif getattr(self.ctype, "_cpp_class", False):
            obj.__dict__[self.name] = self.ctype._from_iterable(value)  # a C++ container: a copy
        else:
            obj.__dict__[self.name] = self.ctype.from_mapping(value)


class CArray(list):
    """A C array's value: a list of fixed length. An index out of range is
    pyxx's IndexError (Cython does not check C array indices).

    Compiled, a C array converted to a memoryview is a view of its memory;
    plain Python keeps the array, so it also answers what such a view is
    asked: `a[i, j]` (an element of every dimension) and `.shape`."""

    def __getitem__(self, i):
        if isinstance(i, tuple):
            row, k = self._last_row(i)
            return list.__getitem__(row, k)
        try:
            return list.__getitem__(self, i)
        except IndexError:
            raise IndexError("C array index out of range") from None

    def __setitem__(self, i, value):
        if isinstance(i, tuple):
            row, k = self._last_row(i)
            row[k] = value
            return
        if isinstance(i, int) and hasattr(self, "element"):
            value = convert(self.element, value)  # stored as the element type, as C does
        try:
            list.__setitem__(self, i, value)
        except IndexError:
            raise IndexError("C array index out of range") from None

    def _last_row(self, index):
        """The innermost array `index` reaches, and the index in it (made non-negative)."""
        if len(index) != len(self.shape) or not all(isinstance(k, int) for k in index):
            raise TypeError("the shim indexes a C array's view with one integer per dimension")
        row = self
        for axis, (k, n) in enumerate(zip(index, self.shape)):
            k = k + n if k < 0 else k
            if not 0 <= k < n:
                raise IndexError(f"Out of bounds on buffer access (axis {axis})")
            if axis == len(index) - 1:
                return row, k
            row = list.__getitem__(row, k)

    @property
    def shape(self):
        first = list.__getitem__(self, 0) if len(self) else None
        return (len(self),) + (first.shape if isinstance(first, CArray) else ())

    @property
    def ndim(self):
        return len(self.shape)


class StructType:
    """`cython.struct(x=cython.double, ...)` / `cython.union(...)`."""

    def __init__(self, fields, is_union=False):
        self.fields, self.is_union = fields, is_union

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and isinstance(args[0], dict):
            return self.from_mapping(args[0])
        value = StructValue()
        names = list(self.fields)
        for name in names if not self.is_union else ():
            dict.__setitem__(value, name, zero_value(self.fields[name]))
        for name, v in list(zip(names, args)) + list(kwargs.items()):
            dict.__setitem__(value, name, convert(self.fields[name], v))
        object.__setattr__(value, "_type", self)
        return value

    def from_mapping(self, mapping):
        value = self()
        if self.is_union:
            present = [name for name in self.fields if name in mapping]
            if not present:
                raise ValueError("No value specified for any of the union attributes (%s)" % ", ".join(self.fields))
            if len(present) > 1:
                raise ValueError("More than one union attribute passed: '%s' and '%s'" % (present[0], present[1]))
            dict.__setitem__(value, present[0], convert(self.fields[present[0]], mapping[present[0]]))
            return value
        for name in self.fields:
            if name not in mapping:
                raise ValueError(f"No value specified for struct attribute '{name}'")
            dict.__setitem__(value, name, convert(self.fields[name], mapping[name]))
        return value

    def __getitem__(self, n):
        if isinstance(n, int):
            return ArrayType(self, n)  # `Point[3]`: a C array
        from . import _MemoryviewType
        return _MemoryviewType(self, n)  # `Point[:]`: a view of records (an annotation)


class StructValue(dict):
    """A struct's value: a dict of its fields, also read and written as attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = convert(self._type.fields[name], value)


def zero_value(ctype):
    from . import _CScalar
    if isinstance(ctype, _CScalar):
        return ctype(0)
    if isinstance(ctype, (ArrayType, StructType)):
        return ctype()
    return None  # a pointer: NULL


def convert(ctype, value):
    from . import _CScalar
    if isinstance(ctype, _CScalar):
        return ctype(value)
    if isinstance(ctype, StructType) and isinstance(value, dict) and not isinstance(value, StructValue):
        return ctype.from_mapping(value)
    return value


def sizeof(ctype):
    return _layout(ctype)[0]


def _layout(ctype):
    """(size, alignment) on LP64."""
    from . import _CScalar
    if isinstance(ctype, _CScalar):
        return ctype.size, ctype.size // 2 if ctype.kind == "complex" else ctype.size
    if isinstance(ctype, (PointerType, type(None))):
        return 8, 8
    if isinstance(ctype, ArrayType):
        size, align = _layout(ctype.element)
        return size * ctype.length, align
    if isinstance(ctype, StructType):
        offset, align = 0, 1
        for field in ctype.fields.values():
            fsize, falign = _layout(field)
            align = max(align, falign)
            if ctype.is_union:
                offset = max(offset, fsize)
            else:
                offset = (offset + falign - 1) // falign * falign + fsize
        return (offset + align - 1) // align * align, align
    raise TypeError(f"sizeof({ctype!r}) is not known to the shim")


# --- libc.stdlib, libc.string, cpython.mem ---
def malloc(nbytes):
    return Pointer(_Block(_builtins.int(nbytes)), 0, None)


def calloc(count, size):
    return malloc(count * size)


def realloc(pointer, nbytes):
    new = malloc(nbytes)
    if pointer is not None:
        new.block.items = list(pointer.block.items)
        pointer.block.freed = True
    return new


def free(pointer):
    if pointer is not None:
        pointer.block.freed = True


def memset(pointer, value, nbytes):
    if value != 0:
        raise NotImplementedError("the shim's memset only writes zeros")
    n = nbytes // sizeof(pointer.target)
    for i in range(n):
        pointer[i] = zero_value(pointer.target)
    return pointer


def memcpy(dst, src, nbytes):
    n = nbytes // sizeof(dst.target)
    values = [src[i] for i in range(n)]
    for i, v in enumerate(values):
        dst[i] = v
    return dst


memmove = memcpy


def _c_string(s):
    """The bytes of a C string argument (a bytes object or a char pointer) up to its NUL."""
    if isinstance(s, (bytes, bytearray)):
        data = bytes(s)
    else:
        data = bytes(s[i] & 0xFF for i in range(strlen(s)))
    return data.split(b"\0", 1)[0]


def atoi(s):
    """C's atoi/atol: leading blanks, a sign and digits; 0 when there are none."""
    import re

    m = re.match(rb"[ \t\n\v\f\r]*([+-]?[0-9]+)", _c_string(s))
    return int(m.group(1)) if m else 0


atol = atoi


def atof(s):
    """C's atof for decimal numbers: the longest prefix that is one; 0.0 when none."""
    import re

    m = re.match(rb"[ \t\n\v\f\r]*([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)", _c_string(s))
    return float(m.group(1)) if m else 0.0


def strcmp(a, b):
    x, y = _c_string(a), _c_string(b)
    return (x > y) - (x < y)


def strncmp(a, b, n):
    x, y = _c_string(a)[:n], _c_string(b)[:n]
    return (x > y) - (x < y)


def _writes_chars(*args):
    raise NotImplementedError("the shim has no writable char arrays (strcpy, strncpy, strcat, strncat)")


strcpy = strncpy = strcat = strncat = _writes_chars


def strlen(pointer):
    if isinstance(pointer, (bytes, bytearray)):  # a C string taken from the object
        return pointer.index(0) if 0 in pointer else len(pointer)
    n = 0
    while pointer[n] != 0:
        n += 1
    return n
