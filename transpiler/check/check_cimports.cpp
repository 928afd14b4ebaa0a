// Calls of C functions that another pyxx module exports
// (`from cython.cimports.pkg.mod import f`): the driver read that module's
// declarations file; its functions are called as the module's own cfuncs are,
// with the signature and GIL facts the file declares.
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

auto Checker::ResolveCimported(const Expr& ref) -> int {
  if (cimports_ == nullptr || ref.kind != Expr::Kind::DialectRef) {
    return -1;
  }
  const std::string& path = ref.dialect_path;  // "pkg.mod.f"
  if (auto it = out_.foreign_index.find(path); it != out_.foreign_index.end()) {
    return it->second;
  }
  for (const CimportedModule& m : *cimports_) {
    const bool inside = path.size() > m.name.size() + 1 && path.compare(0, m.name.size(), m.name) == 0 &&
                        path[m.name.size()] == '.';
    if (!inside) {
      continue;
    }
    if (m.declarations == nullptr) {
      return -2;  // the import was reported: no declarations file
    }
    const std::string name = path.substr(m.name.size() + 1);
    auto fn = m.declarations->function_index.find(name);
    const FunctionInfo* info = fn == m.declarations->function_index.end() ? nullptr
                                                                          : &m.declarations->functions[fn->second];
    if (info == nullptr || info->kind == FunctionKind::Def || info->nested) {
      Report(Kind::CimportFailed, ref.range, path,
             fmt::format("the declarations of `{}` declare no exported C function or extension type `{}`", m.name, name));
      return -2;
    }
    ForeignFunction foreign{m.name, *info, "", nullptr};  // a module-level function
    // What the declaration says, not what its `...` body does: it raises unless
    // it is declared `@cython.exceptval(check=False)`.
    const auto& attrs = info->syntax->attrs;
    foreign.info.can_raise = !(attrs.has_exceptval && !attrs.exceptval_check);
    foreign.info.uses_module = false;  // the exporting module passes its own
    out_.foreign_functions.push_back(std::move(foreign));
    int index = static_cast<int>(out_.foreign_functions.size()) - 1;
    out_.foreign_index.emplace(path, index);
    return index;
  }
  return -1;
}

auto Checker::CheckCimportedCall(const Expr& e, int foreign) -> Type {
  // Copies: checking the arguments may cimport more functions (the vector grows).
  const ForeignFunction f = out_.foreign_functions[foreign];
  const FunctionInfo& callee = f.info;
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::ForeignFunction, foreign, callee.name()};
  if (!callee.nogil) {
    bool reported = RequireGilForCall(fmt::format("`{}.{}` (declared without `@cython.nogil`)", f.module, callee.name()),
                                      e.range, -1);
    if (reported || InNogil()) {
      return Type::Error();
    }
  }
  if (callee.can_raise) {
    MarkRaises();
  }
  if (HasUnpacking(e)) {
    Report(Kind::UnsupportedExpression, e.args_range.empty() ? e.range : e.args_range,
           fmt::format("`*`/`**` unpacking in a call of the C function `{}`", callee.name()));
    CheckObjectArguments(e);
    return Type::Error();
  }
  // Default values stay in the exporting module: every argument is passed.
  for (size_t i = 0; i < callee.syntax->params.size(); ++i) {
    if (!CallGives(e, callee, i) && callee.syntax->params[i].default_value) {
      Report(Kind::UnsupportedExpression, e.args_range.empty() ? e.range : e.args_range,
             fmt::format("leaving out `{}`, which has a default value in `{}`, in a call of a cimported C function "
                         "(pass every argument)",
                         callee.syntax->params[i].name, f.module));
      CheckObjectArguments(e);
      return Type::Error();
    }
  }
  return CheckBoundArguments(e, callee);
}

}  // namespace pyxx::check
