// The GIL rules of spec §7: the state stack, PX201/PX202 with notes at the
// release point, and the call-chain notes that explain why a callee needs the GIL.
#include <cctype>

#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

auto GilOpText(GilOp op) -> std::string {
  switch (op) {
    case GilOp::ObjectLocal: return "Python object local";
    case GilOp::ReadGlobal: return "reading a Python global";
    case GilOp::Attribute: return "attribute access on a Python object";
    case GilOp::Index: return "indexing a Python object";
    case GilOp::Slice: return "slicing a Python object";
    case GilOp::Arithmetic: return "arithmetic on a Python object";
    case GilOp::Compare: return "comparing a Python object";
    case GilOp::TruthTest: return "truth-testing a Python object";
    case GilOp::Iterate: return "iterating over a Python object";
    case GilOp::CreateList: return "creating a Python list";
    case GilOp::CreateTuple: return "creating a Python tuple";
    case GilOp::CreateDict: return "creating a Python dict";
    case GilOp::CreateSet: return "creating a Python set";
    case GilOp::CreateString: return "creating a Python string";
    case GilOp::FormatString: return "formatting an f-string";
    case GilOp::CreateLambda: return "creating a function object (lambda)";
    case GilOp::CreateClass: return "creating a class";
    case GilOp::CreateFunction: return "creating a function object (nested `def`)";
    case GilOp::CreateComprehension: return "building a comprehension";
    case GilOp::ConvertToObject: return "converting a C value to a Python object";
    case GilOp::ConvertFromObject: return "converting a Python object to a C value";
    case GilOp::Delete: return "`del` of a Python object";
    case GilOp::Import: return "importing a module";
    case GilOp::TryExcept: return "`try`/`except`";
    case GilOp::Reraise: return "re-raising the current exception";
    case GilOp::ReturnObject: return "returning a Python object";
    case GilOp::AssignObject: return "assigning a Python object";
    case GilOp::PassObject: return "passing a Python object";
    case GilOp::DiscardObject: return "discarding a Python object";
    case GilOp::CallObject: return "calling a Python object";
    case GilOp::Unpack: return "unpacking a Python object";
    case GilOp::Await: return "`await`/`yield`";
    case GilOp::ViewObject: return "making a Python object from a memoryview";
    case GilOp::ViewCopy: return "copying a memoryview into a new array";
    case GilOp::CreateViewArray: return "creating a `cython.view.array`";
    case GilOp::IterateView: return "iterating over a memoryview (its items are Python objects)";
    case GilOp::ModuleView: return "using the module-level memoryview";
    case GilOp::ModuleObject: return "using the module-level extension type variable";
    case GilOp::ArrayData: return "reading the data pointer of an `array.array`";
  }
  return "using a Python object";
}

auto Checker::InNogil() const -> bool { return gil_stack_.back().state != GilState::Held; }

void Checker::AddReleaseNote(diag::DiagnosticBuilder& b) {
  const GilFrame& f = gil_stack_.back();
  if (f.where.empty()) {
    return;
  }
  if (f.from_function) {
    b.AddNote(Kind::GilMaybeReleasedHere, f.where, f.function_name,
              f.state == GilState::MaybeReleased && InNumba()
                  ? "Numba nopython functions are compiled without the GIL"
                  : "nogil functions may be called without the GIL");
  } else {
    b.AddNote(Kind::GilReleasedHere, f.where);
  }
}

void Checker::SuggestCParameter(diag::DiagnosticBuilder& b, const Expr& e) {
  if (current_fn_ < 0) {
    return;
  }
  const FunctionInfo& fn = out_.functions[current_fn_];
  // The first unannotated object parameter read in `e`.
  const Expr* name = nullptr;
  syntax::ForEachExprIn(e, [&](const Expr& x) {
    if (name != nullptr || x.kind != Expr::Kind::Name) {
      return;
    }
    auto it = fn.local_index.find(x.name);
    if (it != fn.local_index.end() && fn.locals[it->second].is_param) {
      const auto& param = fn.syntax->params[it->second];
      if (!param.annotation && fn.locals[it->second].type.IsObject()) {
        name = &x;
      }
    }
  });
  if (name == nullptr) {
    return;
  }
  const auto& param = fn.syntax->params[fn.local_index.at(name->name)];
  SourceRange name_end{param.range.begin + static_cast<uint32_t>(param.name.size()),
                       param.range.begin + static_cast<uint32_t>(param.name.size())};
  b.AddNote(Kind::FixItHint, param.range,
            fmt::format("`{}` has no annotation, so it is a Python object; give it a C type", param.name));
  b.AddFixIt(name_end, ": cython.long");
}

void Checker::NoteGilNeed(Kind kind, SourceRange range, int callee_fn) {
  if (inferring_ || current_fn_ < 0 || first_gil_need_[current_fn_]) {
    return;
  }
  if (callee_fn == current_fn_) {
    return;  // recursion: declared nogil, the function could call itself without the GIL
  }
  if (gil_stack_.size() > 1 && gil_stack_.back().state == GilState::Held) {
    return;  // `with gil:`, `raise` or a default value: held whatever the caller does
  }
  first_gil_need_[current_fn_] = GilNeed{kind, range, callee_fn};
}

auto Checker::RequireGil(GilOp op, SourceRange range, const std::string& detail, const Expr* operands) -> bool {
  NoteGilNeed(Kind::PythonObjectWithoutGil, range, -1);
  if (!InNogil()) {
    return false;
  }
  if (gil_reported_in_stmt_) {
    return true;  // the statement's root cause is already reported
  }
  gil_reported_in_stmt_ = true;
  std::string what = GilOpText(op);
  if (!detail.empty()) {
    what += " " + detail;
  }
  auto b = Report(Kind::PythonObjectWithoutGil, range, what);
  AddReleaseNote(b);
  if (operands != nullptr && !inferring_) {
    SuggestCParameter(b, *operands);
  }
  return true;
}

auto Checker::RequireGilForExtern(const Expr& call) -> bool {
  const int index = call.callee().extern_function;
  if (index < 0) {
    return false;
  }
  const syntax::ExternFunction& f = module_.extern_functions[static_cast<size_t>(index)];
  return !f.nogil && RequireGilForCall(fmt::format("`{}`", f.local), call.range, -1, &f);
}

auto Checker::RequireGilForCall(const std::string& what, SourceRange range, int callee_fn,
                                const syntax::ExternFunction* declared) -> bool {
  NoteGilNeed(Kind::GilRequiringCall, range, callee_fn);
  if (!InNogil()) {
    return false;
  }
  if (gil_reported_in_stmt_) {
    return true;
  }
  gil_reported_in_stmt_ = true;
  if (callee_fn >= 0 && !inferring_) {
    calls_needing_gil_.emplace_back(sink_->diagnostics().size(), callee_fn);  // the index `b` gets
  }
  auto b = Report(Kind::GilRequiringCall, range, what);
  AddReleaseNote(b);
  if (declared != nullptr && declared->pxd != nullptr) {
    b.AddNoteIn(*declared->pxd, Kind::CalleeDeclaredInPxd, declared->pxd_range, declared->local);
  }
  return true;
}

void Checker::AddCallChainNotes() {
  for (const auto& [index, callee_fn] : calls_needing_gil_) {
    auto b = sink_->Amend(index);
    std::set<int> seen;
    AddCallChainNotes(b, callee_fn, seen);
  }
}

void Checker::AddCallChainNotes(diag::DiagnosticBuilder& b, int callee_fn, std::set<int>& seen) {
  const FunctionInfo& callee = out_.functions[callee_fn];
  if (callee.kind == FunctionKind::Def) {
    b.AddNote(Kind::FixItHint, callee.syntax->def_range,
              fmt::format("`{}` is a Python function (`def`); only `@cython.cfunc` or `@cython.ccall` functions "
                          "can be declared `@cython.nogil`",
                          callee.name()));
    return;
  }
  seen.insert(callee_fn);
  const std::optional<GilNeed>& need = first_gil_need_[callee_fn];
  SourceRange decl = callee.syntax->attrs.decorators.empty() ? callee.syntax->def_range
                                                            : callee.syntax->attrs.decorators.front().range;
  if (callee.syntax->pxd != nullptr) {
    // Its type is the augmenting .pxd's: that is where `nogil` is missing (a
    // fix-it in the .py would not change it).
    b.AddNoteIn(*callee.syntax->pxd, Kind::CalleeDeclaredInPxd, callee.syntax->pxd_range, callee.name());
  }
  if (!need && callee.syntax->pxd != nullptr) {
    return;
  }
  if (!need) {
    // The body would be fine without the GIL: the declaration is all that is missing.
    b.AddNote(Kind::CalleeDeclaredHere, callee.syntax->def_range, callee.name());
    b.AddFixIt({decl.begin, decl.begin}, "@cython.nogil\n");
    return;
  }
  if (callee.syntax->pxd == nullptr) {
    b.AddNote(Kind::CalleeDeclaredHere, callee.syntax->def_range, callee.name());
  }
  std::string what = need->kind == Kind::GilRequiringCall ? "call" : "use of a Python object";
  b.AddNote(Kind::CalleeNeedsGil, need->range, callee.name(), what);
  // Walk on when the callee's reason is itself a call to one of ours (once each:
  // recursion ends the chain).
  if (need->callee_fn >= 0 && seen.count(need->callee_fn) == 0 && seen.size() < 8) {
    AddCallChainNotes(b, need->callee_fn, seen);
  }
}

namespace {

// Is the Python numeric literal `text` zero? Evaluated from its digits, not
// compared as text: `0x0`, `0b0`, `0o0`, `00`, `0_0`, `0.0`, `.0e5` are all zero.
auto NumericLiteralIsZero(const std::string& text, bool is_float) -> bool {
  std::string digits;
  for (char c : text) {
    if (c != '_') {
      digits += c;
    }
  }
  if (!is_float && digits.size() > 2 && digits[0] == '0' && std::isalpha(static_cast<unsigned char>(digits[1]))) {
    digits = digits.substr(2);  // 0x / 0o / 0b prefix
  }
  for (char c : digits) {
    if (is_float && (c == 'e' || c == 'E')) {
      break;  // the exponent does not change whether the value is zero
    }
    if (c != '0' && c != '.') {
      return false;
    }
  }
  return true;
}

}  // namespace

auto Checker::FoldCondition(const Expr& cond) -> std::optional<bool> {
  switch (cond.kind) {
    case Expr::Kind::Bool:
      return cond.bool_value;
    case Expr::Kind::None:
      return false;
    case Expr::Kind::Int:
    case Expr::Kind::Float:
      return !NumericLiteralIsZero(cond.text, cond.kind == Expr::Kind::Float);
    case Expr::Kind::Unary:
      if (cond.unary_op == syntax::UnaryOp::Not) {
        if (auto v = FoldCondition(cond.operand())) {
          return !*v;
        }
      } else if ((cond.unary_op == syntax::UnaryOp::Neg || cond.unary_op == syntax::UnaryOp::Pos) &&
                 (cond.operand().kind == Expr::Kind::Int || cond.operand().kind == Expr::Kind::Float)) {
        return FoldCondition(cond.operand());  // the sign does not change whether it is zero
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace pyxx::check
