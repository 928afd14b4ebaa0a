// The compile-time namespaces of spec §2: which local names are bound to
// `cython`, `cython.parallel`, `libc.math` (via cython.cimports), `numba`, ...
//
// Bindings are collected from every import statement of the file before any
// other lowering, so order of definition does not matter. A later local
// assignment that shadows such a name (`nogil = 3`) is deliberately ignored:
// it is rare in this dialect, and Cython itself treats these names as
// compile-time directives whatever else is bound to them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pyxx::syntax {

// The canonical path for a module name when it is a compile-time namespace:
// "cython", "cython.parallel", "numba", "numba.core"; "cython.cimports.libc.math"
// becomes "libc.math". nullopt for every real Python module.
auto DialectModulePath(std::string_view dotted_module) -> std::optional<std::string>;

// Canonical form of a dotted dialect path (strips the `cython.cimports.` prefix).
auto CanonicalDialectPath(std::string path) -> std::string;

class DialectNames {
 public:
  void Bind(const std::string& local, const std::string& path) { bindings_[local] = path; }
  // The canonical path bound to `local`, or nullptr for an ordinary name.
  [[nodiscard]] auto Lookup(std::string_view local) const -> const std::string*;

 private:
  std::map<std::string, std::string, std::less<>> bindings_;
};

}  // namespace pyxx::syntax
