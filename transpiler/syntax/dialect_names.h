// The compile-time namespaces of spec §2: which local names are bound to
// `cython`, `cython.parallel`, `libc.math` (via cython.cimports), `numba`, ...
//
// Bindings are collected from every import statement of the file before any
// other lowering, so order of definition does not matter. A later local
// assignment that shadows such a name (`nogil = 3`) is deliberately ignored:
// it is rare in this dialect, and Cython itself treats these names as
// compile-time directives whatever else is bound to them.
#pragma once

#include <cstdint>
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

// Whether a canonical path is in a namespace pyxx itself provides (`cython`,
// `numba`, and the cimportable libraries `libc`, `cpython`, ...), not in another
// pyxx module of the project (`from cython.cimports.geometry import norm`).
auto IsLibraryDialectPath(std::string_view path) -> bool;

// The dialect names later phases act on, so that they compare enums, not text.
// Every other dialect path (type names such as `cython.int`, `cython.cimports`
// modules, names pyxx does not know) is Other: its path says what it is.
enum class DialectName : uint8_t {
  Other,
  CythonCast,            // cython.cast
  CythonDeclare,         // cython.declare
  CythonSizeof,          // cython.sizeof
  CythonTypeof,          // cython.typeof
  CythonAddress,         // cython.address
  CythonPointer,         // cython.pointer
  CythonNull,            // cython.NULL
  CythonNogil,           // cython.nogil (decorator, `with` item, call)
  CythonGil,             // cython.gil
  CythonWithGil,         // cython.with_gil
  CythonCfunc,           // cython.cfunc
  CythonCcall,           // cython.ccall
  CythonParallelPrange,  // cython.parallel.prange
  NumbaPrange,           // numba.prange
  NumbaJit,              // numba.jit
  NumbaNjit,             // numba.njit
  LibcMath,              // a member of libc.math (its name: the path after "libc.math.")
  CythonViewArray,       // cython.view.array
  CythonDereference,     // cython.operator.dereference
  CythonPreincrement,    // cython.operator.preincrement
  CythonPredecrement,    // cython.operator.predecrement
  CythonPostincrement,   // cython.operator.postincrement
  CythonPostdecrement,   // cython.operator.postdecrement
};

auto ClassifyDialectPath(std::string_view canonical_path) -> DialectName;
// One of cython.operator's increments and decrements.
inline auto IsIncrementOperator(DialectName name) -> bool {
  return name == DialectName::CythonPreincrement || name == DialectName::CythonPredecrement ||
         name == DialectName::CythonPostincrement || name == DialectName::CythonPostdecrement;
}
// The prange of Cython or of Numba.
inline auto IsPrange(DialectName name) -> bool {
  return name == DialectName::CythonParallelPrange || name == DialectName::NumbaPrange;
}
// `cython.X` for a scalar type X, ...: the part after "cython." for paths in that
// namespace, empty otherwise.
auto CythonMember(std::string_view canonical_path) -> std::string_view;

class DialectNames {
 public:
  void Bind(const std::string& local, const std::string& path) {
    bindings_[local] = path;
    externs_.erase(local);
  }
  // `local` names a C function a .pxd's extern block declares (index `extern_function`).
  void BindExtern(const std::string& local, const std::string& path, int extern_function) {
    bindings_[local] = path;
    externs_[local] = extern_function;
  }
  // The canonical path bound to `local`, or nullptr for an ordinary name.
  [[nodiscard]] auto Lookup(std::string_view local) const -> const std::string*;
  // Its index in Module::extern_functions when `local` is bound by BindExtern, else -1.
  [[nodiscard]] auto ExternIndex(std::string_view local) const -> int {
    auto it = externs_.find(local);
    return it == externs_.end() ? -1 : it->second;
  }

 private:
  std::map<std::string, std::string, std::less<>> bindings_;
  std::map<std::string, int, std::less<>> externs_;
};

}  // namespace pyxx::syntax
