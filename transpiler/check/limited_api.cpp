// What the limited API cannot compile. The limited runtime (runtime.hpp under
// Py_LIMITED_API) keeps functions, C scalars, C data, Python objects and
// exceptions, `with` statements and cimported C functions; it leaves out what
// needs type objects' fields, frames, cells, the buffer protocol or the
// exception state of generators. Each construct that would need those is
// reported here once, where it is written, instead of failing in the C++
// compiler (or being compiled approximately).
#include "check/limited_api.h"

#include <fmt/format.h>

#include <set>
#include <string>

#include "syntax/walk.h"

namespace pyxx::check {

namespace {

using checked::CheckedModule;
using checked::FunctionInfo;
using checked::Resolution;
using checked::Type;
using syntax::Expr;
using syntax::Stmt;

class LimitedApiPass {
 public:
  LimitedApiPass(const CheckedModule& module, int version, diag::DiagnosticSink& sink)
      : module_(module), sink_(sink), version_(fmt::format("{}.{}", version >> 24, (version >> 16) & 0xFF)) {}

  void Run() {
    for (const auto& cls : module_.cclasses) {
      if (cls.IsForeign()) {
        continue;  // reported where it is used (its type)
      }
      Refuse(cls.syntax->head_range, "an extension type (`@cython.cclass`)", "its type object is made with the full API");
    }
    std::set<int> fused_groups;
    for (const FunctionInfo& fn : module_.functions) {
      CheckFunction(fn, fused_groups);
    }
    CheckBlock(module_.syntax->body);
  }

 private:
  void Refuse(syntax::SourceRange range, const std::string& what, const std::string& why) {
    // One diagnostic per place (a construct seen through two facts is one error).
    if (!reported_.insert({range.begin, what}).second) {
      return;
    }
    sink_.Report(diag::Kind::LimitedApiUnsupported, range, what, version_, why);
  }

  void CheckFunction(const FunctionInfo& fn, std::set<int>& fused_groups) {
    const syntax::Function& f = *fn.syntax;
    if (f.genexpr) {
      Refuse(f.range, "a generator expression", "generators keep their own exception state");
    } else if (fn.is_generator) {
      Refuse(f.def_range, "a generator (`yield`)", "generators keep their own exception state");
    } else if (fn.nested) {
      Refuse(f.name == "<lambda>" ? f.range : f.def_range, f.name == "<lambda>" ? "a lambda" : "a nested function",
             "closures use cells and function objects made with the full API");
    } else if (fn.bound_at_def) {
      Refuse(f.def_range, "a `def` with decorators or computed default values",
             "its function object is made with the full API");
    }
    if (fn.release_on_entry) {
      Refuse(f.def_range, "Numba's `nogil=True`", "whether the GIL is held cannot be asked (PyGILState_Check)");
    }
    if (f.fused_group >= 0 && fused_groups.insert(f.fused_group).second) {
      Refuse(f.def_range, "a function with fused types", "its dispatcher reads type objects");
    }
    for (size_t i = 0; i < fn.locals.size(); ++i) {
      const syntax::SourceRange where = i < f.params.size()                 ? f.params[i].range
                                        : fn.locals[i].first_binding.empty() ? f.def_range
                                                                             : fn.locals[i].first_binding;
      CheckType(fn.locals[i].type, where);
    }
    CheckType(fn.return_type, f.def_range);
    CheckBlock(f.body);
  }

  void CheckType(const Type& type, syntax::SourceRange range) {
    if (type.IsMemoryView()) {
      Refuse(range, "a typed memoryview", "pyxx's memoryviews use the full buffer API");
    } else if (type.IsComplex()) {
      Refuse(range, "a C complex number", "Py_complex is not in the limited API");
    }
  }

  void CheckBlock(const syntax::Block& block) {
    syntax::ForEachStmtIn(block, [&](const Stmt& s) { CheckStmt(s); });
  }

  void CheckStmt(const Stmt& s) {
    if (s.kind == Stmt::Kind::Class && module_.Of(s).cclass < 0) {
      Refuse(s.head_range, "a class statement", "classes are made with the full API");
    }
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) { CheckExprTree(e); }, [](const Stmt&) {}});
  }

  void CheckExprTree(const Expr& root) {
    syntax::ForEachExprIn(root, [&](const Expr& e) { CheckExpr(e); });
  }

  void CheckExpr(const Expr& e) {
    if (module_.HasType(e)) {
      CheckType(module_.TypeOf(e), e.range);
    }
    if (e.kind == Expr::Kind::Call) {
      const Resolution& callee = module_.Resolve(e.callee());
      static const std::set<std::string> kFrameBuiltins = {"globals", "locals", "vars", "dir", "eval", "exec"};
      if (callee.kind == Resolution::Kind::Builtin && kFrameBuiltins.count(callee.name) > 0) {
        Refuse(e.range, fmt::format("`{}()`", callee.name), "the module's namespaces are read through frames");
      }
    }
  }

  const CheckedModule& module_;
  diag::DiagnosticSink& sink_;
  std::string version_;
  std::set<std::pair<uint32_t, std::string>> reported_;
};

}  // namespace

void CheckLimitedApi(CheckedModule& module, int version, diag::DiagnosticSink& sink) {
  module.limited_api = version;
  LimitedApiPass(module, version, sink).Run();
}

}  // namespace pyxx::check
