// The check phase: names, C types, inference, call resolution and the GIL
// state of every statement. All user errors after syntax are reported here.
#pragma once

#include "base/source_buffer.h"
#include "check/checked_module.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::check {

// `cimports`: the modules whose declarations files the driver read for the
// module's `from cython.cimports.pkg.mod import f` (none: nullptr).
auto Check(const syntax::Module& module, const base::SourceBuffer& source, diag::DiagnosticSink& sink,
           const std::vector<CimportedModule>* cimports = nullptr) -> CheckedModule;

}  // namespace pyxx::check
