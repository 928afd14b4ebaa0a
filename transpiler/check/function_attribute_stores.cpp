#include "check/function_attribute_stores.h"

#include "syntax/walk.h"

namespace pyxx::check {

namespace {

using syntax::Expr;
using syntax::Stmt;

// `name.attr` as a target, also inside `a, (b.x, *c) = ...`.
void CollectTarget(const Expr& target, std::set<std::string>& names) {
  if (target.kind == Expr::Kind::Attribute && target.object().kind == Expr::Kind::Name) {
    names.insert(target.object().name);
    return;
  }
  if (target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List || target.kind == Expr::Kind::Starred) {
    syntax::ForEachChild(target, [&](const Expr& child) { CollectTarget(child, names); });
  }
}

// `setattr(name, ...)` / `delattr(name, ...)` anywhere in `e`. A shadowed
// `setattr` only makes the set larger, which is harmless.
void CollectCalls(const Expr& e, std::set<std::string>& names) {
  if (e.kind == Expr::Kind::Call && e.callee().kind == Expr::Kind::Name &&
      (e.callee().name == "setattr" || e.callee().name == "delattr") && !e.args.empty() && e.args[0] &&
      e.args[0]->kind == Expr::Kind::Name) {
    names.insert(e.args[0]->name);
  }
  syntax::ForEachChild(e, [&](const Expr& child) { CollectCalls(child, names); });
  if (e.function) {  // a lambda's body
    for (const auto& s : e.function->body) {
      syntax::ForEachChild(*s, syntax::Overloaded{
                                   [&](const Expr& child) { CollectCalls(child, names); },
                                   [](const Stmt&) {},
                               });
    }
  }
}

void Collect(const Stmt& s, std::set<std::string>& names) {
  if (s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign || s.kind == Stmt::Kind::AugAssign ||
      s.kind == Stmt::Kind::Del) {
    for (const auto& t : s.targets) {
      if (t) {
        CollectTarget(*t, names);
      }
    }
  }
  syntax::ForEachChild(s, syntax::Overloaded{
                              [&](const Expr& e) { CollectCalls(e, names); },
                              [&](const Stmt& child) { Collect(child, names); },
                          });
}

}  // namespace

auto NamesWithStoredAttributes(const syntax::Module& module) -> std::set<std::string> {
  std::set<std::string> names;
  for (const auto& s : module.body) {
    Collect(*s, names);
  }
  return names;
}

}  // namespace pyxx::check
