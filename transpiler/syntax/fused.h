// Fused types (Cython's generic functions): a module-level function (or a
// `@cython.cfunc` method of an extension type) whose parameters have fused
// types is replaced, right after lowering, by one copy
// per combination of the members of those fused types (Cython's rule: every
// parameter of the same fused type takes the same member). In each copy the
// fused types are the member's C type, `T is cython.double` / `T in other_t`
// are folded and the dead branches of such an `if` are dropped, so the checker
// and the emitter see ordinary functions. Module::fused_functions lists the
// copies of each function for call resolution and the Python-level dispatch.
#pragma once

#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::syntax {

void ExpandFusedFunctions(Module& module, diag::DiagnosticSink& sink);

// "cython.double", "cython.int[:, ::1]": a member of a fused type as pyxx source spells it.
auto SpellFusedMember(const TypeExpr& member) -> std::string;

// A member that is a pointer to char (`cython.p_char`, `p_uchar`, `p_schar`): a C
// string, which Python passes as `bytes`.
auto IsCStringMember(const TypeExpr& member) -> bool;

}  // namespace pyxx::syntax
