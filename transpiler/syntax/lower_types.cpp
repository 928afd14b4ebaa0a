// Annotations -> TypeExpr (spec §4), and Numba signature strings.
#include <algorithm>
#include <cctype>
#include <string>

#include "syntax/c_data_syntax.h"
#include "syntax/lowerer.h"
#include "syntax/scalar_names.h"
#include "syntax/walk.h"

namespace pyxx::syntax {
namespace {

constexpr std::string_view kObjectNames[] = {"object", "int",   "bool",      "list",      "dict",    "str",
                                             "tuple",  "set",   "bytes",     "frozenset", "bytearray",
                                             "type"};

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

// The builtin types a `def` boundary tests exactly (Cython 3: "Argument 'x' has
// incorrect type (expected list, got tuple)"); `object` and `type` accept anything.
auto IsExactlyTested(std::string_view name) -> bool {
  return name != "object" && name != "type" && name != "None";
}

auto ObjectType(std::string name, base::SourceRange range) -> TypeExpr {
  TypeExpr type;
  type.kind = TypeExpr::Kind::Object;
  type.python_builtin_spelling = name == "int" || name == "bool";
  type.exact = IsExactlyTested(name);
  type.object_name = std::move(name);
  type.range = range;
  return type;
}

// A Python object of no particular type (`typing.Any`, `Union[list, tuple]`, ...).
auto AnyObject(base::SourceRange range) -> TypeExpr { return ObjectType("object", range); }

// typing's aliases of builtin containers: `List[int]` is a `list`, as in Cython.
auto TypingContainer(std::string_view member) -> std::string_view {
  static constexpr std::pair<std::string_view, std::string_view> kContainers[] = {
      {"List", "list"}, {"Dict", "dict"}, {"Set", "set"}, {"FrozenSet", "frozenset"}, {"Tuple", "tuple"},
      {"Text", "str"},
  };
  for (const auto& [typing_name, builtin] : kContainers) {
    if (typing_name == member) {
      return builtin;
    }
  }
  return {};
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
  return NumpyScalar(path);  // `cnp.float64_t`: also a memoryview's element
}

}  // namespace

auto Lowerer::InvalidType(base::SourceRange range) -> TypeExpr {
  TypeExpr type;
  type.kind = TypeExpr::Kind::Invalid;
  type.range = range;
  return type;
}

auto Lowerer::LowerAnnotation(Node type_node) -> TypeExpr {
  if (!annotation_typing_) {
    return AnyObject(type_node.Range());  // annotation_typing(False): not read at all, as in Cython
  }
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
  if (blanked_views_ != nullptr && Is(inner, kinds_.Identifier)) {
    if (auto it = blanked_views_->find(inner.Begin()); it != blanked_views_->end()) {
      Expr name;
      name.kind = Expr::Kind::Name;
      name.name = Identifier(inner);
      name.range = inner.Range();
      TypeExpr type;
      type.kind = TypeExpr::Kind::MemoryView;
      type.range = it->second.range;
      type.fused = FusedIndex(name);
      type.ndim = it->second.ndim;
      type.contiguous_dim = it->second.contiguous_dim;
      if (type.fused < 0) {
        // A name of a C scalar (`from cython import int as cint`, a cimported
        // `int32_t`) is that element; another a typedef the checker resolves.
        ExprPtr lowered = LowerExprOrError(inner, inner.Range());
        TypeExpr element = lowered->kind == Expr::Kind::DialectRef ? TypeFromExpr(*lowered) : TypeExpr{};
        if (lowered->kind == Expr::Kind::DialectRef && element.kind == TypeExpr::Kind::Scalar) {
          type.element = element.scalar;
        } else if (lowered->kind == Expr::Kind::DialectRef) {
          if (element.kind != TypeExpr::Kind::Invalid) {  // else TypeFromExpr reported it
            TypeSink().Report(diag::Kind::UnsupportedType, type.range,
                              fmt::format("a memoryview of `{}`", Text(inner)));
          }
          return InvalidType(type.range);
        } else {
          type.c_name = name.name;
        }
      }
      return type;
    }
  }
  if (Is(inner, kinds_.GenericType)) {
    // `list[int]` (the parameter is ignored, as Cython does) or bare `double[10]`.
    Node base = inner.NamedChildCount() > 0 ? inner.NamedChild(0) : Node();
    std::string_view base_name = Text(base);
    if (Is(base, kinds_.Identifier) && typing_names_.count(base_name) != 0) {
      // `List[int]`, `Optional[T]`, `Union[A, B]` with `from typing import ...`.
      std::vector<TypeExpr> params;
      Node parameters = inner.NamedChildCount() > 1 ? inner.NamedChild(1) : Node();
      for (Node param : NamedChildrenOf(parameters)) {
        Node inner_param = param.NamedChildCount() > 0 ? param.NamedChild(0) : Node();
        if (Is(param, kinds_.Type) && inner_param.Type() == "ellipsis") {
          params.push_back(AnyObject(param.Range()));  // `Tuple[int, ...]`
        } else if (Is(param, kinds_.Type)) {
          params.push_back(LowerAnnotation(param));
        }
      }
      return TypingType(typing_names_.find(base_name)->second, std::move(params), true, inner.Range());
    }
    if (Is(base, kinds_.Identifier) && base_name == "tuple") {
      // `tuple[cython.int, cython.double]` is a C tuple in Cython: not a `tuple` object.
      Node parameters = inner.NamedChildCount() > 1 ? inner.NamedChild(1) : Node();
      std::vector<TypeExpr> elements;
      for (Node param : NamedChildrenOf(parameters)) {
        Node inner_param = param.NamedChildCount() > 0 ? param.NamedChild(0) : Node();
        if (!Is(param, kinds_.Type)) {
          continue;
        }
        elements.push_back(inner_param.Type() == "ellipsis" ? AnyObject(param.Range()) : LowerAnnotation(param));
      }
      if (std::optional<TypeExpr> c_tuple = CTupleOf(std::move(elements), inner.Range())) {
        return *c_tuple;
      }
    }
    if (Is(base, kinds_.Identifier) && IsObjectName(base_name) && base_name != "int" && base_name != "bool") {
      return ObjectType(std::string(base_name), inner.Range());
    }
    if (Is(base, kinds_.Identifier)) {
      // `vector[cython.int]` (a cimported C++ template): rebuilt as the subscript it means.
      ExprPtr callee = LowerExprOrError(base, base.Range());
      const bool cpp_template = callee->kind == Expr::Kind::DialectRef &&
                                (callee->dialect_path == "libcpp.vector.vector" || IsCppTemplatePath(callee->dialect_path));
      if (callee->kind == Expr::Kind::DialectRef && callee->dialect_path.rfind("libcpp.", 0) == 0 && !cpp_template) {
        TypeSink().Report(diag::Kind::UnsupportedType, inner.Range(),
                          fmt::format("the C++ type `{}` (of `{}`)", Text(inner), callee->dialect_path));
        return InvalidType(inner.Range());
      }
      if (cpp_template) {
        Node parameters = inner.NamedChildCount() > 1 ? inner.NamedChild(1) : Node();
        ExprPtr subscript = MakeExpr(Expr::Kind::Subscript, inner.Range());
        subscript->operands.push_back(std::move(callee));
        // A parameter that is a template itself (`vector[vector[cython.int]]`) is
        // no expression of the annotation grammar: lowered as an annotation, and
        // put in its place once the outer type is built.
        std::vector<std::pair<size_t, TypeExpr>> nested;
        for (Node param : NamedChildrenOf(parameters)) {
          Node value = Is(param, kinds_.Type) && param.NamedChildCount() == 1 ? param.NamedChild(0) : param;
          if (Is(value, kinds_.GenericType)) {
            nested.emplace_back(subscript->args.size(), LowerAnnotation(param));
            subscript->args.push_back(MakeExpr(Expr::Kind::None, value.Range()));  // a placeholder
            continue;
          }
          subscript->args.push_back(LowerExprOrError(value, value.Range()));
        }
        TypeExpr type = TypeFromExpr(*subscript);
        for (auto& [index, param] : nested) {
          if (type.kind == TypeExpr::Kind::CppTemplate && index < type.elements.size()) {
            type.elements[index] = std::move(param);
          } else if (type.kind == TypeExpr::Kind::CppVector && index == 0 && type.target != nullptr) {
            *type.target = std::move(param);
          }
        }
        return type;
      }
    }
    if (Is(base, kinds_.Identifier) && c_type_names_.count(base_name) != 0) {
      // `Point[4]`: an array of structs (or of a typedef's type). The annotation
      // grammar makes it a generic type: rebuilt as the subscript it means.
      Node parameters = inner.NamedChildCount() > 1 ? inner.NamedChild(1) : Node();
      std::vector<Node> params;
      for (Node param : NamedChildrenOf(parameters)) params.push_back(param);
      Node length = params.size() == 1 && Is(params[0], kinds_.Type) && params[0].NamedChildCount() == 1
                        ? params[0].NamedChild(0)
                        : (params.size() == 1 ? params[0] : Node());
      if (length.IsNull() || length.Type() != "integer") {
        TypeSink().Report(diag::Kind::UnknownType, inner.Range(), Text(inner));
        return InvalidType(inner.Range());
      }
      ExprPtr subscript = MakeExpr(Expr::Kind::Subscript, inner.Range());
      ExprPtr name = MakeExpr(Expr::Kind::Name, base.Range());
      name->name = std::string(base_name);
      subscript->operands.push_back(std::move(name));
      subscript->args.push_back(LowerExprOrError(length, length.Range()));
      return TypeFromExpr(*subscript);
    }
    if (CythonScalar(base_name)) {
      TypeSink().Report(diag::Kind::UnsupportedType, inner.Range(), fmt::format("C arrays (`{}`)", Text(inner)));
    } else {
      TypeSink().Report(diag::Kind::UnknownType, inner.Range(), Text(inner));
    }
    return InvalidType(inner.Range());
  }
  if (inner.Type() == "union_type" || (inner.Symbol() == kinds_.BinaryOperator && Text(inner.Field(fields_.Operator)) == "|")) {
    // `T | None`, `list | tuple | None`.
    std::vector<TypeExpr> members;
    CollectUnionMembers(inner, members);
    return UnionOf(std::move(members), inner.Range());
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
  if (auto fused_pointer = FusedPointer(expr)) {
    return *fused_pointer;
  }
  if (auto c_data = CDataTypeExpr(expr, [this](const std::string& name) { return c_type_names_.count(name) != 0; })) {
    if (c_data->kind == TypeExpr::Kind::Invalid) {
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
    }
    return *c_data;  // pointers, C arrays, struct and typedef names
  }
  switch (expr.kind) {
    case Expr::Kind::DialectRef: {
      const std::string& path = expr.dialect_path;
      if (int fused = FusedIndex(expr); fused >= 0) {
        TypeExpr type;
        type.kind = TypeExpr::Kind::Fused;
        type.fused = fused;
        type.range = range;
        return type;
      }
      if (auto scalar = DialectScalar(path)) {
        return ScalarType(*scalar, range);
      }
      if (path == "cython.object") {
        return AnyObject(range);  // Cython's name for `object`
      }
      if (path == "cython.unicode") {
        return ObjectType("str", range);  // Cython 3's name for `str`
      }
      if (path.rfind("cython.", 0) == 0 && IsUnsupportedCythonTypeName(path.substr(7))) {
        TypeSink().Report(diag::Kind::UnsupportedType, range, fmt::format("`{}` types", path));
        return InvalidType(range);
      }
      if (path == "cpython.array.array") {
        return ObjectType("array.array", range);  // `from cython.cimports.cpython import array`
      }
      if (path == "libcpp.string.string") {
        TypeExpr type;
        type.kind = TypeExpr::Kind::CppString;
        type.range = range;
        return type;
      }
      if (path.rfind("libcpp.", 0) == 0) {
        // Only `libcpp.vector` and `libcpp.string` are compiled so far (docs/language/cpp-containers.md).
        TypeSink().Report(diag::Kind::UnsupportedType, range, fmt::format("the C++ type `{}`", path));
        return InvalidType(range);
      }
      if (path.find('.') != std::string::npos && !IsLibraryDialectPath(path)) {
        // An extension type of another pyxx module, if its declarations export one.
        TypeExpr type = ExtensionType(path, range);
        type.cimported = true;
        type.cimport_module = path.substr(0, path.rfind('.'));
        return type;
      }
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    }
    case Expr::Kind::Name: {
      if (expr.name == "<error>") {
        return InvalidType(range);
      }
      if (int fused = FusedIndex(expr); fused >= 0) {
        TypeExpr type;
        type.kind = TypeExpr::Kind::Fused;
        type.fused = fused;
        type.range = range;
        return type;
      }
      if (auto alias = type_aliases_.find(expr.name); alias != type_aliases_.end()) {
        TypeExpr type = alias->second;
        type.range = range;
        return type;
      }
      if (auto typing = typing_names_.find(expr.name); typing != typing_names_.end()) {
        return TypingType(typing->second, {}, false, range);
      }
      if (IsObjectName(expr.name)) {
        return ObjectType(expr.name, range);
      }
      if (expr.name == "unicode") {
        return ObjectType("str", range);  // Cython 3 reads `unicode` as `str`
      }
      if (expr.name == "float" || expr.name == "complex") {
        // A C double / double complex, as in Cython (Numba: float64 / complex128).
        TypeExpr type = ScalarType(expr.name == "float" ? ScalarKind::Double : ScalarKind::DoubleComplex, range);
        type.python_builtin_spelling = true;
        return type;
      }
      auto builder = TypeSink().Report(diag::Kind::UnknownType, range, expr.name);
      if (BareCTypeName(expr.name, range)) {
        // A C type name: Cython reads it as one only where a C type is expected
        // (cython.cast, sizeof, declare), never in an annotation.
        builder.AddFixIt(range, "cython." + expr.name);
      }
      return InvalidType(range);
    }
    case Expr::Kind::None:
      return ObjectType("None", range);
    case Expr::Kind::Ellipsis:
      return AnyObject(range);  // `Tuple[int, ...]`
    case Expr::Kind::Attribute: {
      std::string member = TypingMember(expr);
      if (!member.empty()) {
        return TypingType(member, {}, false, range);
      }
      auto builder = TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      NoteCythonNotImported(builder, expr);
      return InvalidType(range);
    }
    case Expr::Kind::Binary:
      if (expr.binary_op == BinaryOp::BitOr) {
        return UnionOf({TypeFromExpr(expr.left()), TypeFromExpr(expr.right())}, range);
      }
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    case Expr::Kind::Subscript:
      if (std::string member = TypingMember(expr.object()); !member.empty()) {
        std::vector<TypeExpr> params;
        for (const ExprPtr& arg : expr.args) {
          if (arg->kind == Expr::Kind::Tuple) {  // `Dict[str, int]` written as one tuple index
            for (const ExprPtr& item : arg->args) {
              params.push_back(TypeFromExpr(*item));
            }
          } else {
            params.push_back(TypeFromExpr(*arg));
          }
        }
        return TypingType(member, std::move(params), true, range);
      }
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
      if (!expr.is_bytes) {
        return TypeFromString(expr);
      }
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    case Expr::Kind::FString:
      TypeSink().Report(diag::Kind::UnsupportedType, range, "f-string annotations");
      return InvalidType(range);
    default:
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
  }
}

// `cython.int[:]` in a module that never imports `cython` (as some of Cython's own
// documentation examples are written): say what is missing.
template <class Builder>
void Lowerer::NoteCythonNotImported(Builder& builder, const Expr& expr) const {
  const Expr* root = &expr;
  while (root->kind == Expr::Kind::Attribute) {
    root = &root->object();
  }
  if (root != &expr && root->kind == Expr::Kind::Name && root->name == "cython" && dialect_.Lookup("cython") == nullptr) {
    builder.AddNote(diag::Kind::FixItHint, root->range, "`cython` is not imported here: add `import cython`");
  }
}

auto Lowerer::TypingMember(const Expr& expr) const -> std::string {
  if (expr.kind == Expr::Kind::Name) {
    auto it = typing_names_.find(expr.name);
    return it != typing_names_.end() ? it->second : std::string();
  }
  if (expr.kind == Expr::Kind::Attribute && expr.object().kind == Expr::Kind::Name &&
      typing_modules_.count(expr.object().name) != 0) {
    return expr.name;
  }
  if (expr.kind == Expr::Kind::Attribute && expr.name == "InitVar" && expr.object().kind == Expr::Kind::Name &&
      dataclasses_modules_.count(expr.object().name) != 0) {
    return expr.name;  // `dataclasses.InitVar`
  }
  if (expr.kind == Expr::Kind::DialectRef && expr.dialect_path == "cython.dataclasses.InitVar") {
    return "InitVar";
  }
  return {};
}

auto Lowerer::TypingType(const std::string& member, std::vector<TypeExpr> params, bool subscripted,
                         base::SourceRange range) -> TypeExpr {
  for (const TypeExpr& param : params) {
    if (param.kind == TypeExpr::Kind::Invalid) {
      return InvalidType(range);  // reported
    }
  }
  if (member == "Optional") {
    if (params.size() != 1) {
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    }
    params.push_back(ObjectType("None", range));
    return UnionOf(std::move(params), range);
  }
  if (member == "Union") {
    if (params.empty()) {
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    }
    return UnionOf(std::move(params), range);
  }
  if (std::string_view builtin = TypingContainer(member); !builtin.empty()) {
    if (builtin == "tuple") {
      if (std::optional<TypeExpr> c_tuple = CTupleOf(std::move(params), range)) {
        return *c_tuple;  // `typing.Tuple[cython.int, cython.double]`
      }
    }
    return ObjectType(std::string(builtin), range);
  }
  if (member == "ClassVar") {
    TypeExpr type = AnyObject(range);
    type.class_var = true;
    return type;
  }
  if (member == "InitVar") {
    if (params.size() != 1) {
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    }
    TypeExpr type = std::move(params[0]);
    type.init_var = true;
    type.range = range;
    return type;
  }
  // typing.Any, Callable[...], Iterable[...], Sequence[...], TypeVar names, ...:
  // Cython reads them as Python objects of any type; so does pyxx.
  (void)subscripted;
  return AnyObject(range);
}

// The element types of `tuple[...]`: a C tuple when every one of them is
// written as a C type (`cython.int`, a pointer, a struct), as Cython 3 reads
// it; nullopt for a `tuple` object: `tuple[int, str]`, and also when a Python
// type or `...` stands among C types (`tuple[cython.int, object]`,
// `tuple[cython.int, ...]`), whose elements Cython does not check either.
// Rejected next to C types: a memoryview or fused element, and `int`, `float`
// or `complex`, which Cython may read as C types there (a C tuple whose
// elements convert) where plain Python keeps the objects.
auto Lowerer::CTupleOf(std::vector<TypeExpr> elements, base::SourceRange range) -> std::optional<TypeExpr> {
  auto written_as_c = [](const TypeExpr& t) {
    return (t.kind == TypeExpr::Kind::Scalar && !t.python_builtin_spelling) || t.kind == TypeExpr::Kind::Pointer ||
           t.kind == TypeExpr::Kind::Array || t.kind == TypeExpr::Kind::CName || t.kind == TypeExpr::Kind::CTuple ||
           t.kind == TypeExpr::Kind::CppVector || t.kind == TypeExpr::Kind::CppString || t.kind == TypeExpr::Kind::CppTemplate ||
           t.kind == TypeExpr::Kind::PyBuffer || t.kind == TypeExpr::Kind::Fused || t.kind == TypeExpr::Kind::MemoryView;
  };
  if (std::none_of(elements.begin(), elements.end(), written_as_c)) {
    return std::nullopt;
  }
  for (const TypeExpr& element : elements) {
    if (element.kind == TypeExpr::Kind::Invalid) {
      return InvalidType(range);  // reported
    }
  }
  for (const TypeExpr& element : elements) {
    const bool ambiguous = element.kind == TypeExpr::Kind::Scalar && element.python_builtin_spelling;
    if (element.kind == TypeExpr::Kind::MemoryView || element.kind == TypeExpr::Kind::Fused || ambiguous) {
      TypeSink().Report(diag::Kind::InvalidTypeUse, element.range,
                        fmt::format("a C tuple element must be a C type, not `{}` (in `{}`)", Text(element.range),
                                    Text(range)));
      return InvalidType(range);
    }
  }
  if (!std::all_of(elements.begin(), elements.end(), written_as_c)) {
    return std::nullopt;  // a `tuple` object
  }
  TypeExpr type;
  type.kind = TypeExpr::Kind::CTuple;
  type.range = range;
  type.elements = std::move(elements);
  return type;
}

auto Lowerer::UnionOf(std::vector<TypeExpr> members, base::SourceRange range) -> TypeExpr {
  bool allows_none = false;
  std::vector<TypeExpr> types;
  for (TypeExpr& member : members) {
    if (member.kind == TypeExpr::Kind::Invalid) {
      return InvalidType(range);  // reported
    }
    if (member.kind == TypeExpr::Kind::Object && member.object_name == "None") {
      allows_none = true;
      continue;
    }
    if (member.kind == TypeExpr::Kind::Scalar && member.python_builtin_spelling) {
      // `Optional[float]` is a Python float object, not a C double (complex likewise).
      member = ObjectType(member.scalar == ScalarKind::DoubleComplex ? "complex" : "float", member.range);
    }
    if (member.kind == TypeExpr::Kind::MemoryView && members.size() == 2) {
      // `Optional[cython.double[:]]`: a view that may be None (with anything else: reported below).
      types.push_back(std::move(member));
      continue;
    }
    if (member.kind != TypeExpr::Kind::Object) {
      TypeSink().Report(diag::Kind::UnsupportedType, member.range,
                        fmt::format("a C type in a union (`{}`)", Text(range)));
      return InvalidType(range);
    }
    types.push_back(std::move(member));
  }
  for (const TypeExpr& member : types) {
    if (member.kind == TypeExpr::Kind::MemoryView && (types.size() != 1 || !allows_none)) {
      TypeSink().Report(diag::Kind::UnsupportedType, member.range,
                        fmt::format("a C type in a union (`{}`)", Text(range)));
      return InvalidType(range);
    }
  }
  if (types.size() != 1) {
    return AnyObject(range);  // Union[list, tuple]: any object, no test (as Cython)
  }
  TypeExpr type = std::move(types[0]);
  type.range = range;
  type.allows_none = allows_none;
  type.python_builtin_spelling = false;  // `Optional[int]` is a Python int, also for Numba
  return type;
}

void Lowerer::CollectUnionMembers(Node node, std::vector<TypeExpr>& out) {
  if (node.Type() == "union_type" ||
      (node.Symbol() == kinds_.BinaryOperator && Text(node.Field(fields_.Operator)) == "|")) {
    for (Node child : NamedChildrenOf(node)) {
      if (child.Symbol() != kinds_.Comment) {
        CollectUnionMembers(child, out);
      }
    }
    return;
  }
  if (Is(node, kinds_.Type)) {
    Node inner = node.NamedChildCount() > 0 ? node.NamedChild(0) : Node();
    if (inner.Type() == "union_type") {
      CollectUnionMembers(inner, out);
      return;
    }
    out.push_back(LowerAnnotation(node));
    return;
  }
  out.push_back(LowerAnnotationExpression(node, node.Range()));
}

auto Lowerer::CTypeFromExpr(const Expr& arg) -> TypeExpr {
  // Cython's parse_basic_type comes first: a bare C name is the C type (`double`,
  // `int`, `float` is C's float, `p_char`), `bool` and `complex` the builtins' C
  // equivalents (bint, double complex).
  if (arg.kind == Expr::Kind::Name && FusedIndex(arg) < 0 && c_type_names_.count(arg.name) == 0) {
    if (auto c_type = BareCTypeName(arg.name, arg.range)) {
      return *c_type;
    }
    if (arg.name == "bool" || arg.name == "complex") {
      return ScalarType(arg.name == "bool" ? ScalarKind::Bint : ScalarKind::DoubleComplex, arg.range);
    }
  }
  return TypeFromExpr(arg);
}

namespace {

// Words separated by a space ("the width in pixels", "int or None"): a
// description, which no type spelling is (`Dict[str, int]` has no space between
// two words).
auto IsDescription(const std::string& text) -> bool {
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t i = 0; i < text.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(text[i])) || i == 0 || !word_char(text[i - 1])) {
      continue;
    }
    size_t next = i;
    while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
    if (next < text.size() && word_char(text[next])) {
      return true;
    }
  }
  return false;
}

}  // namespace

auto Lowerer::TypeFromString(const Expr& literal) -> TypeExpr {
  // A dotted name, resolved as if it were written without quotes: "cython.int",
  // "List", "typing.Any", a type alias. A description is no type: the
  // annotation is ignored (a Python object), as Cython 3 ignores a string it
  // cannot read as a type. Anything else is not read.
  const std::string& text = literal.text;
  if (IsDescription(text)) {
    return AnyObject(literal.range);
  }
  std::vector<std::string> parts;
  size_t start = 0;
  bool ok = !text.empty();
  while (ok) {
    size_t dot = text.find('.', start);
    std::string part = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    ok = !part.empty() && !std::isdigit(static_cast<unsigned char>(part[0])) &&
         std::all_of(part.begin(), part.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
         });
    parts.push_back(std::move(part));
    if (dot == std::string::npos) {
      break;
    }
    start = dot + 1;
  }
  if (!ok) {
    TypeSink().Report(diag::Kind::UnsupportedType, literal.range,
                      fmt::format("the string annotation `{}` (only a quoted type name is read)", Text(literal.range)));
    return InvalidType(literal.range);
  }
  Expr name;
  name.kind = Expr::Kind::Name;
  name.range = literal.range;
  name.name = parts[0];
  if (const std::string* path = dialect_.Lookup(parts[0])) {
    name.kind = Expr::Kind::DialectRef;
    name.dialect_path = *path;
    for (size_t i = 1; i < parts.size(); ++i) {
      name.dialect_path = CanonicalDialectPath(name.dialect_path + "." + parts[i]);
    }
    name.dialect = ClassifyDialectPath(name.dialect_path);
    return TypeFromExpr(name);
  }
  if (parts.size() == 1) {
    return TypeFromExpr(name);
  }
  if (parts.size() == 2 && typing_modules_.count(parts[0]) != 0) {
    return TypingType(parts[1], {}, false, literal.range);
  }
  TypeSink().Report(diag::Kind::UnknownType, literal.range, text);
  return InvalidType(literal.range);
}

void Lowerer::CollectTypeAliases(Node root) {
  // `Vector = List[float]` at module level, written before its uses or after:
  // an annotation `Vector` means the type it names. Only typing forms count
  // (a subscripted typing generic or a typing name); the assignment itself
  // still runs, binding the module global.
  if (augmenting_ != nullptr) {
    c_type_names_.insert(augmenting_->c_types.begin(), augmenting_->c_types.end());
  }
  // The classes first: a fused type's member may name one written after it.
  for (Node statement : NamedChildrenOf(root)) {
    Node definition = statement;
    if (Is(definition, kinds_.DecoratedDefinition)) {
      definition = definition.Field(fields_.Definition);
    }
    if (Is(definition, kinds_.ClassDefinition)) {
      // A module-level plain class: an annotation naming it is a Python object
      // (no type test at the boundary), as Cython treats a Python class.
      Node name = definition.Field(fields_.Name);
      if (!name.IsNull()) {
        const bool augmented = augmenting_ != nullptr && augmenting_->extension_types.count(Identifier(name)) != 0;
        if (augmented) {
          augmented_classes_.insert(definition.Begin());
        }
        type_aliases_[Identifier(name)] = augmented || IsCClassDefinition(statement)
                                              ? ExtensionType(Identifier(name), name.Range())
                                              : AnyObject(name.Range());
      }
    }
  }
  for (Node statement : NamedChildrenOf(root)) {
    if (!Is(statement, kinds_.ExpressionStatement) || statement.NamedChildCount() != 1) {
      continue;
    }
    Node assignment = statement.NamedChild(0);
    if (!Is(assignment, kinds_.Assignment) || assignment.Field(fields_.TypeField)) {
      continue;
    }
    Node left = assignment.Field(fields_.Left);
    Node right = assignment.Field(fields_.Right);
    if (!Is(left, kinds_.Identifier) || right.IsNull() || right.HasError()) {
      continue;
    }
    if (CollectFusedType(left, right)) {
      fused_statements_.insert(statement.Range().begin);
      continue;
    }
    if (Is(right, kinds_.Call)) {
      // `Point = cython.struct(...)`: lowered on a side tree, only its callee is read.
      const bool was_quiet = quiet_types_;
      quiet_types_ = true;
      ExprPtr call = LowerExprOrError(right.Field(fields_.Function), right.Range());
      quiet_types_ = was_quiet;
      if (call->kind == Expr::Kind::DialectRef &&
          (call->dialect_path == "cython.struct" || call->dialect_path == "cython.union" ||
           call->dialect_path == "cython.typedef")) {
        c_type_names_.insert(Identifier(left));
      }
      continue;
    }
    Node base = right;
    if (Is(base, kinds_.Subscript)) {
      base = base.Field(fields_.Value);
    }
    const bool typing_base =
        (Is(base, kinds_.Identifier) && typing_names_.count(Text(base)) != 0) ||
        (Is(base, kinds_.Attribute) && Is(base.Field(fields_.Object), kinds_.Identifier) &&
         typing_modules_.count(Text(base.Field(fields_.Object))) != 0);
    if (!typing_base) {
      continue;
    }
    // Lowered on a side tree: the ids it takes are never used by a later phase.
    const bool was_quiet = quiet_types_;
    quiet_types_ = true;
    TypeExpr type = LowerAnnotationExpression(right, right.Range());
    quiet_types_ = was_quiet;
    if (type.kind == TypeExpr::Kind::Object) {
      type_aliases_[Identifier(left)] = type;
    }
  }
}

auto Lowerer::IsCClassDefinition(Node statement) -> bool {
  // `@cython.cclass` (or a name imported from cython for it) among the decorators.
  if (!Is(statement, kinds_.DecoratedDefinition)) {
    return false;
  }
  for (Node child : NamedChildrenOf(statement)) {
    if (!Is(child, kinds_.Decorator) || child.NamedChildCount() == 0) {
      continue;
    }
    const bool was_quiet = quiet_types_;
    quiet_types_ = true;
    ExprPtr e = LowerExpr(child.NamedChild(0));  // on a side tree, as the aliases above
    quiet_types_ = was_quiet;
    if (e && IsExtensionTypeDecorator(*e)) {
      // `@cython.cclass` on an enum class makes a Python enum (see LowerClass).
      return !(IsBareCClassDecorator(*e) && HasEnumBase(statement.Field(fields_.Definition)));
    }
  }
  return false;
}

auto Lowerer::ExtensionType(std::string name, base::SourceRange range) -> TypeExpr {
  TypeExpr type = ObjectType(std::move(name), range);
  type.python_builtin_spelling = false;
  type.exact = true;
  type.extension = true;
  return type;
}

auto Lowerer::TypeFromSubscript(const Expr& expr) -> TypeExpr {
  const base::SourceRange range = expr.range;
  const Expr& base = *expr.operands[0];
  if (base.kind == Expr::Kind::DialectRef &&
      (base.dialect_path == "cython.const" || base.dialect_path == "cython.volatile")) {
    // `cython.const[T]`: T, qualified.
    if (expr.args.size() != 1) {
      TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
      return InvalidType(range);
    }
    TypeExpr inner = TypeFromExpr(*expr.args[0]);
    if (inner.kind == TypeExpr::Kind::Invalid) {
      return inner;
    }
    inner.range = range;
    (base.dialect_path == "cython.const" ? inner.is_const : inner.is_volatile) = true;
    return inner;
  }
  std::optional<ScalarKind> element;
  const int fused = FusedIndex(base);
  if (fused >= 0) {
    element = ScalarKind::Double;  // a placeholder: each specialisation puts a member here
  } else if (base.kind == Expr::Kind::DialectRef) {
    element = DialectScalar(base.dialect_path);
  }
  if (!element) {
    if (base.kind == Expr::Kind::Name && IsObjectName(base.name) && base.name != "int" && base.name != "bool") {
      return ObjectType(base.name, range);  // list[int]: the parameter is not checked, as in Cython
    }
    auto builder = TypeSink().Report(diag::Kind::UnknownType, range, Text(range));
    NoteCythonNotImported(builder, base);
    return InvalidType(range);
  }
  if (*element == ScalarKind::FloatComplex || *element == ScalarKind::DoubleComplex ||
      *element == ScalarKind::LongDoubleComplex) {
    TypeSink().Report(diag::Kind::UnsupportedType, range, fmt::format("memoryviews of complex numbers (`{}`)", Text(range)));
    return InvalidType(range);
  }
  TypeExpr type;
  type.kind = TypeExpr::Kind::MemoryView;
  type.range = range;
  type.element = *element;
  type.fused = fused;
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
    // `::view.strided`, `::view.direct` and `::view.generic` are `:` (pyxx's views
    // are direct and strided; a buffer with indirections is refused when it is
    // bound). `::view.contiguous` of a 1-D view is `::1`, as Cython reads it.
    std::string_view layout;
    if (step != nullptr && step->kind == Expr::Kind::DialectRef && step->dialect_path.rfind("cython.view.", 0) == 0) {
      layout = std::string_view(step->dialect_path).substr(std::string_view("cython.view.").size());
    }
    const bool one_contiguous = layout == "contiguous" && expr.args.size() == 1;
    if (lower == nullptr && upper == nullptr && !layout.empty() && layout != "strided" && layout != "generic" &&
        layout != "direct" && !one_contiguous) {
      const bool indirect = layout == "indirect" || layout == "indirect_contiguous";
      TypeSink().Report(diag::Kind::UnsupportedType, dim.range,
                        indirect ? fmt::format("indirect memoryview dimensions (`{}`)", Text(dim.range))
                        : layout == "contiguous"
                            ? std::string("`::view.contiguous` in a view of several dimensions (only that "
                                          "dimension contiguous; write `::1` for a C- or Fortran-contiguous view, "
                                          "or `:`)")
                            : fmt::format("memoryview dimension `{}`", Text(dim.range)));
      return InvalidType(range);
    }
    const bool contiguous = lower == nullptr && upper == nullptr && step != nullptr &&
                            ((step->kind == Expr::Kind::Int && step->text == "1") || one_contiguous);
    const bool plain = !contiguous && lower == nullptr && upper == nullptr && (step == nullptr || !layout.empty());
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
      if (*scalar == ScalarKind::FloatComplex || *scalar == ScalarKind::DoubleComplex) {
        fail(begin, close + 1);  // arrays of complex numbers: not supported
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
