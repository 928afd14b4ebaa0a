// The module definition of a generated extension: multi-phase initialisation
// (PEP 489), so the module object is created by the import system and filled in
// by the generated exec function.
#pragma once

#include "python.hpp"

#include "constants.hpp"
#include "errors.hpp"

namespace pyxx {

// Module exec slot; the parameter type makes a wrong signature a compile error.
inline void* exec_slot(int (*exec_function)(PyObject*)) noexcept {
  return reinterpret_cast<void*>(exec_function);
}

// A def wrapper taking (module, args, nargs, kwnames), as a PyMethodDef wants it.
// The detour through void(*)() is the documented way to silence -Wcast-function-type.
inline PyCFunction fastcall_function(PyObject* (*f)(PyObject*, PyObject* const*, Py_ssize_t, PyObject*)) noexcept {
  return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f));
}
// The same for METH_FASTCALL without keywords.
inline PyCFunction fastcall_function(PyObject* (*f)(PyObject*, PyObject* const*, Py_ssize_t)) noexcept {
  return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f));
}

#if defined(Py_LIMITED_API) && Py_LIMITED_API + 0 < 0x030A0000
// METH_FASTCALL joined the limited API in 3.10. Before, a `def` wrapper is
// entered as METH_VARARGS | METH_KEYWORDS through this adapter, which lays the
// tuple and the dict out as a vectorcall (the generated wrapper is unchanged).
using FastcallKeywords = PyObject* (*)(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);
template <FastcallKeywords F>
PyObject* VarargsAdapter(PyObject* self, PyObject* args, PyObject* kwargs) noexcept {
  const Py_ssize_t nargs = PyTuple_Size(args);
  const Py_ssize_t nkw = kwargs != nullptr ? PyDict_Size(kwargs) : 0;
  PyObject* small[8];
  PyObject** items = nargs + nkw <= 8 ? small
                                      : static_cast<PyObject**>(PyMem_Malloc(sizeof(PyObject*) *
                                                                             static_cast<size_t>(nargs + nkw)));
  if (items == nullptr) {
    return PyErr_NoMemory();
  }
  for (Py_ssize_t i = 0; i < nargs; ++i) items[i] = PyTuple_GetItem(args, i);  // borrowed
  PyObject* kwnames = nkw > 0 ? PyTuple_New(nkw) : nullptr;
  PyObject* result = nullptr;
  if (nkw == 0 || kwnames != nullptr) {
    Py_ssize_t position = 0;
    PyObject* key = nullptr;
    PyObject* value = nullptr;
    for (Py_ssize_t k = 0; k < nkw && PyDict_Next(kwargs, &position, &key, &value); ++k) {
      if (!PyUnicode_Check(key)) {  // what CPython's vectorcall of `**kwargs` says
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        Py_DECREF(kwnames);
        if (items != small) PyMem_Free(items);
        return nullptr;
      }
      Py_INCREF(key);
      PyTuple_SetItem(kwnames, k, key);
      items[nargs + k] = value;  // borrowed: the dict is the caller's, alive for the call
    }
    result = F(self, items, nargs, kwnames);
  }
  Py_XDECREF(kwnames);
  if (items != small) PyMem_Free(items);
  return result;
}
template <FastcallKeywords F>
PyCFunction varargs_function() noexcept {
  return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&VarargsAdapter<F>));
}
#endif

// Whether `callee`, the value a module-level name has now, is still the function
// object this module object made for the wrapper `wrapper`: then a caller in the
// module may call the native function directly. A rebound name (`mod.f = g`), or
// the same function of another module object of the extension, is called
// through Python instead, as Python would.
inline bool is_own_function(PyObject* callee, PyObject* module, PyCFunction wrapper) noexcept {
  return Py_IS_TYPE(callee, &PyCFunction_Type) && PyCFunction_GET_SELF(callee) == module &&
         PyCFunction_GET_FUNCTION(callee) == wrapper;
}

// The module's state: the flag of constants.hpp (an int, first), then `slots`
// object references (default values of `def` statements). Each module object
// of the extension has its own; m_traverse/m_clear/m_free visit them.
inline PyObject** state_slots(PyObject* module) noexcept {
  void* state = PyModule_GetState(module);
  return state == nullptr ? nullptr : static_cast<PyObject**>(state) + 1;
}

// Bytes of a state with `slots` object slots (the flag takes the first pointer's room).
constexpr Py_ssize_t state_size(int slots) noexcept {
  return static_cast<Py_ssize_t>(sizeof(PyObject*)) * (1 + slots);
}

// Keeps the default value a `def` statement evaluated (a new reference is taken).
inline void store_default(PyObject* module, int slot, PyObject* value) noexcept {
  PyObject** slots = state_slots(module);
  PyObject* old = slots[slot];
  Py_INCREF(value);
  slots[slot] = value;
  Py_XDECREF(old);
}

// The stored default value (borrowed), or nullptr with NameError set when the
// `def` statement has not run yet: the function did not exist then.
inline PyObject* default_value(PyObject* module, int slot, const char* function) noexcept {
  PyObject** slots = state_slots(module);
  PyObject* value = slots != nullptr ? slots[slot] : nullptr;
  if (value == nullptr) {
    PyErr_Format(PyExc_NameError, "name '%s' is not defined", function);
  }
  return value;
}

inline PyObject* stored_default(PyObject* module, int slot, const char* function, Site site) {
  PyObject* value = default_value(module, slot, function);
  if (value == nullptr) {
    raise_python(site);
  }
  return value;
}

template <int N>
int traverse_slots(PyObject* module, visitproc visit, void* arg) {
  PyObject** slots = state_slots(module);
  for (int i = 0; slots != nullptr && i < N; ++i) {
    Py_VISIT(slots[i]);
  }
  return 0;
}

template <int N>
int clear_slots(PyObject* module) {
  PyObject** slots = state_slots(module);
  for (int i = 0; slots != nullptr && i < N; ++i) {
    Py_CLEAR(slots[i]);
  }
  return 0;
}

// A direct native call of a `def` function counts as a call, as CPython counts
// the calls of functions made through Python: deep recursion raises
// RecursionError instead of overflowing the C stack. Lives in the block that
// makes the call, or as a temporary of its full-expression:
// `(pyxx::RecursionGuard(site), f(...))`.
class RecursionGuard {
 public:
  explicit RecursionGuard(Site site) {
    if (Py_EnterRecursiveCall(" while calling a Python object") != 0) {
      raise_python(site);
    }
#if !defined(Py_LIMITED_API) && PY_VERSION_HEX >= 0x030C0000
    // From 3.12 on Py_EnterRecursiveCall counts against a fixed C limit, and
    // sys.setrecursionlimit() bounds the Python calls: count this one there
    // too, as a Python frame is counted.
    tstate_ = PyThreadState_Get();
    if (tstate_->py_recursion_remaining-- <= 0) {
      ++tstate_->py_recursion_remaining;
      Py_LeaveRecursiveCall();
      PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
      raise_python(site);
    }
#endif
  }
  ~RecursionGuard() {
#if !defined(Py_LIMITED_API) && PY_VERSION_HEX >= 0x030C0000
    ++tstate_->py_recursion_remaining;
#endif
    Py_LeaveRecursiveCall();
  }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;

#if !defined(Py_LIMITED_API) && PY_VERSION_HEX >= 0x030C0000
 private:
  PyThreadState* tstate_;
#endif
};

}  // namespace pyxx

// For the ml_meth field of a METH_FASTCALL (| METH_KEYWORDS) entry.
#define PYXX_FASTCALL(f) (::pyxx::fastcall_function(f))

// The flags and ml_meth of a `def` wrapper's entry (PYXX_FASTCALL(f) otherwise):
// the generated code says these under the limited API, where 3.9 has no
// METH_FASTCALL.
#if defined(Py_LIMITED_API) && Py_LIMITED_API + 0 < 0x030A0000
#define PYXX_DEF_FLAGS (METH_VARARGS | METH_KEYWORDS)
#define PYXX_DEF_FUNCTION(f) (::pyxx::varargs_function<f>())
#elif defined(Py_LIMITED_API)
#define PYXX_DEF_FLAGS (METH_FASTCALL | METH_KEYWORDS)
#define PYXX_DEF_FUNCTION(f) (::pyxx::fastcall_function(f))
#endif

// Free-threaded builds (3.13+) may run the module without the GIL only when the
// translation unit says it is safe, by defining PYXX_MODULE_GIL_NOT_USED.
// (An abi3 module names only the slots of its limited API version.)
#if PY_VERSION_HEX >= 0x030D0000 && (!defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x030D0000)
#ifdef PYXX_MODULE_GIL_NOT_USED
#define PYXX_DETAIL_GIL_SLOT {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#else
#define PYXX_DETAIL_GIL_SLOT {Py_mod_gil, Py_MOD_GIL_USED},
#endif
#else
#define PYXX_DETAIL_GIL_SLOT
#endif

// Module state lives in the module object, so any number of module objects may
// exist. Other interpreters are still refused: `with gil` uses PyGILState, which
// knows the main interpreter only.
#if PY_VERSION_HEX >= 0x030C0000 && (!defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x030C0000)
#define PYXX_DETAIL_INTERPRETERS_SLOT {Py_mod_multiple_interpreters, Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED},
#else
#define PYXX_DETAIL_INTERPRETERS_SLOT
#endif

// Defines PyInit_<name> for a module with the docstring `doc` (nullptr: none),
// the given PyMethodDef array and exec function `int exec_function(PyObject* module)`.
// The state is the module's __dict__, reached from the module (the module's
// own state, PyModule_GetState, is one int: whether it holds the constants).
// The name must be ASCII; see PYXX_MODULE_UNICODE for other names.
#define PYXX_MODULE(name, doc, methods, exec_function) \
  PYXX_DETAIL_MODULE(PyInit_##name, #name, doc, methods, exec_function, nullptr)

// The same for a module whose name is not ASCII: CPython calls
// PyInitU_<punycode of the name, `-` replaced by `_`> (PEP 489, "Export Hook
// Name"); `name_literal` is the name as a UTF-8 string literal.
#define PYXX_MODULE_UNICODE(punycode, name_literal, doc, methods, exec_function) \
  PYXX_DETAIL_MODULE(PyInitU_##punycode, name_literal, doc, methods, exec_function, nullptr)

// A generated module: its exec function makes the constants of `constants` (a
// pyxx::ConstantTable, constants.hpp) first, then adds the module's functions,
// so a module object that was never executed has none that could use them; the
// module's m_free releases them.
#define PYXX_GENERATED_MODULE(name, doc, exec_function, constants) \
  PYXX_DETAIL_MODULE(PyInit_##name, #name, doc, nullptr, exec_function, &(constants))
#define PYXX_GENERATED_MODULE_UNICODE(punycode, name_literal, doc, exec_function, constants) \
  PYXX_DETAIL_MODULE(PyInitU_##punycode, name_literal, doc, nullptr, exec_function, &(constants))

// A module inside a package (`pkg.sub.mod`): PyInit_ + its last name, the full name as a literal.
#define PYXX_GENERATED_MODULE_IN_PACKAGE(last_name, name_literal, doc, exec_function, constants) \
  PYXX_DETAIL_MODULE(PyInit_##last_name, name_literal, doc, nullptr, exec_function, &(constants))

// The same for a module whose state keeps `slots` objects (module_slots above).
#define PYXX_GENERATED_MODULE_SLOTS(name, doc, exec_function, constants, slots) \
  PYXX_DETAIL_MODULE_SLOTS(PyInit_##name, #name, doc, exec_function, &(constants), slots)
#define PYXX_GENERATED_MODULE_UNICODE_SLOTS(punycode, name_literal, doc, exec_function, constants, slots) \
  PYXX_DETAIL_MODULE_SLOTS(PyInitU_##punycode, name_literal, doc, exec_function, &(constants), slots)

#define PYXX_GENERATED_MODULE_IN_PACKAGE_SLOTS(last_name, name_literal, doc, exec_function, constants, slots) \
  PYXX_DETAIL_MODULE_SLOTS(PyInit_##last_name, name_literal, doc, exec_function, &(constants), slots)

#define PYXX_DETAIL_MODULE_SLOTS(init_function, name_literal, doc, exec_function, constants, slots)   \
  static PyModuleDef_Slot pyxx_module_slots_[] = {                                                   \
      {Py_mod_exec, ::pyxx::exec_slot(exec_function)},                                               \
      PYXX_DETAIL_INTERPRETERS_SLOT PYXX_DETAIL_GIL_SLOT{0, nullptr}};                               \
  static void pyxx_module_free_(void* module) {                                                      \
    ::pyxx::clear_slots<slots>(static_cast<PyObject*>(module));                                      \
    (constants)->release(static_cast<PyObject*>(module));                                            \
  }                                                                                                  \
  static PyModuleDef pyxx_module_def_ = {PyModuleDef_HEAD_INIT, name_literal, doc,                   \
                                         ::pyxx::state_size(slots), nullptr, pyxx_module_slots_,     \
                                         ::pyxx::traverse_slots<slots>, ::pyxx::clear_slots<slots>,  \
                                         pyxx_module_free_};                                         \
  PyMODINIT_FUNC init_function(void) { return PyModuleDef_Init(&pyxx_module_def_); }

#define PYXX_DETAIL_MODULE(init_function, name_literal, doc, methods, exec_function, constants)      \
  static PyModuleDef_Slot pyxx_module_slots_[] = {                                                   \
      {Py_mod_exec, ::pyxx::exec_slot(exec_function)},                                               \
      PYXX_DETAIL_INTERPRETERS_SLOT PYXX_DETAIL_GIL_SLOT{0, nullptr}};                               \
  static void pyxx_module_free_(void* module) {                                                      \
    ::pyxx::ConstantTable* table = constants;                                                        \
    if (table != nullptr) {                                                                          \
      table->release(static_cast<PyObject*>(module));                                                \
    }                                                                                                \
  }                                                                                                  \
  static PyModuleDef pyxx_module_def_ = {PyModuleDef_HEAD_INIT, name_literal, doc, sizeof(int), methods, \
                                         pyxx_module_slots_, nullptr, nullptr, pyxx_module_free_};   \
  PyMODINIT_FUNC init_function(void) { return PyModuleDef_Init(&pyxx_module_def_); }
