// Pointers, C arrays and structs as checked types: building, comparing, spelling.
#include <fmt/format.h>

#include "checked/types.h"

namespace pyxx::checked {

auto Type::PointerTo(Type t) -> Type {
  Type p = Of(TypeKind::Pointer);
  p.target = std::make_shared<const Type>(std::move(t));
  return p;
}

auto Type::ArrayOf(Type t, long long n) -> Type {
  Type a = Of(TypeKind::Array);
  a.target = std::make_shared<const Type>(std::move(t));
  a.length = n;
  return a;
}

auto Type::VectorOf(Type t) -> Type {
  Type v = Of(TypeKind::Vector);
  v.target = std::make_shared<const Type>(std::move(t));
  return v;
}

auto Type::CppMapOf(Type key, Type value, bool unordered) -> Type {
  Type m = Of(TypeKind::CppMap);
  m.key = std::make_shared<const Type>(std::move(key));
  m.target = std::make_shared<const Type>(std::move(value));
  m.unordered = unordered;
  return m;
}

auto Type::CppSetOf(Type element, bool unordered) -> Type {
  Type s = Of(TypeKind::CppSet);
  s.target = std::make_shared<const Type>(std::move(element));
  s.unordered = unordered;
  return s;
}

auto Type::CppPairOf(Type first, Type second) -> Type {
  Type p = Of(TypeKind::CppPair);
  p.key = std::make_shared<const Type>(std::move(first));
  p.target = std::make_shared<const Type>(std::move(second));
  return p;
}

namespace {

// The comparison an ordered container's C++ type names: floating keys are
// ordered with NaN after every number (pyxx::TotalLess, runtime/pyxx/cpp_map.hpp),
// since `<` is no strict weak order with NaN and std::map would be undefined.
auto OrderedCompare(const Type& key) -> std::string {
  return key.IsFloating() ? fmt::format(", pyxx::TotalLess<{}>", SpellCpp(key)) : std::string();
}

}  // namespace

auto SameCData(const Type& a, const Type& b) -> bool {
  if (a.kind != b.kind) {
    return false;
  }
  switch (a.kind) {
    case TypeKind::Pointer:
      if (a.target == nullptr || b.target == nullptr) {
        return a.target == b.target;
      }
      return a.target->is_const == b.target->is_const && *a.target == *b.target;
    case TypeKind::Array:
      return a.length == b.length && *a.target == *b.target;
    case TypeKind::Vector:
      return *a.target == *b.target;
    case TypeKind::CppMap: case TypeKind::CppPair:
      return a.unordered == b.unordered && *a.key == *b.key && *a.target == *b.target;
    case TypeKind::CppSet:
      return a.unordered == b.unordered && *a.target == *b.target;
    case TypeKind::Struct:
      return a.struct_id == b.struct_id;
    default:
      return a == b;
  }
}

auto SpellCDataPyxx(const Type& t) -> std::string {
  switch (t.kind) {
    case TypeKind::Pointer:
      if (t.target != nullptr && t.target->is_const) {
        return fmt::format("cython.pointer(cython.const[{}])", SpellPyxx(*t.target));
      }
      return t.target == nullptr ? "cython.NULL" : fmt::format("cython.pointer({})", SpellPyxx(*t.target));
    case TypeKind::Array:
      return fmt::format("{}[{}]", SpellPyxx(*t.target), t.length);
    case TypeKind::Vector:
      return fmt::format("vector[{}]", SpellPyxx(*t.target));
    case TypeKind::CppString:
      return "string";
    case TypeKind::CppMap:
      return fmt::format("{}map[{}, {}]", t.unordered ? "unordered_" : "", SpellPyxx(*t.key), SpellPyxx(*t.target));
    case TypeKind::CppSet:
      return fmt::format("{}set[{}]", t.unordered ? "unordered_" : "", SpellPyxx(*t.target));
    case TypeKind::CppPair:
      return fmt::format("pair[{}, {}]", SpellPyxx(*t.key), SpellPyxx(*t.target));
    case TypeKind::Struct:
      return t.struct_name;
    default:
      return SpellPyxx(t);
  }
}

auto SpellCDataCpp(const Type& t) -> std::string {
  switch (t.kind) {
    case TypeKind::Pointer:
      // A prefix spelling is enough: arrays are a class template (pyxx::CArray).
      // A const target is spelled after its type: `int const*`, `int* const*`.
      return t.target == nullptr ? "void*" : SpellCpp(*t.target) + (t.target->is_const ? " const*" : "*");
    case TypeKind::Array:
      return fmt::format("pyxx::CArray<{}, {}>", SpellCpp(*t.target), t.length);
    case TypeKind::Vector:
      return fmt::format("std::vector<{}>", SpellCpp(*t.target));
    case TypeKind::CppString:
      return "std::string";
    case TypeKind::CppMap:
      return t.unordered ? fmt::format("std::unordered_map<{}, {}>", SpellCpp(*t.key), SpellCpp(*t.target))
                         : fmt::format("std::map<{}, {}{}>", SpellCpp(*t.key), SpellCpp(*t.target), OrderedCompare(*t.key));
    case TypeKind::CppSet:
      return t.unordered ? fmt::format("std::unordered_set<{}>", SpellCpp(*t.target))
                         : fmt::format("std::set<{}{}>", SpellCpp(*t.target), OrderedCompare(*t.target));
    case TypeKind::CppPair:
      return fmt::format("std::pair<{}, {}>", SpellCpp(*t.key), SpellCpp(*t.target));
    case TypeKind::Struct:
      return t.py_buffer ? std::string("Py_buffer") : fmt::format("pyxx_structs::pyxx_struct_{}", t.struct_id);
    default:
      return SpellCpp(t);
  }
}

auto SpellCDataCython(const Type& t) -> std::string {
  switch (t.kind) {
    case TypeKind::Pointer:
      if (t.target != nullptr && t.target->is_const) {
        // Cython's own spellings: `const int *`, `int *const *`.
        return t.target->IsPointer() ? SpellCython(*t.target) + "const *" : "const " + SpellCython(*t.target) + " *";
      }
      return t.target == nullptr ? "void *" : SpellCython(*t.target) + " *";
    case TypeKind::Array:
      return fmt::format("{} [{}]", SpellCython(*t.target), t.length);
    case TypeKind::Vector:
      return fmt::format("vector[{}]", SpellCython(*t.target));
    case TypeKind::CppString:
      return "string";
    case TypeKind::CppMap:
      return fmt::format("{}map[{},{}]", t.unordered ? "unordered_" : "", SpellCython(*t.key), SpellCython(*t.target));
    case TypeKind::CppSet:
      return fmt::format("{}set[{}]", t.unordered ? "unordered_" : "", SpellCython(*t.target));
    case TypeKind::CppPair:
      return fmt::format("pair[{},{}]", SpellCython(*t.key), SpellCython(*t.target));
    case TypeKind::Struct:
      if (t.IsCTuple()) {
        std::string elements;  // Cython's `(int, double)`
        for (const Type& element : *t.elements) {
          elements += (elements.empty() ? "" : ", ") + SpellCython(element);
        }
        return "(" + elements + ")";
      }
      return t.struct_name;
    default:
      return SpellCython(t);
  }
}

}  // namespace pyxx::checked
