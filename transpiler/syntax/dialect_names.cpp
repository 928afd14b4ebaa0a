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
  // Cython 3 also spells the dataclass decorator and field as `cython.dataclass`
  // and `cython.field`.
  if (path == "cython.dataclass" || path == "cython.field") {
    return "cython.dataclasses." + path.substr(sizeof("cython.") - 1);
  }
  return path;
}

auto DialectModulePath(std::string_view dotted_module) -> std::optional<std::string> {
  if (IsOrStartsWith(dotted_module, "cython") || IsOrStartsWith(dotted_module, "numba")) {
    return CanonicalDialectPath(std::string(dotted_module));
  }
  return std::nullopt;
}

auto ClassifyDialectPath(std::string_view path) -> DialectName {
  static const std::map<std::string_view, DialectName, std::less<>> kNames = {
      {"cython.cast", DialectName::CythonCast},
      {"cython.declare", DialectName::CythonDeclare},
      {"cython.sizeof", DialectName::CythonSizeof},
      {"cython.typeof", DialectName::CythonTypeof},
      {"cython.address", DialectName::CythonAddress},
      {"cython.pointer", DialectName::CythonPointer},
      {"cython.NULL", DialectName::CythonNull},
      {"cython.nogil", DialectName::CythonNogil},
      {"cython.gil", DialectName::CythonGil},
      {"cython.with_gil", DialectName::CythonWithGil},
      {"cython.cfunc", DialectName::CythonCfunc},
      {"cython.ccall", DialectName::CythonCcall},
      {"cython.parallel.prange", DialectName::CythonParallelPrange},
      {"cython.view.array", DialectName::CythonViewArray},
      {"cython.operator.dereference", DialectName::CythonDereference},
      {"cython.operator.preincrement", DialectName::CythonPreincrement},
      {"cython.operator.predecrement", DialectName::CythonPredecrement},
      {"cython.operator.postincrement", DialectName::CythonPostincrement},
      {"cython.operator.postdecrement", DialectName::CythonPostdecrement},
      {"numba.prange", DialectName::NumbaPrange},
      {"numba.jit", DialectName::NumbaJit},
      {"numba.njit", DialectName::NumbaNjit},
  };
  if (auto it = kNames.find(path); it != kNames.end()) {
    return it->second;
  }
  constexpr std::string_view kLibcMath = "libc.math.";
  if (path.size() > kLibcMath.size() && path.substr(0, kLibcMath.size()) == kLibcMath) {
    return DialectName::LibcMath;
  }
  return DialectName::Other;
}

auto CythonMember(std::string_view path) -> std::string_view {
  constexpr std::string_view kCython = "cython.";
  if (path.size() > kCython.size() && path.substr(0, kCython.size()) == kCython) {
    return path.substr(kCython.size());
  }
  return {};
}

auto DialectNames::Lookup(std::string_view local) const -> const std::string* {
  auto it = bindings_.find(local);
  return it == bindings_.end() ? nullptr : &it->second;
}

auto IsLibraryDialectPath(std::string_view path) -> bool {
  const std::string_view root = path.substr(0, path.find('.'));
  static constexpr std::string_view kLibraries[] = {"libc",  "libcpp", "cpython", "posix",
                                                    "cython", "numpy", "openmp",  "numba"};
  for (std::string_view library : kLibraries) {
    if (root == library) {
      return true;
    }
  }
  return false;
}

}  // namespace pyxx::syntax
