// The checked program as stable text, for `pyxx translate --dump checked`.
#pragma once

#include <string>

#include "base/source_buffer.h"
#include "checked/checked_module.h"

namespace pyxx::checked {

auto Dump(const CheckedModule& module, const base::SourceBuffer& source) -> std::string;

}  // namespace pyxx::checked
