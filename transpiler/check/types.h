// The types live in checked/ (the model check/ writes and emit/ reads); check/
// names them unqualified.
#pragma once

#include "checked/types.h"

namespace pyxx::check {
using namespace ::pyxx::checked;  // NOLINT: check/ writes the checked model
}  // namespace pyxx::check
