// In the fuzzers, an internal error (PYXX_CHECK / PYXX_FATAL) must abort so that
// libFuzzer records the input; pyxx's own InternalError exits with status 70
// through _Exit, which libFuzzer would not see as a crash. Linked before
// pyxx_base, this definition replaces the one in base/check.cpp.
#include <cstdio>
#include <cstdlib>

#include "base/check.h"

namespace pyxx::base {

void InternalError(const char* file, int line, const char* condition, const char* message) {
  std::fprintf(stderr, "pyxx: internal error, please report: %s (%s:%d%s%s)\n", message, file, line,
               condition ? ": " : "", condition ? condition : "");
  std::fflush(stderr);
  std::abort();
}

}  // namespace pyxx::base
