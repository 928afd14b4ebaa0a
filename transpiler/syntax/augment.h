// A module augmented by its .pxd (Cython's "augmenting .pxd"): the .pxd's
// declarations are folded into the module's tree as if their pure-mode
// spelling had been written in the .py (decorators, parameter and return
// annotations, class fields, `cython.declare`d variables, struct and typedef
// assignments), so the checker and the emitter see an ordinary module.
#pragma once

#include <string>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::syntax {

// Parses `source` with `pxd` folded in. Problems of the .pxd itself (and a
// declaration the module does not define) go to `pxd_sink`, located in the
// .pxd; a definition that does not match its declaration goes to `sink`, at the
// definition, with a note at the declaration (in the .pxd).
auto ParseAugmented(const base::SourceBuffer& source, const base::SourceBuffer& pxd, const std::string& module_name,
                    diag::DiagnosticSink& sink, diag::DiagnosticSink& pxd_sink) -> Module;

// Places `declarations` (statements of another parsed module: the struct,
// union and typedef assignments of a cimported declarations-only .pxd) at the
// top of `module`, after its docstring and `__future__` imports, as if written
// there (new ids; ranges at the module's first byte, which they have no text in).
void FoldDeclarations(Module& module, Block declarations);

}  // namespace pyxx::syntax
