// globals(), locals(), vars(), dir(), eval(), exec(): given the namespaces of
// the scope the call stands in (the checker's FrameScope), never the caller's
// frame, which is all CPython's builtins could see from compiled code.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "checked/frame_builtins.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

using checked::FrameScope;
using checked::Resolution;

auto Emitter::EmitFrameBuiltinCall(const Expr& e, const Resolution& r) -> CppExpr {
  const auto scope = static_cast<FrameScope>(r.index);
  const std::string site = Site(e.range);
  const std::string class_ns = scope == FrameScope::ClassBody ? class_builders_.back() + ".ns()" : "nullptr";
  const bool no_arguments = e.args.empty() && e.keywords.empty();
  if (no_arguments && r.name == "globals") {
    return {"pyxx::module_globals(pyxx_module)", false, kReads, kReads};
  }
  if (no_arguments && scope == FrameScope::Function && (r.name == "locals" || r.name == "vars")) {
    return EmitLocalsDict(e);
  }
  // locals(), vars(), dir() where the scope's locals are a mapping (the checker
  // rejected them in functions): the module's __dict__ or the class namespace.
  if (no_arguments && r.name != "eval" && r.name != "exec" && scope != FrameScope::Function) {
    const std::string ns = scope == FrameScope::ClassBody ? class_ns : "pyxx::module_globals(pyxx_module).get()";
    if (r.name == "dir") {
      return {fmt::format("pyxx::namespace_dir({}, {})", ns, site), false, kReads | kRaises, kReads | kRaises};
    }
    return {fmt::format("pyxx::Ref::borrow({})", ns), false, kReads, kReads};
  }
  // Otherwise the builtin (looked up now, as Python evaluates the callee first)
  // through a callable that fills in the namespaces the call leaves out.
  static const char* const kKinds[] = {"globals", "locals", "vars", "dir", "eval", "exec"};
  const char* const* kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return r.name == k; });
  static const char* const kKindNames[] = {"Globals", "Locals", "Vars", "Dir", "Eval", "Exec"};
  static const char* const kScopes[] = {"Module", "ClassBody", "Function"};
  std::string get = fmt::format(
      "pyxx::frame_builtin(pyxx::get_builtin({}, {}), pyxx::FrameKind::{}, pyxx_module, {}, pyxx::FrameScopeKind::{}, {})",
      NameConstant(r.name), site, kKindNames[kind - std::begin(kKinds)], class_ns, kScopes[r.index], site);
  return EmitObjectCall({"pyxx::Ref", [get] { return CppExpr{get, false, kReads | kRaises, kReads | kRaises}; }}, e);
}

// `locals()` in a function: a new dict of its variables (ExprFacts::locals_dict),
// C values converted, unbound ones (a null object) left out when it runs.
auto Emitter::EmitLocalsDict(const Expr& e) -> CppExpr {
  std::string items;
  for (const int entry : module_.Of(e).locals_dict) {
    std::string key;
    std::string value;
    if (entry == checked::ExprFacts::kLocalsClassCell) {
      key = NameConstant("__class__");
      value = "pyxx::class_cell_contents(pyxx_function)";
    } else {
      const checked::LocalVar& local = fn_->locals[static_cast<size_t>(entry)];
      key = NameConstant(local.name);
      value = local.type.IsObject()
                  ? LocalName(entry) + ".get()"
                  : ConvertValue(CppExpr{LocalName(entry)}, local.type, Type::Object()).text + ".get()";
    }
    items += fmt::format("{}{}.get(), {}", items.empty() ? "" : ", ", key, value);
  }
  return {fmt::format("pyxx::locals_dict({{{}}}, {})", items, Site(e.range)), false, kReads | kRaises,
          kReads | kRaises};
}

}  // namespace pyxx::emit
