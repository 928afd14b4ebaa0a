// C++ vectors (check/check_cpp_vector.cpp says what is accepted): methods,
// `vector[T](...)`, `v[i]` and `for x in v`. What can fail goes through
// runtime/pyxx/cpp_vector.hpp (MemoryError, IndexError with the statement's
// site); the rest is the std::vector member itself.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {
namespace {

auto IsMutating(const std::string& method) -> bool {
  return method == "push_back" || method == "pop_back" || method == "clear" || method == "reserve" ||
         method == "resize" || method == "swap" || method == "shrink_to_fit";
}

}  // namespace

// An operand for a count or an index: a C integer in its own type (the runtime
// converts it as C++ does), a Python int converted to size_t (OverflowError).
auto Emitter::VectorSizeOperand(const Expr& e) -> Operand {
  const Type& t = TypeOf(e);
  return OperandAs(e, t.IsInteger() ? t : Type::Of(TypeKind::SizeT));
}

// The vector itself, never a copy: methods and indices act on the variable.
auto Emitter::IsCppPlace(const Expr& e) const -> bool {
  switch (e.kind) {
    case Expr::Kind::Name:
      return true;
    case Expr::Kind::Attribute:
      return module_.Resolve(e).kind == checked::Resolution::Kind::CClassField ||
             (TypeOf(e.object()).IsCppPair() && IsCppPlace(e.object()));
    case Expr::Kind::Subscript:
      return (TypeOf(e.object()).IsVector() || TypeOf(e.object()).IsCppMap()) && IsCppPlace(e.object());
    default:
      return false;
  }
}

auto Emitter::VectorPlaceOperand(const Expr& e) -> Operand {
  if (IsCppPlace(e)) {
    return {"auto&", [this, &e] { return EmitExpr(e); }};
  }
  // `f().size()`, `(a + b)[i]`: the value in a temporary that lives to the end of
  // the statement (the C++ helpers take the container by reference).
  const std::string type = checked::SpellCpp(TypeOf(e));
  return {type, [this, &e, type] {
            CppExpr v = EmitExpr(e);
            return CppExpr{Declare(type, v.text), false, v.effect, kPure};
          }};
}

auto Emitter::EmitVectorMethodCall(const Expr& e, const std::string& method) -> CppExpr {
  const Expr& object = e.callee().object();
  const Type& element = *TypeOf(object).target;
  std::vector<Operand> operands{VectorPlaceOperand(object)};
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    if ((method == "reserve" || method == "resize" || method == "at") && i == 0) {
      operands.push_back(VectorSizeOperand(a));
    } else if (method == "swap") {
      operands.push_back(VectorPlaceOperand(a));
    } else {
      operands.push_back(OperandAs(a, element));
    }
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  const std::string site = Site(e.range);
  std::string args;
  for (size_t i = 1; i < v.size(); ++i) {
    args += ", " + v[i].text;
  }
  const bool helper = method == "push_back" || method == "pop_back" || method == "reserve" || method == "resize" ||
                      method == "back" || method == "front" || method == "at" || method == "shrink_to_fit";
  CppExpr out = Combined(v, kReads);
  if (helper) {
    out.text = fmt::format("pyxx::vector_{}({}{}, {})", method, v[0].text, args, site);
    out.effect |= kRaises;
    out.pending |= kRaises;
  } else if (method == "begin" || method == "end") {
    // An algorithm's iterator: a pointer into the elements (check_cpp_algorithm.cpp).
    out.text = method == "begin" ? fmt::format("({}).data()", v[0].text)
                                 : fmt::format("(({0}).data() + ({0}).size())", v[0].text);
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

// `vector[T]()`, `vector[T](n)`, `vector[T](n, value)`.
auto Emitter::EmitVectorConstructor(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  if (e.args.empty()) {
    return CppExpr{checked::SpellCpp(t) + "()"};
  }
  std::vector<Operand> operands{VectorSizeOperand(*e.args[0])};
  if (e.args.size() == 2) {
    operands.push_back(OperandAs(*e.args[1], *t.target));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  CppExpr out = Combined(v, kRaises);
  out.text = fmt::format("pyxx::vector_of_size<{}>({}{}, {})", checked::SpellCpp(*t.target), v[0].text,
                         v.size() == 2 ? ", " + v[1].text : std::string(), Site(e.range));
  return out;
}

// `v[i]`: C++'s operator[], unchecked (an index is converted to size_t as C++ does).
auto Emitter::EmitVectorIndex(const Expr& e) -> CppExpr {
  const Expr& index = *e.args[0];
  const Type index_type = TypeOf(index).IsObject() ? Type::Of(TypeKind::SSizeT) : TypeOf(index);
  std::vector<CppExpr> v = EmitInOrder({VectorPlaceOperand(e.object()), OperandAs(index, index_type)});
  CppExpr out = Combined(v, kReads);
  out.text = fmt::format("({})[static_cast<size_t>({})]", v[0].text, v[1].text);
  out.ref_lvalue = false;
  return out;
}

// `for x in v`: the elements by index, so that a body that changes the vector
// reads what it holds then (C++ iterators would dangle; Cython's loop is
// undefined there). A vector that is no variable is held in a temporary.
void Emitter::EmitVectorLoopHead(const Stmt& s) {
  const Expr& iterable = *s.value;
  const Type& element = *TypeOf(iterable).target;
  const bool place = iterable.kind == Expr::Kind::Name;
  const std::string vec = Temp("vector");
  CppExpr v = EmitExpr(iterable);
  Line(fmt::format("{} {} = {};", place ? "auto&" : "auto", vec, v.text));
  CommitSite();
  const std::string k = Temp("k");
  Line(fmt::format("for (size_t {0} = 0; {0} < {1}.size(); ++{0}) {{", k, vec));
  indent_ += 2;
  const Expr& target = *s.targets[0];
  const Type& tt = TypeOf(target);
  const int head_slots = next_slot_;
  EmitStore(target, Convert({fmt::format("{}[{}]", vec, k), false}, element, tt), tt, false);
  DropSlotsFrom(head_slots);  // made at each iteration
}

}  // namespace pyxx::emit
