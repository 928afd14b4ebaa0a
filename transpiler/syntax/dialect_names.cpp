#include "syntax/dialect_names.h"

namespace pyxx::syntax {
namespace {

auto IsOrStartsWith(std::string_view text, std::string_view root) -> bool {
  return text == root || (text.size() > root.size() && text.substr(0, root.size()) == root &&
                          text[root.size()] == '.');
}

}  // namespace

auto CanonicalDialectPath(std::string path) -> std::string {
  constexpr std::string_view kCimports = "cython.cimports.";
  if (path.compare(0, kCimports.size(), kCimports) == 0) {
    return path.substr(kCimports.size());
  }
  return path;
}

auto DialectModulePath(std::string_view dotted_module) -> std::optional<std::string> {
  if (IsOrStartsWith(dotted_module, "cython") || IsOrStartsWith(dotted_module, "numba")) {
    return CanonicalDialectPath(std::string(dotted_module));
  }
  return std::nullopt;
}

auto DialectNames::Lookup(std::string_view local) const -> const std::string* {
  auto it = bindings_.find(local);
  return it == bindings_.end() ? nullptr : &it->second;
}

}  // namespace pyxx::syntax
