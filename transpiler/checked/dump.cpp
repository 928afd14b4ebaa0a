// Dump(): the checked program as stable text (`pyxx translate --dump checked`),
// for snapshot tests of the facts the checker hands to the emitter. One line
// per function, parameter, local, statement and expression, indented by nesting;
// each node shows `line:col`, its kind and the facts that are set.
#include "checked/dump.h"

#include <fmt/format.h>

#include "syntax/walk.h"

namespace pyxx::checked {
namespace {

constexpr std::string_view kExprKinds[] = {
    "Name",  "DialectRef", "Int",     "Float", "Bool",     "None",    "String",  "FString", "Binary",
    "Unary", "BoolOp",     "Compare", "Conditional", "Call", "Attribute", "Subscript", "Slice", "Tuple",
    "List",  "Set",        "Dict",    "Starred", "Lambda", "Comprehension", "Await", "Yield", "NamedExpr",
    "Ellipsis",
};
constexpr std::string_view kStmtKinds[] = {
    "Expr",   "Assign", "AnnAssign", "AugAssign", "If",     "While", "For",    "Break",  "Continue", "Pass",
    "Return", "With",   "Function",  "Import",    "Raise",  "Try",   "Del",    "Assert", "Global",   "Nonlocal",
    "Class",  "Print2", "Exec2",     "Unsupported",
};
constexpr std::string_view kFunctionKinds[] = {"def", "cfunc", "ccall", "numba"};
constexpr std::string_view kGilStates[] = {"held", "released", "maybe-released"};
constexpr std::string_view kResolutions[] = {"none",    "local",    "function",  "global",
                                             "builtin", "cbuiltin", "libc-math", "comprehension-var",
                                             "class-name", "c-global", "cclass-field", "foreign-function", "foreign-cclass",
                                             "cclass-method", "cclass-super", "enum-constant"};
constexpr std::string_view kWithEffects[] = {"none", "release", "acquire", "release-if", "acquire-if", "context-manager"};

template <size_t N, class E>
auto NameOf(const std::string_view (&names)[N], E value) -> std::string_view {
  auto i = static_cast<size_t>(value);
  PYXX_CHECK(i < N, "a kind without a name in the checked dump");
  return names[i];
}

class Dumper {
 public:
  Dumper(const CheckedModule& module, const base::SourceBuffer& source) : module_(module), source_(source) {}

  auto Run() -> std::string {
    out_ += fmt::format("module {}\n", module_.syntax->name);
    if (module_.array_type_used) {
      out_ += "  uses array.array\n";
    }
    if (module_.limited_api != 0) {
      out_ += fmt::format("  limited API 0x{:08X}\n", module_.limited_api);
    }
    for (const auto& s : module_.syntax->body) {
      DumpStmt(*s, 0);
    }
    return std::move(out_);
  }

 private:
  auto Pos(base::SourceRange range) const -> std::string {
    base::LineColumn at = source_.Locate(range.begin);
    return fmt::format("{}:{}", at.line, at.column);
  }
  void Indent(int depth) { out_.append(static_cast<size_t>(depth) * 2, ' '); }

  // The `def` statement's line: the function's facts, then its parameters and locals.
  void DumpFunction(const syntax::Stmt& s, int depth) {
    const syntax::Function& syntax_fn = *s.function;
    Indent(depth);
    out_ += fmt::format("stmt {} Function {}", Pos(s.range), syntax_fn.name);
    DumpFunctionFacts(syntax_fn, depth);
  }

  void DumpFunctionFacts(const syntax::Function& syntax_fn, int depth) {
    int index = -1;
    if (auto nested = module_.nested_index.find(&syntax_fn); nested != module_.nested_index.end()) {
      index = nested->second;
    } else if (auto it = module_.function_index.find(syntax_fn.name);
               it != module_.function_index.end() && module_.functions[it->second].syntax == &syntax_fn) {
      index = it->second;
    }
    if (index < 0) {
      out_ += " (not a function pyxx compiles: redefined)\n";
      return;
    }
    const FunctionInfo& fn = module_.functions[index];
    out_ += fmt::format(": {} -> {}", NameOf(kFunctionKinds, fn.kind), SpellPyxx(fn.return_type));
    if (fn.nested) {
      out_ += fmt::format(" nested qualname={}", fn.qualname);
    }
    for (auto [flag, text] : {std::pair{fn.nogil, "nogil"}, {fn.with_gil, "with_gil"},
                              {fn.release_on_entry, "release_on_entry"}, {fn.can_raise, "can_raise"},
                              {fn.swallows_errors, "swallows_errors"}, {fn.tracks_line, "tracks_line"},
                              {fn.uses_module, "uses_module"}, {fn.called_in_module, "called_in_module"},
                              {fn.is_generator, "generator"}}) {
      if (flag) {
        out_ += fmt::format(" {}", text);
      }
    }
    out_ += '\n';
    for (size_t i = 0; i < fn.locals.size(); ++i) {
      const LocalVar& local = fn.locals[i];
      Indent(depth + 1);
      out_ += fmt::format("{} #{} {}: {} reads={}", local.is_param ? "param" : "local", i, local.name,
                          SpellPyxx(local.type), local.reads);
      if (local.is_param && i < fn.param_facts.size() && fn.param_facts[i].view_written) {
        out_ += " view_written";
      }
      if (local.is_param && i < fn.param_facts.size() && fn.param_facts[i].rebound && local.type.IsMemoryView()) {
        out_ += " rebound";
      }
      if (local.is_param && i < fn.param_facts.size() && fn.param_facts[i].view_access) {
        out_ += " view_access";
      }
      if (local.is_param && i < fn.param_type_tests.size() && !fn.param_type_tests[i].type_name.empty()) {
        out_ += fmt::format(" tests={}{}", fn.param_type_tests[i].type_name,
                            fn.param_type_tests[i].allows_none ? "|None" : "");
      }
      if (local.cell) {
        out_ += " cell";
      }
      if (local.stored_in_expression) {
        out_ += " walrus";
      }
      if (local.free_slot >= 0) {
        out_ += fmt::format(" free={} from=#{}", local.free_slot, fn.closure_sources[local.free_slot]);
      }
      out_ += '\n';
    }
  }

  void DumpStmt(const syntax::Stmt& s, int depth) {
    const StmtFacts& f = module_.Of(s);
    if (s.kind == syntax::Stmt::Kind::Function) {
      DumpFunction(s, depth);
      syntax::ForEachChild(s, syntax::Overloaded{[&](const syntax::Expr& e) { DumpExpr(e, depth + 1); },
                                                 [&](const syntax::Stmt& child) { DumpStmt(child, depth + 1); }});
      return;
    }
    Indent(depth);
    out_ += fmt::format("stmt {} {}", Pos(s.range), NameOf(kStmtKinds, s.kind));
    if (module_.HasGil(s)) {  // statements the checker did not reach (after an error) have none
      out_ += fmt::format(" gil={}", NameOf(kGilStates, module_.GilOf(s)));
    }
    if (f.calls_raising) {
      out_ += " calls_raising";
    }
    for (size_t i = 0; i < s.with_items.size(); ++i) {
      out_ += fmt::format(" with[{}]={}", i, NameOf(kWithEffects, module_.WithEffectOf(s, i)));
    }
    if (const auto& loop = module_.CRangeLoop(s)) {
      out_ += fmt::format(" c_range_loop={}", SpellPyxx(*loop));
    }
    if (f.dataclass_default >= 0) {
      const CClassInfo& cls = module_.cclasses[static_cast<size_t>(f.dataclass_cclass)];
      const DataclassField& field = cls.dataclass->fields[static_cast<size_t>(f.dataclass_default)];
      out_ += fmt::format(" dataclass_{}={}.{}", field.default_factory != nullptr ? "factory" : "default", cls.name,
                          cls.fields[static_cast<size_t>(field.field)].name);
    }
    if (f.view_access_local >= 0) {
      out_ += fmt::format(" view_access=local#{}", f.view_access_local);
    }
    for (size_t i = 0; i < f.import_kept_cclass.size(); ++i) {
      if (f.import_kept_cclass[i] >= 0) {
        out_ += fmt::format(" keeps_cclass={}", module_.cclasses[static_cast<size_t>(f.import_kept_cclass[i])].name);
      }
    }
    if (f.finally_jumps) {
      out_ += fmt::format(" finally_jumps through={}{}{}", f.jumps_through.return_ ? "r" : "-",
                          f.jumps_through.break_ ? "b" : "-", f.jumps_through.continue_ ? "c" : "-");
    }
    out_ += '\n';
    syntax::ForEachChild(s, syntax::Overloaded{[&](const syntax::Expr& e) { DumpExpr(e, depth + 1); },
                                               [&](const syntax::Stmt& child) { DumpStmt(child, depth + 1); }});
  }

  void DumpExpr(const syntax::Expr& e, int depth) {
    const ExprFacts& f = module_.Of(e);
    Indent(depth);
    out_ += fmt::format("expr {} {}", Pos(e.range), NameOf(kExprKinds, e.kind));
    if (e.kind == syntax::Expr::Kind::Name || e.kind == syntax::Expr::Kind::Attribute) {
      out_ += fmt::format(" `{}`", e.name);
    } else if (e.kind == syntax::Expr::Kind::DialectRef) {
      out_ += fmt::format(" `{}`", e.dialect_path);
    }
    if (f.typed) {
      out_ += fmt::format(" : {}", SpellPyxx(f.type));
    }
    if (f.resolution.kind != Resolution::Kind::None) {
      out_ += fmt::format(" -> {}", NameOf(kResolutions, f.resolution.kind));
      if (f.resolution.index >= 0) {
        out_ += fmt::format("#{}", f.resolution.index);
      }
    }
    if (f.call_arguments) {
      out_ += " args=[";
      for (size_t i = 0; i < f.call_arguments->size(); ++i) {
        const syntax::Expr* a = (*f.call_arguments)[i];
        out_ += fmt::format("{}{}", i == 0 ? "" : ", ", a != nullptr ? Pos(a->range) : "default");
      }
      out_ += "]";
    }
    for (auto [flag, text] : {std::pair{f.has_effects, "has_effects"}, {f.calls_raising, "calls_raising"},
                              {f.needs_bound_check, "needs_bound_check"}, {f.c_membership, "c_membership"},
                              {f.none_checked_element, "none_checked"}, {f.through_view_access, "view_access"},
                              {f.view_field_in_place, "field_in_place"}}) {
      if (flag) {
        out_ += fmt::format(" {}", text);
      }
    }
    if (!f.locals_dict.empty()) {
      out_ += " locals_dict=[";
      for (size_t i = 0; i < f.locals_dict.size(); ++i) {
        const int entry = f.locals_dict[i];
        out_ += fmt::format("{}{}", i == 0 ? "" : ", ",
                            entry == ExprFacts::kLocalsClassCell ? std::string("__class__") : fmt::format("#{}", entry));
      }
      out_ += "]";
    }
    if (f.ctuple_index >= 0) {
      out_ += fmt::format(" ctuple_index={}", f.ctuple_index);
    }
    if (f.indices_in_range != 0) {
      out_ += fmt::format(" indices_in_range={:#x}", f.indices_in_range);
    }
    if (f.value_range) {
      out_ += fmt::format(" range=[{}, {}]", f.value_range->lo, f.value_range->hi);
    }
    if (f.no_overflow) {
      out_ += " no_overflow";
    }
    out_ += '\n';
    syntax::ForEachChild(e, [&](const syntax::Expr& child) { DumpExpr(child, depth + 1); });
    if (e.function) {
      Indent(depth + 1);
      out_ += "lambda";
      DumpFunctionFacts(*e.function, depth + 1);
      for (const auto& st : e.function->body) {
        DumpStmt(*st, depth + 2);
      }
    }
  }

  const CheckedModule& module_;
  const base::SourceBuffer& source_;
  std::string out_;
};

}  // namespace

auto Dump(const CheckedModule& module, const base::SourceBuffer& source) -> std::string {
  return Dumper(module, source).Run();
}

}  // namespace pyxx::checked
