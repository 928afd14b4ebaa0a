#include "check/checker.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "check/checker_impl.h"
#include "check/class_stored_functions.h"
#include "check/effects.h"
#include "check/function_attribute_stores.h"
#include "syntax/walk.h"

namespace pyxx::check {

auto Checker::Run() -> CheckedModule {
  CollectModuleNames();
  stored_in_classes_ = FunctionsStoredInClasses(module_);
  attributes_stored_ = NamesWithStoredAttributes(module_);
  class_names_ = ModuleClassNames(module_);
  DeclareCTypes();
  DeclareCGlobals();
  DeclareEnumConstants();
  DeclareForeignCClasses();
  DeclareCClasses();
  for (const auto& s : module_.body) {
    if (s->kind == Stmt::Kind::Function) {
      const size_t before = sink_->diagnostics().size();
      DeclareFunction(*s->function);
      // A signature error of one specialisation (an object member in a nogil
      // function's parameter) says which one it is.
      NoteSpecialisation(static_cast<int>(out_.functions.size()) - 1, before);
    }
  }
  DeclareNestedIn(module_.body, -1, "");
  size_t n = out_.functions.size();
  raises_directly_.assign(n, false);
  callees_.assign(n, {});
  uses_module_directly_.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    // A C method takes the module first, so that every vtable entry has one signature.
    uses_module_directly_[i] = out_.functions[i].cclass >= 0;
  }
  first_gil_need_.assign(n, std::nullopt);
  declared_names_.resize(n);
  unresolved_.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    DeclareLocals(static_cast<int>(i));
  }
  MarkCalleeDefaults();
  CheckCClassNamesKept();
  ResolveClosures();
  // Twice: a function's inferred locals may depend on another's inferred return type.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < n; ++i) {
      InferLocals(static_cast<int>(i));
    }
  }
  local_reads_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    local_reads_[i].assign(out_.functions[i].locals.size(), 0);
  }
  for (size_t i = 0; i < n; ++i) {
    if (lambdas_using_comprehension_.count(static_cast<int>(i)) != 0 ||
        genexprs_using_comprehension_.count(static_cast<int>(i)) != 0) {
      continue;  // rejected where the lambda is (CheckLambda): its body would only repeat it
    }
    bool had_errors = sink_->HasErrors();
    size_t before = sink_->diagnostics().size();
    CheckFunctionBody(static_cast<int>(i));
    NoteSpecialisation(static_cast<int>(i), before);
    // Unused-local warnings are noise next to errors in the same function.
    bool body_errors = !had_errors ? sink_->HasErrors() : sink_->diagnostics().size() != before;
    // A parameter whose type was rejected (an untyped Numba parameter) explains
    // every local inferred from it.
    const auto& params = out_.functions[i].param_types;
    const bool poisoned = std::any_of(params.begin(), params.end(), [](const Type& t) { return t.IsError(); });
    if (!body_errors && !poisoned) {
      // Nothing else explains a local that inference could not type: it is read before assigned.
      for (int idx : unresolved_[i]) {
        Report(Kind::UseBeforeAssignment, out_.functions[i].locals[idx].first_binding,
               out_.functions[i].locals[idx].name);
      }
      if (unresolved_[i].empty()) {
        WarnUnusedLocals(static_cast<int>(i));
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < out_.functions[i].locals.size(); ++k) {
      out_.functions[i].locals[k].reads = local_reads_[i][k];
    }
  }
  CheckModuleBody();
  CheckArrayViewLifetimes();
  AddCallChainNotes();
  ComputeCanRaise();
  ComputeUsesModule();
  RecordEffects(out_);
  return std::move(out_);
}

void Checker::WarnUnusedLocals(int fn_index) {
  const FunctionInfo& fn = out_.functions[fn_index];
  // Only a value stored by an assignment to the bare name is "assigned but never
  // used", as pyflakes has it: loop variables (`for i in range(n)`), unpacking
  // targets, `with … as`/`except … as` names and declarations (`i: cython.int`,
  // which also types a comprehension's `i`) are bound on purpose. So is a
  // name that is also a `for` target: `r: cython.int = 0` then `for r in
  // range(reps)` is the C idiom of a declared loop counter (pyflakes judges the
  // last binding, the loop, and says nothing either), and
  // `r = cython.declare(cython.int)` is a declaration without a value.
  std::unordered_set<std::string> assigned;
  std::unordered_set<std::string> loop_targets;
  auto note = [&](const Expr& target) {
    if (target.kind == Expr::Kind::Name) {
      assigned.insert(target.name);
    }
  };
  auto is_bare_declare = [](const Expr& v) {
    return v.kind == Expr::Kind::Call && v.callee().kind == Expr::Kind::DialectRef &&
           v.callee().dialect == syntax::DialectName::CythonDeclare && v.args.size() == 1 && v.keywords.empty();
  };
  syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
    if (s.kind == Stmt::Kind::For && s.targets[0]->kind == Expr::Kind::Name) {
      loop_targets.insert(s.targets[0]->name);
    }
    bool stores_value = (s.kind == Stmt::Kind::Assign && !is_bare_declare(*s.value)) ||
                        s.kind == Stmt::Kind::AugAssign || (s.kind == Stmt::Kind::AnnAssign && s.value);
    if (stores_value) {
      for (const auto& t : s.targets) {
        note(*t);
      }
    }
  });
  syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
    if (e.kind == Expr::Kind::NamedExpr) {
      note(e.walrus_target());
    }
  });
  for (size_t i = 0; i < fn.locals.size(); ++i) {
    const LocalVar& local = fn.locals[i];
    // `_name` says "unused on purpose", as linters agree.
    // A variable an inner function uses is used there.
    if (!local.is_param && !local.in_cell() && local_reads_[fn_index][i] == 0 && local.name[0] != '_' &&
        assigned.count(local.name) != 0 && loop_targets.count(local.name) == 0 && !local.type.IsError()) {
      Report(Kind::UnusedVariable, local.first_binding, local.name);
    }
  }
}

void Checker::ComputeCanRaise() {
  size_t n = out_.functions.size();
  // `@cython.exceptval(check=False)` (Cython's `noexcept`) functions report their
  // errors themselves: to their callers they never raise. With a value,
  // `exceptval(-1, check=False)` is Cython's `except -1`: errors propagate.
  auto swallows = [&](size_t i) {
    const auto& a = out_.functions[i].syntax->attrs;
    return a.has_exceptval && !a.exceptval_check && !a.exceptval_value;
  };
  std::vector<bool> raises(raises_directly_.begin(), raises_directly_.end());
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (raises[i]) {
        continue;
      }
      for (int callee : callees_[i]) {
        if (raises[callee] && !swallows(callee)) {
          raises[i] = true;
          changed = true;
          break;
        }
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    out_.functions[i].can_raise = raises[i] && !swallows(i);
    out_.functions[i].swallows_errors = raises[i] && swallows(i);
  }
}

void Checker::ComputeUsesModule() {
  std::vector<bool> uses(uses_module_directly_.begin(), uses_module_directly_.end());
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < uses.size(); ++i) {
      for (int callee : callees_[i]) {
        if (!uses[i] && uses[callee]) {
          uses[i] = true;
          changed = true;
        }
      }
    }
  }
  for (size_t i = 0; i < uses.size(); ++i) {
    out_.functions[i].uses_module = uses[i];
  }
}

auto Check(const syntax::Module& module, const base::SourceBuffer& source, diag::DiagnosticSink& sink,
           const std::vector<CimportedModule>* cimports) -> CheckedModule {
  Checker checker(module, source, sink, cimports);
  return checker.Run();
}

}  // namespace pyxx::check
