#include "check/leaving_jumps.h"

#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Stmt;

// `in_loop`: `st` is inside a loop of the block (its body, not its `else`).
void Collect(const Stmt& st, bool in_loop, checked::JumpKinds& out) {
  switch (st.kind) {
    case Stmt::Kind::Return:
      out.return_ = true;
      return;
    case Stmt::Kind::Break:
      out.break_ |= !in_loop;
      return;
    case Stmt::Kind::Continue:
      out.continue_ |= !in_loop;
      return;
    default:
      break;
  }
  if (syntax::OpensScope(st)) {
    return;
  }
  const bool loop = st.kind == Stmt::Kind::For || st.kind == Stmt::Kind::While;
  syntax::ForEachChild(st, syntax::Overloaded{[](const syntax::Expr&) {}, [&](const Stmt& child) {
                                                bool in_else = false;
                                                for (const auto& e : st.else_block) {
                                                  in_else |= e.get() == &child;
                                                }
                                                Collect(child, in_loop || (loop && !in_else), out);
                                              }});
}

}  // namespace

auto LeavingJumps(const syntax::Block& block) -> checked::JumpKinds {
  checked::JumpKinds out;
  for (const auto& st : block) {
    Collect(*st, false, out);
  }
  return out;
}

}  // namespace pyxx::check
