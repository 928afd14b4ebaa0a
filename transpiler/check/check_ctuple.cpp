// C tuples (`tuple[cython.int, cython.double]`, Cython's `(int, double)`): a
// struct of the element types, one per distinct tuple type. A tuple display
// where one is expected fills it element by element, `t[k]` with a constant k
// reads (or writes) one element, `a, b = t` unpacks it; all of it C values
// that need no GIL. At the Python boundary it is a tuple (checked/converted in
// emit_cdata.cpp with Cython's messages).
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

auto Checker::CTupleType(const syntax::TypeExpr& t) -> Type {
  std::vector<Type> elements;
  for (const syntax::TypeExpr& element : t.elements) {
    elements.push_back(ResolveCType(element));
    if (elements.back().IsError()) {
      return Type::Error();
    }
  }
  for (size_t i = 0; i < elements.size(); ++i) {
    if (!IsCTupleElement(elements[i], t.elements[i].range)) {
      return Type::Error();
    }
  }
  return InternCTuple(std::move(elements), t.range);
}

// `cython.declare(tuple[cython.int, cython.double])`: the same C tuple, from the
// expression; nullopt when it is not one (`tuple[int, str]` is a `tuple` object).
auto Checker::CTupleTypeFromExpr(const Expr& e) -> std::optional<Type> {
  if (e.kind != Expr::Kind::Subscript || e.object().kind != Expr::Kind::Name || e.object().name != "tuple" ||
      LookupLocal("tuple") >= 0 || module_names_.count("tuple") != 0) {
    return std::nullopt;
  }
  std::vector<const Expr*> items;
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Tuple) {
      for (const auto& item : a->args) items.push_back(item.get());
    } else {
      items.push_back(a.get());
    }
  }
  std::vector<Type> elements;
  bool any_c = false;
  for (const Expr* item : items) {
    std::optional<Type> t = TypeFromExpr(*item);
    if (!t) {
      return std::nullopt;
    }
    any_c |= !t->IsObject();
    elements.push_back(*t);
  }
  if (!any_c) {
    return std::nullopt;
  }
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].IsError()) {
      return Type::Error();
    }
    if (!IsCTupleElement(elements[i], items[i]->range)) {
      return Type::Error();
    }
  }
  return InternCTuple(std::move(elements), e.range);
}

auto Checker::IsCTupleElement(const Type& e, SourceRange range) -> bool {
  if (e.IsObject() || e.IsMemoryView() || e.IsVoid() || e.IsCppClass() || (e.IsStruct() && e.is_union)) {
    // Cython: "Tuple types can't (yet) contain Python objects".
    Report(Kind::InvalidTypeUse, range, fmt::format("a C tuple element must be a C value, not {}", Describe(e)));
    return false;
  }
  return true;
}

// One struct per distinct C tuple type, so equal tuple types are one C++ type.
auto Checker::InternCTuple(std::vector<Type> elements, SourceRange declared) -> Type {
  std::string spelling;
  for (const Type& e : elements) {
    spelling += (spelling.empty() ? "" : ", ") + SpellPyxx(e);
  }
  spelling = "tuple[" + spelling + "]";
  if (auto it = c_tuples_.find(spelling); it != c_tuples_.end()) {
    return it->second;
  }
  checked::CStruct st;
  st.name = spelling;
  st.declared = declared;
  for (size_t i = 0; i < elements.size(); ++i) {
    st.fields.emplace_back(fmt::format("f{}", i), elements[i]);
  }
  Type type = Type::Of(TypeKind::Struct);
  type.struct_id = static_cast<int>(out_.structs.size());
  type.struct_name = spelling;
  type.elements = std::make_shared<const std::vector<Type>>(std::move(elements));
  st.ctuple_elements = type.elements;
  out_.structs.push_back(std::move(st));
  c_tuples_.emplace(spelling, type);
  return type;
}

// `t: tuple[cython.int, cython.double] = (a, b)`, `return a, b`, an argument
// `(a, b)`: the display becomes the C tuple, each element converted (no
// Python tuple is made). Another length is a compile error, as in Cython.
auto Checker::CheckCTupleDisplay(const Expr& e, const Type& to) -> Type {
  const std::vector<Type>& elements = *to.elements;
  bool ok = true;
  for (const auto& item : e.args) {
    if (item->kind == Expr::Kind::Starred) {
      Report(Kind::InvalidTypeUse, item->range, fmt::format("`*` in a tuple that becomes {}", Describe(to)));
      ok = false;
    }
  }
  if (ok && e.args.size() != elements.size()) {
    Report(Kind::TypeMismatch, e.range, fmt::format("a tuple of {} values", e.args.size()), Describe(to));
    ok = false;
  }
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (!ok) {
      CheckExpr(*e.args[i]);
      continue;
    }
    Type v = CheckValueFor(*e.args[i], elements[i]);
    ok &= !v.IsError() && CheckConvertible(*e.args[i], v, elements[i]);
  }
  return Record(e, ok ? to : Type::Error());
}

// `t[k]`: k a constant (negative counts from the end); Cython rejects an index
// out of range at compile time. Cython indexes the Python tuple it makes of the
// C tuple for any other index (an object result, GIL needed): not supported.
auto Checker::CheckCTupleIndex(const Expr& e, const Type& t) -> Type {
  const auto size = static_cast<long long>(t.elements->size());
  const Expr* index = e.args.size() == 1 ? e.args[0].get() : nullptr;
  std::optional<IntLiteral> literal = index != nullptr ? IntLiteralValue(*index) : std::nullopt;
  if (index != nullptr) {
    CheckExpr(*index);
  }
  if (!literal) {
    auto b = Report(Kind::UnsupportedExpression, e.range,
                    fmt::format("a C tuple indexed by a value known only at run time (`{}`)", Text(e.range)));
    b.AddNote(Kind::FixItHint, e.range,
              std::string("unpack it (`a, b = t`), or assign it to an object variable to index it at run time"));
    return Type::Error();
  }
  const long long k = literal->magnitude > static_cast<unsigned long long>(size)
                          ? size
                          : (literal->negative ? size - static_cast<long long>(literal->magnitude)
                                               : static_cast<long long>(literal->magnitude));
  if (k < 0 || k >= size || (literal->negative && literal->magnitude == 0 && size == 0)) {
    Report(Kind::InvalidTypeUse, e.range,
           fmt::format("index {} is out of range for {} ({} elements)", Text(index->range), Describe(t), size));
    return Type::Error();
  }
  out_.Write(e).ctuple_index = static_cast<int>(k);
  return (*t.elements)[static_cast<size_t>(k)];
}

// `a, b = t`: each target gets its element (no object, no GIL); the number of
// targets must be the tuple's length, a compile error otherwise.
void Checker::CheckCTupleUnpack(const Expr& target, const Type& value_type, SourceRange range) {
  const std::vector<Type>& elements = *value_type.elements;
  for (const auto& t : target.args) {
    if (t->kind == Expr::Kind::Starred || t->kind == Expr::Kind::Tuple || t->kind == Expr::Kind::List) {
      Report(Kind::UnsupportedStatement, t->range,
             fmt::format("a starred or nested target in unpacking {}", Describe(value_type)));
      return;
    }
  }
  if (target.args.size() != elements.size()) {
    Report(Kind::TypeMismatch, range, Describe(value_type), fmt::format("{} targets", target.args.size()));
    return;
  }
  for (size_t i = 0; i < elements.size(); ++i) {
    const Expr& t = *target.args[i];
    CheckAssignTarget(t, elements[i], nullptr, range);
    if (out_.HasType(t) && !TypeOf(t).IsError()) {
      CheckConvertible(t, elements[i], TypeOf(t));  // the element into the target (GIL for an object)
    }
  }
}

}  // namespace pyxx::check
