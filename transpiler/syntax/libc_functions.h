// The C functions of libc (stdlib, string, stdio) and cpython.mem that pyxx knows,
// with their signatures in one-letter codes: checked by check/, called by emit/.
#pragma once

#include <string_view>

namespace pyxx::syntax {

// Parameters: 'p' any pointer (void*), 'c' a char pointer read (const char*),
// 'w' a char pointer written (char*), 'z' size_t, 'i' int, 'f' a `FILE*` (stdio).
// Results: those, and 'v' void, 'l' long, 'd' double, 's' char*.
struct LibcFunction {
  std::string_view path;  // `libc.string.strlen`
  std::string_view params;
  char result;
  bool needs_gil;  // PyMem_* (not PyMem_Raw*)
};

auto FindLibcFunction(std::string_view path) -> const LibcFunction*;
// For messages: the functions pyxx knows, as a readable list.
auto KnownLibcFunctions() -> const char*;

}  // namespace pyxx::syntax
