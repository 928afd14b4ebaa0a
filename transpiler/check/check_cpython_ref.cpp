// cpython.ref's Py_REFCNT(obj): the object's reference count, a Py_ssize_t read
// with the GIL (Cython declares it without `nogil`). The count is whatever the
// generated code holds at that moment, which may differ from CPython's or
// Cython's where they keep other references (docs/language/c-data.md).
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

auto Checker::CheckRefcountCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  if (path != "cpython.ref.Py_REFCNT") {
    Report(Kind::UnsupportedExpression, e.callee().range,
           fmt::format("`{}` (pyxx knows cpython.ref's Py_REFCNT)", path));
    return Type::Error();
  }
  if (e.args.size() != 1 || !e.keywords.empty()) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.range, "Py_REFCNT", 1, "", n, n == 1 ? "was" : "were");
    return Type::Error();
  }
  if (RequireGilForCall("`Py_REFCNT`", e.range, -1)) {
    return Type::Error();
  }
  Type t = CheckExpr(*e.args[0]);
  if (t.IsError() || !CheckConvertible(*e.args[0], t, Type::Object())) {
    return Type::Error();
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  return Type::Of(TypeKind::SSizeT);
}

}  // namespace pyxx::check
