// Expressions: C operations with Python semantics through the runtime's
// helpers, and Python-object operations through the C API with owned references.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "checked/libc_math.h"
#include "emit/emitter_impl.h"
#include "syntax/walk.h"

namespace pyxx::emit {

using check::Resolution;
using syntax::BinaryOp;
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

}  // namespace

auto Emitter::Sequence(const std::vector<std::string>& operands, const std::vector<const Expr*>& sources,
                       const std::string& result_type,
                       const std::function<std::string(const std::vector<std::string>&)>& combine) -> std::string {
  int effects = 0;
  for (const Expr* e : sources) {
    effects += e != nullptr && module_.Of(*e).has_effects ? 1 : 0;
  }
  if (effects < 2) {
    return combine(operands);
  }
  std::string body = fmt::format("[&]() -> {} {{", result_type);
  std::vector<std::string> names;
  for (const auto& operand : operands) {
    names.push_back(Temp("arg"));
    body += fmt::format(" auto&& {} = {};", names.back(), operand);
  }
  return body + fmt::format(" return {}; }}()", combine(names));
}

auto Emitter::EmitIntLiteral(const Expr& e, const Type& t) -> std::string {
  std::string text = e.text;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'O')) {
    text = "0" + text.substr(2);
  }
  if (!t.IsSigned() && t.IsInteger()) {
    return text + "u" + (check::IntegerBits(t.kind) == 64 ? "l" : "");
  }
  if (t.kind == TypeKind::Long || t.kind == TypeKind::LongLong || t.kind == TypeKind::SSizeT) {
    return text + "L";
  }
  return text;
}

auto Emitter::Convert(const CppExpr& value, const Type& from, const Type& to) -> std::string {
  if (from.IsError() || to.IsError() || from == to) {
    return value.text;
  }
  if (from.IsNumeric() && to.IsNumeric()) {
    return fmt::format("static_cast<{}>({})", check::SpellCpp(to), value.text);
  }
  if (from.IsNumeric() && to.IsObject()) {
    return fmt::format("pyxx::to_object({}, {})", value.text, stmt_site_);
  }
  if (from.IsObject() && to.IsNumeric()) {
    return fmt::format("pyxx::as_c<{}>({}.get(), {})", check::SpellCpp(to), value.text, stmt_site_);
  }
  return value.text;
}

auto Emitter::EmitAs(const Expr& e, const Type& to) -> std::string {
  const Type& from = TypeOf(e);
  if (to.IsNumeric() && IsIntLiteralExpr(e) && !from.IsObject()) {
    if (e.kind == Expr::Kind::Int) {
      return EmitIntLiteral(e, to.IsFloating() ? Type::Of(TypeKind::Int) : to);
    }
  }
  if (to.IsObject() && from.IsObject()) {
    return OwnedObject(e);
  }
  return Convert(EmitExpr(e), from, to);
}

auto Emitter::OwnedObject(const Expr& e) -> std::string {
  CppExpr v = EmitExpr(e);
  std::string text = Convert(v, TypeOf(e), Type::Object());
  if (v.ref_lvalue && TypeOf(e).IsObject()) {
    return fmt::format("pyxx::Ref::borrow({}.get())", text);
  }
  return text;
}

auto Emitter::EmitObject(const Expr& e) -> std::string {
  CppExpr v = EmitExpr(e);
  return Convert(v, TypeOf(e), Type::Object());
}

auto Emitter::EmitPyObjectPtr(const Expr& e) -> std::string { return EmitObject(e) + ".get()"; }

auto Emitter::EmitCondition(const Expr& e) -> std::string {
  const Type& t = TypeOf(e);
  if (t.IsObject()) {
    return fmt::format("pyxx::truth({}, {})", EmitPyObjectPtr(e), Site(e.range));
  }
  return EmitExpr(e).text;
}

auto Emitter::EmitExpr(const Expr& e) -> CppExpr {
  using K = Expr::Kind;
  const Type& t = TypeOf(e);
  switch (e.kind) {
    case K::Name: {
      const Resolution& r = module_.Resolve(e);
      switch (r.kind) {
        case Resolution::Kind::Local:
          if (module_.Of(e).needs_bound_check) {
            // Python locals may be read before they are bound: UnboundLocalError, not a crash.
            return {fmt::format("pyxx::bound({}, \"{}\", {})", LocalName(r.index), e.name, Site(e.range)), true};
          }
          return {LocalName(r.index), t.IsObject()};
        case Resolution::Kind::Builtin:
          return {fmt::format("pyxx::get_builtin(\"{}\", {})", e.name, Site(e.range))};
        case Resolution::Kind::ComprehensionVar:
          return {CppName(e.name), true};
        default:
          return {fmt::format("pyxx::get_global(pyxx_module, \"{}\", {})", e.name, Site(e.range))};
      }
    }
    case K::Int:
      if (t.IsObject()) {
        std::string digits = e.text;
        int base = 10;
        if (digits.size() > 2 && digits[0] == '0' && digits[1] != '.') {
          char p = static_cast<char>(digits[1] | 0x20);
          base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
          digits = base == 10 ? digits : digits.substr(2);
        }
        return {fmt::format("pyxx::make_int(\"{}\", {}, {})", digits, base, Site(e.range))};
      }
      return {EmitIntLiteral(e, t)};
    case K::Float:
      return {e.text};
    case K::DialectRef:
      return {checked::LibcMathConstant(module_.Resolve(e).name)};
    case K::Bool:
      return {e.bool_value ? "true" : "false"};
    case K::None:
      return {"pyxx::Ref::borrow(Py_None)"};
    case K::String:
      return {fmt::format("pyxx::make_{}({}, {}, {})", e.is_bytes ? "bytes" : "str", CppStringLiteral(e.text),
                          e.text.size(), Site(e.range))};
    case K::FString: {
      std::string parts;
      for (const auto& p : e.parts) {
        parts += (parts.empty() ? "" : ", ") + EmitPyObjectPtr(*p);
      }
      return {fmt::format("pyxx::fstring({{{}}}, {})", parts, Site(e.range))};
    }
    case K::Binary:
      return EmitBinary(e);
    case K::Unary:
      return EmitUnary(e);
    case K::BoolOp:
      return EmitBoolOp(e);
    case K::Compare:
      return EmitCompare(e);
    case K::Conditional: {
      std::string cond = EmitCondition(e.condition());
      if (t.IsObject()) {
        return {fmt::format("({} ? {} : {})", cond, OwnedObject(e.then_value()), OwnedObject(e.else_value()))};
      }
      return {fmt::format("({} ? {} : {})", cond, EmitAs(e.then_value(), t), EmitAs(e.else_value(), t))};
    }
    case K::Call:
      return EmitCall(e);
    case K::Attribute: {
      const Resolution& r = module_.Resolve(e);
      if (r.kind == Resolution::Kind::CBuiltin) {  // x.real, x.imag, ... of a C number
        if (e.name == "real" || e.name == "numerator") {
          return {EmitAs(e.object(), t)};
        }
        // The constant part still evaluates `x`, as Python does.
        return {fmt::format("(static_cast<void>({}), static_cast<{}>({}))", EmitExpr(e.object()).text,
                            check::SpellCpp(t), e.name == "imag" ? 0 : 1)};
      }
      if (r.kind == Resolution::Kind::LibcMath) {
        if (e.name == "pi") return {"3.141592653589793"};
        if (e.name == "e") return {"2.718281828459045"};
        if (e.name == "tau") return {"6.283185307179586"};
        if (e.name == "inf") return {"HUGE_VAL"};
        return {"std::nan(\"\")"};
      }
      return {fmt::format("pyxx::get_attr({}, \"{}\", {})", EmitPyObjectPtr(e.object()), e.name, Site(e.range))};
    }
    case K::Subscript:
      return EmitSubscript(e);
    case K::Comprehension:
      return EmitComprehension(e);
    case K::Slice: {
      std::string parts;
      for (const Expr* p : {e.lower(), e.upper(), e.step()}) {
        parts += (parts.empty() ? "" : ", ") + (p ? EmitPyObjectPtr(*p) : std::string("Py_None"));
      }
      return {fmt::format("pyxx::slice({}, {})", parts, Site(e.range))};
    }
    case K::Tuple:
    case K::List:
    case K::Set:
    case K::Dict: {
      std::string items;
      for (const auto& a : e.args) {
        items += (items.empty() ? "" : ", ") + EmitPyObjectPtr(*a);
      }
      const char* maker = e.kind == K::Tuple ? "make_tuple" : e.kind == K::List ? "make_list"
                          : e.kind == K::Set ? "make_set" : "make_dict";
      return {fmt::format("pyxx::{}({{{}}}, {})", maker, items, Site(e.range))};
    }
    default:
      return {"/* rejected by the checker */"};
  }
}

auto Emitter::EmitBinaryC(BinaryOp op, const std::string& a, const std::string& b, const Type& operand,
                          const Type& result) -> std::string {
  std::string T = check::SpellCpp(operand);
  bool is_int = operand.IsInteger();
  bool is_signed_int = is_int && operand.IsSigned() && operand.kind != TypeKind::Bint;
  bool cdivision = fn_ != nullptr && fn_->cdivision;
  std::string site = stmt_site_;
  switch (op) {
    case BinaryOp::Add:
      return is_signed_int ? fmt::format("pyxx::wrap_add<{}>({}, {})", T, a, b) : fmt::format("({} + {})", a, b);
    case BinaryOp::Sub:
      return is_signed_int ? fmt::format("pyxx::wrap_sub<{}>({}, {})", T, a, b) : fmt::format("({} - {})", a, b);
    case BinaryOp::Mul:
      return is_signed_int ? fmt::format("pyxx::wrap_mul<{}>({}, {})", T, a, b) : fmt::format("({} * {})", a, b);
    case BinaryOp::TrueDiv:
      if (cdivision && operand.IsFloating()) {
        return fmt::format("({} / {})", a, b);
      }
      if (cdivision) {
        return fmt::format("(static_cast<double>({}) / static_cast<double>({}))", a, b);
      }
      (void)result;
      return fmt::format("pyxx::truediv<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::FloorDiv:
      if (cdivision && is_int) {
        return fmt::format("pyxx::cdiv<{}>({}, {})", T, a, b);
      }
      return fmt::format("pyxx::floordiv<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::Mod:
      if (cdivision && is_int) {
        return fmt::format("pyxx::cmod<{}>({}, {})", T, a, b);
      }
      return fmt::format("pyxx::mod<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::Pow:
      if (is_int) {
        return fmt::format("pyxx::ipow<{}>({}, {}, {})", T, a, b, site);
      }
      return fmt::format("std::pow({}, {})", a, b);
    case BinaryOp::LShift:
      return fmt::format("pyxx::shl<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::RShift:
      return fmt::format("pyxx::shr<{}>({}, {}, {})", T, a, b, site);
    case BinaryOp::BitAnd:
      return fmt::format("static_cast<{}>({} & {})", T, a, b);
    case BinaryOp::BitOr:
      return fmt::format("static_cast<{}>({} | {})", T, a, b);
    case BinaryOp::BitXor:
      return fmt::format("static_cast<{}>({} ^ {})", T, a, b);
    case BinaryOp::MatMul:
      return "/* rejected by the checker */";
  }
  return "";
}

auto Emitter::EmitBinary(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& l = e.left();
  const Expr& r = e.right();
  if (t.IsObject()) {
    static const char* kFunctions[] = {"PyNumber_Add", "PyNumber_Subtract", "PyNumber_Multiply",
                                       "PyNumber_TrueDivide", "PyNumber_FloorDivide", "PyNumber_Remainder",
                                       "PyNumber_Power", "PyNumber_Lshift", "PyNumber_Rshift", "PyNumber_And",
                                       "PyNumber_Or", "PyNumber_Xor", "PyNumber_MatrixMultiply"};
    std::string extra = e.binary_op == BinaryOp::Pow ? ", Py_None" : "";
    std::string fn = kFunctions[static_cast<int>(e.binary_op)];
    std::string site = Site(e.range);
    return {Sequence({EmitObject(l), EmitObject(r)}, {&l, &r}, "pyxx::Ref", [&](const std::vector<std::string>& v) {
      return fmt::format("pyxx::check({}({}.get(), {}.get(){}), {})", fn, v[0], v[1], extra, site);
    })};
  }
  // The operands' common type: the result type, except for `/` on integers and shifts.
  Type operand = t;
  if (e.binary_op == BinaryOp::TrueDiv && !t.IsError()) {
    const Type& lt = TypeOf(l);
    const Type& rt = TypeOf(r);
    operand = check::CommonArithmetic(IsIntLiteralExpr(l) && rt.IsInteger() ? rt : lt,
                                      IsIntLiteralExpr(r) && lt.IsInteger() ? lt : rt);
  }
  return {Sequence({EmitAs(l, operand), EmitAs(r, operand)}, {&l, &r}, check::SpellCpp(t),
                   [&](const std::vector<std::string>& v) { return EmitBinaryC(e.binary_op, v[0], v[1], operand, t); })};
}

auto Emitter::EmitUnary(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& x = e.operand();
  if (e.unary_op == UnaryOp::Not) {
    return {fmt::format("!({})", EmitCondition(x))};
  }
  if (t.IsObject()) {
    const char* fn = e.unary_op == UnaryOp::Neg ? "PyNumber_Negative"
                     : e.unary_op == UnaryOp::Pos ? "PyNumber_Positive" : "PyNumber_Invert";
    return {fmt::format("pyxx::check({}({}), {})", fn, EmitPyObjectPtr(x), Site(e.range))};
  }
  if (e.unary_op == UnaryOp::Neg && x.kind == Expr::Kind::Int && t.IsSigned()) {
    return {"-" + EmitIntLiteral(x, t)};
  }
  std::string v = EmitAs(x, t);
  std::string T = check::SpellCpp(t);
  switch (e.unary_op) {
    case UnaryOp::Neg:
      if (t.IsInteger() && t.IsSigned()) {
        return {fmt::format("pyxx::wrap_neg<{}>({})", T, v)};
      }
      return {t.IsInteger() ? fmt::format("static_cast<{}>(-{})", T, v) : "-" + v};
    case UnaryOp::Pos:
      return {"+" + v};
    case UnaryOp::Invert:
      return {fmt::format("static_cast<{}>(~{})", T, v)};
    default:
      return {v};
  }
}

auto Emitter::EmitCompare(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  size_t n = e.compare_ops.size();
  if (!t.IsObject()) {
    // C values compare in their common type (C semantics, as Cython).
    auto pair = [&](size_t i, const std::string& a, const std::string& b) {
      const Type& lt = TypeOf(*e.values()[i]);
      const Type& rt = TypeOf(*e.values()[i + 1]);
      Type common = check::CommonArithmetic(IsIntLiteralExpr(*e.values()[i]) && rt.IsInteger() ? rt : lt,
                                            IsIntLiteralExpr(*e.values()[i + 1]) && lt.IsInteger() ? lt : rt);
      auto side = [&](const Expr& x, const std::string& text) {
        const Type& xt = TypeOf(x);
        if (IsIntLiteralExpr(x) && x.kind == Expr::Kind::Int) {
          return EmitIntLiteral(x, common.IsFloating() ? Type::Of(TypeKind::Int) : common);
        }
        return xt == common ? text : fmt::format("static_cast<{}>({})", check::SpellCpp(common), text);
      };
      return fmt::format("({} {} {})", side(*e.values()[i], a), CppCompareOp(e.compare_ops[i]),
                         side(*e.values()[i + 1], b));
    };
    if (n == 1) {
      return {Sequence({EmitExpr(*e.values()[0]).text, EmitExpr(*e.values()[1]).text},
                       {e.values()[0].get(), e.values()[1].get()}, "bool",
                       [&](const std::vector<std::string>& v) { return pair(0, v[0], v[1]); })};
    }
    // a < b < c evaluates b once.
    std::string body = "[&]() -> bool {";
    std::vector<std::string> names;
    for (size_t i = 0; i < e.values().size(); ++i) {
      std::string name = fmt::format("pyxx_c{}", i);
      names.push_back(name);
      if (i > 0) {
        body += fmt::format(" const auto {} = {};", name, EmitExpr(*e.values()[i]).text);
        body += fmt::format(" if (!{}) return false;", pair(i - 1, names[i - 1], name));
      } else {
        body += fmt::format(" const auto {} = {};", name, EmitExpr(*e.values()[i]).text);
      }
    }
    return {body + " return true; }()"};
  }
  auto object_pair = [&](size_t i, const std::string& a, const std::string& b) -> std::string {
    CompareOp op = e.compare_ops[i];
    std::string site = Site(e.range);
    switch (op) {
      case CompareOp::In:
        return fmt::format("pyxx::to_object(pyxx::contains({}, {}, {}), {})", b, a, site, site);
      case CompareOp::NotIn:
        return fmt::format("pyxx::to_object(!pyxx::contains({}, {}, {}), {})", b, a, site, site);
      case CompareOp::Is:
        return fmt::format("pyxx::to_object({} == {}, {})", a, b, site);
      case CompareOp::IsNot:
        return fmt::format("pyxx::to_object({} != {}, {})", a, b, site);
      default:
        return fmt::format("pyxx::richcompare({}, {}, {}, {})", a, b, PythonCompareOp(op), site);
    }
  };
  if (n == 1) {
    return {Sequence({EmitObject(*e.values()[0]), EmitObject(*e.values()[1])}, {e.values()[0].get(), e.values()[1].get()},
                     "pyxx::Ref", [&](const std::vector<std::string>& v) {
                       return object_pair(0, v[0] + ".get()", v[1] + ".get()");
                     })};
  }
  // a < b < c on objects: each operand once, stopping at the first false result.
  std::string site = Site(e.range);
  std::string body = fmt::format("[&]() -> pyxx::Ref {{ pyxx::Ref pyxx_l = {}; pyxx::Ref pyxx_r; pyxx::Ref pyxx_res;",
                                 OwnedObject(*e.values()[0]));
  for (size_t i = 0; i < n; ++i) {
    body += fmt::format(" pyxx_r = {}; pyxx_res = {};", OwnedObject(*e.values()[i + 1]),
                        object_pair(i, "pyxx_l.get()", "pyxx_r.get()"));
    if (i + 1 < n) {
      body += fmt::format(" if (!pyxx::truth(pyxx_res.get(), {})) return pyxx_res; pyxx_l = std::move(pyxx_r);", site);
    }
  }
  body += " return pyxx_res;";
  return {body + " }()"};
}

auto Emitter::EmitBoolOp(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  bool is_and = e.bool_op == syntax::BoolOp::And;
  if (t.IsObject()) {
    std::string site = Site(e.range);
    std::string body = "[&]() -> pyxx::Ref {";
    for (size_t i = 0; i + 1 < e.values().size(); ++i) {
      body += fmt::format(" {{ pyxx::Ref pyxx_v = {}; if ({}pyxx::truth(pyxx_v.get(), {})) return pyxx_v; }}",
                          OwnedObject(*e.values()[i]), is_and ? "!" : "", site);
    }
    return {body + fmt::format(" return {}; }}()", OwnedObject(*e.values().back()))};
  }
  bool all_bint = true;
  for (const auto& o : e.values()) {
    all_bint &= TypeOf(*o).kind == TypeKind::Bint;
  }
  if (all_bint) {
    std::string text;
    for (const auto& o : e.values()) {
      text += (text.empty() ? "" : is_and ? " && " : " || ") + EmitExpr(*o).text;
    }
    return {"(" + text + ")"};
  }
  // `a or b` on numbers yields the first true operand (or the last one), in the common type.
  std::string T = check::SpellCpp(t);
  std::string body = fmt::format("[&]() -> {} {{", T);
  for (size_t i = 0; i + 1 < e.values().size(); ++i) {
    body += fmt::format(" {{ const {} pyxx_v = {}; if ({}pyxx_v) return pyxx_v; }}", T, EmitAs(*e.values()[i], t),
                        is_and ? "!" : "");
  }
  return {body + fmt::format(" return {}; }}()", EmitAs(*e.values().back(), t))};
}

auto Emitter::EmitComprehension(const Expr& e) -> CppExpr {
  // Emitted as a lambda holding the loops; the statements are written through
  // Line() into a scratch buffer and joined into one expression.
  std::string saved_out = std::move(out_);
  int saved_indent = indent_;
  out_.clear();
  indent_ = 0;
  std::string site = Site(e.range);
  const char* make = e.comprehension_kind == "dict" ? "PyDict_New()"
                     : e.comprehension_kind == "set" ? "PySet_New(nullptr)" : "PyList_New(0)";
  Line(fmt::format("pyxx::Ref pyxx_result = pyxx::check({}, {});", make, site));
  std::set<std::string> names;
  for (const auto& clause : e.clauses) {
    syntax::ForEachBoundName(*clause.target, [&](const Expr& n) { names.insert(n.name); });
  }
  for (const auto& name : names) {
    Line(fmt::format("pyxx::Ref {};", CppName(name)));
  }
  for (const auto& clause : e.clauses) {
    std::string it = Temp("iter");
    std::string item = Temp("item");
    Line(fmt::format("pyxx::Ref {} = pyxx::get_iter({}, {});", it, EmitPyObjectPtr(*clause.iterable), site));
    Line(fmt::format("while (pyxx::Ref {} = pyxx::next({}.get(), {})) {{", item, it, site));
    if (clause.target->kind == Expr::Kind::Name) {
      Line(fmt::format("{} = std::move({});", CppName(clause.target->name), item));
    } else {
      EmitUnpack(*clause.target, item + ".get()");
    }
    for (const auto& c : clause.conditions) {
      Line(fmt::format("if (!({})) continue;", EmitCondition(*c)));
    }
  }
  if (e.comprehension_kind == "dict") {
    Line(fmt::format("pyxx::check_status(PyDict_SetItem(pyxx_result.get(), {}, {}), {});",
                     EmitPyObjectPtr(e.dict_key()), EmitPyObjectPtr(e.dict_value()), site));
  } else {
    Line(fmt::format("pyxx::check_status({}(pyxx_result.get(), {}), {});",
                     e.comprehension_kind == "set" ? "PySet_Add" : "PyList_Append", EmitPyObjectPtr(e.element()),
                     site));
  }
  for (size_t i = 0; i < e.clauses.size(); ++i) {
    Line("}");
  }
  Line("return pyxx_result;");
  std::string body = std::move(out_);
  out_ = std::move(saved_out);
  indent_ = saved_indent;
  std::string joined;
  for (char ch : body) {
    joined += ch == '\n' ? ' ' : ch;
  }
  return {"[&]() -> pyxx::Ref { " + joined + "}()"};
}

auto Emitter::EmitMemoryViewElement(const Expr& e) -> std::string {
  const Expr& base = e.object();
  std::string view = EmitExpr(base).text;
  bool wrap = fn_ == nullptr || fn_->wraparound;
  bool bounds = fn_ == nullptr || fn_->boundscheck;
  std::string indices;
  for (size_t i = 0; i < e.args.size(); ++i) {
    std::string idx = EmitAs(*e.args[i], Type::Of(TypeKind::SSizeT));
    if (wrap || bounds) {
      idx = fmt::format("{}.index({}, {}, {}, {}, {})", view, idx, i, wrap ? "true" : "false",
                        bounds ? "true" : "false", Site(e.range));
    }
    indices += (i > 0 ? ", " : "") + idx;
  }
  return fmt::format("{}.at({})", view, indices);
}

auto Emitter::EmitSubscript(const Expr& e) -> CppExpr {
  const Expr& base = e.object();
  if (base.kind == Expr::Kind::Attribute && TypeOf(base.object()).IsMemoryView()) {
    return {fmt::format("{}.{}({})", EmitExpr(base.object()).text, base.name == "shape" ? "shape" : "stride",
                        EmitAs(*e.args[0], Type::Of(TypeKind::Int)))};
  }
  if (TypeOf(base).IsMemoryView()) {
    return {EmitMemoryViewElement(e)};
  }
  std::string site = Site(e.range);
  auto key_of = [&](const Expr& a) -> std::string {
    if (a.kind == Expr::Kind::Slice) {
      std::string parts;
      for (const Expr* p : {a.lower(), a.upper(), a.step()}) {
        parts += (parts.empty() ? "" : ", ") + (p ? EmitPyObjectPtr(*p) : std::string("Py_None"));
      }
      return fmt::format("pyxx::slice({}, {}).get()", parts, site);
    }
    return EmitPyObjectPtr(a);
  };
  std::string key;
  if (e.args.size() == 1) {
    key = key_of(*e.args[0]);
  } else {
    std::string items;
    for (const auto& a : e.args) {
      items += (items.empty() ? "" : ", ") + key_of(*a);
    }
    key = fmt::format("pyxx::make_tuple({{{}}}, {}).get()", items, site);
  }
  std::vector<const Expr*> key_sources;
  for (const auto& a : e.args) {
    key_sources.push_back(a.get());
  }
  const Expr* key_source = e.args.size() == 1 ? e.args[0].get() : (key_sources.empty() ? nullptr : key_sources.back());
  return {Sequence({EmitObject(base), key}, {&base, key_source}, "pyxx::Ref", [&](const std::vector<std::string>& v) {
    return fmt::format("pyxx::check(PyObject_GetItem({}.get(), {}), {})", v[0], v[1], site);
  })};
}

auto Emitter::EmitObjectCall(const std::string& callable, const Expr& e) -> std::string {
  // The callable first, then the arguments (a braced list is evaluated in order).
  std::vector<std::string> operands{callable};
  std::vector<const Expr*> sources{&e.callee()};
  for (const auto& a : e.args) {
    operands.push_back(EmitObject(*a));
    sources.push_back(a.get());
  }
  std::string names;
  for (const auto& k : e.keywords) {
    operands.push_back(EmitObject(*k.value));
    sources.push_back(k.value.get());
    names += (names.empty() ? "" : ", ") + fmt::format("\"{}\"", k.name);
  }
  std::string site = Site(e.range);
  // The callable alone may have effects and the arguments are ordered already: sequence
  // only when both the callable and some argument may have effects.
  bool callee_effects = module_.Of(e.callee()).has_effects;
  bool args_effects = false;
  for (size_t i = 1; i < sources.size(); ++i) {
    args_effects |= module_.Of(*sources[i]).has_effects;
  }
  auto combine = [&](const std::vector<std::string>& v) {
    std::string args;
    for (size_t i = 1; i < v.size(); ++i) {
      args += (i > 1 ? ", " : "") + v[i] + ".get()";
    }
    if (e.keywords.empty()) {
      return fmt::format("pyxx::call({}.get(), {{{}}}, {})", v[0], args, site);
    }
    return fmt::format("pyxx::call_kw({}.get(), {{{}}}, {{{}}}, {})", v[0], args, names, site);
  };
  if (callee_effects && args_effects) {
    return Sequence(operands, {&e.callee(), &e.callee()}, "pyxx::Ref", combine);
  }
  return combine(operands);
}

auto Emitter::EmitCall(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& callee = e.callee();
  const Resolution& call_res = module_.Resolve(e);
  if (call_res.kind == Resolution::Kind::LibcMath) {
    std::string args;
    for (const auto& a : e.args) {
      args += (args.empty() ? "" : ", ") + EmitAs(*a, Type::Of(TypeKind::Double));
    }
    if (checked::LibcMathPredicate(call_res.name)) {
      return {fmt::format("static_cast<bool>(std::{}({}))", call_res.name, args)};
    }
    return {fmt::format("std::{}({})", call_res.name, args)};
  }
  const Resolution& r = module_.Resolve(callee);
  switch (r.kind) {
    case Resolution::Kind::Function: {
      const check::FunctionInfo& target = module_.functions[r.index];
      if (target.kind == check::FunctionKind::Def) {
        return {EmitDefCall(e, target)};
      }
      const auto* bound = module_.CallArguments(e);
      std::vector<std::string> operands;
      std::vector<const Expr*> sources;
      for (size_t i = 0; i < target.param_types.size(); ++i) {
        const Expr* arg = bound != nullptr ? (*bound)[i] : nullptr;
        if (arg == nullptr) {
          arg = target.syntax->params[i].default_value.get();
        }
        operands.push_back(EmitAs(*arg, target.param_types[i]));
        sources.push_back(arg);
      }
      std::string result = target.return_type.IsObject() ? "pyxx::Ref" : check::SpellCpp(target.return_type);
      std::string name = CppName(target.name());
      return {Sequence(operands, sources, result, [&](const std::vector<std::string>& v) {
        std::string args = target.uses_module ? "pyxx_module" : "";
        for (size_t i = 0; i < v.size(); ++i) {
          bool object = target.param_types[i].IsObject() && v[i].rfind("pyxx_arg", 0) == 0;
          args += (args.empty() ? "" : ", ") + (object ? "std::move(" + v[i] + ")" : v[i]);
        }
        return fmt::format("{}({})", name, args);
      })};
    }
    case Resolution::Kind::CBuiltin: {
      const std::string& name = r.name;
      if (name == "cython.cast") {
        return {fmt::format("static_cast<{}>({})", check::SpellCpp(t), EmitAs(*e.args[1], t))};
      }
      if (name == "cython.declare") {
        return {e.args.size() == 2 ? EmitAs(*e.args[1], t) : check::SpellCpp(t) + "{}"};
      }
      if (name == "cython.sizeof") {
        return {fmt::format("sizeof({})", check::SpellCpp(TypeOf(*e.args[0])))};
      }
      if (name == "len") {
        return {fmt::format("{}.shape(0)", EmitExpr(*e.args[0]).text)};
      }
      if (name == "float") {
        return {fmt::format("static_cast<double>({})", EmitExpr(*e.args[0]).text)};
      }
      if (name == "conjugate") {  // x.conjugate() of a C number is x
        return {EmitAs(callee.object(), t)};
      }
      if (name == "is_integer") {  // float.is_integer(): finite and whole
        const Type& base = TypeOf(callee.object());
        return {fmt::format("[](const {} v) -> bool {{ return std::isfinite(v) && std::floor(v) == v; }}({})",
                            check::SpellCpp(base), EmitAs(callee.object(), base))};
      }
      if (name == "abs") {
        std::string v = EmitAs(*e.args[0], t);
        return {t.IsInteger() ? (t.IsSigned() ? fmt::format("pyxx::wrap_abs<{}>({})", check::SpellCpp(t), v) : v)
                              : fmt::format("std::fabs({})", v)};
      }
      // min/max: the first minimal (maximal) argument, as Python picks it.
      std::string T = check::SpellCpp(t);
      std::string body = fmt::format("[&]() -> {} {{ {} pyxx_m = {};", T, T, EmitAs(*e.args[0], t));
      for (size_t i = 1; i < e.args.size(); ++i) {
        body += fmt::format(" {{ const {} pyxx_v = {}; if (pyxx_v {} pyxx_m) pyxx_m = pyxx_v; }}", T,
                            EmitAs(*e.args[i], t), name == "min" ? "<" : ">");
      }
      return {body + " return pyxx_m; }()"};
    }
    case Resolution::Kind::Builtin: {
      std::string site = Site(e.range);
      if (r.name == "len" && t.IsInteger()) {
        return {fmt::format("pyxx::length({}, {})", EmitPyObjectPtr(*e.args[0]), site)};
      }
      return {EmitObjectCall(fmt::format("pyxx::get_builtin(\"{}\", {})", r.name, site), e)};
    }
    default:
      return {EmitObjectCall(EmitObject(callee), e)};
  }
}

}  // namespace pyxx::emit

namespace pyxx::emit {

// A call of a module-level `def` function, with Python's name semantics: the name
// is looked up in the module at call time. While it still holds the function this
// module object defined, the native function is called directly (counted against
// the recursion limit, as a call through Python is); otherwise (`mod.f = g`)
// whatever it holds now is called through Python with the arguments as written.
auto Emitter::EmitDefCall(const Expr& e, const check::FunctionInfo& target) -> std::string {
  const std::string site = Site(e.range);
  const Type& rt = target.return_type;
  std::string result = rt.IsObject() ? "pyxx::Ref" : check::SpellCpp(rt);
  std::string callee = Temp("callee");
  std::string body = fmt::format("[&]() -> {} {{ pyxx::Ref {} = pyxx::get_global(pyxx_module, \"{}\", {});", result,
                                 callee, target.name(), site);
  // Python evaluates the callee, then the arguments as written, left to right.
  std::vector<const Expr*> written;
  for (const auto& a : e.args) written.push_back(a.get());
  for (const auto& k : e.keywords) written.push_back(k.value.get());
  std::vector<std::string> temps;
  for (const Expr* a : written) {
    temps.push_back(Temp("arg"));
    body += fmt::format(" auto&& {} = {};", temps.back(), TypeOf(*a).IsObject() ? OwnedObject(*a) : EmitExpr(*a).text);
  }
  // The native call: each parameter from its argument, or its default value.
  const auto* bound = module_.CallArguments(e);
  std::string native_args = target.uses_module ? "pyxx_module" : "";
  for (size_t i = 0; i < target.param_types.size(); ++i) {
    const Type& pt = target.param_types[i];
    const Expr* arg = bound != nullptr ? (*bound)[i] : nullptr;
    std::string value;
    if (arg == nullptr) {
      value = EmitAs(*target.syntax->params[i].default_value, pt);
    } else {
      size_t k = static_cast<size_t>(std::find(written.begin(), written.end(), arg) - written.begin());
      const Type& at = TypeOf(*arg);
      value = pt.IsObject() && at.IsObject() ? "std::move(" + temps[k] + ")" : Convert({temps[k], false}, at, pt);
    }
    native_args += (native_args.empty() ? "" : ", ") + value;
  }
  // The call through Python: positional arguments, then keywords, as written.
  std::string objects;
  for (size_t k = 0; k < written.size(); ++k) {
    const Type& at = TypeOf(*written[k]);
    std::string object = at.IsObject()       ? temps[k] + ".get()"
                         : at.IsMemoryView() ? temps[k] + ".object()"
                                             : fmt::format("pyxx::to_object({}, {}).get()", temps[k], site);
    objects += (objects.empty() ? "" : ", ") + object;
  }
  std::string python_call;
  if (e.keywords.empty()) {
    python_call = fmt::format("pyxx::call({}.get(), {{{}}}, {})", callee, objects, site);
  } else {
    std::string names;
    for (const auto& k : e.keywords) names += (names.empty() ? "\"" : ", \"") + k.name + "\"";
    python_call = fmt::format("pyxx::call_kw({}.get(), {{{}}}, {{{}}}, {})", callee, objects, names, site);
  }
  std::string python_result = rt.IsObject() ? python_call
                              : rt.IsVoid() ? fmt::format("static_cast<void>({})", python_call)
                                            : fmt::format("pyxx::as_c<{}>({}.get(), {})", result, python_call, site);
  body += fmt::format(" if (pyxx::is_own_function({}.get(), pyxx_module, PYXX_FASTCALL({}))) {{", callee,
                      WrapperName(target));
  body += fmt::format(" return (pyxx::RecursionGuard{{{}}}, {}({})); }}", site, NativeName(target), native_args);
  body += fmt::format(" return {}; }}()", python_result);
  return body;
}

}  // namespace pyxx::emit
