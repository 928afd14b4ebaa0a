#include "base/check.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace pyxx::base {

void InternalError(const char* file, int line, const char* condition, const char* message) {
  const char* base = std::strrchr(file, '/');
  std::fprintf(stderr, "pyxx: internal error, please report: %s (%s:%d%s%s)\n", message, base ? base + 1 : file,
               line, condition ? ": " : "", condition ? condition : "");
  std::fflush(stderr);
  std::_Exit(kInternalErrorExit);
}

}  // namespace pyxx::base
