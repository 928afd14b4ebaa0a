#include "check/checker.h"

#include "check/checker_impl.h"

namespace pyxx::check {

auto Checker::Run() -> CheckedModule {
  CollectModuleNames();
  for (const auto& s : module_.body) {
    if (s->kind == Stmt::Kind::Function) {
      DeclareFunction(*s->function);
    }
  }
  size_t n = out_.functions.size();
  raises_directly_.assign(n, false);
  callees_.assign(n, {});
  declared_names_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    DeclareLocals(static_cast<int>(i));
  }
  // Twice: a function's inferred locals may depend on another's inferred return type.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < n; ++i) {
      InferLocals(static_cast<int>(i));
    }
  }
  for (size_t i = 0; i < n; ++i) {
    CheckFunctionBody(static_cast<int>(i));
  }
  CheckModuleBody();
  ComputeCanRaise();
  return std::move(out_);
}

void Checker::ComputeCanRaise() {
  size_t n = out_.functions.size();
  for (size_t i = 0; i < n; ++i) {
    out_.functions[i].can_raise = raises_directly_[i];
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (out_.functions[i].can_raise) {
        continue;
      }
      for (int callee : callees_[i]) {
        if (out_.functions[callee].can_raise) {
          out_.functions[i].can_raise = true;
          changed = true;
          break;
        }
      }
    }
  }
}

auto Check(const syntax::Module& module, const base::SourceBuffer& source, diag::DiagnosticSink& sink)
    -> CheckedModule {
  Checker checker(module, source, sink);
  return checker.Run();
}

}  // namespace pyxx::check
