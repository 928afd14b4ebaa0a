// How memoryview elements are addressed (view_facts.cpp).
#pragma once

#include "checked/checked_module.h"

namespace pyxx::check {

using namespace ::pyxx::checked;  // NOLINT: check/ writes the checked model

// Sets ExprFacts::through_view_access and ParamFacts::view_access (elements
// of a view parameter addressed through its ViewAccess local) and
// ExprFacts::view_field_in_place. Runs after RecordEffects's own facts (it
// reads rebound parameters and bound checks).
void RecordViewFacts(CheckedModule& module);

}  // namespace pyxx::check
