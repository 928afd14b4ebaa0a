// The effects pass (effects.cpp): facts derived from the checked program for
// the emitter (effects, raising calls, bound checks, written memoryviews).
#pragma once

#include "checked/checked_module.h"

namespace pyxx::check {

using namespace ::pyxx::checked;  // NOLINT: check/ writes the checked model

// Runs after type checking and ComputeCanRaise; records into `module`.
void RecordEffects(CheckedModule& module);

}  // namespace pyxx::check
