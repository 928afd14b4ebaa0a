// cpython.exc's errno errors, the Python side of libc.stdio's failures
// (`if f is NULL: PyErr_SetFromErrno(OSError)`). Cython declares them
// `object ... except NULL`: they always return NULL with the exception set,
// so a call raises the OSError made from C's errno at once.
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

auto Checker::CheckErrnoErrorCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  const std::string name = path.substr(path.rfind('.') + 1);
  const size_t params = name == "PyErr_SetFromErrno" ? 1 : name == "PyErr_SetFromErrnoWithFilenameObject" ? 2 : 0;
  if (params == 0) {
    Report(Kind::UnsupportedExpression, e.callee().range,
           fmt::format("`{}` (pyxx knows cpython.exc's PyErr_SetFromErrno and PyErr_SetFromErrnoWithFilenameObject)",
                       path));
    return Type::Error();
  }
  if (e.args.size() != params || !e.keywords.empty()) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.range, name, params, params == 1 ? "" : "s", n, n == 1 ? "was" : "were");
    return Type::Error();
  }
  if (RequireGilForCall(fmt::format("`{}`", name), e.range, -1)) {
    return Type::Error();
  }
  bool ok = true;
  for (const auto& a : e.args) {
    Type t = CheckExpr(*a);
    ok &= !t.IsError() && CheckConvertible(*a, t, Type::Object());
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  MarkRaises();  // always: the OSError of errno
  return ok ? Type::Object() : Type::Error();
}

}  // namespace pyxx::check
