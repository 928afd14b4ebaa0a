// A statement that is only a constant (`"""docstring"""`, `...`, `0`): Python
// evaluates nothing for it, so the checker does not check it as an object use
// and the emitter emits no code for it, in any GIL state.
#pragma once

#include "syntax/tree.h"

namespace pyxx::syntax {

inline auto IsConstantStatement(const Stmt& s) -> bool {
  if (s.kind != Stmt::Kind::Expr || !s.value) {
    return false;
  }
  switch (s.value->kind) {
    case Expr::Kind::String:  // f-strings are Expr::Kind::FString: they run code
    case Expr::Kind::Int:
    case Expr::Kind::Float:
    case Expr::Kind::Bool:
    case Expr::Kind::None:
    case Expr::Kind::Ellipsis:
      return true;
    default:
      return false;
  }
}

}  // namespace pyxx::syntax
