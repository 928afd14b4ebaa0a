// The Python entry point of a function with fused types picks a specialisation
// from its arguments' types, as Cython 3 does (see emit_fused_dispatch.cpp).
#pragma once

#include "memoryview.hpp"
#include "python.hpp"

#include <cstring>

namespace pyxx {

// The argument of a METH_FASTCALL | METH_KEYWORDS call for parameter `index`,
// named `name`: positional or keyword. Borrowed; nullptr when not passed (no error set).
inline PyObject* fused_argument(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, Py_ssize_t index,
                                const char* name) noexcept {
  if (index < nargs) return args[index];
  if (kwnames == nullptr) return nullptr;
  const Py_ssize_t n = PyTuple_GET_SIZE(kwnames);
  for (Py_ssize_t k = 0; k < n; ++k) {
    const char* key = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
    if (key == nullptr) {
      PyErr_Clear();
      continue;
    }
    if (std::strcmp(key, name) == 0) return args[nargs + k];
  }
  return nullptr;
}

// Does `arg` export a buffer of N dimensions whose items read as T? (The
// layout is checked when the chosen specialisation binds it.)
template <class T, int N>
inline bool fused_view_matches(PyObject* arg) noexcept {
  if (!PyObject_CheckBuffer(arg)) return false;
  Py_buffer buffer;
  if (PyObject_GetBuffer(arg, &buffer, PyBUF_RECORDS_RO) != 0) {
    PyErr_Clear();
    return false;
  }
  const bool ok = buffer.ndim == N && detail::FormatMatches<T>(buffer.format, buffer.itemsize);
  PyBuffer_Release(&buffer);
  return ok;
}

// The specialisation whose members agree with every known one of `wanted`
// (-1: not known), Cython's rule: none known matches nothing. Sets Cython's
// TypeError and returns -1 when none or several agree.
template <int K>
inline int fused_select(const int (&wanted)[K], const signed char (*choices)[K], int count) noexcept {
  int found = -1;
  for (int n = 0; n < count; ++n) {
    bool match = false;
    for (int k = 0; k < K; ++k) {
      if (wanted[k] < 0) continue;
      match = choices[n][k] == wanted[k];
      if (!match) break;
    }
    if (!match) continue;
    if (found >= 0) {
      PyErr_SetString(PyExc_TypeError, "Function call with ambiguous argument types");
      return -1;
    }
    found = n;
  }
  if (found < 0) PyErr_SetString(PyExc_TypeError, "No matching signature found");
  return found;
}

}  // namespace pyxx
