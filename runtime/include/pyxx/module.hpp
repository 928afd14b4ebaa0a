// The module definition of a generated extension: multi-phase initialisation
// (PEP 489), so the module object is created by the import system and filled in
// by the generated exec function.
#pragma once

#include "python.hpp"

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

}  // namespace pyxx

// For the ml_meth field of a METH_FASTCALL (| METH_KEYWORDS) entry.
#define PYXX_FASTCALL(f) (::pyxx::fastcall_function(f))

// Free-threaded builds (3.13+) may run the module without the GIL only when the
// translation unit says it is safe, by defining PYXX_MODULE_GIL_NOT_USED.
#if PY_VERSION_HEX >= 0x030D0000
#ifdef PYXX_MODULE_GIL_NOT_USED
#define PYXX_DETAIL_GIL_SLOT {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#else
#define PYXX_DETAIL_GIL_SLOT {Py_mod_gil, Py_MOD_GIL_USED},
#endif
#else
#define PYXX_DETAIL_GIL_SLOT
#endif

// Module state is global (C statics), so one interpreter per process.
#if PY_VERSION_HEX >= 0x030C0000
#define PYXX_DETAIL_INTERPRETERS_SLOT {Py_mod_multiple_interpreters, Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED},
#else
#define PYXX_DETAIL_INTERPRETERS_SLOT
#endif

// Defines PyInit_<name> for a module with an ASCII name, the given PyMethodDef
// array and exec function `int exec_function(PyObject* module)`.
#define PYXX_MODULE(name, methods, exec_function) \
  PYXX_DETAIL_MODULE(PyInit_##name, #name, methods, exec_function)

// The same for a module whose name is not ASCII: CPython calls
// PyInitU_<punycode of the name, `-` replaced by `_`> (PEP 489, "Export Hook
// Name"); `name_literal` is the name as a UTF-8 string literal.
#define PYXX_MODULE_UNICODE(punycode, name_literal, methods, exec_function) \
  PYXX_DETAIL_MODULE(PyInitU_##punycode, name_literal, methods, exec_function)

#define PYXX_DETAIL_MODULE(init_function, name_literal, methods, exec_function)                 \
  static PyModuleDef_Slot pyxx_module_slots_[] = {                                              \
      {Py_mod_exec, ::pyxx::exec_slot(exec_function)},                                          \
      PYXX_DETAIL_INTERPRETERS_SLOT PYXX_DETAIL_GIL_SLOT{0, nullptr}};                          \
  static PyModuleDef pyxx_module_def_ = {PyModuleDef_HEAD_INIT, name_literal, nullptr, 0, methods, \
                                         pyxx_module_slots_, nullptr, nullptr, nullptr};        \
  PyMODINIT_FUNC init_function(void) { return PyModuleDef_Init(&pyxx_module_def_); }
