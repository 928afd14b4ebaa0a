// The emit phase: a checked module -> the text of one C++17 translation unit.
// Never reports user errors: everything that could fail was checked before.
#pragma once

#include <string>

#include "base/source_buffer.h"
#include "checked/checked_module.h"

namespace pyxx::emit {

struct EmitOptions {
  std::string module_name;
  bool line_directives = true;
};

auto EmitModule(const checked::CheckedModule& module, const base::SourceBuffer& source, const EmitOptions& options)
    -> std::string;

// The module's declarations file (NAME.pyxd): the C functions other pyxx
// modules may cimport, in pyxx's dialect (emit/declarations.cpp).
auto EmitDeclarations(const checked::CheckedModule& module, const EmitOptions& options) -> std::string;

}  // namespace pyxx::emit
