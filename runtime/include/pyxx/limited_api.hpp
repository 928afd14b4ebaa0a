// The limited API (`pyxx --limited-api X.Y`: the module defines Py_LIMITED_API
// and is an abi3 module, importable into every later CPython). Included by
// python.hpp only then; a full-API build never sees this file.
//
// The runtime's core spells a few things with full-API macros and functions;
// here they get the limited API's exported functions (a call instead of a field
// read: a limited module is slower, docs/building.md has the numbers). Headers
// whose features the limited API cannot express at all are left out by
// runtime.hpp, and the checker refuses their constructs (PX306).
#pragma once

#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 < 0x03090000
#error "pyxx/limited_api.hpp: define Py_LIMITED_API to 0x03090000 or later (pyxx --limited-api 3.9)"
#endif

// Only new tuples and lists are filled this way (PyTuple_SetItem wants a
// tuple nobody else holds yet, which a new one is); indices are in range.
#define PyTuple_GET_SIZE(tuple) PyTuple_Size(tuple)
#define PyTuple_GET_ITEM(tuple, i) PyTuple_GetItem(tuple, i)
#define PyTuple_SET_ITEM(tuple, i, item) ((void)PyTuple_SetItem(tuple, i, item))
#define PyList_GET_SIZE(list) PyList_Size(list)
#define PyList_GET_ITEM(list, i) PyList_GetItem(list, i)
#define PyList_SET_ITEM(list, i, item) ((void)PyList_SetItem(list, i, item))
#define PyFloat_AS_DOUBLE(obj) PyFloat_AsDouble(obj)
#define PyBytes_AS_STRING(obj) PyBytes_AsString(obj)
#define PyBytes_GET_SIZE(obj) PyBytes_Size(obj)
#define PyByteArray_AS_STRING(obj) PyByteArray_AsString(obj)
#define PyByteArray_GET_SIZE(obj) PyByteArray_Size(obj)
#define PyCFunction_GET_SELF(function) PyCFunction_GetSelf(function)
#define PyCFunction_GET_FUNCTION(function) PyCFunction_GetFunction(function)

// Never part of the limited API.
static inline PyObject* PyObject_CallOneArg(PyObject* callable, PyObject* arg) {
  return PyObject_CallFunctionObjArgs(callable, arg, nullptr);
}

#if Py_LIMITED_API + 0 < 0x030C0000
// Vectorcall joined the limited API in 3.12: before, the same call through a
// tuple and a dict (what CPython does for a callable without vectorcall).
#ifndef PY_VECTORCALL_ARGUMENTS_OFFSET
#define PY_VECTORCALL_ARGUMENTS_OFFSET (static_cast<size_t>(1) << (8 * sizeof(size_t) - 1))
#endif
static inline PyObject* PyObject_Vectorcall(PyObject* callable, PyObject* const* args, size_t nargsf,
                                            PyObject* kwnames) {
  const Py_ssize_t nargs = static_cast<Py_ssize_t>(nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET);
  PyObject* positional = PyTuple_New(nargs);
  if (positional == nullptr) return nullptr;
  for (Py_ssize_t i = 0; i < nargs; ++i) {
    Py_INCREF(args[i]);
    PyTuple_SetItem(positional, i, args[i]);
  }
  PyObject* keywords = nullptr;
  const Py_ssize_t nkw = kwnames != nullptr ? PyTuple_Size(kwnames) : 0;
  if (nkw > 0) {
    keywords = PyDict_New();
    for (Py_ssize_t k = 0; keywords != nullptr && k < nkw; ++k) {
      if (PyDict_SetItem(keywords, PyTuple_GetItem(kwnames, k), args[nargs + k]) < 0) {
        Py_CLEAR(keywords);
      }
    }
    if (keywords == nullptr) {
      Py_DECREF(positional);
      return nullptr;
    }
  }
  PyObject* result = PyObject_Call(callable, positional, keywords);
  Py_DECREF(positional);
  Py_XDECREF(keywords);
  return result;
}
#endif

namespace pyxx::detail {

// The minor version of the CPython running the module (one abi3 build runs on
// many), for the messages that changed between versions. Set when a module
// object of the extension is executed (LimitedEnterInterpreter), before any of
// its code runs.
inline int g_limited_running_minor = 0;
inline int LimitedRunningMinor() noexcept { return g_limited_running_minor; }

// At the start of a module object's exec: records the running version, and
// refuses a subinterpreter as a full-API module does from 3.12 on (the runtime
// keeps process-wide objects, and `with gil` knows the main interpreter only;
// the limited API has no slot for that before 3.12). False with ImportError set.
inline bool LimitedEnterInterpreter(PyObject* module) noexcept {
  const char* version = Py_GetVersion();  // "3.11.7 (main, ...)"
  int minor = 0;
  for (const char* c = version + 2; *c >= '0' && *c <= '9'; ++c) {
    minor = minor * 10 + (*c - '0');
  }
  g_limited_running_minor = minor;
  if (PyInterpreterState_GetID(PyInterpreterState_Get()) != 0) {
    PyObject* name = PyModule_GetNameObject(module);
    if (name != nullptr) {
      PyErr_Format(PyExc_ImportError, "module %U does not support loading in subinterpreters", name);
      Py_DECREF(name);
    }
    return false;
  }
  return true;
}

// A type's name as CPython's messages show it (tp_name, which the limited API
// hides): `__name__`, with `__module__.` in front for a static type defined
// outside builtins ("numpy.ndarray"). A heap type shows its `__name__`, which
// is tp_name for a class statement; a C type made by PyType_FromSpec
// ("array.array" since 3.12) loses its module there (docs/building.md).
// Keeps the bytes alive for the full-expression that uses get().
class LimitedTypeName {
 public:
  explicit LimitedTypeName(PyTypeObject* type) noexcept {
    PyObject* error_type = nullptr;
    PyObject* error_value = nullptr;
    PyObject* error_traceback = nullptr;
    PyErr_Fetch(&error_type, &error_value, &error_traceback);  // a message is often made with one set
    PyObject* object = reinterpret_cast<PyObject*>(type);
    PyObject* name = PyObject_GetAttrString(object, "__name__");
    PyObject* shown = nullptr;
    if (name != nullptr && PyUnicode_Check(name)) {
      if ((PyType_GetFlags(type) & Py_TPFLAGS_HEAPTYPE) == 0) {
        PyObject* module = PyObject_GetAttrString(object, "__module__");
        if (module != nullptr && PyUnicode_Check(module) && PyUnicode_CompareWithASCIIString(module, "builtins") != 0) {
          shown = PyUnicode_FromFormat("%U.%U", module, name);
        }
        Py_XDECREF(module);
      }
      if (shown == nullptr) {
        Py_INCREF(name);
        shown = name;
      }
    }
    Py_XDECREF(name);
    bytes_ = shown != nullptr ? PyUnicode_AsUTF8String(shown) : nullptr;
    Py_XDECREF(shown);
    PyErr_Clear();
    PyErr_Restore(error_type, error_value, error_traceback);
  }
  ~LimitedTypeName() { Py_XDECREF(bytes_); }
  LimitedTypeName(const LimitedTypeName&) = delete;
  LimitedTypeName& operator=(const LimitedTypeName&) = delete;

  const char* get() const noexcept {
    const char* text = bytes_ != nullptr ? PyBytes_AsString(bytes_) : nullptr;
    return text != nullptr ? text : "?";
  }

 private:
  PyObject* bytes_ = nullptr;
};

// Whether `type` (or a class of its MRO) defines `name` in its own dict, as
// CPython's special-method lookup (_PyType_Lookup) sees it; a metaclass's
// attributes do not count. For "__iter__": whether tp_iter is set.
inline bool LimitedTypeDefines(PyTypeObject* type, const char* name) noexcept {
  PyObject* error_type = nullptr;
  PyObject* error_value = nullptr;
  PyObject* error_traceback = nullptr;
  PyErr_Fetch(&error_type, &error_value, &error_traceback);
  bool found = false;
  PyObject* mro = PyObject_GetAttrString(reinterpret_cast<PyObject*>(type), "__mro__");
  const Py_ssize_t count = mro != nullptr && PyTuple_Check(mro) ? PyTuple_Size(mro) : 0;
  for (Py_ssize_t i = 0; i < count && !found; ++i) {
    PyObject* dict = PyObject_GetAttrString(PyTuple_GetItem(mro, i), "__dict__");
    if (dict != nullptr) {
      PyObject* key = PyUnicode_FromString(name);
      found = key != nullptr && PySequence_Contains(dict, key) == 1;
      Py_XDECREF(key);
      Py_DECREF(dict);
    }
  }
  Py_XDECREF(mro);
  PyErr_Clear();
  PyErr_Restore(error_type, error_value, error_traceback);
  return found;
}

}  // namespace pyxx::detail
