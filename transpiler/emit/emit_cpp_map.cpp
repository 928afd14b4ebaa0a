// C++ maps, sets and pairs (check/check_cpp_map.cpp and check_cpp_pair.cpp say
// what is accepted): methods, `m[k]`, `m.find(k) != m.end()`, constructors and
// `for x in m`. What can fail goes through runtime/pyxx/cpp_map.hpp and
// cpp_associative.hpp (MemoryError, IndexError with the statement's site); the
// rest is the std:: member itself.
#include <fmt/format.h>

#include "emit/emitter_impl.h"
#include "syntax/walk.h"

namespace pyxx::emit {
namespace {

auto CharPointer() -> Type { return Type::PointerTo(Type::Of(TypeKind::Char)); }

// The type of a map's keys or a set's elements.
auto KeyOf(const Type& container) -> const Type& { return container.IsCppMap() ? *container.key : *container.target; }

}  // namespace

// A key (or set element) operand in the key's type; a C++ string key made of
// a C string or a bytes literal copies its characters (ValueError for NULL).
auto Emitter::CppKeyOperand(const Expr& e, const Type& key) -> Operand {
  const Type& t = TypeOf(e);
  const bool literal = e.kind == Expr::Kind::String;
  if (!key.IsCppString() || !(literal || t.IsPointer() || t.IsArray())) {
    return OperandAs(e, key);
  }
  const Type from = literal ? CharPointer() : t;
  return {"std::string", [this, &e, from, key] {
            std::optional<CppExpr> v = ConvertCData(CppStringOperand(e).emit(), from, key);
            PYXX_CHECK(v.has_value(), "a C string key the checker accepted has no conversion");
            return *v;
          }};
}

auto Emitter::EmitCppMapMethodCall(const Expr& e, const std::string& method) -> CppExpr {
  const Expr& object = e.callee().object();
  const Type& container = TypeOf(object);
  std::vector<Operand> operands{VectorPlaceOperand(object)};
  if (method == "swap") {
    operands.push_back(VectorPlaceOperand(*e.args[0]));
  } else if (method == "insert" && container.IsCppMap()) {
    operands.push_back(OperandAs(*e.args[0], Type::CppPairOf(*container.key, *container.target)));
  } else if (!e.args.empty()) {  // a key, or a set's element to insert
    operands.push_back(CppKeyOperand(*e.args[0], KeyOf(container)));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  CppExpr out = Combined(v, kReads);
  out.ref_lvalue = false;
  if (method == "insert" || method == "at") {
    out.text = fmt::format("pyxx::{}({}, {}, {})", method == "insert" ? "container_insert" : "map_at", v[0].text,
                           v[1].text, Site(e.range));
    out.effect |= kRaises;
    out.pending |= kRaises;
  } else {
    out.text = fmt::format("({}).{}({})", v[0].text, method, v.size() > 1 ? v[1].text : "");
  }
  if (method == "insert" || method == "erase" || method == "clear" || method == "swap") {
    out.effect |= kWrites;
    out.pending |= kWrites;
  }
  return out;
}

// `map[K, V]()`, `set[T]()`: empty; `pair[A, B]()`, `pair[A, B](a, b)`.
auto Emitter::EmitCppTemplateConstructor(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  if (e.args.empty()) {
    return CppExpr{checked::SpellCpp(t) + "()"};
  }
  std::vector<CppExpr> v = EmitInOrder({CppKeyOperand(*e.args[0], *t.key), CppKeyOperand(*e.args[1], *t.target)});
  CppExpr out = Combined(v, kPure);
  out.text = fmt::format("{}({}, {})", checked::SpellCpp(t), v[0].text, v[1].text);
  return out;
}

// `m[k]`: the value of `k`, inserted (zero) when missing, as C++'s operator[].
auto Emitter::EmitCppMapIndex(const Expr& e) -> CppExpr {
  const Type& container = TypeOf(e.object());
  std::vector<CppExpr> v = EmitInOrder({VectorPlaceOperand(e.object()), CppKeyOperand(*e.args[0], *container.key)});
  CppExpr out = Combined(v, kReads | kWrites | kRaises);
  out.text = fmt::format("pyxx::map_index({}, {}, {})", v[0].text, v[1].text, Site(e.range));
  out.ref_lvalue = false;
  return out;
}

auto Emitter::IsCppMapElement(const Expr& target) const -> bool {
  return target.kind == Expr::Kind::Subscript && TypeOf(target.object()).IsCppMap();
}

// A value that changes the map (`m[k] += m.erase(k)`, a method that clears a
// map field) would leave a reference to the element dangling: the key is held so
// that the store can look the element up again (Python stores after the value
// too, re-inserting the key). Only a value that calls something or binds a name
// can; for any other (`m[k] += 1`) the element is the one lookup, as before.
auto Emitter::EmitCppMapElementHeld(const Expr& target, const Expr* value, std::string& lookup) -> CppExpr {
  bool may_change = value == nullptr;
  if (value != nullptr) {
    syntax::ForEachExprIn(*value, [&](const Expr& x) {
      may_change |= x.kind == Expr::Kind::Call || x.kind == Expr::Kind::NamedExpr || x.kind == Expr::Kind::Yield ||
                    x.kind == Expr::Kind::Await;
    });
  }
  if (!may_change) {
    return EmitExpr(target);
  }
  const Type& container = TypeOf(target.object());
  std::vector<CppExpr> v =
      EmitInOrder({VectorPlaceOperand(target.object()), CppKeyOperand(*target.args[0], *container.key)});
  const std::string key = Declare(checked::SpellCpp(*container.key), v[1].text);
  lookup = fmt::format("pyxx::map_index({}, {}, {})", v[0].text, key, Site(target.range));
  CppExpr out = Combined(v, kReads | kWrites | kRaises);
  out.text = lookup;
  return out;
}

// `m.find(k) == m.end()` / `!=`: whether the key is there.
auto Emitter::EmitCppFoundCompare(const Expr& e) -> CppExpr {
  const Expr& find_call = *e.operands[0];
  const Expr& object = find_call.callee().object();
  std::vector<CppExpr> v =
      EmitInOrder({VectorPlaceOperand(object), CppKeyOperand(*find_call.args[0], KeyOf(TypeOf(object)))});
  CppExpr out = Combined(v, kReads);
  out.text = fmt::format("({}pyxx::container_contains({}, {}))", e.compare_ops[0] == syntax::CompareOp::Eq ? "!" : "",
                         v[0].text, v[1].text);
  return out;
}

// `for x in m`: C++'s iterators over a local map or set, which the checker saw
// the body cannot change (PX130); any other container (a field, a value) is
// copied first, since the body could change or free the one it names.
void Emitter::EmitCppContainerLoopHead(const Stmt& s) {
  const Expr& iterable = *s.value;
  const Type& container = TypeOf(iterable);
  const bool place = iterable.kind == Expr::Kind::Name;
  const std::string held = Temp("container");
  CppExpr c = EmitExpr(iterable);
  Line(fmt::format("{} {} = {};", place ? "const auto&" : "const auto", held, c.text));
  CommitSite();
  const std::string item = Temp("item");
  Line(fmt::format("for (const auto& {} : {}) {{", item, held));
  indent_ += 2;
  const Expr& target = *s.targets[0];
  if (target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List) {
    // `for k, v in m` (the checker allows two variables over a map): the pair's
    // parts, stored left to right as Python's unpacking does.
    const Type* parts[] = {container.key.get(), container.target.get()};
    const char* members[] = {".first", ".second"};
    for (size_t i = 0; i < 2; ++i) {
      const Expr& part = *target.args[i];
      const Type& pt = TypeOf(part);
      EmitStore(part, Convert({item + members[i], false}, *parts[i], pt), pt, false);
    }
    return;
  }
  const Type& tt = TypeOf(target);
  const Type element = container.IsCppMap() ? Type::CppPairOf(*container.key, *container.target) : *container.target;
  EmitStore(target, Convert({item, false}, element, tt), tt, false);
}

}  // namespace pyxx::emit
