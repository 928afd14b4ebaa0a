"""A plain-Python stand-in for the `cython` module of Cython's pure-Python mode.

Tests only. With tests/shim on sys.path, a pyxx source file runs unmodified
under CPython, so one driver can compare the compiled module with the plain
one (tests/diff). Written for pyxx from its spec; it is not Cython's Shadow.py.

What runs as Python:
  * decorators (cfunc, ccall, nogil, with_gil, inline, exceptval, locals,
    boundscheck(False), ...) return the function unchanged;
  * `with cython.nogil:`, `with cython.gil:`, `nogil(cond)`, `gil(cond)` and the
    directive context managers do nothing;
  * C types (cython.int, cython.ulong, cython.double, ...) are callables that
    convert like a C cast: integers wrap to the type's width, floats truncate
    toward zero when cast to an integer type; `cython.double[:, ::1]` is an
    annotation object;
  * declare(T, v) and cast(T, v) convert v through T; sizeof(T) gives the C size
    on LP64 (Linux x86-64).
Arithmetic between annotated locals is ordinary Python arithmetic: it does not
wrap. Differential drivers normalise results that may wrap (e.g. `% 2**64`).
"""
import sys as _sys
import builtins as _builtins
import math as _math
import operator as _operator
import struct as _struct

compiled = False


class _CScalar:
    """A C scalar type: `cython.ulong(x)` converts like a C cast."""

    def __init__(self, name, kind, size, signed=True):
        self.name, self.kind, self.size, self.signed = name, kind, size, signed

    def __call__(self, value=0):
        if self.kind == "complex":
            value = _builtins.complex(value)
            if self.size == 8:  # float complex: both parts rounded to single precision
                single = lambda x: _struct.unpack("f", _struct.pack("f", x))[0]  # noqa: E731
                return _builtins.complex(single(value.real), single(value.imag))
            return value
        if self.kind == "float":
            if not isinstance(value, (_builtins.int, _builtins.float)) and not (
                    hasattr(type(value), "__float__") or hasattr(type(value), "__index__")):
                # PyFloat_AsDouble's error (compiled code never parses a str)
                raise TypeError(f"must be real number, not {type(value).__name__}")
            if self.size == 4:  # round to single precision, as a C float does
                return _struct.unpack("f", _struct.pack("f", _builtins.float(value)))[0]
            return _builtins.float(value)
        if self.kind == "bool":
            return _builtins.bool(value)
        if self.kind == "void":
            raise TypeError("cython.void has no values")
        if isinstance(value, _builtins.float):
            if _math.isnan(value) or _math.isinf(value):
                return 0  # pyxx's defined result (docs/design-choices.md)
            value = _builtins.int(value)  # C truncates toward zero, as int() does
        # Any other object converts as compiled code converts it to a C integer
        # (`__index__`: None or a str is CPython's TypeError, not int()'s parsing).
        value = _operator.index(value)
        bits = 8 * self.size
        value &= (1 << bits) - 1
        if self.signed and value >= 1 << (bits - 1):
            value -= 1 << bits
        return value

    def __getitem__(self, dims):
        if isinstance(dims, _builtins.int):
            return _cdata_array(self, dims)  # `cython.int[10]`: a C array
        return _MemoryviewType(self, dims)

    def __repr__(self):
        return f"cython.{self.name}"


class _MemoryviewType:
    """The annotation `cython.double[:, ::1]`; calling it views a buffer."""

    def __init__(self, dtype, dims):
        self.dtype = dtype
        self.dims = dims if isinstance(dims, _builtins.tuple) else (dims,)
        self.ndim = len(self.dims)

    def __call__(self, buffer):
        extents = [d.stop for d in self.dims] if all(isinstance(d, slice) for d in self.dims) else []
        if all(n is not None for n in extents) and extents:
            # `cython.cast(cython.double[:n, :m], p)`: a view of the memory behind a pointer
            # (a C array decays to one; the view may not be larger than the array).
            if isinstance(buffer, _cdata.CArray):
                total = 1
                for n in extents:
                    total *= n
                if total > len(buffer) and min(extents) >= 1:
                    raise ValueError("a memoryview larger than the C array it views")
                buffer = _cdata.cast_pointer(_cdata.PointerType(self.dtype), buffer)
            if buffer is None or isinstance(buffer, _cdata.Pointer):
                return _cdata.PointerView(buffer, extents)
        if isinstance(buffer, _cdata.CArray):
            return buffer  # a view of the array's memory: the array answers for it (_cdata.CArray)
        return memoryview(buffer)

    def __repr__(self):
        return f"{self.dtype!r}[{', '.join([':'] * self.ndim)}]"


def _cdata_array(element, length):
    return _cdata.ArrayType(element, length)


_SCALARS = {
    # name: (kind, size in bytes on LP64, signed)
    "char": ("int", 1, True), "schar": ("int", 1, True), "uchar": ("int", 1, False),
    "short": ("int", 2, True), "ushort": ("int", 2, False),
    "int": ("int", 4, True), "uint": ("int", 4, False),
    "long": ("int", 8, True), "ulong": ("int", 8, False),
    "longlong": ("int", 8, True), "ulonglong": ("int", 8, False),
    "size_t": ("int", 8, False), "Py_ssize_t": ("int", 8, True),
    "Py_hash_t": ("int", 8, True), "ssize_t": ("int", 8, True),
    "float": ("float", 4, True), "double": ("float", 8, True),
    "longdouble": ("float", 16, True), "bint": ("bool", 1, True),  # pyxx's bint is a C++ bool
    "void": ("void", 0, True),
    # Explicitly signed spellings.
    "sshort": ("int", 2, True), "sint": ("int", 4, True),
    "slong": ("int", 8, True), "slonglong": ("int", 8, True),
    # C complex types (cython.complex is double complex).
    "floatcomplex": ("complex", 8, True), "doublecomplex": ("complex", 16, True),
    "longdoublecomplex": ("complex", 32, True), "complex": ("complex", 16, True),
    # Shadow.py makes the character types integer typedefs too (plain Python
    # keeps the one-character str an annotated variable is given).
    "Py_UCS4": ("int", 4, False), "Py_UNICODE": ("int", 4, False),
}
for _name, (_kind, _size, _signed) in _SCALARS.items():
    globals()[_name] = _CScalar(_name, _kind, _size, _signed)
del _name, _kind, _size, _signed


class _FusedType:
    """`cython.fused_type(...)`, `cython.floating`, ...: plain Python runs the one
    body for whatever it is given, as Cython's Shadow module does. `T[:, ::1]`
    is a memoryview annotation; `T is cython.double` is never true here."""

    def __init__(self, *members):
        self.members = members

    def __getitem__(self, dims):
        return _MemoryviewType(self, dims)

    def __repr__(self):
        return f"fused_type({', '.join(map(repr, self.members))})"


def fused_type(*members):
    if not members:
        raise TypeError("Expected at least one type as argument")
    return _FusedType(*members)


floating = _FusedType(globals()["float"], globals()["double"])
integral = _FusedType(globals()["short"], globals()["int"], globals()["long"])
numeric = _FusedType(globals()["short"], globals()["int"], globals()["long"], globals()["float"],
                     globals()["double"], globals()["floatcomplex"], globals()["doublecomplex"])


# `cython.object`: the Python object type under Cython's name.
object = object
unicode = str  # Cython 3's name for `str` (Shadow.py: a typedef of str)


# --- C data (_cdata.py): pointers, C arrays, structs, unions, typedefs ---
from . import _cdata  # noqa: E402

_PointerType = _cdata.PointerType


class _PointerMaker:
    """`cython.pointer(T)` and `cython.pointer[T]`."""

    def __call__(self, target):
        return _cdata.PointerType(target)

    __getitem__ = __call__


pointer = _PointerMaker()


class _Qualifier:
    """`cython.const[T]`, `cython.volatile[T]`: T itself, as in Cython's Shadow module."""

    def __getitem__(self, ctype):
        return ctype


const = _Qualifier()
volatile = _Qualifier()

for _name in list(_SCALARS):
    globals()["p_" + _name] = _cdata.PointerType(globals()[_name])
    globals()["pp_" + _name] = _cdata.PointerType(globals()["p_" + _name])
del _name

NULL = None


def struct(**fields):
    return _cdata.StructType(fields)


def union(**fields):
    return _cdata.StructType(fields, is_union=True)


def typedef(ctype, name=None):
    return ctype


# --- the GIL: no-ops that work as decorators, context managers and nogil(cond) ---
class _NullContext:
    def __enter__(self):
        return None

    def __exit__(self, *exc_info):
        return False


class _GilMarker(_NullContext):
    """`cython.nogil` / `cython.gil`: `@nogil`, `with nogil:`, `with nogil(cond):`."""

    def __init__(self, name):
        self._name = name

    def __call__(self, argument):
        if callable(argument):  # used as a decorator
            return argument
        return _Directive()  # nogil(cond) / gil(cond), or the decorator @nogil(True)

    def __repr__(self):
        return f"cython.{self._name}"


nogil = _GilMarker("nogil")
gil = _GilMarker("gil")


# --- decorators and directives ---
def _identity(function):
    return function


cfunc = ccall = inline = final = with_gil = _identity
# As in Cython's Shadow.py: only compiled extension types get the missing comparisons.
total_ordering = _identity


def freelist(n):
    """@cython.freelist(n): Cython keeps up to n freed instances for reuse; no behaviour changes."""
    return _identity


def collection_type(kind):
    """@cython.collection_type("sequence" | "mapping"): the type's instances match
    sequence (or mapping) patterns in `match`. A compiled type gets the type flag;
    a plain class gets it by registering with the ABC, which sets the same flag."""
    import collections.abc

    abc = {"sequence": collections.abc.Sequence, "mapping": collections.abc.Mapping}[kind]

    def decorate(cls):
        abc.register(cls)
        return cls

    return decorate


# @cython.no_gc_clear, @cython.no_gc, @cython.type_version_tag(True): how the
# compiled type takes part in garbage collection and attribute caches.
no_gc_clear = no_gc = _identity


def type_version_tag(flag=True):
    """Bare (as Cython's Shadow has it) or called with True."""
    return flag if isinstance(flag, type) else _identity


class _PrivateField:
    """A field an annotation declares in a cclass: each instance reads its start
    value until it assigns its own; the class has no such attribute (Cython's
    field is not visible from Python, so `Class.field` is an AttributeError)."""

    def __init__(self, start):
        self.start = start

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            raise AttributeError(f"type object '{owner.__module__}.{owner.__qualname__}' "
                                 f"has no attribute '{self.name}'")
        return self.start


def cclass(cls):
    """@cython.cclass: the class itself, with what compiled extension types do
    that a plain class would not: fields start as zero (C types), empty (C++
    containers) or None (objects) instead of being missing, `__cinit__` runs when an instance is
    made (before `__init__`, with the same arguments), `__dealloc__` when it dies."""
    zeroed = _zeroed.setdefault(cls, {})
    for name, ctype in cls.__dict__.get("__annotations__", {}).items():
        # `__dict__: dict` declares the instance dictionary a Python class has anyway.
        if name not in cls.__dict__ and name != "__dict__":
            if isinstance(ctype, (_cdata.ArrayType, _cdata.StructType)) or getattr(ctype, "_cpp_class", False):
                field = _cdata.ValueField(ctype)
                field.__set_name__(cls, name)
                setattr(cls, name, field)
            else:
                field = _PrivateField(ctype() if isinstance(ctype, _CScalar) else None)
                field.__set_name__(cls, name)
                setattr(cls, name, field)
            zeroed[name] = cls.__dict__[name]
    _cclasses.add(cls)
    chain = [k for k in cls.__mro__ if k in _cclasses]  # the type, then its base extension types
    if any("__cinit__" in k.__dict__ for k in chain):
        # The bases' `__cinit__` first, each with the same arguments, as in Cython.
        def __new__(klass, *args, **kwargs):
            # A builtin base (`class C(list)`) makes its part from the call's arguments, as compiled.
            builtin = next(k for k in klass.__mro__ if k not in _cclasses and k.__module__ == "builtins")
            self = object.__new__(klass) if builtin is object else builtin.__new__(klass, *args, **kwargs)
            for k in reversed(klass.__mro__):
                if k in _cclasses and "__cinit__" in k.__dict__:
                    k.__dict__["__cinit__"](self, *args, **kwargs)
            return self

        cls.__new__ = __new__
    if any("__dealloc__" in k.__dict__ for k in chain):
        # The type's `__dealloc__` first, then its bases'.
        def __del__(self):
            for k in type(self).__mro__:
                if k in _cclasses and "__dealloc__" in k.__dict__:
                    k.__dict__["__dealloc__"](self)

        cls.__del__ = __del__
    return cls


_cclasses = set()
# The start values cclass gave each class's fields (a dataclass applied after it
# must not read them as defaults: cython.dataclasses.dataclass sets them aside).
_zeroed = {}
ufunc = internal = _identity


class _Directive(_NullContext):
    """A directive: `@cython.boundscheck(False)` or `with cython.boundscheck(False):`."""

    def __call__(self, function):
        return function


def _directive(*args, **kwargs):
    return _Directive()


boundscheck = wraparound = cdivision = initializedcheck = nonecheck = _directive
overflowcheck = profile = linetrace = infer_types = binding = cpow = _directive
embedsignature = always_allow_keywords = c_api_binop_methods = _directive
annotation_typing = _directive


def test_assert_path_exists(*paths):
    """Cython's own tests assert on its syntax tree with these: no meaning here."""
    return _identity


test_fail_if_path_exists = test_assert_path_exists


def likely(value):
    return value


unlikely = likely


def exceptval(*args, **kwargs):
    return _identity


def locals(**types):  # noqa: A001 - the name is Cython's
    return _identity


def returns(ctype):
    return _identity


# --- values ---
_UNSET = _builtins.object()  # `declare(T)` without a value (`declare(T, None)` converts None)


def declare(ctype=None, value=_UNSET, *, visibility=None, **variables):
    """declare(T, v) gives v converted to T; declare(T) gives T's zero;
    declare(x=T) (a declaration only) gives None. `visibility=` (a field of
    a cclass: 'public', 'readonly', 'private') changes nothing in plain Python."""
    if variables and ctype is None:
        # `cython.declare(x=T)` in a class body declares fields: they start as
        # zero or None, as in an extension type (see cclass).
        caller = _sys._getframe(1).f_locals
        if "__module__" in caller and "__qualname__" in caller:
            for name, vtype in variables.items():
                if isinstance(vtype, (_cdata.ArrayType, _cdata.StructType)):
                    caller.setdefault(name, _cdata.ValueField(vtype))
                else:
                    caller.setdefault(name, vtype() if isinstance(vtype, _CScalar) else None)
        return None
    if ctype is None:
        return None
    if value is None and isinstance(ctype, _CScalar):
        return ctype(value)  # a C number made from None: the TypeError compiled code raises
    if value is _UNSET:
        value = None
    if getattr(ctype, "_cpp_class", False):  # a C++ container: empty, or converted from an iterable
        return ctype() if value is None else ctype._from_iterable(value)
    if value is None:
        if isinstance(ctype, (_cdata.ArrayType, _cdata.StructType)):
            caller = _sys._getframe(1).f_locals
            if "__module__" in caller and "__qualname__" in caller:
                return _cdata.ValueField(ctype)  # `a = cython.declare(T, ...)` in a class body: a field
            return ctype()
        return ctype() if isinstance(ctype, _CScalar) else None
    if isinstance(ctype, type) and isinstance(value, ctype):
        return value  # a Python type the value already has: the object itself, as Cython's cast
    return ctype(value) if callable(ctype) else value


def cast(ctype, value, typecheck=False):
    if isinstance(ctype, _cdata.PointerType):
        return _cdata.cast_pointer(ctype, value)
    if isinstance(ctype, _cdata.StructType):
        return _cdata.convert(ctype, value)
    if isinstance(ctype, (_CScalar, _MemoryviewType)):
        return ctype(value)
    if ctype in _cclasses:
        # pyxx tests a cast to an extension type in any case (None passes): Cython's
        # unchecked cast of an object of another type would be undefined behaviour.
        if value is not None and not isinstance(value, ctype):
            kind = type(value)  # named as CPython's tp_name: module and name for an extension type
            name = f"{kind.__module__}.{kind.__qualname__}" if kind in _cclasses else kind.__name__
            raise TypeError(f"Cannot convert {name} to {ctype.__module__}.{ctype.__qualname__}")
        return value
    # A Python type: the object itself; typecheck=True tests it (None passes, as in Cython).
    if typecheck and isinstance(ctype, type) and value is not None and not isinstance(value, ctype):
        raise TypeError(f"Expected {ctype.__name__}, got {type(value).__name__}")
    return value


def sizeof(ctype):
    if isinstance(ctype, (_CScalar, _cdata.PointerType, _cdata.ArrayType, _cdata.StructType)):
        return _cdata.sizeof(ctype)
    if isinstance(ctype, _builtins.bool):
        return 1
    if isinstance(ctype, _builtins.float):
        return 8
    if isinstance(ctype, _builtins.int):
        raise TypeError("the shim cannot tell the C size of an int value: use sizeof(T)")
    if isinstance(ctype, (_cdata.CArray, _cdata.StructValue)):
        raise TypeError("the shim cannot tell the C size of this value: use sizeof(T)")
    raise TypeError(f"sizeof({ctype!r}) is not known to the shim")


def typeof(value):
    return type(value).__name__


def address(value):
    """A pointer to a copy of `value` (as in Cython's Shadow module): reads work,
    writes through it do not reach the variable."""
    return _cdata.Pointer(_cdata._Block(items=[value]), 0, None)


from . import parallel  # noqa: E402  (cython.parallel.prange)
from . import view  # noqa: E402  (cython.view.array)
from . import cimports  # noqa: E402  (cython.cimports.libc.math.sqrt)
from . import dataclasses  # noqa: E402  (cython.dataclasses.dataclass, .field)
from . import operator  # noqa: E402  (cython.operator.dereference)
from .dataclasses import dataclass, field  # noqa: E402  (Cython 3's cython.dataclass, cython.field)
