// compile_speed_module.cpp's tiny module in the shape the emitter produces
// under `--limited-api` (ctest defines Py_LIMITED_API for each version the
// configured Python's headers know, with -Werror): every header runtime.hpp
// keeps there must compile warning-free against the limited API alone.
#include "pyxx/runtime.hpp"

namespace {

constexpr const char* kFile = "tiny.pyx";

long Sum(long count, long scale) {
  long total = 0;
  for (long i = 0; i < count; ++i) {
    total = pyxx::wrap_add(total, pyxx::mod(i, scale, pyxx::Site{"sum", 3}));
  }
  return total;
}

PyObject* sum(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"count", "scale"};
  PyObject* values[2];
  if (!pyxx::unpack_args(args, nargs, kwnames, "sum", names, 2, 1, values)) return nullptr;
  long count = 0;
  long scale = 2;
  if (!pyxx::from_python(values[0], count)) return nullptr;
  if (values[1] != nullptr && !pyxx::from_python(values[1], scale)) return nullptr;
  try {
    long result;
    {
      pyxx::ReleasedGil nogil;
      result = Sum(count, scale);
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
    {"sum", PYXX_DEF_FUNCTION(sum), PYXX_DEF_FLAGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PYXX_MODULE(tiny, nullptr, methods, exec_module)
