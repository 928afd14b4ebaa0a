// C++ vectors (`from cython.cimports.libcpp.vector import vector`): the type
// `vector[T]` of C elements, its methods that need no iterator, `v[i]`, `len(v)`,
// `for x in v`, and its conversions to a list and from any iterable (Cython's).
// Anything that may allocate can raise MemoryError, with or without the GIL.
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {
namespace {

struct VectorMethod {
  const char* name;
  int min_args;
  int max_args;
};

// The methods of Cython's libcpp/vector.pxd that take no iterator.
constexpr VectorMethod kMethods[] = {
    {"push_back", 1, 1}, {"pop_back", 0, 0}, {"size", 0, 0},  {"capacity", 0, 0}, {"empty", 0, 0},
    {"clear", 0, 0},     {"reserve", 1, 1},  {"resize", 1, 2}, {"back", 0, 0},     {"front", 0, 0},
    {"at", 1, 1},        {"data", 0, 0},     {"swap", 1, 1},  {"shrink_to_fit", 0, 0},
};

// Methods of std::vector that take or give iterators (pyxx has none).
auto IsIteratorMethod(const std::string& name) -> bool {
  static const char* const kNames[] = {"insert", "erase",   "begin",   "end",    "rbegin", "rend",
                                       "cbegin", "cend",    "crbegin", "crend",  "assign", "emplace"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

auto Checker::VectorType(const syntax::TypeExpr& t) -> Type {
  Type element = ResolveCType(*t.target);
  if (element.IsError()) {
    return element;
  }
  // Cython: a vector of Python objects is refused (its elements would hold no
  // references); std::vector<bool> is no container of bool values.
  if (element.IsObject() || element.IsMemoryView() || element.IsVoid() || element.IsArray() ||
      element.kind == TypeKind::Bint || element.IsNull()) {
    Report(Kind::InvalidTypeUse, t.target->range,
           fmt::format("a `vector` element must be a C value other than `bint` or a C array, not {} (`{}`)",
                       Describe(element), Text(t.range)));
    return Type::Error();
  }
  out_.uses_cpp_vector = true;
  return Type::VectorOf(element);
}

// `v.m(...)` on a vector variable (or on a vector element of one).
auto Checker::PeekVectorMethod(const Expr& call) -> bool {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute) {
    return false;
  }
  // `v.m()`, `vv[i].m()`: a vector variable, or an element of one that is a vector;
  // `f().m()`: a vector a cfunc returns.
  std::optional<Type> t = PeekCppType(callee.object());
  return t && t->IsVector();
}

auto Checker::PeekCppType(const Expr& e) -> std::optional<Type> {
  if (const Type* place = PeekCppPlaceType(e)) {
    return *place;
  }
  return PeekCppValueType(e);
}

auto Checker::PeekCppValueType(const Expr& e) -> std::optional<Type> {
  if (e.kind == Expr::Kind::Binary && e.binary_op == syntax::BinaryOp::Add) {
    // `a + b` with a C++ string operand: a new string (or PX111 when checked).
    for (const Expr* operand : {&e.left(), &e.right()}) {
      if (std::optional<Type> t = PeekCppType(*operand); t && t->IsCppString()) {
        return t;
      }
    }
    return std::nullopt;
  }
  if (e.kind != Expr::Kind::Call) {
    return std::nullopt;
  }
  const Expr& callee = e.callee();
  if (callee.kind == Expr::Kind::DialectRef && callee.dialect_path == "libcpp.string.string") {
    return Type::Of(TypeKind::CppString);
  }
  // A cfunc or ccall of the module (not fused: its specialisation decides the type).
  if (callee.kind != Expr::Kind::Name || LookupLocal(callee.name) >= 0 || IsClassBodyName(callee.name) ||
      FusedGroupNamed(callee.name) != nullptr) {
    return std::nullopt;
  }
  auto it = out_.function_index.find(callee.name);
  if (it == out_.function_index.end()) {
    return std::nullopt;
  }
  const FunctionInfo& fn = out_.functions[static_cast<size_t>(it->second)];
  if (fn.kind == FunctionKind::Def || !fn.return_type.IsCppClass()) {
    return std::nullopt;
  }
  return fn.return_type;
}

auto Checker::PeekCppPlaceType(const Expr& e) -> const Type* {
  int depth = 0;
  const Expr* root = &e;
  while (root->kind == Expr::Kind::Subscript && root->args.size() == 1 &&
         root->args[0]->kind != Expr::Kind::Slice) {
    root = &root->object();
    ++depth;
  }
  const Type* t = nullptr;
  if (root->kind == Expr::Kind::Attribute) {
    // `self.v`: a C++ field of an extension type (it lives in the instance).
    if (std::optional<Type> owner = PeekInstanceType(root->object())) {
      auto [cls, index] = out_.FindField(owner->extension, root->name);
      t = cls != nullptr ? &cls->fields[static_cast<size_t>(index)].type : nullptr;
    } else if (const Type* pair = PeekCppPlaceType(root->object()); pair != nullptr && pair->IsCppPair()) {
      // `kv.second`: a member of a pair that is a place itself.
      t = root->name == "first" ? pair->key.get() : root->name == "second" ? pair->target.get() : nullptr;
    }
  } else if (root->kind == Expr::Kind::Name && current_fn_ >= 0) {
    const int local = LookupLocal(root->name);
    t = local >= 0 ? &out_.functions[current_fn_].locals[local].type : nullptr;
  }
  if (t == nullptr) {
    return nullptr;
  }
  // `vv[i]`, `m[k]`: an element of a vector, a map's value (both references into it).
  for (; depth > 0 && (t->IsVector() || t->IsCppMap()); --depth) {
    t = t->target.get();
  }
  return depth == 0 ? t : nullptr;
}

auto Checker::CheckVectorMethod(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  const Type v = CheckExpr(callee.object());
  Record(callee, Type::Error());  // a method is no value of its own
  if (v.IsError()) {
    return Type::Error();
  }
  const std::string& name = callee.name;
  const VectorMethod* method = nullptr;
  for (const VectorMethod& m : kMethods) {
    if (name == m.name) method = &m;
  }
  const bool temporary = PeekCppPlaceType(callee.object()) == nullptr;
  if (temporary && (name == "begin" || name == "end" || name == "data")) {
    // The statement's temporary is gone once the pointer is used (each call makes another).
    Report(Kind::UnsupportedExpression, callee.range,
           fmt::format("`.{}()` of a vector that is not a variable (the pointer would outlive it: store the vector "
                       "in a variable first)",
                       name));
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  if ((name == "begin" || name == "end") && iterator_arguments_ > 0 && e.args.empty() && e.keywords.empty() &&
      !v.target->IsVector()) {
    // An iterator of a libcpp.algorithm call: a pointer into the elements (they are contiguous).
    out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "vector." + name};
    return Type::PointerTo(*v.target);
  }
  if (method == nullptr) {
    Report(Kind::UnsupportedExpression, callee.range,
           IsIteratorMethod(name)
               ? fmt::format("the method `.{}()` of a `vector` (pyxx has C++ iterators only as the arguments of "
                             "`libcpp.algorithm` functions and of `cython.operator.dereference`)",
                             name)
               : fmt::format("the method `.{}()` of {}", name, Describe(v)));
    return Type::Error();
  }
  const Type& element = *v.target;
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
  if (name == "data" && element.IsVector()) {
    Report(Kind::UnsupportedType, callee.range, std::string("a pointer to a vector (`.data()` of a vector of vectors)"));
    return Type::Error();
  }
  // Arguments: a size (any C integer or a Python int), or an element.
  bool ok = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    const bool size = (name == "reserve" || name == "resize" || name == "at") && i == 0;
    const Type to = size ? Type::Of(TypeKind::SizeT) : name == "swap" ? v : element;
    Type t = CheckValueFor(a, to);
    if (t.IsError()) {
      ok = false;
      continue;
    }
    if (name == "swap" && t.IsVector() && PeekCppPlaceType(a) == nullptr) {
      Report(Kind::UnsupportedExpression, a.range, std::string("`.swap()` with a vector that is not a variable"));
      ok = false;
      continue;
    }
    if (size && t.IsInteger()) {
      continue;  // converted as C++ converts it to size_t (a negative count is too large)
    }
    if (size && !t.IsObject()) {
      Report(Kind::TypeMismatch, a.range, Describe(t), "a C integer");
      ok = false;
      continue;
    }
    ok &= CheckConvertible(a, t, to);
  }
  if (!ok) {
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "vector." + name};
  if (name == "push_back" || name == "pop_back" || name == "reserve" || name == "resize" || name == "back" ||
      name == "front" || name == "at" || name == "shrink_to_fit") {
    MarkRaises();  // MemoryError, or IndexError on an empty vector / an index out of range
  }
  if (name == "size" || name == "capacity") {
    return Type::Of(TypeKind::SizeT);
  }
  if (name == "empty") {
    return Type::Of(TypeKind::Bint);
  }
  if (name == "back" || name == "front" || name == "at") {
    return element;
  }
  if (name == "data") {
    return Type::PointerTo(element);
  }
  return Type::Of(TypeKind::Void);
}

// `vector[T]()`, `vector[T](n)`, `vector[T](n, value)`.
auto Checker::CheckVectorConstructor(const Expr& e, const Type& t) -> Type {
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "vector"};
  Record(e.callee(), Type::Error());
  if (t.IsError()) {
    for (const auto& a : e.args) CheckExpr(*a);
    return t;
  }
  if (!e.keywords.empty() || e.args.size() > 2) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, Describe(t), "0 to 2", "s", n,
           n == 1 ? "was" : "were");
    return Type::Error();
  }
  bool ok = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Type to = i == 0 ? Type::Of(TypeKind::SizeT) : *t.target;
    Type at = CheckValueFor(*e.args[i], to);
    if (at.IsError()) {
      ok = false;
    } else if (i == 0 && !at.IsInteger() && !at.IsObject()) {
      Report(Kind::TypeMismatch, e.args[i]->range, Describe(at), "a C integer");
      ok = false;
    } else if (!(i == 0 && at.IsInteger())) {
      ok &= CheckConvertible(*e.args[i], at, to);
    }
  }
  MarkRaises();  // MemoryError
  return ok ? t : Type::Error();
}

// `v[i]`: the element, unchecked as C++'s operator[] (see docs/language/cpp-containers.md).
auto Checker::CheckVectorIndex(const Expr& e, const Type& t) -> Type {
  if (e.args.size() != 1 || e.args[0]->kind == Expr::Kind::Slice) {
    for (const auto& a : e.args) {
      if (a->kind != Expr::Kind::Slice) CheckExpr(*a);
    }
    Report(Kind::UnsupportedExpression, e.range, fmt::format("`{}`: a `vector` takes one index, no slice", Text(e.range)));
    return Type::Error();
  }
  return CheckCppPlaceIndex(e, "a vector") ? *t.target : Type::Error();
}

// The one index of `v[i]` / `s[i]` on a C++ container variable: a C integer, or
// a Python object converted to one (with the GIL). Reported otherwise.
auto Checker::CheckCppPlaceIndex(const Expr& e, std::string_view container) -> bool {
  if (!PeekCppType(e.object())) {
    CheckExpr(*e.args[0]);
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("indexing {} that is not a variable (`{}`)", container, Text(e.object().range)));
    return false;
  }
  const Expr& index = *e.args[0];
  Type k = CheckExpr(index);
  if (k.IsError()) {
    return false;
  }
  if (k.IsObject() && !k.IsExtension()) {
    if (RequireGil(GilOp::ConvertFromObject, index.range)) {
      return false;
    }
    MarkRaises();  // TypeError, OverflowError (converted to Py_ssize_t, as a C index)
  } else if (!k.IsInteger()) {
    Report(Kind::TypeMismatch, index.range, Describe(k), "a C integer index");
    return false;
  }
  return true;
}

}  // namespace pyxx::check
