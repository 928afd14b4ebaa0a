// Cimports of a declarations-only .pxd (`from cython.cimports.dishes import
// spamdish` with `dishes.pxd` on the include path and no `dishes.pyxd`): the
// .pxd's C structs, unions and typedefs are read as an augmenting .pxd's are
// (syntax/pxd_shadow.cpp) and placed in the importing module as if declared
// there. Nothing crosses at import time: the layout is the importer's own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::driver {

struct CimportedTypes {
  std::vector<std::string> pxd_files;  // the .pxd files read (for the depfile)
  std::vector<std::string> modules;    // the modules they declare: not cimported as pyxx modules
  bool failed = false;                 // reported (PX120); the module is not checked
  // The .pxd files whose extern functions the module cimports: their notes point into them.
  std::vector<std::shared_ptr<const base::SourceBuffer>> buffers;
};

// Parses `source`; when it cimports types of a declarations-only .pxd, parses
// it again knowing them and folds them in. Problems (another construct in the
// .pxd, a name it does not declare, a clash with a name of the module) are
// PX120 at the import.
auto ParseWithCimportedTypes(const base::SourceBuffer& source, const std::string& module_name,
                             const std::vector<std::string>& include_dirs, diag::DiagnosticSink& sink,
                             CimportedTypes& types) -> syntax::Module;

}  // namespace pyxx::driver
