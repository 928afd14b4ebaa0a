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
#include <vector>

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
    // Classes first: what is inside one (its methods) is not reported again.
    CollectClasses(module_.syntax->body);
    for (const FunctionInfo& fn : module_.functions) {
      CollectClasses(fn.syntax->body);
    }
    std::set<int> fused_groups;
    for (const FunctionInfo& fn : module_.functions) {
      if (!InsideClass(fn.syntax->range)) {
        CheckFunction(fn, fused_groups);
      }
    }
    if (module_.array_type_used) {
      Refuse(*module_.array_type_used, "`cpython.array`'s `array.array`",
             "its helpers and data pointer use the buffer protocol and type slots");
    }
    scope_ = nullptr;
    for (const auto& global : module_.c_globals) {
      CheckType(global.type, global.declared);
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

  void CollectClasses(const syntax::Block& block) {
    syntax::ForEachStmtIn(block, [&](const Stmt& s) {
      if (s.kind != Stmt::Kind::Class) {
        return;
      }
      classes_.push_back(s.range);
      const int cclass = module_.Of(s).cclass;
      if (cclass >= 0 && !module_.cclasses[static_cast<size_t>(cclass)].builtin_base.empty()) {
        Refuse(s.head_range, "an extension type deriving from a builtin type",
               "its instance starts with the builtin's instance struct, which the limited API hides");
      } else if (cclass >= 0) {
        Refuse(s.head_range, "an extension type (`@cython.cclass`)", "its type object is made with the full API");
      } else {
        Refuse(s.head_range, "a class statement", "classes are made with the full API");
      }
    });
  }

  auto InsideClass(syntax::SourceRange range) const -> bool {
    for (const auto& cls : classes_) {
      if (cls.begin <= range.begin && range.end <= cls.end) {
        return true;
      }
    }
    return false;
  }

  void CheckFunction(const FunctionInfo& fn, std::set<int>& fused_groups) {
    const syntax::Function& f = *fn.syntax;
    scope_ = &fn;
    if (f.genexpr) {
      Refuse(f.range, "a generator expression", "generators keep their own exception state");
    } else if (fn.is_generator) {
      Refuse(f.def_range, "a generator (`yield`)", "generators keep their own exception state");
    } else if (fn.nested) {
      Refuse(f.name == "<lambda>" ? f.range : f.def_range, f.name == "<lambda>" ? "a lambda" : "a nested function",
             "closures use cells and function objects made with the full API");
    } else if (fn.bound_at_def) {
      Refuse(f.def_range, "a `def` with decorators or computed default values, stored in a class or given attributes",
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

  // A type is reported once per function (or the module's code): where it
  // first appears, its signature first.
  void CheckType(const Type& type, syntax::SourceRange range) {
    if (const char* what = Unsupported(type, 0); what != nullptr && types_seen_.insert({scope_, what}).second) {
      Refuse(range, what, Reason(what));
    }
  }

  // The construct of `type` (or of a type inside it: an array's element, a
  // pointee, a struct's field) the limited API cannot compile, or nullptr.
  auto Unsupported(const Type& type, int depth) const -> const char* {
    if (depth > 16) {
      return nullptr;  // types nest a few levels; this only stops a cycle of pointers
    }
    if (type.IsMemoryView()) {
      return kMemoryView;
    }
    if (type.IsComplex()) {
      return kComplex;
    }
    if (type.IsExtension()) {
      auto it = module_.cclass_index.find(type.extension);
      if (it != module_.cclass_index.end() && module_.cclasses[it->second].IsForeign()) {
        return kForeignType;
      }
    }
    if ((type.IsPointer() || type.IsArray()) && type.target != nullptr) {
      return Unsupported(*type.target, depth + 1);
    }
    if (type.elements != nullptr) {
      for (const Type& element : *type.elements) {
        if (const char* what = Unsupported(element, depth + 1); what != nullptr) {
          return what;
        }
      }
    }
    if (type.IsStruct() && type.struct_id >= 0 && static_cast<size_t>(type.struct_id) < module_.structs.size()) {
      for (const auto& field : module_.structs[static_cast<size_t>(type.struct_id)].fields) {
        if (const char* what = Unsupported(field.second, depth + 1); what != nullptr) {
          return what;
        }
      }
    }
    return nullptr;
  }

  static auto Reason(const char* what) -> const char* {
    if (what == kMemoryView) {
      return "pyxx's memoryviews use the full buffer API";
    }
    if (what == kComplex) {
      return "Py_complex is not in the limited API";
    }
    return "extension types are reached through their type objects' fields";
  }

  static constexpr const char* kMemoryView = "a typed memoryview";
  static constexpr const char* kComplex = "a C complex number";
  static constexpr const char* kForeignType = "an extension type of another module";

  void CheckBlock(const syntax::Block& block) {
    syntax::ForEachStmtIn(block, [&](const Stmt& s) { CheckStmt(s); });
  }

  void CheckStmt(const Stmt& s) {
    if (s.kind == Stmt::Kind::Class) {
      return;  // reported by CollectClasses
    }
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) { CheckExprTree(e); }, [](const Stmt&) {}});
  }

  void CheckExprTree(const Expr& root) {
    syntax::ForEachExprIn(root, [&](const Expr& e) { CheckExpr(e); });
  }

  void CheckExpr(const Expr& e) {
    // A variable's type is reported where it is declared, not at each use.
    const Resolution::Kind resolved = module_.Resolve(e).kind;
    const bool variable = e.kind == Expr::Kind::Name &&
                          (resolved == Resolution::Kind::Local || resolved == Resolution::Kind::CGlobal);
    if (module_.HasType(e) && !variable) {
      CheckType(module_.TypeOf(e), e.range);
    }
    if (e.kind == Expr::Kind::Call) {
      const Resolution& callee = module_.Resolve(e.callee());
      static const std::set<std::string> kFrameBuiltins = {"globals", "locals", "vars", "dir", "eval", "exec"};
      if (callee.kind == Resolution::Kind::Builtin && kFrameBuiltins.count(callee.name) > 0 && ReadsFrame(e, callee.name)) {
        Refuse(e.range, fmt::format("`{}()`", callee.name), "the module's namespaces are read through frames");
      }
    }
  }

  // vars(obj) and dir(obj) are plain builtin calls; without an argument (or
  // with unpacking, which may leave none) they read the caller's namespace.
  static auto ReadsFrame(const Expr& call, const std::string& name) -> bool {
    if (name != "vars" && name != "dir") {
      return true;
    }
    bool unpacking = false;
    for (const auto& arg : call.args) {
      unpacking |= arg->kind == Expr::Kind::Starred;
    }
    for (const auto& keyword : call.keywords) {
      unpacking |= keyword.name.empty();
    }
    return unpacking || (call.args.empty() && call.keywords.empty());
  }

  const CheckedModule& module_;
  diag::DiagnosticSink& sink_;
  std::string version_;
  std::set<std::pair<uint32_t, std::string>> reported_;
  std::vector<syntax::SourceRange> classes_;  // class statements, extension types included
  const FunctionInfo* scope_ = nullptr;  // the function being checked; nullptr: the module's code
  std::set<std::pair<const FunctionInfo*, const char*>> types_seen_;  // (scope, construct) reported
};

}  // namespace

void CheckLimitedApi(CheckedModule& module, int version, diag::DiagnosticSink& sink) {
  module.limited_api = version;
  LimitedApiPass(module, version, sink).Run();
}

}  // namespace pyxx::check
