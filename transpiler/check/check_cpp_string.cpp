// C++ strings (`from cython.cimports.libcpp.string import string`): the type
// `string`, `string(...)`, its methods, `s[i]`, `+` and comparisons, `.decode()`
// (of the string or of a slice of it), and Cython's conversions: from `bytes`
// or `bytearray`, to `bytes`. Anything that allocates can raise MemoryError,
// with or without the GIL (runtime/pyxx/cpp_string.hpp).
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {
namespace {

struct StringMethod {
  const char* name;
  int min_args;
  int max_args;
};

// The methods of Cython's libcpp/string.pxd pyxx compiles (no iterators).
constexpr StringMethod kMethods[] = {
    {"size", 0, 0},    {"length", 0, 0},  {"capacity", 0, 0}, {"empty", 0, 0},    {"clear", 0, 0},
    {"c_str", 0, 0},   {"data", 0, 0},    {"at", 1, 1},       {"back", 0, 0},     {"front", 0, 0},
    {"append", 1, 1},  {"push_back", 1, 1}, {"pop_back", 0, 0}, {"reserve", 1, 1}, {"resize", 1, 1},
    {"substr", 1, 2},  {"find", 1, 2},    {"rfind", 1, 2},    {"swap", 1, 1},
};

auto CharPointer() -> Type { return Type::PointerTo(Type::Of(TypeKind::Char)); }

// A C array as the pointer to its first element (a char array is a C string too).
auto AsCString(const Type& t) -> Type { return t.IsArray() ? Type::PointerTo(*t.target) : t; }

}  // namespace

// A C++ string and other values: from an object (bytes, bytearray), to an
// object (bytes), from a C string (`char*`: copied up to its NUL), a copy.
auto Checker::CheckCppStringConvertible(const Expr& e, const Type& from, const Type& to) -> bool {
  if (from.IsObject() && to.IsCppString()) {
    if (from.object_name == "str") {
      // Cython: "Unicode objects only support coercion to Py_UNICODE*." (no implicit encoding).
      auto b = Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
      b.AddNote(Kind::FixItHint, e.range, std::string("encode it to `bytes` first (`.encode(\"utf-8\")`)"));
      return false;
    }
    if (RequireGil(GilOp::ConvertFromObject, e.range, "(to a C++ `string`)", &e)) {
      return false;
    }
    MarkRaises();  // TypeError: expected bytes, ... found
    return true;
  }
  if (from.IsCppString() && to.IsObject()) {
    if (!to.object_name.empty() && to.object_name != "object" && to.object_name != "bytes") {
      Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
      return false;
    }
    if (RequireGil(GilOp::ConvertToObject, e.range, "(a C++ `string` becomes `bytes`)")) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (to.IsCppString() && AsCString(from).IsCString()) {
    MarkRaises();  // MemoryError; ValueError for NULL
    return true;
  }
  if (from == to) {
    MarkRaises();  // a copy allocates: MemoryError
    return true;
  }
  auto b = Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
  if (from.IsCppString() && to.IsPointer()) {
    b.AddNote(Kind::FixItHint, e.range, std::string("take its characters with `.c_str()`"));
  }
  return false;
}

// `string()`, `string(s)`, `string(p)`, `string(p, n)`: p a C string or a bytes
// literal (as Cython, copied up to its first NUL: `string(b"a\0b")` is "a").
auto Checker::CheckCppStringConstructor(const Expr& e) -> Type {
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "string"};
  Record(e.callee(), Type::Error());
  out_.uses_cpp_string = true;
  if (!e.keywords.empty() || e.args.size() > 2) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, "string", "0 to 2", "s", n,
           n == 1 ? "was" : "were");
    return Type::Error();
  }
  const Type string = Type::Of(TypeKind::CppString);
  if (e.args.empty()) {
    return string;
  }
  const Type first = CheckCppStringOperand(*e.args[0], e.args.size() == 1);
  if (first.IsError()) {
    return first;
  }
  if (e.args.size() == 2) {
    if (!first.IsPointer()) {
      Report(Kind::TypeMismatch, e.args[0]->range, Describe(first), "a C string (with a count)");
      return Type::Error();
    }
    if (!CheckCppCount(*e.args[1])) {
      return Type::Error();
    }
  }
  MarkRaises();  // MemoryError; ValueError for a NULL pointer
  return string;
}

// A string or C string operand of `string(...)`, `.append`, `.find`, `+`: a C++
// string (when `string_ok`), a C string, or a bytes literal as its C string.
auto Checker::CheckCppStringOperand(const Expr& a, bool string_ok) -> Type {
  if (a.kind == Expr::Kind::String) {
    if (!a.is_bytes) {
      // Cython: "Unicode literals do not support coercion to C types other than Py_UNICODE/Py_UCS4".
      Report(Kind::TypeMismatch, a.range, std::string("`str`"), "a C string (write a `bytes` literal)");
      return Type::Error();
    }
    CheckValueFor(a, CharPointer());
    return CharPointer();
  }
  Type t = CheckExpr(a);
  if (t.IsError()) {
    return t;
  }
  if (t.IsCppString() && string_ok) {
    return t;
  }
  if (AsCString(t).IsCString()) {
    return AsCString(t);
  }
  Report(Kind::TypeMismatch, a.range, Describe(t), string_ok ? "a C++ `string` or a C string" : "a C string");
  return Type::Error();
}

// A count or position: a C integer (converted to size_t as C++ does), or a
// Python int converted to size_t.
auto Checker::CheckCppCount(const Expr& a) -> bool {
  const Type to = Type::Of(TypeKind::SizeT);
  Type t = CheckValueFor(a, to);
  if (t.IsError()) {
    return false;
  }
  if (t.IsInteger()) {
    return true;
  }
  if (!t.IsObject()) {
    Report(Kind::TypeMismatch, a.range, Describe(t), "a C integer");
    return false;
  }
  return CheckConvertible(a, t, to);
}

// `s.m(...)` on a string variable (or on a string element of a vector variable);
// `s.decode(...)` is a method of the `bytes` the string makes (CheckAttribute).
auto Checker::PeekCppStringMethod(const Expr& call) -> bool {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute || callee.name == "decode") {
    return false;
  }
  std::optional<Type> t = PeekCppType(callee.object());  // a string variable or a new string value
  return t && t->IsCppString();
}

auto Checker::CheckCppStringMethod(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  const Type s = CheckExpr(callee.object());
  Record(callee, Type::Error());  // a method is no value of its own
  if (s.IsError()) {
    return Type::Error();
  }
  const std::string& name = callee.name;
  const StringMethod* method = nullptr;
  for (const StringMethod& m : kMethods) {
    if (name == m.name) method = &m;
  }
  if (method == nullptr) {
    Report(Kind::UnsupportedExpression, callee.range, fmt::format("the method `.{}()` of a C++ `string`", name));
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  if (!e.keywords.empty() || static_cast<int>(e.args.size()) < method->min_args ||
      static_cast<int>(e.args.size()) > method->max_args) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, Text(callee.range),
           method->min_args == method->max_args ? fmt::format("{}", method->min_args)
                                                : fmt::format("{} to {}", method->min_args, method->max_args),
           method->max_args == 1 ? "" : "s", n, n == 1 ? "was" : "were");
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  if ((name == "c_str" || name == "data") && PeekCppPlaceType(callee.object()) == nullptr) {
    // The statement's temporary is gone once the pointer is used.
    Report(Kind::UnsupportedExpression, callee.range,
           fmt::format("`.{}()` of a string that is not a variable (the pointer would outlive it: store the string "
                       "in a variable first)",
                       name));
    return Type::Error();
  }
  bool ok = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    if ((name == "append" || name == "find" || name == "rfind") && i == 0) {
      ok &= !CheckCppStringOperand(a, true).IsError();
    } else if (name == "push_back") {
      const Type c = Type::Of(TypeKind::Char);
      Type t = CheckValueFor(a, c);
      ok &= !t.IsError() && CheckConvertible(a, t, c);
    } else if (name == "swap") {
      Type t = CheckExpr(a);
      if (t.IsError()) {
        ok = false;
      } else if (!t.IsCppString()) {
        Report(Kind::TypeMismatch, a.range, Describe(t), "a C++ `string`");
        ok = false;
      } else if (PeekCppPlaceType(a) == nullptr) {
        Report(Kind::UnsupportedExpression, a.range, std::string("`.swap()` with a string that is not a variable"));
        ok = false;
      }
    } else {
      ok &= CheckCppCount(a);  // at, reserve, resize, substr, the position of find
    }
  }
  if (!ok) {
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "string." + name};
  if (name == "append" || name == "push_back" || name == "pop_back" || name == "reserve" || name == "resize" ||
      name == "back" || name == "front" || name == "at" || name == "substr" || name == "find" || name == "rfind") {
    MarkRaises();  // MemoryError, IndexError out of range, ValueError for a NULL C string
  }
  if (name == "size" || name == "length" || name == "capacity" || name == "find" || name == "rfind") {
    return Type::Of(TypeKind::SizeT);
  }
  if (name == "empty") {
    return Type::Of(TypeKind::Bint);
  }
  if (name == "at" || name == "back" || name == "front") {
    return Type::Of(TypeKind::Char);
  }
  if (name == "c_str" || name == "data") {
    return CharPointer();
  }
  if (name == "substr") {
    return Type::Of(TypeKind::CppString);
  }
  return Type::Of(TypeKind::Void);
}

// `s[i]`: the character, unchecked as C++'s operator[]; `s[a:b]` only as the
// object of `.decode(...)` (Cython's one use of a string slice), as `bytes`.
auto Checker::CheckCppStringIndex(const Expr& e) -> Type {
  const bool slice = e.args.size() == 1 && e.args[0]->kind == Expr::Kind::Slice;
  if (slice && cpp_string_decode_slice_ == &e) {
    const Expr& index = *e.args[0];
    Record(index, Type::Of(TypeKind::SSizeT));
    if (index.step() != nullptr) {
      Report(Kind::UnsupportedExpression, e.range, fmt::format("the slice `{}` of a C++ `string` with a step", Text(e.range)));
      return Type::Error();
    }
    for (const Expr* part : {index.lower(), index.upper()}) {
      if (part != nullptr) {
        Type pt = CheckExpr(*part);
        if (pt.IsError()) return pt;
        if (!pt.IsInteger()) {
          Report(Kind::TypeMismatch, part->range, Describe(pt), "a C integer");
          return Type::Error();
        }
      }
    }
    if (RequireGil(GilOp::ConvertToObject, e.range, "(a slice of a C++ `string` becomes `bytes`)")) {
      return Type::Error();
    }
    MarkRaises();
    return Type::Object("bytes");
  }
  if (e.args.size() != 1 || slice) {
    for (const auto& a : e.args) {
      if (a->kind != Expr::Kind::Slice) CheckExpr(*a);
    }
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("`{}`: a C++ `string` takes one index; a slice only before `.decode(...)`", Text(e.range)));
    return Type::Error();
  }
  return CheckCppPlaceIndex(e, "a C++ `string`") ? Type::Of(TypeKind::Char) : Type::Error();
}

// `a + b` of two C++ strings, or of one and a C string (a bytes literal is one):
// a new string (MemoryError). A Python object with a string is refused: Cython
// picks an overload of `operator+` by the object's conversion, pyxx does not guess.
auto Checker::CheckCppStringConcat(const Expr& e, const Type& a, const Type& b, const char* op) -> Type {
  const bool operands = (a.IsCppString() && (b.IsCppString() || AsCString(b).IsCString())) ||
                        (b.IsCppString() && AsCString(a).IsCString());
  if (e.binary_op != syntax::BinaryOp::Add || !operands) {
    Report(Kind::InvalidOperands, e.range, op, fmt::format("{} and {}", Describe(a), Describe(b)));
    return Type::Error();
  }
  MarkRaises();
  return Type::Of(TypeKind::CppString);
}

// `a == b`, `a < b`, ... of two C++ strings (one comparison, no chain): C++'s
// byte-wise comparison, which is Python's for the bytes they make.
auto Checker::CheckCppStringCompare(const Expr& e, const std::vector<Type>& types) -> Type {
  const syntax::CompareOp op = e.compare_ops[0];
  const bool ordered = op == syntax::CompareOp::Eq || op == syntax::CompareOp::Ne || op == syntax::CompareOp::Lt ||
                       op == syntax::CompareOp::Le || op == syntax::CompareOp::Gt || op == syntax::CompareOp::Ge;
  if (types.size() != 2 || !types[0].IsCppString() || !types[1].IsCppString() || !ordered) {
    std::string operands;
    for (const Type& t : types) operands += (operands.empty() ? "" : " and ") + Describe(t);
    Report(Kind::InvalidOperands, e.range, "comparison", operands);
    return Type::Error();
  }
  return Type::Of(TypeKind::Bint);
}

}  // namespace pyxx::check
