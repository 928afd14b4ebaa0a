// C++ maps and sets (`libcpp.map`, `libcpp.unordered_map`, `libcpp.set`,
// `libcpp.unordered_set`): their types, the methods that need no iterator
// variable, `m[k]`, `m.find(k) == m.end()`, `for x in m`, and Cython's
// conversions (a map from any object with `.items()`, to a dict; a set from any
// iterable, to a set). pyxx has no iterator type: `find`, `begin` and `end`
// are allowed only in that comparison.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {
namespace {

struct ContainerMethod {
  const char* name;
  int args;
  bool map_only;
};

// The methods of Cython's libcpp/map.pxd and set.pxd (and the unordered ones)
// that take and give no iterator.
constexpr ContainerMethod kMethods[] = {
    {"size", 0, false},  {"empty", 0, false}, {"clear", 0, false}, {"count", 1, false},
    {"erase", 1, false}, {"insert", 1, false}, {"swap", 1, false}, {"at", 1, true},
};

// The methods that change the container: a `for` over it must not call them.
auto IsMutatingMethod(const std::string& name) -> bool {
  return name == "clear" || name == "erase" || name == "insert" || name == "swap";
}

auto ContainerName(const Type& t) -> std::string {
  return fmt::format("{}{}", t.unordered ? "unordered_" : "", t.IsCppMap() ? "map" : "set");
}

// The one expression a for loop's iterable names: a local variable.
auto IsSameLocal(const Expr& e, const std::string& name) -> bool {
  return e.kind == Expr::Kind::Name && e.name == name;
}

// `k, v` (or `[k, v]`): two variables a map's pair is unpacked into.
auto IsPairUnpackingTarget(const Expr& target) -> bool {
  return (target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List) && target.args.size() == 2 &&
         target.args[0]->kind == Expr::Kind::Name && target.args[1]->kind == Expr::Kind::Name;
}

}  // namespace

// A key of a map or an element of a set: what std::less / std::hash and
// equality order and find without undefined behaviour (a floating key is
// ordered with NaN last: checked/c_data_types.cpp), and what converts to and
// from Python as the key of a dict or an item of a set.
auto Checker::IsCppKeyType(const Type& t) -> bool { return t.IsInteger() || t.IsFloating() || t.IsCppString(); }

// A mapped value or a pair's member: any C value a vector can hold, a `bint` too.
auto Checker::IsCppMemberType(const Type& t) -> bool {
  return !(t.IsObject() || t.IsMemoryView() || t.IsVoid() || t.IsArray() || t.IsNull() || t.IsError());
}

// `map[K, V]`, `unordered_map[K, V]`, `set[T]`, `unordered_set[T]`, `pair[A, B]`.
auto Checker::CppTemplateType(const syntax::TypeExpr& t) -> Type {
  const std::string& path = t.c_name;
  const bool is_map = path == "libcpp.map.map" || path == "libcpp.unordered_map.unordered_map";
  const bool is_set = path == "libcpp.set.set" || path == "libcpp.unordered_set.unordered_set";
  const std::string name = path.substr(path.rfind('.') + 1);
  const size_t wanted = is_set ? 1 : 2;
  if (t.elements.size() != wanted) {
    Report(Kind::InvalidTypeUse, t.range,
           fmt::format("`{}` takes {} type parameter{} (`{}`)", name, wanted, wanted == 1 ? "" : "s", Text(t.range)));
    return Type::Error();
  }
  std::vector<Type> params;
  for (const syntax::TypeExpr& param : t.elements) {
    params.push_back(ResolveCType(param));
    if (params.back().IsError()) {
      return Type::Error();
    }
  }
  // Cython: no container of Python objects. pyxx also keeps keys to the types
  // whose order, hash and Python conversions are exact (IsCppKeyType).
  for (size_t i = 0; i < params.size(); ++i) {
    const bool key = (is_map && i == 0) || is_set;
    if (key ? !IsCppKeyType(params[i]) : !IsCppMemberType(params[i])) {
      Report(Kind::InvalidTypeUse, t.elements[i].range,
             key ? fmt::format("the {} type of `{}` must be a C integer, a floating type or a C++ `string`, not {} (`{}`)",
                               is_map ? "key" : "element", name, Describe(params[i]), Text(t.range))
                 : fmt::format("the {} type of `{}` must be a C value other than a C array, not {} (`{}`)",
                               is_map ? "value" : "member", name, Describe(params[i]), Text(t.range)));
      return Type::Error();
    }
  }
  if (is_map) {
    out_.uses_cpp_map = true;
    return Type::CppMapOf(params[0], params[1], name == "unordered_map");
  }
  if (is_set) {
    out_.uses_cpp_set = true;
    return Type::CppSetOf(params[0], name == "unordered_set");
  }
  out_.uses_cpp_pair = true;
  return Type::CppPairOf(params[0], params[1]);
}

// A vector, map, set or pair and other values: from an object (Cython's
// from-py conversions: any iterable for a vector or set, a mapping's items, two
// items for a pair), to an object (a list, a dict, a set, a tuple), a copy of
// the same type. (A C++ string has its own rules: check_cpp_string.cpp.)
auto Checker::CheckCppContainerConvertible(const Expr& e, const Type& from, const Type& to) -> bool {
  if (from.IsObject() && to.IsCppClass()) {
    return CheckConversionFromObject(e, from, to);
  }
  if (from.IsCppClass() && to.IsObject()) {
    const char* python = from.IsVector() ? "list" : from.IsCppMap() ? "dict" : from.IsCppSet() ? "set" : "tuple";
    if (!ConvertibleToObject(from) ||
        (!to.object_name.empty() && to.object_name != "object" && to.object_name != python)) {
      Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
      return false;
    }
    const std::string spelled = from.IsVector() ? "vector" : SpellPyxx(from);
    if (RequireGil(GilOp::ConvertToObject, e.range, fmt::format("(a `{}` becomes a `{}`)", spelled, python))) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (from == to) {
    MarkRaises();  // a copy allocates: MemoryError
    return true;
  }
  Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
  return false;
}

// `m.m(...)` on a map or set variable, field or element, or on one a cfunc returns.
auto Checker::PeekCppMapMethod(const Expr& call) -> bool {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute) {
    return false;
  }
  std::optional<Type> t = PeekCppType(callee.object());
  return t && (t->IsCppMap() || t->IsCppSet());
}

// A key (or set element) argument: a C++ string key also takes a C string or a
// bytes literal (copied into a string, no GIL needed), as `string(p)` does.
auto Checker::CheckCppKeyArgument(const Expr& a, const Type& key) -> bool {
  const bool literal = key.IsCppString() && a.kind == Expr::Kind::String;
  const Type t = literal ? CheckCppStringOperand(a, true) : CheckValueFor(a, key);
  return !t.IsError() && CheckConvertible(a, t, key);
}

auto Checker::CheckCppMapMethod(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  const Type c = CheckExpr(callee.object());
  Record(callee, Type::Error());  // a method is no value of its own
  if (c.IsError()) {
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  const std::string& name = callee.name;
  const std::string container = ContainerName(c);
  const ContainerMethod* method = nullptr;
  for (const ContainerMethod& m : kMethods) {
    if (name == m.name && (c.IsCppMap() || !m.map_only)) method = &m;
  }
  if (method == nullptr) {
    const bool iterator = name == "find" || name == "begin" || name == "end" || name == "lower_bound" ||
                          name == "upper_bound" || name == "equal_range" || name == "rbegin" || name == "rend" ||
                          name == "cbegin" || name == "cend" || name == "emplace" || name == "emplace_hint";
    Report(Kind::UnsupportedExpression, callee.range,
           iterator ? fmt::format("the method `.{}()` of a `{}` (pyxx has no C++ iterators: `m.find(k) != m.end()` "
                                  "is the one use of `find` and `end`; `m.count(k)` says the same)",
                                  name, container)
                    : fmt::format("the method `.{}()` of {}", name, Describe(c)));
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  if (!e.keywords.empty() || static_cast<int>(e.args.size()) != method->args) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, Text(callee.range),
           fmt::format("{}", method->args), method->args == 1 ? "" : "s", n, n == 1 ? "was" : "were");
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  const bool place = PeekCppPlaceType(callee.object()) != nullptr;
  if (!place && (IsMutatingMethod(name) || name == "at")) {
    // A change to a temporary is lost, and `.at()` would give a reference into it.
    Report(Kind::UnsupportedExpression, callee.range,
           fmt::format("`.{}()` of a `{}` that is not a variable (store it in a variable first)", name, container));
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  bool ok = true;
  if (name == "swap") {
    const Expr& a = *e.args[0];
    const Type t = CheckExpr(a);
    if (!t.IsError() && !(t == c)) {
      Report(Kind::TypeMismatch, a.range, Describe(t), Describe(c));
      ok = false;
    } else if (!t.IsError() && PeekCppPlaceType(a) == nullptr) {
      Report(Kind::UnsupportedExpression, a.range,
             fmt::format("`.swap()` with a `{}` that is not a variable", container));
      ok = false;
    }
    ok &= !t.IsError();
  } else if (name == "insert" && c.IsCppMap()) {
    // `m.insert(p)` of a pair of the map's types (or an object that converts to one).
    const Type pair = Type::CppPairOf(*c.key, *c.target);
    out_.uses_cpp_pair = true;
    const Type t = CheckValueFor(*e.args[0], pair);
    ok = !t.IsError() && CheckConvertible(*e.args[0], t, pair);
  } else if (!e.args.empty()) {
    ok = CheckCppKeyArgument(*e.args[0], c.IsCppMap() ? *c.key : *c.target);
  }
  if (!ok) {
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "cpp_map." + name};
  if (name == "insert" || name == "at") {
    MarkRaises();  // MemoryError; IndexError for a key `at` does not find
  }
  if (name == "size" || name == "count" || name == "erase") {
    return Type::Of(TypeKind::SizeT);
  }
  if (name == "empty") {
    return Type::Of(TypeKind::Bint);
  }
  if (name == "at") {
    return *c.target;
  }
  // `insert` gives C++'s pair of an iterator and a flag, which pyxx cannot hold: void.
  return Type::Of(TypeKind::Void);
}

// `map[K, V]()`, `set[T]()`: empty (a copy is an assignment); `pair[A, B](a, b)`.
auto Checker::CheckCppTemplateConstructor(const Expr& e, const Type& t) -> Type {
  Record(e.callee(), Type::Error());
  if (t.IsError()) {
    for (const auto& a : e.args) CheckExpr(*a);
    return t;
  }
  if (t.IsCppPair()) {
    return CheckCppPairConstructor(e, t);  // check_cpp_pair.cpp
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "cpp_container"};
  if (!e.args.empty() || !e.keywords.empty()) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, Text(e.callee().range), "0", "s",
           n, n == 1 ? "was" : "were");
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  return t;
}

// `m[k]`: C++'s operator[], which inserts the key with a zero value when it is
// missing (as in Cython); a set has no `[]`.
auto Checker::CheckCppMapIndex(const Expr& e, const Type& t) -> Type {
  if (!t.IsCppMap() || e.args.size() != 1 || e.args[0]->kind == Expr::Kind::Slice) {
    for (const auto& a : e.args) {
      if (a->kind != Expr::Kind::Slice) CheckExpr(*a);
    }
    Report(Kind::InvalidOperands, e.range, "[]", Describe(t));
    return Type::Error();
  }
  if (PeekCppPlaceType(e.object()) == nullptr) {
    CheckExpr(*e.args[0]);
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("indexing a `{}` that is not a variable (`{}`)", ContainerName(t), Text(e.object().range)));
    return Type::Error();
  }
  if (!CheckCppKeyArgument(*e.args[0], *t.key)) {
    return Type::Error();
  }
  MarkRaises();  // MemoryError when the inserted key cannot get its memory
  return *t.target;
}

// `m.find(k) == m.end()` / `!=` of one map or set variable: whether `k` is in
// it. Nothing else of `find` and `end` (they give iterators) is compiled.
auto Checker::CheckCppFoundCompare(const Expr& e) -> std::optional<Type> {
  if (e.compare_ops.size() != 1 ||
      (e.compare_ops[0] != syntax::CompareOp::Eq && e.compare_ops[0] != syntax::CompareOp::Ne)) {
    return std::nullopt;
  }
  auto method_of = [](const Expr& call, const char* name) -> const Expr* {
    if (call.kind != Expr::Kind::Call || call.callee().kind != Expr::Kind::Attribute || call.callee().name != name) {
      return nullptr;
    }
    return &call.callee().object();
  };
  const Expr* found = method_of(*e.operands[0], "find");
  const Expr* end = method_of(*e.operands[1], "end");
  if (found == nullptr || end == nullptr) {
    return std::nullopt;
  }
  const Type* t = PeekCppPlaceType(*found);
  if (t == nullptr || !(t->IsCppMap() || t->IsCppSet())) {
    return std::nullopt;
  }
  const Expr& find_call = *e.operands[0];
  const Expr& end_call = *e.operands[1];
  const bool same = (found->kind == Expr::Kind::Name || (found->kind == Expr::Kind::Attribute &&
                                                         found->object().kind == Expr::Kind::Name)) &&
                    Text(found->range) == Text(end->range);
  if (!same || find_call.args.size() != 1 || !find_call.keywords.empty() || !end_call.args.empty() ||
      !end_call.keywords.empty()) {
    for (const auto& a : find_call.args) CheckExpr(*a);
    Report(Kind::UnsupportedExpression, e.range,
           std::string("this use of C++ iterators (only `m.find(k) == m.end()` and `!=` of one map or set variable "
                       "are compiled)"));
    return Type::Error();
  }
  CheckExpr(*found);
  CheckExpr(*end);
  Record(find_call.callee(), Type::Error());
  Record(end_call.callee(), Type::Error());
  Record(end_call, Type::Error());
  if (!CheckCppKeyArgument(*find_call.args[0], t->IsCppMap() ? *t->key : *t->target)) {
    Record(find_call, Type::Error());
    return Type::Error();
  }
  Record(find_call, Type::Error());
  out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "cpp_map.found"};
  return Type::Of(TypeKind::Bint);
}

// `for x in m`: the map's pairs (key, value) or the set's elements, in the
// container's order. The loop walks C++ iterators, which a change to the
// container could leave dangling: a body that may change the local it iterates
// over is refused (PX130); any other container is iterated over a copy.
void Checker::CheckCppContainerLoop(const Stmt& s, const Type& it) {
  const Expr& target = *s.targets[0];
  const Expr& iter = *s.value;
  const Type item = it.IsCppMap() ? Type::CppPairOf(*it.key, *it.target) : *it.target;
  if (it.IsCppMap()) {
    out_.uses_cpp_pair = true;
  }
  if (IsPairUnpackingTarget(target) && it.IsCppMap()) {
    // `for k, v in m`: Cython unpacks each pair (as a tuple) into the two variables.
    Record(target, item);
    const Type* parts[] = {it.key.get(), it.target.get()};
    for (size_t i = 0; i < 2; ++i) {
      const Expr& part = *target.args[i];
      CheckAssignTarget(part, *parts[i], nullptr, s.range);
      if (!TypeOf(part).IsError()) {
        CheckConvertible(iter, *parts[i], TypeOf(part));
      }
    }
  } else if (target.kind != Expr::Kind::Name) {
    Report(Kind::UnsupportedStatement, target.range,
           fmt::format("a `for` over a `{}` with a target that is not a variable{}", ContainerName(it),
                       it.IsCppMap() ? " or two variables (`for k, v in m`)" : ""));
    return;
  } else {
    CheckAssignTarget(target, item, nullptr, s.range);
    if (!TypeOf(target).IsError()) {
      CheckConvertible(iter, item, TypeOf(target));
    }
  }
  if (iter.kind != Expr::Kind::Name) {
    return;  // a field or a value: the emitter iterates over a copy
  }
  const std::string& name = iter.name;
  auto refuse = [&](SourceRange where, const std::string& how) {
    auto b = Report(Kind::ContainerChangedInLoop, where, ContainerName(it), name, how);
    b.AddNote(Kind::FixItHint, iter.range,
              fmt::format("the loop is over `{}` itself: change a copy, or make the changes after the loop", name));
  };
  for (const auto& stmt : s.blocks[0]) {
    syntax::ForEachStmtIn(*stmt, [&](const Stmt& inner) {
      syntax::ForEachBoundName(inner, [&](std::string_view bound, SourceRange where) {
        if (bound == name) refuse(where, "assigns it");
      });
    });
    syntax::ForEachExprIn(*stmt, [&](const Expr& x) {
      if (x.kind == Expr::Kind::Subscript && IsSameLocal(x.object(), name)) {
        refuse(x.range, "indexes it (`m[k]` inserts a missing key)");
      } else if (x.kind == Expr::Kind::Call && x.callee().kind == Expr::Kind::Attribute) {
        const Expr& callee = x.callee();
        if (IsSameLocal(callee.object(), name) && IsMutatingMethod(callee.name)) {
          refuse(x.range, fmt::format("calls `.{}()`", callee.name));
        } else if (callee.name == "swap" && x.args.size() == 1 && IsSameLocal(*x.args[0], name)) {
          refuse(x.range, "swaps it");
        }
      }
    });
  }
}

}  // namespace pyxx::check
