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

void CollectStoredValueNames(const Expr& v, std::vector<const Expr*>& names) {
  switch (v.kind) {
    case Expr::Kind::Name:
      names.push_back(&v);
      return;
    case Expr::Kind::Conditional:
      CollectStoredValueNames(v.then_value(), names);
      CollectStoredValueNames(v.else_value(), names);
      return;
    case Expr::Kind::BoolOp:
      for (const auto& operand : v.operands) {
        CollectStoredValueNames(*operand, names);
      }
      return;
    case Expr::Kind::NamedExpr:
      CollectStoredValueNames(v.walrus_value(), names);
      return;
    default:
      return;
  }
}

void CollectValueNames(const Expr& v, std::set<std::string>& names) {
  for (const Expr* name : StoredValueNames(v)) {
    names.insert(name->name);
  }
}

auto IsClassName(const Expr& e, const std::set<std::string>& classes) -> bool {
  return e.kind == Expr::Kind::Name && classes.count(e.name) != 0;
}

void Collect(const Stmt& s, bool in_class_body, const std::set<std::string>& classes, std::set<std::string>& names) {
  const bool assigns = s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign;
  if (assigns && s.value) {
    // `Cls.attr = f` with `Cls` one of the module's classes (`obj.attr = f` on an
    // instance binds nothing, in Python too).
    const bool to_class = std::any_of(s.targets.begin(), s.targets.end(), [&](const syntax::ExprPtr& t) {
      return t && t->kind == Expr::Kind::Attribute && IsClassName(t->object(), classes);
    });
    if (in_class_body || to_class) {
      CollectValueNames(*s.value, names);
    }
  }
  if (s.kind == Stmt::Kind::Expr && s.value != nullptr) {
    if (const Expr* value = SetattrOfClassValue(*s.value, classes)) {
      CollectValueNames(*value, names);  // `setattr(Cls, "m", f)`
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

auto SetattrOfClassValue(const Expr& call, const std::set<std::string>& classes) -> const Expr* {
  if (call.kind != Expr::Kind::Call || call.callee().kind != Expr::Kind::Name || call.callee().name != "setattr" ||
      call.args.size() != 3 || !call.keywords.empty() || !IsClassName(*call.args[0], classes)) {
    return nullptr;
  }
  return call.args[2].get();
}

auto StoredValueNames(const Expr& value) -> std::vector<const Expr*> {
  std::vector<const Expr*> names;
  CollectStoredValueNames(value, names);
  return names;
}

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
