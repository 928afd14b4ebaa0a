#include "syntax/scalar_names.h"

#include <utility>

namespace pyxx::syntax {
namespace {

constexpr std::pair<std::string_view, ScalarKind> kCythonScalars[] = {
    {"char", ScalarKind::Char},         {"schar", ScalarKind::SChar},
    {"uchar", ScalarKind::UChar},       {"short", ScalarKind::Short},
    {"ushort", ScalarKind::UShort},     {"int", ScalarKind::Int},
    {"uint", ScalarKind::UInt},         {"long", ScalarKind::Long},
    {"ulong", ScalarKind::ULong},       {"longlong", ScalarKind::LongLong},
    {"ulonglong", ScalarKind::ULongLong}, {"float", ScalarKind::Float},
    {"double", ScalarKind::Double},     {"longdouble", ScalarKind::LongDouble},
    {"bint", ScalarKind::Bint},         {"size_t", ScalarKind::SizeT},
    {"Py_ssize_t", ScalarKind::SSizeT}, {"Py_hash_t", ScalarKind::HashT},
    {"void", ScalarKind::Void},
    // Explicitly signed spellings (Cython's `signed int` etc.): after the plain
    // names, so that CythonName() keeps answering with the plain one.
    {"sshort", ScalarKind::Short},      {"sint", ScalarKind::Int},
    {"slong", ScalarKind::Long},        {"slonglong", ScalarKind::LongLong},
    // C complex types; `cython.complex` is Cython's `double complex` too.
    {"floatcomplex", ScalarKind::FloatComplex}, {"doublecomplex", ScalarKind::DoubleComplex},
    {"longdoublecomplex", ScalarKind::LongDoubleComplex}, {"complex", ScalarKind::DoubleComplex},
    {"Py_UCS4", ScalarKind::UCS4},
};

// Fixed-width Numba names on the LP64 C types (int64 is `long` there).
constexpr std::pair<std::string_view, ScalarKind> kNumbaScalars[] = {
    {"int8", ScalarKind::SChar},    {"int16", ScalarKind::Short},    {"int32", ScalarKind::Int},
    {"int64", ScalarKind::Long},    {"uint8", ScalarKind::UChar},    {"uint16", ScalarKind::UShort},
    {"uint32", ScalarKind::UInt},   {"uint64", ScalarKind::ULong},   {"float32", ScalarKind::Float},
    {"float64", ScalarKind::Double}, {"boolean", ScalarKind::Bint},  {"intp", ScalarKind::SSizeT},
    {"uintp", ScalarKind::SizeT},   {"void", ScalarKind::Void},      {"i1", ScalarKind::SChar},
    {"i2", ScalarKind::Short},      {"i4", ScalarKind::Int},         {"i8", ScalarKind::Long},
    {"u1", ScalarKind::UChar},      {"u2", ScalarKind::UShort},      {"u4", ScalarKind::UInt},
    {"u8", ScalarKind::ULong},      {"f4", ScalarKind::Float},       {"f8", ScalarKind::Double},
    {"b1", ScalarKind::Bint},       {"bool_", ScalarKind::Bint},
    {"complex64", ScalarKind::FloatComplex}, {"complex128", ScalarKind::DoubleComplex},
    {"c8", ScalarKind::FloatComplex}, {"c16", ScalarKind::DoubleComplex},
};

constexpr std::string_view kUnsupportedCython[] = {
    "pointer", "struct", "union", "typedef", "fused_type", "const", "volatile", "array",
    "Py_UNICODE",
    "ptrdiff_t", "ssize_t", "NULL", "typeof", "cast", "address", "sizeof",
};

}  // namespace

auto CythonScalar(std::string_view name) -> std::optional<ScalarKind> {
  for (const auto& [spelling, kind] : kCythonScalars) {
    if (spelling == name) {
      return kind;
    }
  }
  return std::nullopt;
}

auto IsUnsupportedCythonTypeName(std::string_view name) -> bool {
  for (std::string_view spelling : kUnsupportedCython) {
    if (spelling == name) {
      return true;
    }
  }
  // Pointer shorthands: p_int, pp_double, p_ulong, ...
  size_t p = 0;
  while (p < name.size() && name[p] == 'p') {
    ++p;
  }
  return p > 0 && p < name.size() && name[p] == '_' && CythonScalar(name.substr(p + 1)).has_value();
}

auto NumbaScalar(std::string_view name) -> std::optional<ScalarKind> {
  for (const auto& [spelling, kind] : kNumbaScalars) {
    if (spelling == name) {
      return kind;
    }
  }
  return std::nullopt;
}

auto CythonName(ScalarKind kind) -> std::string_view {
  for (const auto& [spelling, k] : kCythonScalars) {
    if (k == kind) {
      return spelling;
    }
  }
  return "?";
}

}  // namespace pyxx::syntax
