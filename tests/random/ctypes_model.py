"""The C scalar types of the dialect as the random-program generator sees them.

Only what the generator needs to keep the plain-Python run an exact oracle:
each type's range, C's integer promotions and usual arithmetic conversions on
LP64 Linux (the platform pyxx targets), and Python's view of a cast.
"""

# name: (bits, signed, rank). Py_ssize_t is `long` and size_t `unsigned long` on LP64.
INTS = {
    "char": (8, True, 1), "schar": (8, True, 1), "uchar": (8, False, 1),
    "short": (16, True, 2), "ushort": (16, False, 2),
    "int": (32, True, 3), "uint": (32, False, 3),
    "long": (64, True, 4), "ulong": (64, False, 4),
    "Py_ssize_t": (64, True, 4), "size_t": (64, False, 4),
    "longlong": (64, True, 5), "ulonglong": (64, False, 5),
}
FLOATS = {"float": 32, "double": 64}
BINT = "bint"
SCALARS = list(INTS) + list(FLOATS) + [BINT]

# The C type each name denotes (Py_ssize_t and long are one type).
_CANONICAL = {"Py_ssize_t": "long", "size_t": "ulong", "schar": "schar"}
_UNSIGNED_OF = {"int": "uint", "long": "ulong", "longlong": "ulonglong", "Py_ssize_t": "size_t"}

# array.array type codes of the element types memoryviews are made of.
ARRAY_CODES = {
    "char": "b", "schar": "b", "uchar": "B", "short": "h", "ushort": "H", "int": "i",
    "uint": "I", "long": "l", "ulong": "L", "longlong": "q", "ulonglong": "Q",
    "float": "f", "double": "d",
}


def is_int(t):
    return t in INTS or t == BINT


def is_float(t):
    return t in FLOATS


def bounds(t):
    """The range of values of an integer type (bint: 0..1)."""
    if t == BINT:
        return 0, 1
    bits, signed, _ = INTS[t]
    if signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def fits(lo, hi, t):
    tlo, thi = bounds(t)
    return tlo <= lo and hi <= thi


def canonical(t):
    return _CANONICAL.get(t, t)


def promote(t):
    """C's integer promotion: everything narrower than int (and bint) becomes int."""
    if t == BINT or INTS[t][2] < 3:
        return "int"
    return t


def arith(a, b):
    """C's usual arithmetic conversions: the common type of a binary operation."""
    if is_float(a) or is_float(b):
        return "double" if "double" in (a, b) else "float"
    a, b = promote(a), promote(b)
    if canonical(a) == canonical(b):
        return a
    (abits, asigned, arank), (bbits, bsigned, brank) = INTS[a], INTS[b]
    if asigned == bsigned:
        return a if arank >= brank else b
    unsigned, signed = (a, b) if not asigned else (b, a)
    urank, srank = INTS[unsigned][2], INTS[signed][2]
    if urank >= srank:
        return unsigned
    if INTS[signed][0] > INTS[unsigned][0]:
        return signed
    return _UNSIGNED_OF[signed]


def wrap(value, t):
    """What C makes of an exact integer converted to t."""
    if t == BINT:
        return 1 if value else 0
    bits, signed, _ = INTS[t]
    value &= (1 << bits) - 1
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value
