// The emit phase: a checked module -> the text of one C++17 translation unit.
// Never reports user errors: everything that could fail was checked before.
#pragma once

#include <string>
#include <string_view>

#include "base/source_buffer.h"
#include "checked/checked_module.h"

namespace pyxx::emit {

// A module of more source lines than this is split into parts compiled as
// parallel translation units (parts.h; at most kMaxParts).
inline constexpr int kDefaultPartLines = 2500;
inline constexpr int kMaxParts = 8;

struct EmitOptions {
  std::string module_name;
  bool line_directives = true;
  int part_lines = kDefaultPartLines;  // 0: never split
};

// The number of parts a generated file has (its second line; 1 without one).
auto ModulePartCount(std::string_view cpp) -> int;

auto EmitModule(const checked::CheckedModule& module, const base::SourceBuffer& source, const EmitOptions& options)
    -> std::string;

// The module's declarations file (NAME.pyxd): the C functions other pyxx
// modules may cimport, in pyxx's dialect (emit/declarations.cpp).
auto EmitDeclarations(const checked::CheckedModule& module, const EmitOptions& options) -> std::string;

}  // namespace pyxx::emit
