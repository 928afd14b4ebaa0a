"""A plain-Python stand-in for the parts of Numba that pyxx reads (tests only).

`@jit`, `@njit` (with or without arguments or a signature) return the function
unchanged; `prange` is range. Numba's int64 arithmetic wraps, Python's does
not: differential drivers keep Numba programs in range or normalise results.
Written for pyxx from its spec.
"""


def jit(*args, **options):
    if len(args) == 1 and callable(args[0]) and not isinstance(args[0], _NumbaType) \
            and not options:
        return args[0]  # bare @jit
    return lambda function: function  # @jit(...), @jit("int64(int64)", nogil=True)


njit = generated_jit = jit


def prange(*args):
    return range(*args)


class _NumbaType:
    """int64, float64, ...: `int64(x)` converts; `int64(int64)` is a signature."""

    def __init__(self, name, bits=None, signed=True, kind="int"):
        self.name, self.bits, self.signed, self.kind = name, bits, signed, kind

    def __call__(self, *args):
        if any(isinstance(a, _NumbaType) for a in args):
            return (self, args)  # a signature, only ever handed to @jit
        (value,) = args
        if self.kind == "float":
            return float(value)
        if self.kind == "bool":
            return bool(value)
        value = int(value) & ((1 << self.bits) - 1)
        if self.signed and value >= 1 << (self.bits - 1):
            value -= 1 << self.bits
        return value

    def __repr__(self):
        return self.name


for _bits in (8, 16, 32, 64):
    globals()[f"int{_bits}"] = _NumbaType(f"int{_bits}", _bits, True)
    globals()[f"uint{_bits}"] = _NumbaType(f"uint{_bits}", _bits, False)
del _bits
intp = int64
uintp = uint64
float32 = _NumbaType("float32", kind="float")
float64 = double = _NumbaType("float64", kind="float")
boolean = b1 = _NumbaType("boolean", kind="bool")
void = _NumbaType("void", kind="void")
