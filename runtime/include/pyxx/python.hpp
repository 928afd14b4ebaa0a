// Python.h, included the way every pyxx header needs it: first, and with
// Py_ssize_t lengths for the "#" format units.
#pragma once

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>

#if PY_VERSION_HEX < 0x030A0000 && !defined(Py_LIMITED_API)
// Python 3.10's new-reference helpers, which 3.9's headers lack.
static inline PyObject* Py_NewRef(PyObject* object) {
  Py_INCREF(object);
  return object;
}
static inline PyObject* Py_XNewRef(PyObject* object) {
  Py_XINCREF(object);
  return object;
}
#endif

#ifdef Py_LIMITED_API
#include "limited_api.hpp"  // the full-API spellings the runtime's core uses
// A type's name for a message (tp_name), valid until the end of the full-expression.
#define PYXX_TYPE_NAME(type) (::pyxx::detail::LimitedTypeName(type).get())
// Whether the type has tp_iter (a class of its MRO defines __iter__).
#define PYXX_TYPE_HAS_ITER(type) (::pyxx::detail::LimitedTypeDefines(type, "__iter__"))
#else
#define PYXX_TYPE_NAME(type) ((type)->tp_name)
#define PYXX_TYPE_HAS_ITER(type) ((type)->tp_iter != nullptr)
#endif
