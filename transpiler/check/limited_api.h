// `--limited-api X.Y` (the module is compiled against CPython's limited API,
// an abi3 module): reports, with PX306, every construct of the module whose
// generated code or runtime support needs the full C API, and records the
// version in CheckedModule::limited_api for the emitter.
#pragma once

#include "checked/checked_module.h"
#include "diagnostics/diagnostic_sink.h"

namespace pyxx::check {

// `version`: Py_LIMITED_API's value (0x03090000 for 3.9). Runs after Check.
void CheckLimitedApi(checked::CheckedModule& module, int version, diag::DiagnosticSink& sink);

}  // namespace pyxx::check
