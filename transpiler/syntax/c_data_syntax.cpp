#include "syntax/c_data_syntax.h"

#include <utility>

#include "syntax/scalar_names.h"

namespace pyxx::syntax {
namespace {

auto Make(TypeExpr::Kind kind, SourceRange range) -> TypeExpr {
  TypeExpr t;
  t.kind = kind;
  t.range = range;
  return t;
}

auto Wrap(TypeExpr::Kind kind, TypeExpr inner, SourceRange range, long long length = 0) -> TypeExpr {
  if (inner.kind == TypeExpr::Kind::Invalid) {
    return Make(TypeExpr::Kind::Invalid, range);
  }
  TypeExpr t = Make(kind, range);
  t.target = std::make_shared<TypeExpr>(std::move(inner));
  t.length = length;
  return t;
}

auto Scalar(ScalarKind kind, SourceRange range) -> TypeExpr {
  TypeExpr t = Make(TypeExpr::Kind::Scalar, range);
  t.scalar = kind;
  return t;
}

}  // namespace

auto PointerShorthand(std::string_view name) -> std::optional<std::pair<int, ScalarKind>> {
  size_t p = 0;
  while (p < name.size() && name[p] == 'p') {
    ++p;
  }
  if (p == 0 || p >= name.size() || name[p] != '_') {
    return std::nullopt;
  }
  auto scalar = CythonScalar(name.substr(p + 1));
  if (!scalar) {
    return std::nullopt;
  }
  return std::make_pair(static_cast<int>(p), *scalar);
}

auto BareCTypeName(std::string_view name, SourceRange range) -> std::optional<TypeExpr> {
  // Cython's parse_basic_type: its C spellings; the complex ones and Py_UCS4 are
  // left to the caller (Cython reads `complex` as the builtin's C equivalent).
  if (auto scalar = CythonScalar(name)) {
    const bool plain = *scalar != ScalarKind::FloatComplex && *scalar != ScalarKind::DoubleComplex &&
                       *scalar != ScalarKind::LongDoubleComplex && *scalar != ScalarKind::UCS4;
    return plain ? std::optional<TypeExpr>(Scalar(*scalar, range)) : std::nullopt;
  }
  if (auto shorthand = PointerShorthand(name)) {
    TypeExpr t = Scalar(shorthand->second, range);
    for (int i = 0; i < shorthand->first; ++i) {
      t = Wrap(TypeExpr::Kind::Pointer, std::move(t), range);
    }
    return t;
  }
  return std::nullopt;
}

namespace {

// A positive decimal length `[10]`.
auto ArrayLength(const Expr& e) -> std::optional<long long> {
  if (e.kind != Expr::Kind::Int || e.text.empty() || e.text.size() > 12) {
    return std::nullopt;
  }
  long long n = 0;
  for (char c : e.text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    n = n * 10 + (c - '0');
  }
  return n > 0 ? std::optional<long long>(n) : std::nullopt;
}

}  // namespace

auto StdintScalar(std::string_view path) -> std::optional<ScalarKind> {
  static constexpr std::pair<std::string_view, ScalarKind> kStdint[] = {
      {"int8_t", ScalarKind::SChar},   {"int16_t", ScalarKind::Short},   {"int32_t", ScalarKind::Int},
      {"int64_t", ScalarKind::Long},   {"uint8_t", ScalarKind::UChar},   {"uint16_t", ScalarKind::UShort},
      {"uint32_t", ScalarKind::UInt},  {"uint64_t", ScalarKind::ULong},  {"intptr_t", ScalarKind::Long},
      {"uintptr_t", ScalarKind::ULong}, {"intmax_t", ScalarKind::Long},  {"uintmax_t", ScalarKind::ULong},
  };
  constexpr std::string_view kPrefix = "libc.stdint.";
  if (path.substr(0, kPrefix.size()) != kPrefix) {
    return std::nullopt;
  }
  for (const auto& [name, kind] : kStdint) {
    if (path.substr(kPrefix.size()) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

auto NumpyScalar(std::string_view path) -> std::optional<ScalarKind> {
  static constexpr std::pair<std::string_view, ScalarKind> kNumpy[] = {
      {"int8_t", ScalarKind::SChar},         {"int16_t", ScalarKind::Short},
      {"int32_t", ScalarKind::Int},          {"int64_t", ScalarKind::Long},
      {"uint8_t", ScalarKind::UChar},        {"uint16_t", ScalarKind::UShort},
      {"uint32_t", ScalarKind::UInt},        {"uint64_t", ScalarKind::ULong},
      {"float32_t", ScalarKind::Float},      {"float64_t", ScalarKind::Double},
      {"complex64_t", ScalarKind::FloatComplex}, {"complex128_t", ScalarKind::DoubleComplex},
      {"int_t", ScalarKind::Long},           {"uint_t", ScalarKind::ULong},
      {"longlong_t", ScalarKind::LongLong},  {"ulonglong_t", ScalarKind::ULongLong},
      {"intp_t", ScalarKind::SSizeT},        {"uintp_t", ScalarKind::SizeT},
      {"float_t", ScalarKind::Double},       {"double_t", ScalarKind::Double},
      {"longdouble_t", ScalarKind::LongDouble},
      {"npy_bool", ScalarKind::UChar},       {"npy_byte", ScalarKind::SChar},
      {"npy_ubyte", ScalarKind::UChar},      {"npy_short", ScalarKind::Short},
      {"npy_ushort", ScalarKind::UShort},    {"npy_int", ScalarKind::Int},
      {"npy_uint", ScalarKind::UInt},        {"npy_long", ScalarKind::Long},
      {"npy_ulong", ScalarKind::ULong},      {"npy_longlong", ScalarKind::LongLong},
      {"npy_ulonglong", ScalarKind::ULongLong}, {"npy_float", ScalarKind::Float},
      {"npy_double", ScalarKind::Double},    {"npy_longdouble", ScalarKind::LongDouble},
      {"npy_int8", ScalarKind::SChar},       {"npy_int16", ScalarKind::Short},
      {"npy_int32", ScalarKind::Int},        {"npy_int64", ScalarKind::Long},
      {"npy_uint8", ScalarKind::UChar},      {"npy_uint16", ScalarKind::UShort},
      {"npy_uint32", ScalarKind::UInt},      {"npy_uint64", ScalarKind::ULong},
      {"npy_float32", ScalarKind::Float},    {"npy_float64", ScalarKind::Double},
      {"npy_intp", ScalarKind::SSizeT},      {"npy_uintp", ScalarKind::SizeT},
  };
  constexpr std::string_view kPrefix = "numpy.";
  if (path.substr(0, kPrefix.size()) != kPrefix) {
    return std::nullopt;
  }
  for (const auto& [name, kind] : kNumpy) {
    if (path.substr(kPrefix.size()) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

auto IsCppTemplatePath(std::string_view dialect_path) -> bool {
  static constexpr std::string_view kTemplates[] = {"libcpp.map.map", "libcpp.unordered_map.unordered_map",
                                                    "libcpp.set.set", "libcpp.unordered_set.unordered_set",
                                                    "libcpp.utility.pair"};
  for (std::string_view path : kTemplates) {
    if (dialect_path == path) {
      return true;
    }
  }
  return false;
}

auto CDataTypeExpr(const Expr& e, const CTypeNames& names) -> std::optional<TypeExpr> {
  switch (e.kind) {
    case Expr::Kind::DialectRef: {
      if (auto scalar = StdintScalar(e.dialect_path)) {
        return Scalar(*scalar, e.range);
      }
      if (auto scalar = NumpyScalar(e.dialect_path)) {
        return Scalar(*scalar, e.range);  // `cnp.float64_t`
      }
      if (e.dialect_path == "libc.stdio.FILE") {
        // C's opaque FILE: void-like, valid only as a pointer's target (check_cdata.cpp).
        TypeExpr t = Scalar(ScalarKind::Void, e.range);
        t.c_name = "FILE";
        return t;
      }
      if (e.dialect_path == "libcpp.string.string") {
        return Make(TypeExpr::Kind::CppString, e.range);  // C++'s std::string
      }
      if (e.dialect_path == "cpython.Py_buffer" || e.dialect_path == "cpython.buffer.Py_buffer") {
        return Make(TypeExpr::Kind::PyBuffer, e.range);  // the checker says where it may appear
      }
      std::string_view member = CythonMember(e.dialect_path);
      if (auto shorthand = PointerShorthand(member)) {
        TypeExpr t = Scalar(shorthand->second, e.range);
        for (int i = 0; i < shorthand->first; ++i) {
          t = Wrap(TypeExpr::Kind::Pointer, std::move(t), e.range);
        }
        return t;
      }
      return std::nullopt;
    }
    case Expr::Kind::Name:
      if (names && names(e.name)) {
        TypeExpr t = Make(TypeExpr::Kind::CName, e.range);
        t.c_name = e.name;
        return t;
      }
      return std::nullopt;
    case Expr::Kind::Call: {
      const Expr& callee = e.callee();
      if (callee.kind != Expr::Kind::DialectRef || callee.dialect != DialectName::CythonPointer) {
        return std::nullopt;
      }
      if (e.args.size() != 1 || !e.keywords.empty()) {
        return Make(TypeExpr::Kind::Invalid, e.range);
      }
      auto inner = AnyCTypeExpr(*e.args[0], names);
      return Wrap(TypeExpr::Kind::Pointer, inner ? std::move(*inner) : Make(TypeExpr::Kind::Invalid, e.range), e.range);
    }
    case Expr::Kind::Subscript: {
      const Expr& base = e.object();
      if (base.kind == Expr::Kind::DialectRef &&
          (base.dialect_path == "cython.const" || base.dialect_path == "cython.volatile")) {
        // `cython.const[T]` inside a C type (a pointer's target): T, qualified.
        // (Anything else, a fused type included, is read by the lowerer's own rule.)
        auto inner = e.args.size() == 1 ? AnyCTypeExpr(*e.args[0], names) : std::nullopt;
        if (!inner) {
          return std::nullopt;
        }
        inner->range = e.range;
        (base.dialect_path == "cython.const" ? inner->is_const : inner->is_volatile) = true;
        return inner;
      }
      if (base.kind == Expr::Kind::DialectRef && base.dialect == DialectName::CythonPointer) {
        if (e.args.size() != 1) {
          return Make(TypeExpr::Kind::Invalid, e.range);
        }
        auto inner = AnyCTypeExpr(*e.args[0], names);
        return Wrap(TypeExpr::Kind::Pointer, inner ? std::move(*inner) : Make(TypeExpr::Kind::Invalid, e.range),
                    e.range);
      }
      if (base.kind == Expr::Kind::DialectRef && base.dialect_path == "libcpp.vector.vector") {
        // `vector[T]`: a C++ vector of T (the checker says which T it holds).
        if (e.args.size() != 1) {
          return Make(TypeExpr::Kind::Invalid, e.range);
        }
        auto inner = AnyCTypeExpr(*e.args[0], names);
        return Wrap(TypeExpr::Kind::CppVector, inner ? std::move(*inner) : Make(TypeExpr::Kind::Invalid, e.range),
                    e.range);
      }
      if (base.kind == Expr::Kind::DialectRef && IsCppTemplatePath(base.dialect_path)) {
        // `map[K, V]`, `set[T]`, `pair[A, B]`: the checker counts and resolves the parameters.
        TypeExpr t = Make(TypeExpr::Kind::CppTemplate, e.range);
        t.c_name = base.dialect_path;
        for (const ExprPtr& arg : e.args) {
          auto param = AnyCTypeExpr(*arg, names);
          t.elements.push_back(param ? std::move(*param) : Make(TypeExpr::Kind::Invalid, arg->range));
        }
        return t;
      }
      // `T[n]`: only a subscript by an integer literal is an array (`T[:]` is a memoryview).
      if (e.args.size() != 1 || e.args[0]->kind != Expr::Kind::Int) {
        return std::nullopt;
      }
      auto element = AnyCTypeExpr(base, names);
      if (!element) {
        return std::nullopt;
      }
      auto length = ArrayLength(*e.args[0]);
      if (!length || element->kind == TypeExpr::Kind::Object) {
        return Make(TypeExpr::Kind::Invalid, e.range);
      }
      return Wrap(TypeExpr::Kind::Array, std::move(*element), e.range, *length);
    }
    default:
      return std::nullopt;
  }
}

auto AnyCTypeExpr(const Expr& e, const CTypeNames& names) -> std::optional<TypeExpr> {
  if (auto t = CDataTypeExpr(e, names)) {
    return t;
  }
  if (e.kind == Expr::Kind::DialectRef) {
    std::string_view member = CythonMember(e.dialect_path);
    if (auto scalar = CythonScalar(member)) {
      return Scalar(*scalar, e.range);
    }
    if (member == "object") {
      TypeExpr t = Make(TypeExpr::Kind::Object, e.range);
      t.object_name = "object";
      return t;
    }
    return std::nullopt;
  }
  if (e.kind == Expr::Kind::Name && (e.name == "object" || e.name == "float")) {
    if (e.name == "float") {
      return Scalar(ScalarKind::Double, e.range);
    }
    TypeExpr t = Make(TypeExpr::Kind::Object, e.range);
    t.object_name = "object";
    return t;
  }
  return std::nullopt;
}

auto CTypeDeclarationKind(const Stmt& s) -> std::string_view {
  if (s.kind != Stmt::Kind::Assign || s.targets.size() != 1 || s.targets[0]->kind != Expr::Kind::Name || !s.value ||
      s.value->kind != Expr::Kind::Call || s.value->callee().kind != Expr::Kind::DialectRef) {
    return {};
  }
  const std::string& path = s.value->callee().dialect_path;
  if (path == "cython.struct") {
    return "struct";
  }
  if (path == "cython.union") {
    return "union";
  }
  if (path == "cython.typedef") {
    return "typedef";
  }
  return {};
}

}  // namespace pyxx::syntax
