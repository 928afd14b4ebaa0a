// The declarations files of the pyxx modules a module cimports from
// (`from cython.cimports.pkg.mod import f`): found on the include path, then
// parsed and checked as any module is, so the checker of the importing module
// sees the exported functions with their checked signatures.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "checked/checked_module.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::driver {

// One declarations file, kept alive while the importing module is checked and
// emitted (its functions' syntax is referred to from the checked module).
struct DeclarationsFile {
  base::SourceBuffer source;
  syntax::Module syntax;
  checked::CheckedModule checked;
};

struct Cimports {
  std::vector<std::unique_ptr<DeclarationsFile>> files;
  std::vector<checked::CimportedModule> modules;
};

// Whether a cimported module is one of the libraries pyxx knows itself
// (`libc.math`, `cpython.mem`, ...) rather than another pyxx module.
auto IsLibraryCimport(const std::string& module) -> bool;

// The declarations file of `module` ("pkg.mod" -> DIR/pkg/mod.pyxd), searched
// in `include_dirs` in order; empty when there is none.
auto FindDeclarations(const std::string& module, const std::vector<std::string>& include_dirs) -> std::string;

// Reads the declarations of every pyxx module `module` cimports from. A module
// whose file is missing or has errors is reported (PX120) at its first import
// and has no declarations. `skipped`: modules cimported for the C types of
// their .pxd (driver/cimported_types.h), not pyxx modules.
auto LoadCimports(const syntax::Module& module, const std::vector<std::string>& include_dirs,
                  diag::DiagnosticSink& sink, const std::vector<std::string>& skipped = {}) -> Cimports;

}  // namespace pyxx::driver
