// Cython's `cpython.array` (`from cython.cimports.cpython import array`): the
// `array.array` type and the inline helpers of Cython's cpython/array.pxd.
//
// Cython reads CPython's `arrayobject` struct directly (`a.data.as_ints` is its
// `ob_item`; clone/resize reallocate it). That struct is private to CPython's
// arraymodule.c, so pyxx does the same through public API only: the buffer
// protocol for the data pointer and the contents, and the `array.array` type's
// own `__new__`/`extend`/`frombytes` for making and growing arrays.
#pragma once

#include "python.hpp"  // must come before any standard header

#include <cstring>

#include "cclass.hpp"
#include "errors.hpp"
#include "object.hpp"

namespace pyxx {

// The `array.array` type object, taken from the `array` module when the
// importing module is initialised and kept for the process (as the type is).
inline bool load_array_type(PyTypeObject*& slot) noexcept {
  if (slot != nullptr) return true;
  PyObject* module = PyImport_ImportModule("array");
  if (module == nullptr) return false;
  PyObject* type = PyObject_GetAttrString(module, "array");
  Py_DECREF(module);
  if (type == nullptr) return false;
  if (!PyType_Check(type)) {
    Py_DECREF(type);
    PyErr_SetString(PyExc_TypeError, "array.array is not a type");
    return false;
  }
  slot = reinterpret_cast<PyTypeObject*>(type);
  return true;
}

namespace detail {

// The helpers take `array.array` parameters: None (which Cython would
// dereference) is a TypeError here.
inline void require_array(PyObject* a, const char* what, Site site) {
  if (a == Py_None) {
    PyErr_Format(PyExc_TypeError, "%s: expected array.array, got NoneType", what);
    raise_python(site);
  }
}

inline Py_ssize_t array_itemsize(PyObject* a, Site site) {
  Ref size = check(PyObject_GetAttrString(a, "itemsize"), site);
  Py_ssize_t n = PyLong_AsSsize_t(size.get());
  if (n == -1 && PyErr_Occurred()) raise_python(site);
  return n;
}

// A zero-filled bytes object of `count` items of `itemsize` bytes.
inline Ref zero_bytes(Py_ssize_t count, Py_ssize_t itemsize, Site site) {
  if (count > PY_SSIZE_T_MAX / (itemsize > 0 ? itemsize : 1)) {
    PyErr_NoMemory();
    raise_python(site);
  }
  Ref bytes = check(PyBytes_FromStringAndSize(nullptr, count * itemsize), site);
  std::memset(PyBytes_AS_STRING(bytes.get()), 0, static_cast<size_t>(count * itemsize));
  return bytes;
}

// `array.array.__new__(type(a), a.typecode, initial)`: an array of a's type
// (a subclass stays one, as in Cython) without running its `__init__`.
inline Ref new_array_like(PyObject* a, PyObject* initial, PyTypeObject* array_type, Site site) {
  Ref typecode = check(PyObject_GetAttrString(a, "typecode"), site);
  Ref args = check(PyTuple_Pack(2, typecode.get(), initial), site);
  return check(array_type->tp_new(Py_TYPE(a), args.get(), nullptr), site);
}

// `array.array.NAME(a, arg)`: the base type's method, whatever a subclass overrides.
inline void call_array_method(PyTypeObject* array_type, const char* name, PyObject* a, PyObject* arg, Site site) {
  Ref method = check(PyObject_GetAttrString(reinterpret_cast<PyObject*>(array_type), name), site);
  Ref done = check(PyObject_CallFunctionObjArgs(method.get(), a, arg, nullptr), site);
}

}  // namespace detail

// `a.data.as_ints` (and the other members of Cython's `__data_union`): the
// array's items, through the buffer protocol. The buffer is released at once:
// the pointer stays valid until the array is resized, as Cython's does.
template <class T>
inline T* array_data(PyObject* a, Site site) {
  if (a == Py_None) {
    PyErr_SetString(PyExc_AttributeError, "'NoneType' object has no attribute 'data'");
    raise_python(site);
  }
  Py_buffer view;
  if (PyObject_GetBuffer(a, &view, PyBUF_WRITABLE) < 0) raise_python(site);
  void* data = view.buf;
  PyBuffer_Release(&view);
  return static_cast<T*>(data);
}

// `array.clone(template, length, zero)`: a new array of the template's type
// and typecode with `length` items. The items are always zero (Cython leaves
// them undefined when `zero` is false).
inline Ref array_clone(PyObject* templ, Py_ssize_t length, bool zero, PyTypeObject* array_type, Site site) {
  static_cast<void>(zero);
  detail::require_array(templ, "array.clone", site);
  if (length < 0) {
    PyErr_SetString(PyExc_ValueError, "array.clone: negative length");
    raise_python(site);
  }
  Ref bytes = detail::zero_bytes(length, detail::array_itemsize(templ, site), site);
  return detail::new_array_like(templ, bytes.get(), array_type, site);
}

// `array.copy(a)`: a new array of a's type with a's items.
inline Ref array_copy(PyObject* a, PyTypeObject* array_type, Site site) {
  detail::require_array(a, "array.copy", site);
  return detail::new_array_like(a, a, array_type, site);
}

// `array.resize(a, n)` / `array.resize_smart(a, n)`: `n` items, the first ones
// kept, new ones zero (undefined in Cython). While a buffer of `a` is held
// (a memoryview), CPython refuses with BufferError where Cython would move the
// memory under it.
inline int array_resize(PyObject* a, Py_ssize_t n, PyTypeObject* array_type, Site site) {
  detail::require_array(a, "array.resize", site);
  if (n < 0) {
    PyErr_SetString(PyExc_ValueError, "array.resize: negative size");
    raise_python(site);
  }
  const Py_ssize_t size = PyObject_Size(a);
  if (size < 0) raise_python(site);
  if (n < size) {
    if (PySequence_DelSlice(a, n, PY_SSIZE_T_MAX) < 0) raise_python(site);
  } else if (n > size) {
    Ref bytes = detail::zero_bytes(n - size, detail::array_itemsize(a, site), site);
    detail::call_array_method(array_type, "frombytes", a, bytes.get(), site);
  }
  return 0;
}

// `array.extend(a, b)`: b's items appended to a; arrays of other typecodes are
// Cython's `PyErr_BadArgument` TypeError.
inline int array_extend(PyObject* a, PyObject* b, PyTypeObject* array_type, Site site) {
  detail::require_array(a, "array.extend", site);
  detail::require_array(b, "array.extend", site);
  Ref code_a = check(PyObject_GetAttrString(a, "typecode"), site);
  Ref code_b = check(PyObject_GetAttrString(b, "typecode"), site);
  const int same = PyObject_RichCompareBool(code_a.get(), code_b.get(), Py_EQ);
  if (same < 0) raise_python(site);
  if (same == 0) {
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    raise_python(site);
  }
  detail::call_array_method(array_type, "extend", a, b, site);
  return 0;
}

// `array.extend_buffer(a, p, n)`: n items read from p appended to a (copied
// first, so p may point into a itself).
inline int array_extend_buffer(PyObject* a, const char* p, Py_ssize_t n, PyTypeObject* array_type, Site site) {
  detail::require_array(a, "array.extend_buffer", site);
  const Py_ssize_t itemsize = detail::array_itemsize(a, site);
  if (n < 0 || n > PY_SSIZE_T_MAX / (itemsize > 0 ? itemsize : 1)) {
    PyErr_SetString(PyExc_ValueError, "array.extend_buffer: invalid item count");
    raise_python(site);
  }
  Ref bytes = check(PyBytes_FromStringAndSize(p, n * itemsize), site);
  detail::call_array_method(array_type, "frombytes", a, bytes.get(), site);
  return 0;
}

// `array.zero(a)`: every item set to zero bytes.
inline void array_zero(PyObject* a, Site site) {
  detail::require_array(a, "array.zero", site);
  Py_buffer view;
  if (PyObject_GetBuffer(a, &view, PyBUF_WRITABLE) < 0) raise_python(site);
  std::memset(view.buf, 0, static_cast<size_t>(view.len));
  PyBuffer_Release(&view);
}

}  // namespace pyxx
