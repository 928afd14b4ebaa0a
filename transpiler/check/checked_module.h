// The checked program is defined in checked/checked_module.h; check/ writes it.
#pragma once

#include "checked/checked_module.h"

namespace pyxx::check {
using namespace ::pyxx::checked;  // NOLINT: check/ writes the checked model
}  // namespace pyxx::check
