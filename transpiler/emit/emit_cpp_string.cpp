// C++ strings (check/check_cpp_string.cpp says what is accepted): `string(...)`,
// methods, `+` and the slice before `.decode(...)`. What can fail goes through
// runtime/pyxx/cpp_string.hpp (MemoryError, IndexError, ValueError with the
// site); the rest is the std::string member itself. `s[i]` and comparisons are
// C++'s own operators (emit_cdata.cpp, emit_compare.cpp).
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {
namespace {

auto CharPointer() -> Type { return Type::PointerTo(Type::Of(TypeKind::Char)); }

auto IsMutating(const std::string& method) -> bool {
  return method == "append" || method == "push_back" || method == "pop_back" || method == "clear" ||
         method == "reserve" || method == "resize" || method == "swap";
}

auto HasHelper(const std::string& method) -> bool {
  return method == "append" || method == "push_back" || method == "pop_back" || method == "reserve" ||
         method == "resize" || method == "at" || method == "back" || method == "front" || method == "substr" ||
         method == "find" || method == "rfind";
}

}  // namespace

// A C++ string or C string operand (a bytes literal is its constant's buffer,
// a char array its first element).
auto Emitter::CppStringOperand(const Expr& e) -> Operand {
  const Type& t = TypeOf(e);
  if (t.IsCppString()) {
    return OperandAs(e, t);
  }
  return OperandAs(e, e.kind == Expr::Kind::String || t.IsArray() ? CharPointer() : t);
}

auto Emitter::EmitCppStringMethodCall(const Expr& e, const std::string& method) -> CppExpr {
  const Expr& object = e.callee().object();
  std::vector<Operand> operands{VectorPlaceOperand(object)};
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    if ((method == "append" || method == "find" || method == "rfind") && i == 0) {
      operands.push_back(CppStringOperand(a));
    } else if (method == "push_back") {
      operands.push_back(OperandAs(a, Type::Of(TypeKind::Char)));
    } else if (method == "swap") {
      operands.push_back(VectorPlaceOperand(a));
    } else {
      operands.push_back(VectorSizeOperand(a));
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::string args;
  for (size_t i = 1; i < v.size(); ++i) {
    args += ", " + v[i].text;
  }
  if ((method == "find" || method == "rfind") && v.size() == 2) {
    args += method == "find" ? ", 0" : ", std::string::npos";  // C++'s default position
  }
  CppExpr out = Combined(v, kReads);
  if (HasHelper(method)) {
    out.text = fmt::format("pyxx::string_{}({}{}, {})", method, v[0].text, args, Site(e.range));
    out.effect |= kRaises;
    out.pending |= kRaises;
  } else if (method == "c_str" || method == "data") {
    // The characters, NUL-terminated (C++17's data() of a string variable is `char*`).
    out.text = fmt::format("({}).data()", v[0].text);
  } else {
    out.text = fmt::format("({}).{}({})", v[0].text, method, args.empty() ? "" : args.substr(2));
  }
  if (IsMutating(method)) {
    out.effect |= kWrites;
    out.pending |= kWrites;
  }
  out.ref_lvalue = false;
  return out;
}

// `string()`, `string(s)`, `string(p)`, `string(p, n)`.
auto Emitter::EmitCppStringConstructor(const Expr& e) -> CppExpr {
  if (e.args.empty()) {
    return CppExpr{"std::string()"};
  }
  const Expr& first = *e.args[0];
  if (TypeOf(first).IsCppString()) {
    std::vector<CppExpr> v = EmitInOrder({OperandAs(first, TypeOf(first))});
    CppExpr out = Combined(v, kRaises);  // a copy: MemoryError
    out.text = fmt::format("std::string({})", v[0].text);
    return out;
  }
  std::vector<Operand> operands{CppStringOperand(first)};
  if (e.args.size() == 2) {
    operands.push_back(VectorSizeOperand(*e.args[1]));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  CppExpr out = Combined(v, kRaises);
  out.text = fmt::format("pyxx::string_of_chars({}{}, {})", v[0].text, v.size() == 2 ? ", " + v[1].text : std::string(),
                         Site(e.range));
  return out;
}

// `a + b`: a new string.
auto Emitter::EmitCppStringConcat(const Expr& e) -> CppExpr {
  std::vector<CppExpr> v = EmitInOrder({CppStringOperand(e.left()), CppStringOperand(e.right())});
  CppExpr out = Combined(v, kRaises);
  out.text = fmt::format("pyxx::string_concat({}, {}, {})", v[0].text, v[1].text, Site(e.range));
  return out;
}

// `s[a:b]` of `s[a:b].decode(...)`: the bytes of those characters (Python's bounds).
auto Emitter::EmitCppStringSlice(const Expr& e) -> CppExpr {
  const Expr& slice = *e.args[0];
  const Type index = Type::Of(TypeKind::SSizeT);
  std::vector<Operand> operands{OperandAs(e.object(), TypeOf(e.object()))};
  for (const Expr* bound : {slice.lower(), slice.upper()}) {
    if (bound != nullptr) {
      operands.push_back(OperandAs(*bound, index));
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  size_t k = 1;
  const std::string lower = slice.lower() != nullptr ? v[k++].text : "0";
  const std::string upper = slice.upper() != nullptr ? v[k++].text : "PY_SSIZE_T_MAX";
  CppExpr out = Combined(v, kRaises);
  out.text = fmt::format("pyxx::string_slice_bytes({}, {}, {}, {})", v[0].text, lower, upper, Site(e.range));
  return out;
}

}  // namespace pyxx::emit
