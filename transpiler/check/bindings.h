// The places a block of one function binds each name, and the names whose
// address it takes: what the proofs of index_ranges.cpp and value_ranges.cpp
// need to know that a local keeps the value they reason about.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "syntax/walk.h"

namespace pyxx::check {

// How many places in `body` (nested `def`/`class` bodies excluded) bind each
// name: syntax::ForEachBoundName of every statement, plus `del` targets and the
// operands of cython.operator's increments. A
// declaration alone (`n: cython.Py_ssize_t`, no value) is hoisted and runs no
// code: no binding. Over-counting only ever proves less.
inline auto CountBindings(const syntax::Block& body) -> std::unordered_map<std::string, int> {
  std::unordered_map<std::string, int> count;
  syntax::ForEachStmtIn(body, [&](const syntax::Stmt& s) {
    if (s.kind == syntax::Stmt::Kind::AnnAssign && !s.value) {
      return;
    }
    syntax::ForEachBoundName(s, [&](std::string_view name, syntax::SourceRange) { ++count[std::string(name)]; });
    if (s.kind == syntax::Stmt::Kind::Del) {
      for (const auto& t : s.targets) {
        syntax::ForEachBoundName(*t, [&](const syntax::Expr& n) { ++count[n.name]; });
      }
    }
  });
  // `preincrement(n)` and the other increments of cython.operator store to `n`.
  syntax::ForEachExprIn(body, [&](const syntax::Expr& e) {
    if (e.kind == syntax::Expr::Kind::Call && e.callee().kind == syntax::Expr::Kind::DialectRef &&
        syntax::IsIncrementOperator(e.callee().dialect) && e.args.size() == 1 &&
        e.args[0]->kind == syntax::Expr::Kind::Name) {
      ++count[e.args[0]->name];
    }
  });
  return count;
}

// The names `body` takes the address of (`cython.address(n)`, also inside a
// larger argument): C code may store to them through the pointer, so no proof
// may assume what they hold.
inline auto AddressedNames(const syntax::Block& body) -> std::unordered_set<std::string> {
  std::unordered_set<std::string> names;
  syntax::ForEachExprIn(body, [&](const syntax::Expr& e) {
    if (e.kind != syntax::Expr::Kind::Call || e.callee().kind != syntax::Expr::Kind::DialectRef ||
        e.callee().dialect != syntax::DialectName::CythonAddress) {
      return;
    }
    for (const auto& a : e.args) {
      syntax::ForEachExprIn(*a, [&](const syntax::Expr& n) {
        if (n.kind == syntax::Expr::Kind::Name) names.insert(n.name);
      });
    }
  });
  return names;
}

}  // namespace pyxx::check
