// The spellings of C scalar types pyxx knows: Cython's (`cython.ulong`) and
// Numba's (`int64`), and the C spellings of classic Cython (`unsigned long`).
#pragma once

#include <optional>
#include <string_view>

#include "syntax/tree.h"

namespace pyxx::syntax {

// `ulong`, `Py_ssize_t`, ... as in `cython.<name>`.
auto CythonScalar(std::string_view name) -> std::optional<ScalarKind>;
// Names Cython has but pyxx does not support yet (`pointer`, `struct`, `p_int`, ...).
auto IsUnsupportedCythonTypeName(std::string_view name) -> bool;
// Numba's names: int8..int64, uint8..uint64, float32, float64, boolean, intp,
// uintp, void, and the short aliases (i8, f8, b1, ...).
auto NumbaScalar(std::string_view name) -> std::optional<ScalarKind>;
// The `cython.<name>` spelling of a scalar ("ulong").
auto CythonName(ScalarKind kind) -> std::string_view;

}  // namespace pyxx::syntax
