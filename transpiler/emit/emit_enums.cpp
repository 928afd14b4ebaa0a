// The Python side of a .pxd's `cpdef enum` (runtime/pyxx/cpdef_enum.hpp): its
// class made before the module's code runs, as Cython does (a default value
// may name a member), and a C value of the enum converted to its member.
#include <fmt/format.h>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto EnumClassVar(const std::string& name) -> std::string { return "pyxx_enum_" + EscapeIdentifier(name); }

auto EnumItems(const syntax::CEnum& e) -> std::string {
  std::string items;
  for (const auto& [name, value] : e.constants) {
    items += fmt::format("{}{{{}, {}LL}}", items.empty() ? "" : ", ", CppStringLiteral(name), value);
  }
  return items;
}

}  // namespace

auto Emitter::CpdefEnum(const std::string& name) const -> const syntax::CEnum* {
  for (const syntax::CEnum& e : module_.syntax->c_enums) {
    if (e.cpdef && !e.name.empty() && e.name == name) return &e;
  }
  return nullptr;
}

auto Emitter::CpdefEnumDeclarations() -> std::string {
  std::string out;
  for (const syntax::CEnum& e : module_.syntax->c_enums) {
    if (e.cpdef && !e.name.empty()) {
      out += Shared() + fmt::format("PyObject* {} = nullptr;  // the Python class of `cpdef enum {}`\n",
                                    EnumClassVar(e.name), e.name);
    }
  }
  return out;
}

auto Emitter::CpdefEnumSetup() -> std::string {
  std::string out;
  for (const syntax::CEnum& e : module_.syntax->c_enums) {
    if (!e.cpdef) continue;
    out += fmt::format("  {{\n    static const pyxx::EnumItem pyxx_items[] = {{{}}};\n", EnumItems(e));
    if (e.name.empty()) {
      out += "    if (!pyxx::add_enum_values(pyxx_module, pyxx_items, sizeof(pyxx_items) / sizeof(pyxx_items[0]))) {\n";
    } else {
      out += fmt::format("    if (!pyxx::make_cpdef_enum(pyxx_module, {}, {}, pyxx_items, sizeof(pyxx_items) / sizeof(pyxx_items[0]), {})) {{\n",
                         EnumClassVar(e.name), CppStringLiteral(e.name),
                         e.has_doc ? CppStringLiteral(e.doc) : std::string("nullptr"));
    }
    out += "      return -1;\n    }\n  }\n";
  }
  return out;
}

auto Emitter::IsCpdefEnumValue(const Type& t) const -> bool {
  return t.IsInteger() && !t.enum_name.empty() && CpdefEnum(t.enum_name) != nullptr;
}

// A C++ container (or C array) with a cpdef enum value among its elements: its
// C++ type is the enum's integer type, which the runtime's Converters would
// make a Python int. (A struct or C tuple converts through the generated
// to_python next to it, which converts its enum fields itself.)
auto Emitter::HoldsCpdefEnum(const Type& t) const -> bool {
  if (IsCpdefEnumValue(t)) return true;
  if (t.IsArray()) return !t.IsCString() && t.target && HoldsCpdefEnum(*t.target);
  if (t.IsVector() || t.IsCppSet()) return t.target && HoldsCpdefEnum(*t.target);
  if (t.IsCppMap() || t.IsCppPair()) {
    return (t.key && HoldsCpdefEnum(*t.key)) || (t.target && HoldsCpdefEnum(*t.target));
  }
  return false;
}

// A new reference (or nullptr with an exception) for `value` of type `t`, each
// cpdef enum value in it its enum's member; the runtime's list, set, dict and
// tuple as the Converters make them (pyxx/convert_with.hpp).
auto Emitter::ToPythonWithEnums(const Type& t, const std::string& value) const -> std::string {
  auto lambda = [&](const Type& element) {
    return fmt::format("[](const auto& pyxx_e) -> PyObject* {{ return {}; }}", ToPythonWithEnums(element, "pyxx_e"));
  };
  if (IsCpdefEnumValue(t)) {
    return fmt::format("pyxx::enum_to_python({}, static_cast<long long>({}))", EnumClassVar(t.enum_name), value);
  }
  if (!HoldsCpdefEnum(t)) return fmt::format("pyxx::to_python_adl({})", value);
  if (t.IsArray()) return fmt::format("pyxx::list_with(({}).items, {})", value, lambda(*t.target));
  if (t.IsVector()) return fmt::format("pyxx::list_with({}, {})", value, lambda(*t.target));
  if (t.IsCppSet()) return fmt::format("pyxx::set_with({}, {})", value, lambda(*t.target));
  if (t.IsCppMap()) return fmt::format("pyxx::dict_with({}, {}, {})", value, lambda(*t.key), lambda(*t.target));
  return fmt::format("pyxx::pair_with({}, {}, {})", value, lambda(*t.key), lambda(*t.target));
}

auto Emitter::CpdefEnumToPython(const Type& t, const std::string& value) const -> std::optional<std::string> {
  if (!HoldsCpdefEnum(t)) return std::nullopt;
  return ToPythonWithEnums(t, value);
}

auto Emitter::CpdefEnumObject(const Type& t, const std::string& value, const std::string& site) const
    -> std::optional<std::string> {
  if (!HoldsCpdefEnum(t)) return std::nullopt;
  if (!IsCpdefEnumValue(t)) return fmt::format("pyxx::check({}, {})", ToPythonWithEnums(t, value), site);
  return fmt::format("pyxx::enum_member({}, static_cast<long long>({}), {})", EnumClassVar(t.enum_name), value, site);
}

auto Emitter::CpdefEnumFieldGetter(const Type& t) const -> std::optional<std::string> {
  if (!IsCpdefEnumValue(t)) return std::nullopt;
  return fmt::format("pyxx::enum_field_get<{}, &{}>", checked::SpellCpp(t), EnumClassVar(t.enum_name));
}

auto Emitter::ConvertCpdefEnum(CppExpr value, const Type& from, const Type& to) -> std::optional<CppExpr> {
  if (!to.IsObject() || !HoldsCpdefEnum(from)) return std::nullopt;
  value.text = *CpdefEnumObject(from, value.text, StmtSite());
  value.ref_lvalue = false;
  value.effect |= kRaises;
  value.pending |= kRaises;
  if (!to.object_name.empty()) {
    return ConvertValue(std::move(value), Type::Object(), to);  // `x: int = c`: tested as any object
  }
  return value;
}

}  // namespace pyxx::emit
