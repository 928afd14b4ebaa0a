// Ranges of C integer expressions, and the arithmetic they prove cannot
// overflow (value_ranges.cpp).
#pragma once

#include "checked/checked_module.h"

namespace pyxx::check {

using namespace ::pyxx::checked;  // NOLINT: check/ writes the checked model

// Sets ExprFacts::value_range on integer expressions whose values the checker
// bounds more tightly than their type does, and ExprFacts::no_overflow on
// `+`, `-`, `*` and unary `-` of signed C integers whose exact result fits
// their type on every target: the emitter then prints plain C++ arithmetic
// instead of the wrap-around helpers.
void RecordValueRanges(CheckedModule& module);

}  // namespace pyxx::check
