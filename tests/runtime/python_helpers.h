// Helpers for tests that compare the runtime with the embedded interpreter.
#pragma once

#include <optional>
#include <string>

#include "pyxx/runtime.hpp"

namespace pyxx_test {

// Evaluates a Python expression in the test namespace (which has `array`,
// `traceback`, `wrap(v, bits, signed)` and a few helpers). Fails the test and
// returns a null Ref when it raises.
pyxx::Ref Eval(const std::string& expression);
// Runs Python statements in the test namespace; fails the test when they raise.
void Exec(const std::string& code);

// The pending Python exception, taken (and cleared).
struct PythonException {
  std::string type;     // e.g. "OverflowError"; empty when none was set
  std::string message;  // str(exception)
  pyxx::Ref value;      // the normalised exception object
};
PythonException TakeException();

std::string Str(PyObject* obj);

// Runs `body`; returns the CError it throws, if any.
template <class Body>
std::optional<pyxx::CError> CatchCError(Body&& body) {
  try {
    body();
  } catch (const pyxx::CError& e) {
    return e;
  }
  return std::nullopt;
}

// The Python name of a builtin exception type (PyExc_*).
std::string TypeName(PyObject* type);

}  // namespace pyxx_test
