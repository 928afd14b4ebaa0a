// C++ pairs (`from cython.cimports.libcpp.utility import pair`): `pair[A, B]`
// as a type (also what `for kv in m` gives for a map), `pair[A, B](a, b)`,
// `pair[A, B]()`, `.first` and `.second`. Cython's conversions: a tuple of two
// from a pair, a pair from any iterable of exactly two items
// (runtime/pyxx/cpp_pair.hpp); check_cpp_map.cpp holds the type rules.
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

// `pair[A, B]()` (both zero) or `pair[A, B](a, b)`, each converted to its member's type.
auto Checker::CheckCppPairConstructor(const Expr& e, const Type& t) -> Type {
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "cpp_container"};
  if (!e.keywords.empty() || (e.args.size() != 0 && e.args.size() != 2)) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, Text(e.callee().range), "0 or 2",
           "s", n, n == 1 ? "was" : "were");
    for (const auto& a : e.args) CheckExpr(*a);
    return Type::Error();
  }
  bool ok = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    ok &= CheckCppKeyArgument(*e.args[i], i == 0 ? *t.key : *t.target);  // a string member also takes a C string
  }
  if (t.key->IsCppClass() || t.target->IsCppClass()) {
    MarkRaises();  // copying a container member allocates: MemoryError
  }
  return ok ? t : Type::Error();
}

// `p.first`, `p.second`: the members (assignable where `p` is).
auto Checker::CheckCppPairField(const Expr& e, const Type& t) -> Type {
  if (e.name == "first") {
    return *t.key;
  }
  if (e.name == "second") {
    return *t.target;
  }
  Report(Kind::InvalidTypeUse, e.range, fmt::format("{} has no attribute `{}` (only `.first` and `.second`)",
                                                    Describe(t), e.name));
  return Type::Error();
}

}  // namespace pyxx::check
