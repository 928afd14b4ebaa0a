// A small extension module written the way the emitter writes one (fastcall
// wrappers, unpack_args, conversions, GIL guards, handle_exception,
// PYXX_MODULE), registered as a builtin by main.cpp and imported for real.
#include <catch2/catch.hpp>

#include "python_helpers.h"

namespace {

constexpr const char* kFile = "testmod.pyx";

// @cython.nogil @cython.cfunc
long long Divide(long long a, long long b) { return pyxx::floordiv(a, b, pyxx::Site{"divide", 4}); }

// def divide(a: cython.longlong, b: cython.longlong = 2, *, nogil: cython.bint = False) -> cython.longlong
PyObject* divide(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"a", "b", "nogil"};
  PyObject* values[3];
  if (!pyxx::unpack_args(args, nargs, kwnames, "divide", names, 3, 1, values, 0, 1, 0)) return nullptr;
  long long a = 0;
  long long b = 2;
  bool nogil = false;
  if (!pyxx::from_python(values[0], a)) return nullptr;
  if (values[1] != nullptr && !pyxx::from_python(values[1], b)) return nullptr;
  if (values[2] != nullptr && !pyxx::from_python(values[2], nogil)) return nullptr;
  try {
    long long result;
    {
      pyxx::ReleasedGilIf released(nogil);  // with cython.nogil(nogil):
      result = Divide(a, b);
    }
    return pyxx::to_python(result);
  } catch (...) {
    return pyxx::handle_exception(kFile);
  }
}

// def held(): -> whether the GIL is held inside `with nogil` (it must not be)
PyObject* held_in_nogil(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  (void)args;
  if (nargs != 0) {
    PyErr_SetString(PyExc_TypeError, "held_in_nogil() takes no arguments");
    return nullptr;
  }
  bool held;
  {
    pyxx::ReleasedGil nogil;
    held = PyGILState_Check() != 0;
  }
  return pyxx::to_python(held);
}

int exec_module(PyObject* module) {
  try {
    pyxx::Ref answer = pyxx::check(pyxx::to_python(42), pyxx::Site{"<module>", 1});
    if (PyModule_AddObject(module, "answer", answer.get()) != 0) pyxx::raise_python(pyxx::Site{"<module>", 1});
    answer.release();  // PyModule_AddObject stole it
    return 0;
  } catch (...) {
    return pyxx::handle_exception_int(kFile);
  }
}

PyMethodDef methods[] = {
    {"divide", PYXX_FASTCALL(divide), METH_FASTCALL | METH_KEYWORDS, nullptr},
    {"held_in_nogil", PYXX_FASTCALL(held_in_nogil), METH_FASTCALL, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PYXX_MODULE(pyxx_runtime_testmod, "A module written the way the emitter writes one.", methods, exec_module)

TEST_CASE("a PYXX_MODULE imports, runs its exec slot and calls its functions", "[module]") {
  pyxx_test::Exec("import pyxx_runtime_testmod as m\n"
                  "assert m.answer == 42\n"
                  "assert m.divide(7) == 3\n"
                  "assert m.divide(-7, 2) == -4\n"
                  "assert m.divide(a=-7, b=-2, nogil=True) == 3\n"
                  "assert m.held_in_nogil() is False\n");
  pyxx::Ref message = pyxx_test::Eval("outcome(lambda: m.divide(1, 2, 3))");
  CHECK(pyxx_test::Str(message.get()) ==
        "('TypeError', 'divide() takes from 1 to 2 positional arguments but 3 were given')");
  message = pyxx_test::Eval("outcome(lambda: m.divide(1.5))");
  CHECK(pyxx_test::Str(message.get()) ==
        "('TypeError', \"'float' object cannot be interpreted as an integer\")");
  message = pyxx_test::Eval("outcome(lambda: m.divide(2**63))");
  CHECK(pyxx_test::Str(message.get()) == "('OverflowError', 'Python int too large to convert to C long long')");
}

TEST_CASE("an error in released native code reaches Python with a .pyx traceback", "[module]") {
  pyxx_test::Exec("import pyxx_runtime_testmod as m\n"
                  "def last_frame(thunk):\n"
                  "    try:\n"
                  "        thunk()\n"
                  "    except Exception as e:\n"
                  "        s = traceback.extract_tb(e.__traceback__)[-1]\n"
                  "        return f'{type(e).__name__}: {e} @ {s.filename}:{s.lineno}:{s.name}'\n"
                  "    return 'no exception'\n");
  for (const char* nogil : {"False", "True"}) {
    INFO("nogil=" << nogil);
    pyxx::Ref where = pyxx_test::Eval(std::string("last_frame(lambda: m.divide(1, 0, nogil=") + nogil + "))");
    CHECK(pyxx_test::Str(where.get()) ==
          "ZeroDivisionError: integer division or modulo by zero @ testmod.pyx:4:divide");
  }
}
