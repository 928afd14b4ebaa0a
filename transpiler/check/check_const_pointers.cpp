// Pointers to const (`cython.pointer(cython.const[T])`, C++ `T const*`): read
// through, never written. A store into what such a pointer reaches (`p[i] = v`,
// `p.x = v`, `p[0].a[1] = v`) is PX129, as Cython's "Assignment to const";
// a pointer to non-const converts to one to const, not back (only a cast does).
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

namespace {

auto PointsToConst(const Type& t) -> bool { return t.IsPointer() && t.target != nullptr && t.target->is_const; }

}  // namespace

// The target's place is reached through a pointer to const: each step of the
// target either indexes or takes a field of a value (an array, a struct), or
// goes through a pointer, which must not point to const.
auto Checker::RejectStoreThroughConst(const Expr& target) -> bool {
  const Expr* place = &target;
  while (place->kind == Expr::Kind::Subscript || place->kind == Expr::Kind::Attribute) {
    const Expr& base = place->object();
    const Type& base_type = TypeOf(base);
    if (PointsToConst(base_type)) {
      Report(Kind::StoreThroughConst, target.range, Text(base.range), Describe(base_type));
      return true;
    }
    if (!base_type.IsArray() && !base_type.IsStruct()) {
      return false;  // an object, a view, a pointer to non-const: its own rules
    }
    place = &base;
  }
  return false;
}

// `int*` to `int const*` (C's implicit conversion), also one level down
// (`int**` to `int* const*`, never `int**` to `int const**`, which C++ refuses
// for good reason); and anything but a pointer to const to `void*`.
auto Checker::ConstPointerConvertible(const Type& from, const Type& to) const -> bool {
  if (!from.IsPointer() || !to.IsPointer() || from.target == nullptr || to.target == nullptr) {
    return false;
  }
  if (from.target->is_const && !to.target->is_const) {
    return false;  // dropping the const: only `cython.cast` does
  }
  if (to.target->IsVoid() && !to.target->IsOpaqueStruct()) {
    return true;  // to `void*` / `void const*`
  }
  Type from_target = *from.target;
  Type to_target = *to.target;
  from_target.is_const = to_target.is_const = false;
  if (from_target.IsPointer() && to_target.IsPointer()) {
    // One level down, the target must be the same but for an added const where every level above is const.
    return to.target->is_const && (from_target == to_target || ConstPointerConvertible(from_target, to_target));
  }
  return from_target == to_target;
}

}  // namespace pyxx::check
