// `cython.operator`: `dereference(p)` of a typed pointer (a vector's `v.begin()`
// and `v.end()`, offset with `+ n`, are pointers here), and the increments and
// decrements (`preincrement(x)`, ...) of a C local variable: a number or a typed
// pointer. Both are unchecked, as in Cython and C++: there is no length to
// check a pointer against.
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

using syntax::DialectName;

// Both take exactly one positional argument.
auto Checker::OneArgument(const Expr& e, const std::string& path) -> bool {
  if (e.args.size() == 1 && e.keywords.empty()) {
    return true;
  }
  const size_t n = e.args.size() + e.keywords.size();
  Report(Kind::WrongArgumentCount, e.range, path, 1, "", n, n == 1 ? "was" : "were");
  return false;
}

auto Checker::CheckDereference(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  if (!OneArgument(e, path)) {
    return Type::Error();
  }
  const Expr& x = *e.args[0];
  ++iterator_arguments_;  // `dereference(v.begin() + k)`: the iterator is a pointer
  Type t = CheckExpr(x);
  --iterator_arguments_;
  if (t.IsError()) {
    return t;
  }
  if (!t.IsPointer() || t.IsNull() || t.target->IsVoid()) {
    Report(Kind::TypeMismatch, x.range, Describe(t), "a typed pointer (or a vector's `begin()`/`end()`)");
    return Type::Error();
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  return *t.target;
}

// `preincrement(x)`: `x` becomes `x + 1` and the call is its new value;
// `postincrement(x)` is its old value. Of a local only: the operand is
// stored to, and a local's stores are all the proofs need to see (bindings.h).
auto Checker::CheckIncrement(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  const std::string name = path.substr(path.rfind('.') + 1);
  if (!OneArgument(e, path)) {
    return Type::Error();
  }
  const Expr& x = *e.args[0];
  Type t = CheckExpr(x);
  if (t.IsError()) {
    return t;
  }
  const char* op = e.callee().dialect == DialectName::CythonPreincrement ||
                           e.callee().dialect == DialectName::CythonPostincrement
                       ? "++"
                       : "--";
  const bool typed_pointer = t.IsPointer() && !t.IsNull() && !t.target->IsVoid();
  if (!(t.IsInteger() && t.kind != TypeKind::Bint) && !t.IsFloating() && !typed_pointer) {
    // Cython: "Invalid operand type for '++'"; C++17 has no `++` of a bool.
    Report(Kind::InvalidOperands, x.range, op, Describe(t));
    return Type::Error();
  }
  LocalVar* local = nullptr;
  if (x.kind == Expr::Kind::Name && current_fn_ >= 0) {
    if (const Resolution& r = out_.Resolve(x); r.kind == Resolution::Kind::Local) {
      local = &out_.functions[current_fn_].locals[r.index];
    }
  }
  if (local == nullptr || local->in_cell() || local->is_const || local->is_volatile) {
    Report(Kind::UnsupportedExpression, x.range,
           fmt::format("`{}` of `{}` (only of a C local variable of a function)", name, Text(x.range)));
    return Type::Error();
  }
  local->stored_in_expression = true;
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  return t;
}

}  // namespace pyxx::check
