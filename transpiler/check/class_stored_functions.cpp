#include "check/class_stored_functions.h"

#include <algorithm>

#include "syntax/walk.h"

namespace pyxx::check {

namespace {

using syntax::Expr;
using syntax::Stmt;

void Collect(const Stmt& s, bool in_class_body, std::set<std::string>& names) {
  const bool assigns = s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign;
  if (assigns && s.value && s.value->kind == Expr::Kind::Name) {
    const bool to_attribute = std::any_of(s.targets.begin(), s.targets.end(), [](const syntax::ExprPtr& t) {
      return t && t->kind == Expr::Kind::Attribute;
    });
    if (in_class_body || to_attribute) {
      names.insert(s.value->name);
    }
  }
  // An `if` or `try` in a class body runs in the class's namespace too.
  const bool children_in_class = s.kind == Stmt::Kind::Class || (in_class_body && !syntax::OpensScope(s));
  syntax::ForEachChild(s, syntax::Overloaded{
                              [](const Expr&) {},
                              [&](const Stmt& child) { Collect(child, children_in_class, names); },
                          });
}

}  // namespace

auto FunctionsStoredInClasses(const syntax::Module& module) -> std::set<std::string> {
  std::set<std::string> names;
  for (const auto& s : module.body) {
    Collect(*s, false, names);
  }
  return names;
}

}  // namespace pyxx::check
