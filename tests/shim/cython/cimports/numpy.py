"""Shim for `cython.cimports.numpy`: the C typedefs of NumPy's .pxd (LP64), as
the C scalar types they name. Plain Python needs no NumPy for them."""
from .. import _CScalar

_TYPEDEFS = {
    # name: (kind, size in bytes, signed)
    "int8_t": ("int", 1, True), "int16_t": ("int", 2, True), "int32_t": ("int", 4, True),
    "int64_t": ("int", 8, True), "uint8_t": ("int", 1, False), "uint16_t": ("int", 2, False),
    "uint32_t": ("int", 4, False), "uint64_t": ("int", 8, False),
    "float32_t": ("float", 4, True), "float64_t": ("float", 8, True),
    "complex64_t": ("complex", 8, True), "complex128_t": ("complex", 16, True),
    "int_t": ("int", 8, True), "uint_t": ("int", 8, False),
    "longlong_t": ("int", 8, True), "ulonglong_t": ("int", 8, False),
    "intp_t": ("int", 8, True), "uintp_t": ("int", 8, False),
    "float_t": ("float", 8, True), "double_t": ("float", 8, True), "longdouble_t": ("float", 16, True),
    "npy_bool": ("int", 1, False), "npy_byte": ("int", 1, True), "npy_ubyte": ("int", 1, False),
    "npy_short": ("int", 2, True), "npy_ushort": ("int", 2, False),
    "npy_int": ("int", 4, True), "npy_uint": ("int", 4, False),
    "npy_long": ("int", 8, True), "npy_ulong": ("int", 8, False),
    "npy_longlong": ("int", 8, True), "npy_ulonglong": ("int", 8, False),
    "npy_float": ("float", 4, True), "npy_double": ("float", 8, True), "npy_longdouble": ("float", 16, True),
    "npy_int8": ("int", 1, True), "npy_int16": ("int", 2, True), "npy_int32": ("int", 4, True),
    "npy_int64": ("int", 8, True), "npy_uint8": ("int", 1, False), "npy_uint16": ("int", 2, False),
    "npy_uint32": ("int", 4, False), "npy_uint64": ("int", 8, False),
    "npy_float32": ("float", 4, True), "npy_float64": ("float", 8, True),
    "npy_intp": ("int", 8, True), "npy_uintp": ("int", 8, False),
}
for _name, (_kind, _size, _signed) in _TYPEDEFS.items():
    globals()[_name] = _CScalar(_name, _kind, _size, _signed)
del _name, _kind, _size, _signed
