// The phases in order: load -> parse -> check -> emit. Stops after the first
// phase that reported an error; nothing is written by these functions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "emit/emitter.h"

namespace pyxx::driver {

struct TranslateOptions {
  std::string module_name;  // empty: the file stem
  bool line_directives = true;
  bool warnings_as_errors = false;
  // --limited-api: the Py_LIMITED_API value to check for and compile against; 0: the full API.
  int limited_api = 0;
  // --part-lines: source lines per parallel translation unit (emit/parts.h); 0: one unit.
  int part_lines = emit::kDefaultPartLines;
  // Where the declarations files of cimported pyxx modules are looked for, in order.
  std::vector<std::string> include_dirs;
  // The module's augmenting .pxd (see AugmentingPxdPath), or nullptr, and the path it was read from.
  std::shared_ptr<const base::SourceBuffer> pxd;
  std::string pxd_path;
};

struct TranslateResult {
  std::vector<diag::Diagnostic> diagnostics;  // final order, -Werror applied
  std::optional<std::string> cpp;             // set only when there are no errors
  std::optional<std::string> declarations;    // the .pyxd, with cpp
  // Other files read (dependencies): the augmenting .pxd, the declarations files of cimported modules.
  std::vector<std::string> dependency_files;
  std::string module_name;
  // The augmenting .pxd and what was reported in it (final order, -Werror applied).
  std::shared_ptr<const base::SourceBuffer> pxd;
  std::vector<diag::Diagnostic> pxd_diagnostics;
  // Other files notes of `diagnostics` point into (declarations-only .pxd files): kept alive with them.
  std::vector<std::shared_ptr<const base::SourceBuffer>> note_sources;
  [[nodiscard]] auto HasErrors() const -> bool;
};

// The augmenting .pxd Cython reads for a module: `dir/mod.pxd` beside
// `dir/mod.py` or `dir/mod.pyx` (same directory, same stem); empty for another
// extension.
auto AugmentingPxdPath(const std::string& source_path) -> std::string;

// Reads the augmenting .pxd of the module at `source_path` (named after
// `display_name`, the name the module's diagnostics use) into `options.pxd`,
// which stays nullptr when there is none. False + `error` when it cannot be read.
auto LoadAugmentingPxd(const std::string& source_path, const std::string& display_name, TranslateOptions& options,
                       std::string& error) -> bool;

// The declarations file written beside `cpp_path` ("out/fib.cpp" -> "out/fib.pyxd").
auto DeclarationsPathFor(const std::string& cpp_path) -> std::string;

// The file's own name without directory and extensions ("dir/fib.pyx" -> "fib").
auto FileStem(const std::string& path) -> std::string;
// The module name for a path: its stem, inside the packages around it, as
// Python imports it ("pkg/sub/mod.py" -> "pkg.sub.mod" when pkg/ and pkg/sub/
// hold an __init__.py or __init__.pyx; "pkg/__init__.py" -> "pkg").
auto ModuleNameFor(const std::string& path) -> std::string;
auto IsIdentifier(const std::string& name) -> bool;
// A module name: identifiers joined by dots.
auto IsModuleName(const std::string& name) -> bool;
// Where declarations files are looked for: the -I directories, then the
// directory that holds the module's top-level package, then the current one.
auto IncludePath(const std::vector<std::string>& include_dirs, const std::string& source_path,
                 const std::string& module_name) -> std::vector<std::string>;

// Checks (and, when `emit` is true and there are no errors, translates) one file.
auto Translate(const base::SourceBuffer& source, const TranslateOptions& options, bool emit) -> TranslateResult;

// A syntax-tree dump (`--dump=syntax`) or a checked dump (`--dump=checked`).
auto Dump(const base::SourceBuffer& source, const std::string& what, const TranslateOptions& options)
    -> std::optional<std::string>;

}  // namespace pyxx::driver
