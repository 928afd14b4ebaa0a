// Module constants: literals used as Python objects and the names of attributes
// and globals become pyxx::Constant variables, made once by the exec function
// (runtime/include/pyxx/constants.hpp), instead of objects made at each use.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto IsIdentifierChars(std::string_view text) -> bool {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The value of an int literal as Python spells it (`0x_1f`, `1_000`), when it is
// at most `limit`; nullopt when it is larger or not a plain literal.
auto SmallIntValue(std::string_view literal, uint64_t limit) -> std::optional<uint64_t> {
  int base = 10;
  if (literal.size() > 2 && literal[0] == '0') {
    char p = static_cast<char>(literal[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) {
      literal.remove_prefix(2);
    }
  }
  uint64_t value = 0;
  bool any = false;
  for (char c : literal) {
    if (c == '_') {
      continue;
    }
    int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : 99;
    if (digit >= base) {
      return std::nullopt;
    }
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit);
    if (value > limit) {
      return std::nullopt;
    }
    any = true;
  }
  return any ? std::optional<uint64_t>(value) : std::nullopt;
}

}  // namespace

auto Emitter::AddConstant(const std::string& key, const std::string& readable_name, const std::string& stem,
                          const std::string& spec) -> std::string {
  auto found = constant_index_.find(key);
  if (found != constant_index_.end()) {
    return constants_[found->second].name;
  }
  // A readable name where the value spells one (each value gives a different
  // one: the value is part of it), else the stem and a number.
  std::string name = !readable_name.empty() ? readable_name : fmt::format("{}{}", stem, constants_.size());
  constant_index_.emplace(key, constants_.size());
  constants_.push_back({name, spec});
  return name;
}

auto Emitter::StrConstant(const std::string& utf8) -> std::string {
  // Identifier-like text is interned, as CPython interns such constants.
  bool name_like = IsIdentifierChars(utf8);
  std::string readable = name_like && utf8.size() <= 32 ? "pyxx_str_" + utf8 : "";
  return AddConstant("s" + utf8, readable, "pyxx_str",
                     fmt::format("pyxx::ConstantSpec::{}, {}, {}, 0.0", name_like ? "kName" : "kStr",
                                 CppStringLiteral(utf8), utf8.size()));
}

auto Emitter::NameConstant(const std::string& name) -> std::string {
  if (IsIdentifierChars(name)) {
    return StrConstant(name);
  }
  // A non-ASCII identifier: interned too (attribute and global lookups).
  return AddConstant("n" + name, "", "pyxx_name",
                     fmt::format("pyxx::ConstantSpec::kName, {}, {}, 0.0", CppStringLiteral(name), name.size()));
}

auto Emitter::BytesConstant(const std::string& bytes) -> std::string {
  std::string readable = IsIdentifierChars(bytes) && bytes.size() <= 32 ? "pyxx_bytes_" + bytes : "";
  return AddConstant("b" + bytes, readable, "pyxx_bytes",
                     fmt::format("pyxx::ConstantSpec::kBytes, {}, {}, 0.0", CppStringLiteral(bytes), bytes.size()));
}

auto Emitter::IntConstant(const std::string& literal, bool negative) -> std::string {
  std::string text = (negative ? "-" : "") + literal;
  std::string readable;
  if (IsIdentifierChars(literal) && literal.find('_') == std::string::npos && literal.size() <= 24) {
    readable = (negative ? "pyxx_int_neg_" : "pyxx_int_") + literal;
  }
  return AddConstant("i" + text, readable, "pyxx_int",
                     fmt::format("pyxx::ConstantSpec::kInt, {}, 0, 0.0", CppStringLiteral(text)));
}

auto Emitter::FloatConstant(const std::string& literal, bool negative) -> std::string {
  std::string readable;
  if (literal.size() <= 24 && std::all_of(literal.begin(), literal.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';
      })) {
    readable = (negative ? "pyxx_float_neg_" : "pyxx_float_") + literal;
    std::replace(readable.begin(), readable.end(), '.', '_');
  }
  return AddConstant(std::string("f") + (negative ? "-" : "") + literal, readable, "pyxx_float",
                     fmt::format("pyxx::ConstantSpec::kFloat, nullptr, 0, {}{}", negative ? "-" : "", literal));
}

auto Emitter::ConstantObject(const Expr& e) -> std::optional<CppExpr> {
  const Expr* literal = &e;
  bool negative = false;
  if (e.kind == Expr::Kind::Unary && e.unary_op == syntax::UnaryOp::Neg &&
      (e.operand().kind == Expr::Kind::Int || e.operand().kind == Expr::Kind::Float)) {
    literal = &e.operand();
    negative = true;
  }
  // The type the value has where it becomes an object (a literal may be typed as
  // a C number by its context: `1` as a double gives 1.0).
  const Type& t = TypeOf(e);
  std::string name;
  switch (literal->kind) {
    case Expr::Kind::Int: {
      // Typed as an object, an int literal is exact at any size; typed as a C
      // integer of 32 bits or more, it is the same value where it fits them all.
      bool wide_c_int = t.kind == TypeKind::Int || t.kind == TypeKind::UInt || t.kind == TypeKind::Long ||
                        t.kind == TypeKind::ULong || t.kind == TypeKind::LongLong ||
                        t.kind == TypeKind::ULongLong || t.kind == TypeKind::SizeT || t.kind == TypeKind::SSizeT;
      if (!t.IsObject() && !(wide_c_int && SmallIntValue(literal->text, INT32_MAX) && (!negative || t.IsSigned()))) {
        return std::nullopt;
      }
      name = IntConstant(literal->text, negative);
      break;
    }
    case Expr::Kind::Float:
      if (t.kind != TypeKind::Double) {
        return std::nullopt;
      }
      name = FloatConstant(literal->text, negative);
      break;
    case Expr::Kind::String:
      if (negative || (!t.IsObject() && !t.IsError())) {
        return std::nullopt;
      }
      name = literal->is_bytes ? BytesConstant(literal->text) : StrConstant(literal->text);
      break;
    default:
      return std::nullopt;
  }
  return CppExpr{name, true, kPure, kPure};
}

auto Emitter::ConstantDefinitions() const -> std::string {
  if (constants_.empty()) {
    return Shared() + "pyxx::ConstantTable pyxx_constants;\n";
  }
  std::string out;
  for (const auto& c : constants_) {
    out += Shared() + fmt::format("pyxx::Constant {};\n", c.name);
  }
  out += Shared() + "const pyxx::ConstantSpec pyxx_constant_specs[] = {\n";
  for (const auto& c : constants_) {
    out += fmt::format("    {{&{}, {}}},\n", c.name, c.spec);
  }
  out += "};\n";
  out += Shared() + "pyxx::ConstantTable pyxx_constants(pyxx_constant_specs);\n";
  return out;
}

}  // namespace pyxx::emit
