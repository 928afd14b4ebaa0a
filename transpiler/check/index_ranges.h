// Memoryview indices proved in range by their loop (index_ranges.cpp).
#pragma once

#include "checked/checked_module.h"

namespace pyxx::check {

using namespace ::pyxx::checked;  // NOLINT: check/ writes the checked model

// Sets ExprFacts::indices_in_range on memoryview element accesses `v[i]` whose
// index `i` is the variable of a C range loop over `range(v.shape[d])` (or
// over a local holding it): the emitter then checks neither bounds nor sign.
// Runs after RecordEffects (it reads which parameters are rebound).
void RecordIndicesInRange(CheckedModule& module);

}  // namespace pyxx::check
