"""Shim for `cython.cimports.libc.stdint`: the fixed-width integer types (LP64)."""
from ... import _CScalar

int8_t = _CScalar("int8_t", "int", 1, True)
int16_t = _CScalar("int16_t", "int", 2, True)
int32_t = _CScalar("int32_t", "int", 4, True)
int64_t = _CScalar("int64_t", "int", 8, True)
uint8_t = _CScalar("uint8_t", "int", 1, False)
uint16_t = _CScalar("uint16_t", "int", 2, False)
uint32_t = _CScalar("uint32_t", "int", 4, False)
uint64_t = _CScalar("uint64_t", "int", 8, False)
intptr_t = intmax_t = _CScalar("intptr_t", "int", 8, True)
uintptr_t = uintmax_t = _CScalar("uintptr_t", "int", 8, False)
