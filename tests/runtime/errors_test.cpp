// Errors as C++ exceptions: raise_c / raise_python, and handle_exception turning
// them into a Python exception with a traceback entry at the .pyx line.
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>
#include <string>

#include "python_helpers.h"

using pyxx_test::Eval;
using pyxx_test::TakeException;

namespace {

// The innermost traceback entry of an exception, as "file:line:function".
std::string LastTracebackEntry(PyObject* exception) {
  PyObject* globals = PyDict_New();
  PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
  PyDict_SetItemString(globals, "e", exception);
  PyObject* entry = PyRun_String(
      "(lambda s: f'{s.filename}:{s.lineno}:{s.name}')(__import__('traceback').extract_tb(e.__traceback__)[-1])",
      Py_eval_input, globals, globals);
  Py_DECREF(globals);
  if (entry == nullptr) {
    PyErr_Clear();
    return "<no traceback>";
  }
  std::string text = pyxx_test::Str(entry);
  Py_DECREF(entry);
  return text;
}

// What a generated Python entry point does: run the body, catch everything.
template <class Body>
PyObject* EntryPoint(Body&& body) {
  try {
    body();
    Py_RETURN_NONE;
  } catch (...) {
    return pyxx::handle_exception("demo.pyx");
  }
}

}  // namespace

TEST_CASE("raise_c throws a CError carrying type, message and site", "[errors]") {
  try {
    pyxx::raise_c(PyExc_ValueError, "bad value", pyxx::Site{"f", 12});
    FAIL("raise_c returned");
  } catch (const pyxx::CError& e) {
    CHECK(e.type == PyExc_ValueError);
    CHECK(std::string(e.message) == "bad value");
    CHECK(std::string(e.site.function) == "f");
    CHECK(e.site.line == 12);
  }
}

TEST_CASE("handle_exception sets the CError's exception and a traceback entry", "[errors]") {
  PyObject* result = EntryPoint([] { pyxx::raise_c(PyExc_ZeroDivisionError, "integer division or modulo by zero",
                                                   pyxx::Site{"divide", 41}); });
  CHECK(result == nullptr);
  const pyxx_test::PythonException e = TakeException();
  CHECK(e.type == "ZeroDivisionError");
  CHECK(e.message == "integer division or modulo by zero");
  CHECK(LastTracebackEntry(e.value.get()) == "demo.pyx:41:divide");
}

TEST_CASE("handle_exception keeps a Python exception already set", "[errors]") {
  PyObject* result = EntryPoint([] {
    PyErr_SetString(PyExc_KeyError, "missing");
    pyxx::raise_python(pyxx::Site{"lookup", 9});
  });
  CHECK(result == nullptr);
  const pyxx_test::PythonException e = TakeException();
  CHECK(e.type == "KeyError");
  CHECK(e.message == "'missing'");
  CHECK(LastTracebackEntry(e.value.get()) == "demo.pyx:9:lookup");
}

TEST_CASE("a PythonError without a Python exception becomes SystemError", "[errors]") {
  CHECK(EntryPoint([] { pyxx::raise_python(pyxx::Site{"f", 1}); }) == nullptr);
  CHECK(TakeException().type == "SystemError");
}

TEST_CASE("foreign C++ exceptions become MemoryError or SystemError", "[errors]") {
  CHECK(EntryPoint([] { throw std::bad_alloc(); }) == nullptr);
  CHECK(TakeException().type == "MemoryError");

  CHECK(EntryPoint([] { throw std::runtime_error("boom"); }) == nullptr);
  pyxx_test::PythonException e = TakeException();
  CHECK(e.type == "SystemError");
  CHECK(e.message == "unexpected C++ exception: boom");

  CHECK(EntryPoint([] { throw 42; }) == nullptr);
  e = TakeException();
  CHECK(e.type == "SystemError");
  CHECK(e.message == "unexpected C++ exception of unknown type");
}

TEST_CASE("handle_exception_int returns -1 for int slots", "[errors]") {
  int status = 0;
  try {
    pyxx::raise_c(PyExc_OverflowError, "too big", pyxx::Site{"exec", 3});
  } catch (...) {
    status = pyxx::handle_exception_int("mod.pyx");
  }
  CHECK(status == -1);
  const pyxx_test::PythonException e = TakeException();
  CHECK(e.type == "OverflowError");
  CHECK(LastTracebackEntry(e.value.get()) == "mod.pyx:3:exec");
}

TEST_CASE("handle_exception outside a handler reports a SystemError instead of terminating", "[errors]") {
  CHECK(pyxx::handle_exception("x.pyx") == nullptr);
  CHECK(TakeException().type == "SystemError");
}

TEST_CASE("an error raised without the GIL arrives after the GIL is back", "[errors][gil]") {
  PyObject* result = EntryPoint([] {
    pyxx::ReleasedGil nogil;
    CHECK_FALSE(PyGILState_Check());
    pyxx::floordiv(1, 0, pyxx::Site{"nogil_body", 20});
  });
  CHECK(PyGILState_Check());
  CHECK(result == nullptr);
  const pyxx_test::PythonException e = TakeException();
  CHECK(e.type == "ZeroDivisionError");
  CHECK(LastTracebackEntry(e.value.get()) == "demo.pyx:20:nogil_body");
}

TEST_CASE("`raise` in nogil code: set the exception under a taken GIL, then raise_python", "[errors][gil]") {
  PyObject* result = EntryPoint([] {
    pyxx::ReleasedGil nogil;
    {
      pyxx::AcquiredGil gil;
      PyErr_SetString(PyExc_RuntimeError, "raised in nogil code");
    }
    pyxx::raise_python(pyxx::Site{"worker", 33});
  });
  CHECK(result == nullptr);
  const pyxx_test::PythonException e = TakeException();
  CHECK(e.type == "RuntimeError");
  CHECK(e.message == "raised in nogil code");
  CHECK(LastTracebackEntry(e.value.get()) == "demo.pyx:33:worker");
}
