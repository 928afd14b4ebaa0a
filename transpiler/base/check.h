// Internal invariants: PYXX_CHECK(cond, "why") and PYXX_FATAL("why") stop pyxx
// with "internal error, please report" and exit code kInternalErrorExit instead
// of falling back silently (a silent fallback can become wrong generated code).
#pragma once

namespace pyxx::base {

// Distinct from 0 (done), 1 (input errors) and 2 (usage or I/O errors).
inline constexpr int kInternalErrorExit = 70;

[[noreturn]] void InternalError(const char* file, int line, const char* condition, const char* message);

}  // namespace pyxx::base

#define PYXX_CHECK(cond, message)                                          \
  do {                                                                     \
    if (!(cond)) {                                                         \
      ::pyxx::base::InternalError(__FILE__, __LINE__, #cond, (message));   \
    }                                                                      \
  } while (false)

#define PYXX_FATAL(message) ::pyxx::base::InternalError(__FILE__, __LINE__, nullptr, (message))
