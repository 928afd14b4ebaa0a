// cython.Py_UCS4: a pyxx::ucs4 (a scoped enum over the code, so no integer
// conversion or arithmetic applies to it unless written here). It becomes a
// one-character str as an object (pyxx::to_object), is read from one
// (pyxx::as_c), and is the unsigned code where it meets a C number.
#include <fmt/format.h>

#include "checked/ucs4_literal.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto Emitter::ConvertUcs4(CppExpr value, const Type& from, const Type& to) -> std::optional<CppExpr> {
  if (!from.IsUcs4() && !to.IsUcs4()) {
    return std::nullopt;
  }
  if (from.IsUcs4() && to.IsObject()) {
    value.text = fmt::format("pyxx::to_object({}, {})", value.text, StmtSite());
  } else if (from.IsObject() && to.IsUcs4()) {
    value.text = fmt::format("pyxx::as_c<pyxx::ucs4>({}.get(), {})", value.text, StmtSite());
    value.effect |= kWrites;  // an int's __index__ may run
    value.pending |= kWrites;
  } else if (from.IsUcs4() && (to.IsInteger() || to.IsFloating())) {
    value.text = fmt::format("static_cast<{}>(static_cast<Py_UCS4>({}))", checked::SpellCpp(to), value.text);
  } else if (from.IsInteger() && to.IsUcs4()) {
    value.text = fmt::format("static_cast<pyxx::ucs4>({})", value.text);  // C's unsigned conversion, as Cython
  } else {
    PYXX_CHECK(from == to, "a Py_UCS4 conversion the checker did not allow");
    return value;
  }
  value.ref_lvalue = false;
  return value;
}

auto Emitter::EmitUcs4Code(const Expr& literal, const Type& as) -> std::string {
  auto codes = checked::StrLiteralCodePoints(literal.text);
  PYXX_CHECK(codes && codes->size() == 1, "a Py_UCS4 literal that is not one character");
  const auto code = static_cast<uint32_t>((*codes)[0]);
  return as.IsInteger() ? fmt::format("0x{:X}u", code) : fmt::format("static_cast<{}>(0x{:X}u)", checked::SpellCpp(as), code);
}

auto Emitter::EmitUcs4InLiteral(const Expr& e) -> CppExpr {
  const Expr& left = *e.values()[0];
  const Expr& literal = *e.values()[1];
  auto codes = checked::StrLiteralCodePoints(literal.text);
  PYXX_CHECK(codes.has_value(), "a Py_UCS4 membership test against a literal that is not text");
  std::string chars;
  for (char32_t code : *codes) {
    chars += fmt::format("\\x{:X}", static_cast<uint32_t>(code));
  }
  CppExpr c = ValueAs(left, TypeOf(left));
  c.text = fmt::format("{}pyxx::ucs4_in({}, U\"{}\", {})", e.compare_ops[0] == syntax::CompareOp::NotIn ? "!" : "",
                       c.text, chars, codes->size());
  c.ref_lvalue = false;
  return c;
}

}  // namespace pyxx::emit
