// The C math library pyxx knows (`cython.cimports.libc.math`, `math` in Numba
// bodies): checked by check/, spelled by emit/.
#pragma once

#include <string>

namespace pyxx::syntax {

auto LibcMathArity(const std::string& name) -> int;  // -1 when unknown
// C text of a libc.math constant (M_PI, INFINITY, ...), or nullptr.
auto LibcMathConstant(const std::string& name) -> const char*;
auto LibcMathPredicate(const std::string& name) -> bool;  // isnan, isinf, isfinite, signbit

}  // namespace pyxx::syntax
