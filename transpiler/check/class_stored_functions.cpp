#include "check/class_stored_functions.h"

#include <algorithm>

#include "syntax/walk.h"

namespace pyxx::check {

namespace {

using syntax::Expr;
using syntax::Stmt;

// The names of the module's classes (any `class` statement, nested ones included).
void CollectClassNames(const Stmt& s, std::set<std::string>& names) {
  if (s.kind == Stmt::Kind::Class) {
    names.insert(s.name);
  }
  syntax::ForEachChild(s, syntax::Overloaded{
                              [](const Expr&) {},
                              [&](const Stmt& child) { CollectClassNames(child, names); },
                          });
}

void Collect(const Stmt& s, bool in_class_body, const std::set<std::string>& classes, std::set<std::string>& names) {
  const bool assigns = s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign;
  if (assigns && s.value && s.value->kind == Expr::Kind::Name) {
    // `Cls.attr = f` with `Cls` one of the module's classes (`obj.attr = f` on an
    // instance binds nothing, in Python too).
    const bool to_class = std::any_of(s.targets.begin(), s.targets.end(), [&](const syntax::ExprPtr& t) {
      return t && t->kind == Expr::Kind::Attribute && t->object().kind == Expr::Kind::Name &&
             classes.count(t->object().name) != 0;
    });
    if (in_class_body || to_class) {
      names.insert(s.value->name);
    }
  }
  // An `if` or `try` in a class body runs in the class's namespace too.
  const bool children_in_class = s.kind == Stmt::Kind::Class || (in_class_body && !syntax::OpensScope(s));
  syntax::ForEachChild(s, syntax::Overloaded{
                              [](const Expr&) {},
                              [&](const Stmt& child) { Collect(child, children_in_class, classes, names); },
                          });
}

}  // namespace

auto ModuleClassNames(const syntax::Module& module) -> std::set<std::string> {
  std::set<std::string> classes;
  for (const auto& s : module.body) {
    CollectClassNames(*s, classes);
  }
  return classes;
}

auto FunctionsStoredInClasses(const syntax::Module& module) -> std::set<std::string> {
  const std::set<std::string> classes = ModuleClassNames(module);
  std::set<std::string> names;
  for (const auto& s : module.body) {
    Collect(*s, false, classes, names);
  }
  return names;
}

}  // namespace pyxx::check
