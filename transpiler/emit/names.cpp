// C++ spellings of Python names and strings.
#include <fmt/format.h>

#include <set>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

auto CppName(const std::string& name) -> std::string {
  static const std::set<std::string> kReserved = {
      "alignas", "alignof", "asm", "auto", "bool", "case", "catch", "char", "char8_t", "char16_t", "char32_t",
      "const", "consteval", "constexpr", "constinit", "const_cast", "decltype", "default", "delete", "do",
      "double", "dynamic_cast", "enum", "explicit", "export", "extern", "float", "friend", "goto", "inline", "int",
      "long", "mutable", "namespace", "new", "noexcept", "nullptr", "operator", "private", "protected", "public",
      "register", "reinterpret_cast", "requires", "short", "signed", "sizeof", "static", "static_assert",
      "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "typedef", "typeid",
      "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "and_eq", "bitand",
      "bitor", "compl", "not_eq", "or_eq", "xor", "xor_eq", "concept", "co_await", "co_return", "co_yield",
      "main", "std", "module_globals", "module_exec", "module_methods", "kSourceFile", "errno", "assert",
      "NULL", "EOF", "stdin", "stdout", "stderr",
  };
  bool reserved = kReserved.count(name) != 0 || name.rfind("pyxx", 0) == 0 || name.rfind("Py", 0) == 0 ||
                  name.rfind("_Py", 0) == 0 || name.find("__") != std::string::npos ||
                  (name.size() > 1 && name[0] == '_' && name[1] >= 'A' && name[1] <= 'Z');
  return reserved ? name + "_" : name;
}

auto CppStringLiteral(std::string_view bytes) -> std::string {
  std::string out = "\"";
  for (unsigned char c : bytes) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '?': out += "\\?"; break;  // no trigraphs
      default:
        if (c < 0x20 || c >= 0x7F) {
          out += fmt::format("\\{:03o}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace pyxx::emit
