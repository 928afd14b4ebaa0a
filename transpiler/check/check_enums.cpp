// The C enums of a .pxd (`cdef enum color: red, green`): their types are
// typedefs marked with the enum's name (check_cdata.cpp); this file gives
// their enumerators a meaning. An enumerator is a compile-time constant of
// the enum's type (an anonymous enum's: a C int), read without the GIL; no
// code of the module may bind its name at module level.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "check/checker_impl.h"

namespace pyxx::check {

void Checker::DeclareEnumConstants() {
  std::map<std::string, SourceRange> defined;  // the module's functions and classes
  for (const auto& top : module_.body) {
    if (top->kind == Stmt::Kind::Function) defined.emplace(top->function->name, top->range);
    if (top->kind == Stmt::Kind::Class) defined.emplace(top->name, top->range);
  }
  // A named `cpdef enum` is also the module's Python enum class (made before
  // its code runs, emit_enums.cpp): read as a global, where the name is a value.
  for (const syntax::CEnum& e : module_.c_enums) {
    if (e.cpdef && !e.name.empty()) module_names_.insert(e.name);
  }
  std::map<std::string, SourceRange> seen;  // constant -> where the module first named it
  for (const syntax::EnumConstant& c : module_.enum_constants) {
    auto [first, fresh] = seen.emplace(c.local, c.cimported_at);
    auto bound = module_name_ranges_.find(c.local);
    auto def = defined.find(c.local);
    // Cython: "'red' redeclared" / "Assignment to non-lvalue 'red'".
    if (!fresh) {
      // Two cimports (or a cimport and the module's own .pxd) name the same constant.
      auto d = Report(Kind::Redefinition, c.cimported_at, c.local);
      if (!first->second.empty()) d.AddNote(Kind::PreviousDefinition, first->second, c.local);
    } else if (bound != module_name_ranges_.end() || def != defined.end() || c_types_.count(c.local) != 0) {
      Report(Kind::Redefinition,
             bound != module_name_ranges_.end() ? bound->second
             : def != defined.end()             ? def->second
                                                : c.cimported_at,
             c.local);
    }
  }
}

auto Checker::LookupEnumConstant(const std::string& name) const -> int {
  const auto& constants = module_.enum_constants;
  for (size_t i = 0; i < constants.size(); ++i) {
    if (constants[i].local == name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

auto Checker::FindNamedEnum(const std::string& name) const -> const syntax::CEnum* {
  for (const syntax::CEnum& e : module_.c_enums) {
    if (!e.name.empty() && e.name == name) return &e;
  }
  return nullptr;
}

// `course.main`: Cython reads an enumerator through its enum's name as the C
// constant (also of a cpdef enum, whose Python class has it as a member).
auto Checker::CheckEnumMember(const Expr& e) -> std::optional<Type> {
  const Expr& base = e.object();
  if (base.kind != Expr::Kind::Name || LookupLocal(base.name) >= 0) return std::nullopt;
  const syntax::CEnum* c_enum = FindNamedEnum(base.name);
  if (c_enum == nullptr) return std::nullopt;
  auto member = std::find_if(c_enum->constants.begin(), c_enum->constants.end(),
                             [&](const auto& c) { return c.first == e.name; });
  if (member == c_enum->constants.end()) {
    if (c_enum->cpdef && !e.name.empty() && e.name[0] == '_') {
      return std::nullopt;  // an attribute of its Python class (`glaze.__members__`)
    }
    Report(Kind::UnsupportedExpression, e.range, fmt::format("`{}` is not a value of the C enum `{}`", e.name, base.name));
    return Type::Error();
  }
  // The entry of an enumerator with its value (the emitted code is that value).
  const auto& constants = module_.enum_constants;
  for (size_t i = 0; i < constants.size(); ++i) {
    if (constants[i].enum_name == c_enum->name && constants[i].value == member->second) {
      out_.Write(e).resolution = Resolution{Resolution::Kind::EnumConstant, static_cast<int>(i), e.name};
      return EnumConstantType(constants[i]);
    }
  }
  return std::nullopt;
}

auto Checker::EnumConstantType(const syntax::EnumConstant& c) -> Type {
  if (c.enum_name.empty()) {
    return Type::Of(TypeKind::Int);  // an anonymous enum's constant: a C int, as Cython types it
  }
  Type t = Type::Of(c.is_unsigned ? TypeKind::UInt : TypeKind::Int);
  t.enum_name = c.enum_name;
  return t;
}

// Arithmetic on an enum value: Cython types the result by its own rules (an
// enum ranks below char) while the C compiler computes it in the enum's C
// type (unsigned int when no value is negative), so `c - 1` is neither what
// Python computes nor what the types say. Refused rather than approximated.
auto Checker::RejectEnumArithmetic(SourceRange range, const Type& operand, const std::string& what) -> Type {
  Report(Kind::UnsupportedExpression, range,
         fmt::format("{} on {} (compare enum values with `==`, or convert first: "
                     "`cython.cast(cython.int, c)`)",
                     what, Describe(operand)));
  return Type::Error();
}

}  // namespace pyxx::check
