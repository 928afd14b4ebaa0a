// libcpp.algorithm calls (check/check_cpp_algorithm.cpp says which): the
// runtime's checked wrappers of the std templates (runtime/pyxx/cpp_algorithm.hpp),
// with pointers for iterators (a vector's begin()/end() are emitted as pointers).
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto Emitter::EmitAlgorithmCall(const Expr& e, const std::string& name) -> CppExpr {
  // The iterator type: the first argument's, a C array decayed to its first element's pointer.
  const Type& first = TypeOf(*e.args[0]);
  const Type iterator = first.IsArray() ? Type::PointerTo(*first.target) : first;
  std::vector<Operand> operands;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const bool value = name == "fill" && i == 2;
    operands.push_back(OperandAs(*e.args[i], value ? *iterator.target : iterator));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::string args;
  for (const CppExpr& x : v) {
    args += x.text + ", ";
  }
  CppExpr out = Combined(v, kRaises | kWrites);
  out.text = fmt::format("pyxx::algorithm_{}({}{})", name, args, Site(e.range));
  return out;
}

}  // namespace pyxx::emit
