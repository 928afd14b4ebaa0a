// Comparisons, `and`/`or` and conditional expressions: the operations that may
// skip evaluating an operand. An operand that needs statements of its own gets
// them inside an `if`, so it runs only when Python would evaluate it; otherwise
// the C++ short-circuit operators (`&&`, `?:`) keep everything in one expression.
#include <fmt/format.h>

#include "syntax/libc_math.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

using syntax::CompareOp;
using syntax::UnaryOp;

namespace {

auto IsIntLiteralExpr(const Expr& e) -> bool {
  return e.kind == Expr::Kind::Int ||
         (e.kind == Expr::Kind::Unary && e.unary_op == UnaryOp::Neg && e.operand().kind == Expr::Kind::Int);
}

auto PythonCompareOp(CompareOp op) -> const char* {
  switch (op) {
    case CompareOp::Lt: return "Py_LT";
    case CompareOp::Le: return "Py_LE";
    case CompareOp::Gt: return "Py_GT";
    case CompareOp::Ge: return "Py_GE";
    case CompareOp::Eq: return "Py_EQ";
    case CompareOp::Ne: return "Py_NE";
    default: return "Py_EQ";
  }
}

auto CppCompareOp(CompareOp op) -> const char* {
  switch (op) {
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    default: return "==";
  }
}

auto IsIdentifier(const std::string& text) -> bool {
  if (text.empty()) return false;
  for (char c : text) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return !std::isdigit(static_cast<unsigned char>(text[0]));
}

}  // namespace

auto Emitter::PairCompare(const Expr& e, size_t i, const std::string& a, const std::string& b) -> std::string {
  CompareOp op = e.compare_ops[i];
  if (!TypeOf(e).IsObject()) {
    // C values compare in their common type (C semantics, as Cython).
    // A Py_UCS4 compares as its unsigned code (Cython's Py_UCS4 is a C integer type).
    auto code_type = [](const Type& t) { return t.IsUcs4() ? Type::Of(TypeKind::UInt) : t; };
    const Type lt = code_type(TypeOf(*e.values()[i]));
    const Type rt = code_type(TypeOf(*e.values()[i + 1]));
    if (lt.IsCppString()) {
      return fmt::format("({} {} {})", a, CppCompareOp(op), b);  // two C++ strings, byte-wise
    }
    Type common = checked::CommonArithmetic(IsIntLiteralExpr(*e.values()[i]) && rt.IsInteger() ? rt : lt,
                                          IsIntLiteralExpr(*e.values()[i + 1]) && lt.IsInteger() ? lt : rt);
    if (lt.IsComplex() || rt.IsComplex()) {
      // `z == 1`: both sides as complex numbers (Python compares the parts).
      common = checked::CommonComplex(lt, rt);
      auto as_complex = [&](const Type& from, const std::string& text) {
        return from == common ? text
                              : fmt::format("pyxx::to_complex<{}>({})", checked::SpellCpp(checked::ComplexPart(common)), text);
      };
      return fmt::format("({} {} {})", as_complex(lt, a), CppCompareOp(op), as_complex(rt, b));
    }
    auto side = [&](const Expr& x, const std::string& text) {
      if (IsIntLiteralExpr(x) && x.kind == Expr::Kind::Int) {
        return EmitIntLiteral(x, common.IsFloating() ? Type::Of(TypeKind::Int) : common);
      }
      if (TypeOf(x).IsUcs4()) {
        if (x.kind == Expr::Kind::String) {
          return EmitUcs4Code(x, common);  // `c == "a"`: the code as a literal of the common type
        }
        // A scoped enum converts to an integer explicitly (to a float through one).
        return common.IsInteger() ? fmt::format("static_cast<{}>({})", checked::SpellCpp(common), text)
                                  : fmt::format("static_cast<{}>(static_cast<Py_UCS4>({}))", checked::SpellCpp(common), text);
      }
      return TypeOf(x) == common ? text : fmt::format("static_cast<{}>({})", checked::SpellCpp(common), text);
    };
    return fmt::format("({} {} {})", side(*e.values()[i], a), CppCompareOp(op), side(*e.values()[i + 1], b));
  }
  std::string site = Site(e.range);
  switch (op) {
    case CompareOp::In:
      return fmt::format("pyxx::to_object(pyxx::contains({}.get(), {}.get(), {}), {})", b, a, site, site);
    case CompareOp::NotIn:
      return fmt::format("pyxx::to_object(!pyxx::contains({}.get(), {}.get(), {}), {})", b, a, site, site);
    case CompareOp::Is:
      return fmt::format("pyxx::to_object({}.get() == {}.get(), {})", a, b, site);
    case CompareOp::IsNot:
      return fmt::format("pyxx::to_object({}.get() != {}.get(), {})", a, b, site);
    default:
      return fmt::format("pyxx::richcompare({}.get(), {}.get(), {}, {})", a, b, PythonCompareOp(op), site);
  }
}

auto Emitter::IdentityOrMembershipTest(const Expr& e) -> std::optional<CppExpr> {
  if (e.kind != Expr::Kind::Compare || e.compare_ops.size() != 1 || !TypeOf(e).IsObject() ||
      module_.Of(e).c_membership) {
    return std::nullopt;
  }
  const CompareOp op = e.compare_ops[0];
  const bool identity = op == CompareOp::Is || op == CompareOp::IsNot;
  if (!identity && op != CompareOp::In && op != CompareOp::NotIn) {
    return std::nullopt;
  }
  // `None` is Py_None itself: no reference taken for a test.
  auto is_none = [&](size_t i) { return e.values()[i]->kind == Expr::Kind::None; };
  auto operand = [&](size_t i) -> Operand {
    return is_none(i) ? Operand{"PyObject*", [] { return CppExpr{"Py_None"}; }} : ObjectOperand(*e.values()[i]);
  };
  std::vector<CppExpr> v = EmitInOrder({operand(0), operand(1)});
  auto pointer = [&](size_t i) { return is_none(i) ? v[i].text : v[i].text + ".get()"; };
  // `in` runs __contains__ (arbitrary code); `is` only compares addresses.
  const unsigned own = identity ? kPure : kWrites | kRaises;
  std::string test = identity ? fmt::format("({} {} {})", pointer(0), op == CompareOp::Is ? "==" : "!=", pointer(1))
                              : fmt::format("{}pyxx::contains({}, {}, {})", op == CompareOp::NotIn ? "!" : "",
                                            pointer(1), pointer(0), Site(e.range));
  return CppExpr{test, false, v[0].effect | v[1].effect | own, v[0].pending | v[1].pending | own};
}

auto Emitter::CompareOperand(const Expr& e, size_t i) -> Operand {
  const Expr& x = *e.values()[i];
  return TypeOf(e).IsObject() ? ObjectOperand(x) : OperandAs(x, TypeOf(x));
}

auto Emitter::EmitCompare(const Expr& e) -> CppExpr {
  if (const checked::Resolution& r = module_.Resolve(e);
      r.kind == checked::Resolution::Kind::CBuiltin && r.name == "cpp_map.found") {
    return EmitCppFoundCompare(e);  // `m.find(k) != m.end()` (emit_cpp_map.cpp)
  }
  if (module_.Of(e).c_membership) {
    return EmitCMembership(e);
  }
  if (!TypeOf(e).IsObject() && TypeOf(*e.values()[0]).IsUcs4() &&
      (e.compare_ops[0] == CompareOp::In || e.compare_ops[0] == CompareOp::NotIn)) {
    return EmitUcs4InLiteral(e);  // `c in "aeiou"` (emit_ucs4.cpp)
  }
  if (e.compare_ops.size() > 1) {
    return EmitChainedCompare(e);
  }
  const bool is_not = e.compare_ops[0] == syntax::CompareOp::IsNot;
  if (e.compare_ops[0] == syntax::CompareOp::Is || is_not) {
    // `v is None` of a typed view: whether it has a buffer.
    for (size_t i = 0; i < 2; ++i) {
      const Expr& view = *e.operands[i];
      if (TypeOf(view).IsMemoryView() && e.operands[1 - i]->kind == Expr::Kind::None) {
        std::vector<CppExpr> v = EmitInOrder({{checked::SpellCpp(TypeOf(view)), [this, &view] { return EmitExpr(view); }}});
        return {fmt::format("{}{}.is_none()", is_not ? "!" : "", v[0].text), false, v[0].effect, v[0].pending};
      }
    }
  }
  std::vector<CppExpr> v = EmitInOrder({CompareOperand(e, 0), CompareOperand(e, 1)});
  unsigned own = TypeOf(e).IsObject() ? kWrites : kPure;
  return {PairCompare(e, 0, v[0].text, v[1].text), false, v[0].effect | v[1].effect | own,
          v[0].pending | v[1].pending | own};
}

// `x in (a, b)` of C numbers: x and every element evaluated in order (Python
// builds the tuple before it compares), then C `==` against each element.
auto Emitter::EmitCMembership(const Expr& e) -> CppExpr {
  const Expr& left = *e.values()[0];
  const Expr& display = *e.values()[1];
  std::vector<Operand> operands{OperandAs(left, TypeOf(left))};
  for (const auto& element : display.args) {
    operands.push_back(OperandAs(*element, TypeOf(*element)));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  unsigned effect = kPure;
  unsigned pending = kPure;
  for (const CppExpr& x : v) {
    effect |= x.effect;
    pending |= x.pending;
  }
  // The left operand is tested against each element: a name, never an expression
  // evaluated twice. An element with effects runs before the first test, even
  // when an earlier element matches (`||` would skip it).
  for (size_t i = 0; i < v.size(); ++i) {
    bool twice = i == 0 && display.args.size() > 1 && !IsIdentifier(v[0].text);
    if (twice || (i > 0 && v[i].effect != kPure && !IsIdentifier(v[i].text))) {
      v[i].pending = v[i].pending == kPure ? kReads : v[i].pending;
      Materialize(v[i], operands[i].type);
    }
  }
  std::string tests;
  for (size_t i = 0; i < display.args.size(); ++i) {
    tests += (i > 0 ? " || " : "") + CMembershipTest(left, v[0].text, *display.args[i], v[i + 1].text);
  }
  bool negated = e.compare_ops[0] == CompareOp::NotIn;
  return {fmt::format("{}({})", negated ? "!" : "", tests), false, effect, pending};
}

// One `left == element` of a C membership test, in the two values' common type.
auto Emitter::CMembershipTest(const Expr& left, const std::string& a, const Expr& element, const std::string& b)
    -> std::string {
  const Type& lt = TypeOf(left);
  const Type& rt = TypeOf(element);
  Type common = checked::CommonArithmetic(IsIntLiteralExpr(left) && rt.IsInteger() ? rt : lt,
                                          IsIntLiteralExpr(element) && lt.IsInteger() ? lt : rt);
  auto side = [&](const Expr& x, const std::string& text) {
    if (IsIntLiteralExpr(x) && x.kind == Expr::Kind::Int) {
      return EmitIntLiteral(x, common.IsFloating() ? Type::Of(TypeKind::Int) : common);
    }
    return TypeOf(x) == common ? text : fmt::format("static_cast<{}>({})", checked::SpellCpp(common), text);
  };
  return fmt::format("{} == {}", side(left, a), side(element, b));
}

auto Emitter::EmitChainedCompare(const Expr& e) -> CppExpr {
  // a < b < c: each operand once, stopping at the first false comparison, whose
  // result (an object for object comparisons) is the value.
  bool object = TypeOf(e).IsObject();
  size_t n = e.compare_ops.size();
  if (!object) {
    // C operands that are names or literals: (a < b && b < c) evaluates nothing twice.
    size_t mark = out_.size();
    int temps = scope_temps_;
    const int slots = next_slot_;  // restored with the discarded code
    std::vector<CppExpr> all;
    bool simple = true;
    for (size_t i = 0; i <= n && simple; ++i) {
      all.push_back(EmitExpr(*e.values()[i]));
      simple = out_.size() == mark && all.back().pending == kPure &&
               (IsIdentifier(all.back().text) || IsIntLiteralExpr(*e.values()[i]) ||
                e.values()[i]->kind == Expr::Kind::Float);
    }
    if (simple) {
      std::string text;
      for (size_t i = 0; i < n; ++i) {
        text += (i > 0 ? " && " : "") + PairCompare(e, i, all[i].text, all[i + 1].text);
      }
      return {"(" + text + ")"};
    }
    out_.resize(mark);
    scope_temps_ = temps;
    next_slot_ = slots;
  }
  // Each operand is used twice: a name, never an expression evaluated twice.
  auto named = [&](CppExpr& v, size_t i) {
    if (!IsIdentifier(v.text)) {
      v.pending = v.pending == kPure ? kReads : v.pending;  // force a temporary
      Materialize(v, CompareOperand(e, i).type);
    }
  };
  std::vector<CppExpr> first = EmitInOrder({CompareOperand(e, 0), CompareOperand(e, 1)});
  named(first[0], 0);
  named(first[1], 1);
  unsigned effect = first[0].effect | first[1].effect | (object ? kWrites : kPure);
  std::string result = Declare(object ? "pyxx::Ref" : "bool", PairCompare(e, 0, first[0].text, first[1].text));
  std::string truth = object ? fmt::format("pyxx::truth({}.get(), {})", result, Site(e.range)) : result;
  CppExpr prev = first[1];
  for (size_t i = 1; i < n; ++i) {
    Line(fmt::format("if ({}) {{", WithoutOuterParens(truth)));
    indent_ += 2;
    std::vector<CppExpr> next = EmitInOrder({CompareOperand(e, i + 1)});
    named(next[0], i + 1);
    effect |= next[0].effect;
    Line(fmt::format("{} = {};", result, PairCompare(e, i, prev.text, next[0].text)));
    prev = next[0];
  }
  for (size_t i = 1; i < n; ++i) {
    indent_ -= 2;
    Line("}");
  }
  return {result, object, effect, kPure};
}

auto Emitter::Owned(const CppExpr& v) -> std::string {
  if (v.ref_lvalue) {
    return v.text.rfind("pyxx_t", 0) == 0 ? fmt::format("std::move({})", v.text)
                                           : fmt::format("pyxx::Ref::borrow({}.get())", v.text);
  }
  return v.text;
}

auto Emitter::EmitBoolOp(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  bool is_and = e.bool_op == syntax::BoolOp::And;
  bool all_bint = !t.IsObject();
  for (const auto& o : e.values()) {
    all_bint &= TypeOf(*o).kind == TypeKind::Bint;
  }
  if (all_bint) {
    // C++'s && and || short-circuit in order, when no operand after the first needs statements.
    size_t mark = out_.size();
    int temps = scope_temps_;
    const int slots = next_slot_;  // restored with the discarded code
    CppExpr first = EmitExpr(*e.values()[0]);
    size_t after_first = out_.size();
    std::string text = first.text;
    unsigned effect = first.effect;
    unsigned pending = first.pending;
    bool inline_ok = true;
    for (size_t i = 1; i < e.values().size() && inline_ok; ++i) {
      CppExpr v = EmitExpr(*e.values()[i]);
      inline_ok = out_.size() == after_first;
      text += (is_and ? " && " : " || ") + v.text;
      effect |= v.effect;
      pending |= v.pending;
    }
    if (inline_ok) {
      return {"(" + text + ")", false, effect, pending};
    }
    out_.resize(mark);  // statements needed: emit again in the statement form below
    scope_temps_ = temps;
    next_slot_ = slots;
  }
  // `a or b` yields the first true operand (or the last one), in the common type:
  // r = a; if (!r) { r = b; if (!r) { r = c; } }
  std::string type = t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t);
  auto value = [&](const Expr& x) { return t.IsObject() ? OwnedValue(x) : ValueAs(x, t); };
  CppExpr first = value(*e.values()[0]);
  unsigned effect = first.effect;
  std::string result = Declare(type, Owned(first));
  std::string truth = t.IsObject() ? fmt::format("pyxx::truth({}.get(), {})", result, Site(e.range)) : result;
  for (size_t i = 1; i < e.values().size(); ++i) {
    Line(fmt::format("if ({}{}) {{", is_and ? "" : "!", truth));
    indent_ += 2;
    CppExpr v = value(*e.values()[i]);
    effect |= v.effect;
    Line(fmt::format("{} = {};", result, Owned(v)));
  }
  for (size_t i = 1; i < e.values().size(); ++i) {
    indent_ -= 2;
    Line("}");
  }
  return {result, t.IsObject(), effect, kPure};
}

auto Emitter::EmitConditional(const Expr& e) -> CppExpr {
  // operands: then, condition, else.
  const Type& t = TypeOf(e);
  auto value = [&](const Expr& x) { return t.IsObject() ? OwnedValue(x) : ValueAs(x, t); };
  CppExpr cond = ConditionValue(e.condition());
  size_t mark = out_.size();
  int temps = scope_temps_;
  const int slots = next_slot_;  // restored with the discarded code
  CppExpr then_value = value(e.then_value());
  CppExpr else_value = value(e.else_value());
  unsigned effect = cond.effect | then_value.effect | else_value.effect;
  if (out_.size() == mark) {
    return {fmt::format("({} ? {} : {})", cond.text, Owned(then_value), Owned(else_value)), false, effect,
            cond.pending | then_value.pending | else_value.pending};
  }
  // A branch needs statements: r; if (cond) { r = then; } else { r = else; }
  out_.resize(mark);
  scope_temps_ = temps;
  next_slot_ = slots;
  std::string result = Declare(t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t), "");
  Line(fmt::format("if ({}) {{", WithoutOuterParens(cond.text)));
  indent_ += 2;
  Line(fmt::format("{} = {};", result, Owned(value(e.then_value()))));
  indent_ -= 2;
  Line("} else {");
  indent_ += 2;
  Line(fmt::format("{} = {};", result, Owned(value(e.else_value()))));
  indent_ -= 2;
  Line("}");
  return {result, t.IsObject(), effect, kPure};
}

}  // namespace pyxx::emit
