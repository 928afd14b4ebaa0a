// globals(), locals(), vars(), dir(), eval() and exec(): the builtins that read
// the calling frame. Compiled code has none, so each call is resolved to the
// namespaces of the scope it stands in (checked/frame_builtins.h); a call that
// would need a function's local variables as a mapping is rejected (PX302).
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "check/checker_impl.h"
#include "checked/frame_builtins.h"
#include "syntax/walk.h"

namespace pyxx::check {

using checked::FrameScope;

namespace {

auto IsNoneLiteral(const Expr& e) -> bool { return e.kind == Expr::Kind::None; }

// The value given for eval/exec's `name` (positionally at `position`, or by
// keyword), or nullptr when the call leaves it out.
auto NamespaceArgument(const Expr& call, size_t position, const char* name) -> const Expr* {
  if (call.args.size() > position) {
    return call.args[position].get();
  }
  for (const auto& kw : call.keywords) {
    if (kw.name == name) {
      return kw.value.get();
    }
  }
  return nullptr;
}

}  // namespace

auto Checker::FrameScopeHere() const -> FrameScope {
  if (InClassBody()) {
    // A comprehension in the body is a function of its own, as in Python.
    return comprehension_scopes_.size() <= class_scopes_.back().comprehension_depth ? FrameScope::ClassBody
                                                                                    : FrameScope::Function;
  }
  return current_fn_ < 0 && comprehension_scopes_.empty() ? FrameScope::Module : FrameScope::Function;
}

auto Checker::CheckFrameBuiltinCall(const Expr& e, const std::string& name) -> Type {
  const bool no_arguments = e.args.empty() && e.keywords.empty();
  const bool namespace_builtin = name != "eval" && name != "exec";
  if (namespace_builtin && !no_arguments && !HasUnpacking(e)) {
    return CheckBuiltinCall(e, name);  // vars(obj), dir(obj): the frame is not read
  }
  if (RequireGilForCall(fmt::format("the Python builtin `{}`", name), e.range, -1)) {
    return Type::Error();
  }
  const FrameScope scope = FrameScopeHere();
  if (scope == FrameScope::Function && !HasUnpacking(e)) {
    bool needs_locals = namespace_builtin && name != "globals";
    if (!namespace_builtin && !e.args.empty()) {
      const Expr* globals = NamespaceArgument(e, 1, "globals");
      const Expr* locals = NamespaceArgument(e, 2, "locals");
      needs_locals = (globals == nullptr || IsNoneLiteral(*globals)) && (locals == nullptr || IsNoneLiteral(*locals));
    }
    if (needs_locals && namespace_builtin && name != "dir" && comprehension_scopes_.empty()) {
      // A function's or a lambda's own variables, as Cython 3 gives them.
      if (!CheckLocalsDict(e, name)) {
        return Type::Error();
      }
      out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::Builtin, static_cast<int>(scope), name};
      MarkRaises();
      return Type::Object("dict");
    }
    if (needs_locals) {
      const std::string what =
          namespace_builtin ? fmt::format("`{}()`", name) : fmt::format("`{}()` without a globals mapping", name);
      auto b = Report(Kind::UnsupportedExpression, e.range,
                      fmt::format("{} in a function, lambda or comprehension", what));
      b.AddNote(Kind::FixItHint, e.range,
                namespace_builtin
                    ? std::string("compiled code keeps no mapping of a function's local variables: name them in a "
                                  "dict such as `{'a': a, 'b': b}`, or use `globals()` for the module's names")
                    : fmt::format("compiled code keeps no mapping of a function's local variables: give the "
                                  "namespaces, `{0}(s, globals())` or `{0}(s, globals(), {{'a': a}})`",
                                  name));
      return Type::Error();
    }
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::Builtin, static_cast<int>(scope), name};
  if (!CheckObjectArguments(e)) {
    return Type::Error();
  }
  MarkUsesModule();
  MarkRaises();
  return Type::Object();
}

auto Checker::CheckLocalsDict(const Expr& e, const std::string& name) -> bool {
  const FunctionInfo& fn = out_.functions[static_cast<size_t>(current_fn_)];
  auto reject = [&](const std::string& why, const std::string& hint) {
    Report(Kind::UnsupportedExpression, e.range, fmt::format("`{}()` {}", name, why))
        .AddNote(Kind::FixItHint, e.range, hint);
    return false;
  };
  if (fn.syntax->genexpr) {
    // CPython's would hold the hidden iterator `.0`.
    return reject("in a generator expression", "name the values in a dict such as `{'x': x}`");
  }
  bool names_class = false;
  syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& sub) {
    names_class |= sub.kind == Expr::Kind::Name && sub.name == "__class__";
  });
  const bool class_cell = fn.uses_class_cell && fn.local_index.count("__class__") == 0;
  if (class_cell && !names_class) {
    // Python lists the `__class__` cell that `super()` (or an inner function) made; whether Cython does is not settled.
    return reject("in a method that uses zero-argument `super()` or whose inner function uses `__class__`",
                  "name the values in a dict such as `{'self': self}`");
  }
  std::vector<std::pair<std::string, int>> entries;
  for (size_t i = 0; i < fn.locals.size(); ++i) {
    const LocalVar& local = fn.locals[i];
    if (local.is_const) {
      // Declared where its value is given: a read before that has nothing to read.
      return reject(fmt::format("in a function with the `cython.const` variable `{}`", local.name),
                    "name the values in a dict such as `{'x': x}`");
    }
    if (local.type.IsPointer() && local.type.IsCString()) {
      // Cython gives its bytes, which a NULL or dangling pointer has not.
      return reject(fmt::format("in a function with the C string pointer `{}`", local.name),
                    "name the values in a dict such as `{'x': x}`");
    }
    // As Cython: a variable whose C type has no Python value (a pointer, a union) is left out.
    if (local.type.IsObject() || local.type.IsMemoryView() || local.type.IsUcs4() ||
        ConvertibleToObject(local.type)) {
      entries.emplace_back(local.name, static_cast<int>(i));
    }
  }
  if (class_cell) {
    entries.emplace_back("__class__", ExprFacts::kLocalsClassCell);
  }
  std::sort(entries.begin(), entries.end());
  std::vector<int> dict;
  for (const auto& [local_name, index] : entries) {
    dict.push_back(index);
    if (index >= 0 && !inferring_) {
      ++local_reads_[current_fn_][static_cast<size_t>(index)];
    }
  }
  out_.Write(e).locals_dict = std::move(dict);
  return true;
}

auto Checker::RejectFrameBuiltinThroughModule(const Expr& e) -> bool {
  const Expr& base = e.object();
  if (!checked::IsFrameBuiltin(e.name) || base.kind != Expr::Kind::Name || LookupLocal(base.name) >= 0) {
    return false;
  }
  bool builtins_module = base.name == "__builtins__" && module_names_.count(base.name) == 0;
  for (const auto& s : module_.body) {  // `import builtins`, `import builtins as b` at module level
    if (s->kind != Stmt::Kind::Import) continue;
    for (const auto& imp : s->imports) {
      builtins_module |= imp.module == "builtins" && imp.name.empty() && syntax::BoundName(imp) == base.name;
    }
  }
  if (!builtins_module) {
    return false;
  }
  Report(Kind::UnsupportedExpression, e.range,
         fmt::format("`{}.{}` (the builtin would read its caller's frame, not this module's)", base.name, e.name))
      .AddNote(Kind::FixItHint, e.range,
               fmt::format("call `{}` by its own name: pyxx gives it this module's namespaces", e.name));
  return true;
}

void Checker::RejectFrameImport(const syntax::ImportName& imp) {
  if (imp.module == "builtins" && checked::IsFrameBuiltin(imp.name)) {
    Report(Kind::UnsupportedExpression, imp.range,
           fmt::format("`{}` imported from `builtins` (it would read its caller's frame, not this module's)", imp.name))
        .AddNote(Kind::FixItHint, imp.range,
                 fmt::format("call `{}` by its own name: pyxx gives it this module's namespaces", imp.name));
  }
}

void Checker::RejectFrameBuiltinValue(const Expr& e) {
  Report(Kind::UnsupportedExpression, e.range,
         fmt::format("the builtin `{}` as a value (only a call of it is supported: compiled code has no Python "
                     "frame for it to read)",
                     e.name));
}

}  // namespace pyxx::check
