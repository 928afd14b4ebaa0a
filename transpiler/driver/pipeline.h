// The phases in order: load -> parse -> check -> emit. Stops after the first
// phase that reported an error; nothing is written by these functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"

namespace pyxx::driver {

struct TranslateOptions {
  std::string module_name;  // empty: the file stem
  bool line_directives = true;
  bool warnings_as_errors = false;
};

struct TranslateResult {
  std::vector<diag::Diagnostic> diagnostics;  // final order, -Werror applied
  std::optional<std::string> cpp;             // set only when there are no errors
  std::string module_name;
  [[nodiscard]] auto HasErrors() const -> bool;
};

// The module name for a path ("dir/fib.pyx" -> "fib").
auto ModuleNameFor(const std::string& path) -> std::string;
auto IsIdentifier(const std::string& name) -> bool;

// Checks (and, when `emit` is true and there are no errors, translates) one file.
auto Translate(const base::SourceBuffer& source, const TranslateOptions& options, bool emit) -> TranslateResult;

// A syntax-tree dump (`--dump=syntax`) or a checked dump (`--dump=checked`).
auto Dump(const base::SourceBuffer& source, const std::string& what, const TranslateOptions& options)
    -> std::optional<std::string>;

}  // namespace pyxx::driver
