// cython.operator (check/check_cpp_operator.cpp says where): `dereference(p)`
// is C++'s `*p`; an increment stores `x + 1` (`x - 1`) to its local through a
// temporary, as an assignment expression does, so the operands around it see
// the store in Python's order. Integers wrap as `x += 1` does (no signed
// overflow); a pointer moves by one element, unchecked, as in C++.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto Emitter::EmitDereference(const Expr& e) -> CppExpr {
  const Expr& pointer = *e.args[0];
  CppExpr v = ValueAs(pointer, TypeOf(pointer));
  v.text = fmt::format("(*{})", v.text);
  v.ref_lvalue = false;
  v.effect |= kReads;
  v.pending |= kReads;
  return v;
}

auto Emitter::EmitIncrement(const Expr& e) -> CppExpr {
  const Expr& x = *e.args[0];
  const Type& t = TypeOf(x);
  const syntax::DialectName op = e.callee().dialect;
  const bool up = op == syntax::DialectName::CythonPreincrement || op == syntax::DialectName::CythonPostincrement;
  const bool post = op == syntax::DialectName::CythonPostincrement || op == syntax::DialectName::CythonPostdecrement;
  const std::string T = checked::SpellCpp(t);
  auto stepped = [&](const std::string& value) -> std::string {
    if (t.IsPointer()) {
      return fmt::format("({} {} 1)", value, up ? "+" : "-");
    }
    // In the promoted type, as `x += 1` computes it, then back to x's type.
    const Type operand = t.IsInteger() ? checked::Promote(t) : t;
    const std::string lhs = operand == t ? value : fmt::format("static_cast<{}>({})", checked::SpellCpp(operand), value);
    const std::string sum = EmitBinaryC(up ? syntax::BinaryOp::Add : syntax::BinaryOp::Sub, lhs, "1", operand, operand);
    return operand == t ? sum : fmt::format("{}<{}>({})", NumericCast(operand, t), T, sum);
  };
  const CppExpr current = EmitExpr(x);  // may check that the local is bound
  const unsigned effect = current.effect | kWrites;
  if (post) {
    std::string temp = Declare(T, current.text);
    EmitStore(x, stepped(temp), t, false);
    return {temp, false, effect, kPure};
  }
  std::string temp = Declare(T, stepped(current.text));
  EmitStore(x, temp, t, false);
  return {temp, false, effect, kPure};
}

}  // namespace pyxx::emit
