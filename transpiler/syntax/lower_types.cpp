// Annotations -> TypeExpr (spec §4), and Numba signature strings.
#include <cctype>
#include <string>

#include "syntax/lowerer.h"
#include "syntax/scalar_names.h"

namespace pyxx::syntax {
namespace {

constexpr std::string_view kObjectNames[] = {"object", "int",   "bool",      "list",      "dict",    "str",
                                             "tuple",  "set",   "bytes",     "frozenset", "bytearray",
                                             "complex", "type"};

auto IsObjectName(std::string_view name) -> bool {
  for (std::string_view known : kObjectNames) {
    if (known == name) {
      return true;
    }
  }
  return false;
}

auto ScalarType(ScalarKind kind, base::SourceRange range) -> TypeExpr {
  TypeExpr type;
  type.kind = TypeExpr::Kind::Scalar;
  type.scalar = kind;
  type.range = range;
  return type;
}

auto ObjectType(std::string name, base::SourceRange range) -> TypeExpr {
  TypeExpr type;
  type.kind = TypeExpr::Kind::Object;
  type.python_builtin_spelling = name == "int" || name == "bool";
  type.object_name = std::move(name);
  type.range = range;
  return type;
}

// The scalar named by a dialect path: `cython.ulong`, `numba.int64`, `numba.types.int64`.
auto DialectScalar(std::string_view path) -> std::optional<ScalarKind> {
  if (path.rfind("cython.", 0) == 0) {
    return CythonScalar(path.substr(7));
  }
  if (path.rfind("numba.types.", 0) == 0) {
    return NumbaScalar(path.substr(12));
  }
  if (path.rfind("numba.", 0) == 0) {
    return NumbaScalar(path.substr(6));
  }
  return std::nullopt;
}

}  // namespace

auto Lowerer::InvalidType(base::SourceRange range) -> TypeExpr {
  TypeExpr type;
  type.kind = TypeExpr::Kind::Invalid;
  type.range = range;
  return type;
}

auto Lowerer::LowerAnnotation(Node type_node) -> TypeExpr {
  Node inner = type_node.NamedChildCount() > 0 ? type_node.NamedChild(0) : Node();
  if (inner.IsNull() || type_node.HasError()) {
    return InvalidType(type_node.Range());  // the syntax error was reported
  }
  return LowerAnnotationExpression(inner, type_node.Range());
}

auto Lowerer::LowerAnnotationExpression(Node inner, base::SourceRange range) -> TypeExpr {
  if (inner.IsNull() || inner.HasError()) {
    return InvalidType(range);
  }
  if (Is(inner, kinds_.GenericType)) {
    // `list[int]` (the parameter is ignored, as Cython does) or bare `double[10]`.
    Node base = inner.NamedChildCount() > 0 ? inner.NamedChild(0) : Node();
    std::string_view base_name = Text(base);
    if (Is(base, kinds_.Identifier) && IsObjectName(base_name) && base_name != "int" && base_name != "bool") {
      return ObjectType(std::string(base_name), inner.Range());
    }
    if (CythonScalar(base_name)) {
      TypeSink().Report(diag::Kind::UnsupportedType, inner.Range(), fmt::format("C arrays (`{}`)", Text(inner)));
    } else {
      TypeSink().Report(diag::Kind::UnknownType, inner.Range(), Text(inner));
    }
    return InvalidType(inner.Range());
  }
  if (inner.Symbol() != kinds_.Identifier && inner.Symbol() != kinds_.Attribute && inner.Symbol() != kinds_.Subscript &&
      inner.Symbol() != kinds_.Call && inner.Symbol() != kinds_.String && inner.Symbol() != kinds_.None &&
      inner.Symbol() != kinds_.ConcatenatedString) {
    // union_type (`int | None`), constrained_type, member_type, splat_type, literals, ...
    TypeSink().Report(diag::Kind::UnsupportedType, inner.Range(), fmt::format("annotation `{}`", Text(inner)));
    return InvalidType(inner.Range());
  }
  ExprPtr expr = LowerExprOrError(inner, inner.Range());
  return TypeFromExpr(*expr);
}

auto Lowerer::TypeFromExpr(const Expr& expr) -> TypeExpr {
  const base::SourceRange range = expr.range;
  switch (expr.kind) {
    case Expr::Kind::DialectRef: {
      const std::string& path = expr.dialect_path;
      if (auto scalar = DialectScalar(path)) {
        return ScalarType(*scalar, range);
      }
      if (path.rfind("cython.", 0) == 0 && IsUnsupportedCythonTypeName(path.substr(7))) {
        TypeSink().Report(diag::Kind::UnsupportedType, range, fmt::format("`{}` types", path));
        return InvalidType(range);
      }
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    }
    case Expr::Kind::Name: {
      if (expr.name == "<error>") {
        return InvalidType(range);
      }
      if (IsObjectName(expr.name)) {
        return ObjectType(expr.name, range);
      }
      if (expr.name == "float") {
        TypeExpr type = ScalarType(ScalarKind::Double, range);
        type.python_builtin_spelling = true;
        return type;
      }
      auto builder = TypeSink().Report(diag::Kind::UnknownType, range, expr.name);
      if (CythonScalar(expr.name)) {
        builder.AddFixIt(range, "cython." + expr.name);
      }
      return InvalidType(range);
    }
    case Expr::Kind::None:
      return ObjectType("None", range);
    case Expr::Kind::Subscript:
      return TypeFromSubscript(expr);
    case Expr::Kind::Call: {
      const Expr& callee = *expr.operands[0];
      if (callee.kind == Expr::Kind::DialectRef && callee.dialect_path.rfind("cython.", 0) == 0) {
        TypeSink().Report(diag::Kind::UnsupportedType, range, fmt::format("`{}(...)` types", callee.dialect_path));
      } else {
        TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      }
      return InvalidType(range);
    }
    case Expr::Kind::String:
    case Expr::Kind::FString:
      TypeSink().Report(diag::Kind::UnsupportedType, range, "string annotations");
      return InvalidType(range);
    default:
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
  }
}

auto Lowerer::TypeFromSubscript(const Expr& expr) -> TypeExpr {
  const base::SourceRange range = expr.range;
  const Expr& base = *expr.operands[0];
  std::optional<ScalarKind> element;
  if (base.kind == Expr::Kind::DialectRef) {
    element = DialectScalar(base.dialect_path);
  }
  if (!element) {
    if (base.kind == Expr::Kind::Name && IsObjectName(base.name) && base.name != "int" && base.name != "bool") {
      return ObjectType(base.name, range);  // list[int]: the parameter is not checked, as in Cython
    }
    TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
    return InvalidType(range);
  }
  TypeExpr type;
  type.kind = TypeExpr::Kind::MemoryView;
  type.range = range;
  type.element = *element;
  type.ndim = static_cast<int>(expr.args.size());
  int contiguous_count = 0;
  for (size_t i = 0; i < expr.args.size(); ++i) {
    const Expr& dim = *expr.args[i];
    if (dim.kind != Expr::Kind::Slice) {
      const bool array = dim.kind == Expr::Kind::Int;
      TypeSink().Report(diag::Kind::UnsupportedType, array ? range : dim.range,
                   array ? fmt::format("C arrays (`{}`)", Text(range))
                         : fmt::format("memoryview dimension `{}`", Text(dim.range)));
      return InvalidType(range);
    }
    const Expr* lower = dim.operands[0].get();
    const Expr* upper = dim.operands[1].get();
    const Expr* step = dim.operands[2].get();
    const bool plain = lower == nullptr && upper == nullptr && step == nullptr;
    const bool contiguous = lower == nullptr && upper == nullptr && step != nullptr &&
                            step->kind == Expr::Kind::Int && step->text == "1";
    if (!plain && !contiguous) {
      TypeSink().Report(diag::Kind::UnsupportedType, dim.range,
                   fmt::format("memoryview dimension `{}` (write `:` or `::1`)", Text(dim.range)));
      return InvalidType(range);
    }
    if (contiguous) {
      ++contiguous_count;
      type.contiguous_dim = static_cast<int>(i);
    }
  }
  // `::1` last: C-contiguous; first (of several): Fortran-contiguous, as Cython.
  if (contiguous_count > 1 || (contiguous_count == 1 && type.contiguous_dim != type.ndim - 1 && type.contiguous_dim != 0)) {
    TypeSink().Report(diag::Kind::UnsupportedType, range, "`::1` in a middle dimension of a memoryview");
    return InvalidType(range);
  }
  return type;
}

// "int64(int64, float64)": return type, then parameter types. Whitespace is free;
// the return type may be left out ("(int64,)"). Arrays are written `float64[:]`.
void Lowerer::ParseNumbaSignature(const Expr& literal, FunctionAttrs& attrs) {
  attrs.has_numba_signature = true;
  attrs.numba_signature_range = literal.range;
  const std::string& text = literal.text;
  // Where the literal's characters start in the source (after prefix and quotes).
  std::string_view written = Text(literal.range);
  size_t quote = written.find_first_of("'\"");
  size_t content = quote == std::string_view::npos ? 0 : quote + 1;
  if (quote != std::string_view::npos && written.substr(quote, 3) == std::string(3, written[quote])) {
    content = quote + 3;
  }
  auto range_of = [&](size_t begin, size_t end) -> base::SourceRange {
    if (written.size() < content + text.size()) {
      return literal.range;  // escapes: offsets unknown, point at the whole string
    }
    return {static_cast<uint32_t>(literal.range.begin + content + begin),
            static_cast<uint32_t>(literal.range.begin + content + end)};
  };
  size_t pos = 0;
  auto skip_space = [&] {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) {
      ++pos;
    }
  };
  bool ok = true;
  auto fail = [&](size_t begin, size_t end) {
    if (ok) {
      end = std::max(end, begin + 1);
      end = std::min(end, text.size());
      begin = std::min(begin, end);
      std::string_view bad = std::string_view(text).substr(begin, end - begin);
      TypeSink().Report(diag::Kind::UnknownType, range_of(begin, end), bad.empty() ? text : std::string(bad));
    }
    ok = false;
  };
  // One type: a name with an optional `[:, ::1]` suffix.
  auto parse_type = [&]() -> std::optional<TypeExpr> {
    skip_space();
    size_t begin = pos;
    while (pos < text.size() && (std::isalnum(static_cast<unsigned char>(text[pos])) || text[pos] == '_')) {
      ++pos;
    }
    std::string_view name = std::string_view(text).substr(begin, pos - begin);
    auto scalar = NumbaScalar(name);
    if (!scalar) {
      size_t end = pos;
      while (end < text.size() && text[end] != ',' && text[end] != '(' && text[end] != ')') {
        ++end;
      }
      fail(begin, end);
      return std::nullopt;
    }
    TypeExpr type = ScalarType(*scalar, range_of(begin, pos));
    skip_space();
    if (pos < text.size() && text[pos] == '[') {
      size_t close = text.find(']', pos);
      if (close == std::string::npos) {
        fail(begin, text.size());
        return std::nullopt;
      }
      type.kind = TypeExpr::Kind::MemoryView;
      type.element = *scalar;
      type.range = range_of(begin, close + 1);
      std::string dims = text.substr(pos + 1, close - pos - 1);
      std::erase_if(dims, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      size_t start = 0;
      while (true) {
        size_t comma = dims.find(',', start);
        std::string dim = dims.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (dim == "::1") {
          type.contiguous_dim = type.ndim;
        } else if (dim != ":") {
          fail(begin, close + 1);
          return std::nullopt;
        }
        ++type.ndim;
        if (comma == std::string::npos) {
          break;
        }
        start = comma + 1;
      }
      if (type.contiguous_dim > 0 && type.contiguous_dim != type.ndim - 1) {
        fail(begin, close + 1);
        return std::nullopt;
      }
      pos = close + 1;
    }
    return type;
  };
  skip_space();
  std::optional<TypeExpr> return_type;
  if (pos < text.size() && text[pos] != '(') {
    return_type = parse_type();
  }
  skip_space();
  std::vector<TypeExpr> params;
  if (ok && (pos >= text.size() || text[pos] != '(')) {
    fail(pos, text.size());
  }
  if (ok) {
    ++pos;
    skip_space();
    while (ok && pos < text.size() && text[pos] != ')') {
      if (auto type = parse_type()) {
        params.push_back(*type);
      }
      skip_space();
      if (ok && pos < text.size() && text[pos] == ',') {
        ++pos;
        skip_space();
      } else if (ok && (pos >= text.size() || text[pos] != ')')) {
        fail(pos, text.size());
      }
    }
    if (ok && pos >= text.size()) {
      fail(0, text.size());
    }
    ++pos;
    skip_space();
    if (ok && pos < text.size()) {
      fail(pos, text.size());
    }
  }
  if (!ok) {
    return;
  }
  attrs.numba_param_types = std::move(params);
  attrs.numba_return_type = std::move(return_type);
}

}  // namespace pyxx::syntax
