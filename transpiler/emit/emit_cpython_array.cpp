// `cpython.array` (check/check_cpython_array.cpp): the helpers `array.clone`,
// `array.resize`, ... and the data pointer `a.data.as_ints`, as calls of
// runtime/include/pyxx/cpython_array.hpp.
#include <fmt/format.h>

#include <algorithm>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto Emitter::ArrayTypeVar() -> std::string { return CClassTypeVar(std::string(checked::kArrayArray)); }

auto Emitter::EmitArrayHelperCall(const Expr& e, const std::string& path) -> CppExpr {
  const std::string name = path.substr(path.rfind('.') + 1);
  const auto* bound = module_.CallArguments(e);
  PYXX_CHECK(bound != nullptr, "cpython.array helper without bound arguments");
  const Type array = Type::Object(std::string(checked::kArrayArray));
  // Each argument converted to its parameter's type, in source order.
  auto param_type = [&](const Expr* a) -> Type {
    const size_t k = static_cast<size_t>(std::find(bound->begin(), bound->end(), a) - bound->begin());
    const Type& t = TypeOf(*a);
    if (name == "extend_buffer" && k == 1) {
      return (t.IsArray() ? Type::PointerTo(*t.target) : t);  // the char pointer
    }
    if (k == 0 || (name == "extend" && k == 1)) {
      return array;
    }
    return Type::Of(name == "clone" && k == 2 ? TypeKind::Bint : TypeKind::SSizeT);
  };
  std::vector<Operand> operands;
  std::vector<const Expr*> order;
  for (const auto& a : e.args) {
    order.push_back(a.get());
  }
  for (const auto& kw : e.keywords) {
    order.push_back(kw.value.get());
  }
  for (const Expr* a : order) {
    operands.push_back(OperandAs(*a, param_type(a)));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::vector<std::string> args;
  for (const Expr* param : *bound) {
    const size_t at = static_cast<size_t>(std::find(order.begin(), order.end(), param) - order.begin());
    const bool object = param_type(param).IsObject();
    std::string text = object ? fmt::format("({}).get()", v[at].text) : v[at].text;
    if (name == "extend_buffer" && param == (*bound)[1]) {
      text = fmt::format("reinterpret_cast<const char*>({})", text);
    }
    args.push_back(text);
  }
  CppExpr out;
  out.effect = kWrites | kRaises;
  out.pending = kWrites | kRaises;
  for (const auto& x : v) {
    out.effect |= x.effect;
    out.pending |= x.pending;
  }
  const std::string site = Site(e.range);
  if (name == "clone") {
    out.text = fmt::format("pyxx::array_clone({}, {}, {}, {}, {})", args[0], args[1], args[2], ArrayTypeVar(), site);
  } else if (name == "copy") {
    out.text = fmt::format("pyxx::array_copy({}, {}, {})", args[0], ArrayTypeVar(), site);
  } else if (name == "resize" || name == "resize_smart") {
    out.text = fmt::format("pyxx::array_resize({}, {}, {}, {})", args[0], args[1], ArrayTypeVar(), site);
  } else if (name == "extend") {
    out.text = fmt::format("pyxx::array_extend({}, {}, {}, {})", args[0], args[1], ArrayTypeVar(), site);
  } else if (name == "extend_buffer") {
    out.text =
        fmt::format("pyxx::array_extend_buffer({}, {}, {}, {}, {})", args[0], args[1], args[2], ArrayTypeVar(), site);
  } else {
    PYXX_CHECK(name == "zero", "unknown cpython.array helper");
    out.text = fmt::format("pyxx::array_zero({}, {})", args[0], site);
  }
  return out;
}

auto Emitter::EmitArrayData(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  std::vector<CppExpr> v = EmitInOrder({ObjectOperand(e.object().object())});
  CppExpr out;
  out.effect = kRaises | v[0].effect;
  out.pending = kRaises | v[0].pending;
  out.text = fmt::format("pyxx::array_data<{}>(({}).get(), {})", checked::SpellCpp(*t.target), v[0].text,
                         Site(e.range));
  return out;
}

}  // namespace pyxx::emit
