#include "python_helpers.h"

#include <catch2/catch.hpp>

namespace pyxx_test {
namespace {

constexpr const char* kPrelude = R"PY(
import array, sys, traceback

def wrap(v, bits, signed):
    v %= 1 << bits
    return v - (1 << bits) if signed and v >= 1 << (bits - 1) else v

def outcome(thunk):
    """The value of thunk(), or the name and message of the exception it raises."""
    try:
        return thunk()
    except Exception as e:
        return (type(e).__name__, str(e))
)PY";

PyObject* Namespace() {
  static PyObject* globals = [] {
    PyObject* dict = PyDict_New();
    PyDict_SetItemString(dict, "__builtins__", PyEval_GetBuiltins());
    PyObject* result = PyRun_String(kPrelude, Py_file_input, dict, dict);
    if (result == nullptr) PyErr_Print();
    Py_XDECREF(result);
    return dict;
  }();
  return globals;
}

}  // namespace

std::string Str(PyObject* obj) {
  if (obj == nullptr) return "<null>";
  pyxx::Ref text = pyxx::Ref::steal(PyObject_Str(obj));
  if (!text) {
    PyErr_Clear();
    return "<str() failed>";
  }
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(text.get(), &size);  // keeps embedded NULs
  if (utf8 == nullptr) {
    PyErr_Clear();
    return "<not utf-8>";
  }
  return std::string(utf8, static_cast<size_t>(size));
}

PythonException TakeException() {
  PythonException result;
#if PY_VERSION_HEX >= 0x030C0000
  PyObject* value = PyErr_GetRaisedException();  // already normalised, traceback attached
  if (value == nullptr) return result;
#else
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  if (type == nullptr) return result;
  PyErr_NormalizeException(&type, &value, &traceback);
  if (traceback != nullptr) PyException_SetTraceback(value, traceback);
  Py_XDECREF(type);
  Py_XDECREF(traceback);
#endif
  result.type = Py_TYPE(value)->tp_name;
  result.message = Str(value);
  result.value = pyxx::Ref::steal(value);
  return result;
}

pyxx::Ref Eval(const std::string& expression) {
  pyxx::Ref result = pyxx::Ref::steal(PyRun_String(expression.c_str(), Py_eval_input, Namespace(), Namespace()));
  if (!result) {
    const PythonException e = TakeException();
    FAIL_CHECK("Python raised " << e.type << ": " << e.message << "\n  evaluating: " << expression);
  }
  return result;
}

void Exec(const std::string& code) {
  pyxx::Ref result = pyxx::Ref::steal(PyRun_String(code.c_str(), Py_file_input, Namespace(), Namespace()));
  if (!result) {
    const PythonException e = TakeException();
    FAIL_CHECK("Python raised " << e.type << ": " << e.message << "\n  running: " << code);
  }
}

std::string TypeName(PyObject* type) {
  return type != nullptr ? reinterpret_cast<PyTypeObject*>(type)->tp_name : "<null>";
}

}  // namespace pyxx_test
