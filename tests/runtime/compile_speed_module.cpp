// A tiny module in the shape the emitter produces, using every runtime header.
// ctest compiles it with -std=c++17 -O2 -Wall -Wextra -Wpedantic -Werror, so a
// warning anywhere in the runtime fails; timing it by hand against a module
// that includes only Python.h shows what the runtime adds to a build.
#include "pyxx/runtime.hpp"

namespace {

constexpr const char* kFile = "tiny.pyx";

long Sum(const pyxx::View<double, 1>& values, long scale) {
  double total = 0;
  for (Py_ssize_t i = 0; i < values.shape(0); ++i) {
    total += values.at(values.index(i, 0, true, true, pyxx::Site{"sum", 3}));
  }
  return pyxx::wrap_mul(static_cast<long>(total), pyxx::floordiv(scale, 2L, pyxx::Site{"sum", 4}));
}

PyObject* sum(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"values", "scale"};
  PyObject* values[2];
  if (!pyxx::unpack_args(args, nargs, kwnames, "sum", names, 2, 1, values)) return nullptr;
  long scale = 2;
  if (values[1] != nullptr && !pyxx::from_python(values[1], scale)) return nullptr;
  pyxx::View<double, 1> view;
  if (!view.acquire(values[0], false, true, "values")) return nullptr;
  try {
    long result;
    {
      pyxx::ReleasedGilIfHeld nogil;
      result = Sum(view, scale);
    }
    return pyxx::to_python(result);
  } catch (...) {
    return pyxx::handle_exception(kFile);
  }
}

int exec_module(PyObject* module) {
  try {
    pyxx::Ref version = pyxx::check(PyUnicode_FromString("1"), pyxx::Site{"<module>", 1});
    if (PyModule_AddObject(module, "version", version.get()) != 0) pyxx::raise_python(pyxx::Site{"<module>", 1});
    version.release();  // stolen by PyModule_AddObject
    return 0;
  } catch (...) {
    return pyxx::handle_exception_int(kFile);
  }
}

PyMethodDef methods[] = {
    {"sum", PYXX_FASTCALL(sum), METH_FASTCALL | METH_KEYWORDS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PYXX_MODULE(tiny, nullptr, methods, exec_module)
