// cython.Py_UCS4, a code point held as a C value, as Cython 3 compiles it:
// converted from a one-character str (or an int in range(0x110000)) and back
// to a one-character str; compared as an unsigned C integer with other code
// points, one-character str literals and numbers; `c in "abc"` is a C test.
// Arithmetic is Python's on the str it converts to (check_expr.cpp), and a
// truth test, `is` and anything else is rejected: Cython's answers there are
// neither C's nor plain Python's consistently.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "checked/ucs4_literal.h"

namespace pyxx::check {

using checked::StrLiteralCodePoints;

auto Checker::IsUcs4InLiteral(const Expr& e, const std::vector<Type>& types) -> bool {
  using syntax::CompareOp;
  return e.compare_ops.size() == 1 && (e.compare_ops[0] == CompareOp::In || e.compare_ops[0] == CompareOp::NotIn) &&
         types[0].IsUcs4() && e.operands[1]->kind == Expr::Kind::String && !e.operands[1]->is_bytes &&
         StrLiteralCodePoints(e.operands[1]->text).has_value();
}

auto Checker::IsUcs4Literal(const Expr& e) -> bool {
  if (e.kind != Expr::Kind::String || e.is_bytes) {
    return false;
  }
  auto codes = StrLiteralCodePoints(e.text);
  return codes && codes->size() == 1;
}

namespace {

// The C numbers a code point converts to and from implicitly, as in Cython
// (not bint, whose truth Cython takes from the str, nor a C enum).
auto TakesCodePoint(const Type& t) -> bool {
  return ((t.IsInteger() && t.kind != TypeKind::Bint) || t.IsFloating()) && t.enum_name.empty();
}

}  // namespace

auto Checker::CheckUcs4Convertible(const Expr& e, const Type& from, const Type& to) -> std::optional<bool> {
  if (!from.IsUcs4() && !to.IsUcs4()) {
    return std::nullopt;
  }
  if (from.IsUcs4() && to.IsUcs4()) {
    return true;
  }
  if (to.IsUcs4()) {
    if (e.kind == Expr::Kind::String && !e.is_bytes) {
      if (IsUcs4Literal(e)) {
        return true;  // its code, a C constant: no GIL
      }
      // Cython: "Only single-character Unicode string literals ... can be coerced into Py_UCS4".
      Report(Kind::TypeMismatch, e.range, "a `str` literal that is not one character", Describe(to));
      return false;
    }
    if (from.IsObject()) {
      if (RequireGil(GilOp::ConvertFromObject, e.range, fmt::format("(to {})", Describe(to)), &e)) {
        return false;
      }
      MarkRaises();  // ValueError (length), OverflowError, TypeError
      return true;
    }
    if (TakesCodePoint(from) && !from.IsFloating()) {
      // C's conversion to the unsigned 32-bit code, as Cython's; a code beyond
      // 0x10FFFF is a ValueError once it becomes a str.
      return IsIntLiteral(e) ? CheckLiteralFits(e, Type::Of(TypeKind::UInt)) : true;
    }
  } else {
    if (to.IsObject() && (to.object_name.empty() || to.object_name == "object" || to.object_name == "str")) {
      if (RequireGil(GilOp::ConvertToObject, e.range)) {
        return false;
      }
      MarkRaises();  // ValueError for a code beyond 0x10FFFF (a C integer stored in it)
      return true;
    }
    if (TakesCodePoint(to)) {
      return true;  // the code as a C number, as Cython's `<int>c`
    }
  }
  Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
  return false;
}

void Checker::CheckUcs4CompareLiterals(const Expr& e, std::vector<Type>& types, const std::vector<bool>& deferred) {
  using syntax::CompareOp;
  auto is_order = [](CompareOp c) {
    return c != CompareOp::In && c != CompareOp::NotIn && c != CompareOp::Is && c != CompareOp::IsNot;
  };
  auto ucs4_neighbour = [&](size_t i) {
    return (i > 0 && types[i - 1].IsUcs4() && is_order(e.compare_ops[i - 1])) ||
           (i + 1 < types.size() && types[i + 1].IsUcs4() && is_order(e.compare_ops[i]));
  };
  for (size_t i = 0; i < e.operands.size(); ++i) {
    if (!deferred[i]) {
      continue;
    }
    const Expr& literal = *e.operands[i];
    if (IsUcs4Literal(literal) && ucs4_neighbour(i)) {
      types[i] = Record(literal, Type::Of(TypeKind::UCS4));  // its code
    } else if (i == 1 && IsUcs4InLiteral(e, types)) {
      // `c in "aeiou"`: a C test against the literal's characters, no object.
      types[i] = Record(literal, Type::Object("str"));
    } else {
      types[i] = CheckExpr(literal);
    }
  }
}

auto Checker::RejectUcs4Compare(const Expr& e, const std::vector<Type>& types) -> bool {
  using syntax::CompareOp;
  for (size_t k = 0; k < e.compare_ops.size(); ++k) {
    const Type& a = types[k];
    const Type& b = types[k + 1];
    if (!a.IsUcs4() && !b.IsUcs4()) {
      continue;
    }
    const Type& other = a.IsUcs4() ? b : a;
    const CompareOp op = e.compare_ops[k];
    if (op == CompareOp::Is || op == CompareOp::IsNot) {
      // Identity of the str a code point becomes depends on CPython's caches.
      Report(Kind::InvalidOperands, e.range, op == CompareOp::Is ? "is" : "is not", Describe(a.IsUcs4() ? a : b));
      return true;
    }
    if (op == CompareOp::In || op == CompareOp::NotIn) {
      continue;  // C against a literal, else Python's `in` on the str
    }
    if (other.IsComplex() || other.kind == TypeKind::Bint || !other.enum_name.empty() ||
        !(other.IsUcs4() || other.IsNumeric() || other.IsObject())) {
      Report(Kind::InvalidOperands, e.range, "comparison", fmt::format("{} and {}", Describe(a), Describe(b)));
      return true;
    }
  }
  return false;
}

}  // namespace pyxx::check
