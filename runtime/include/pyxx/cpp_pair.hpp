// C++ pairs (`from cython.cimports.libcpp.utility import pair`): Cython's
// conversions, a tuple of the two members and a pair from any iterable of
// exactly two items (`x, y = o`, with CPython's unpacking messages). Not part
// of the precompiled runtime prelude: a generated module includes it only when
// it uses a pair, or a map (whose items are pairs).
#pragma once

#include "python.hpp"

#include <utility>

#include "c_data.hpp"
#include "convert_with.hpp"
#include "errors.hpp"
#include "object.hpp"

namespace pyxx {
namespace detail {

// `a, b = obj` of any iterable: two new references, or false with CPython's
// error (not enough / too many values, not iterable).
inline bool UnpackTwo(PyObject* obj, PyObject*& first, PyObject*& second) noexcept {
  first = second = nullptr;
  if (PyTuple_CheckExact(obj) && PyTuple_Size(obj) == 2) {
    first = PyTuple_GetItem(obj, 0);
    second = PyTuple_GetItem(obj, 1);
    Py_INCREF(first);
    Py_INCREF(second);
    return true;
  }
  PyObject* iterator = PyObject_GetIter(obj);
  if (iterator == nullptr) {
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object", PYXX_TYPE_NAME(Py_TYPE(obj)));
    }
    return false;
  }
  PyObject* items[3] = {nullptr, nullptr, nullptr};
  int count = 0;
  while (count < 3) {
    items[count] = PyIter_Next(iterator);
    if (items[count] == nullptr) break;
    ++count;
  }
  Py_DECREF(iterator);
  bool ok = !PyErr_Occurred();
  if (ok && count < 2) {
    PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected 2, got %d)", count);
    ok = false;
  } else if (ok && count == 3) {
    PyErr_SetString(PyExc_ValueError, "too many values to unpack (expected 2)");
    ok = false;
  }
  if (!ok) {
    for (PyObject* item : items) Py_XDECREF(item);
    return false;
  }
  first = items[0];
  second = items[1];
  return true;
}

// Both members converted, the first first; `out` is left unchanged on failure.
template <class A, class B>
inline bool PairFromObjects(PyObject* first, PyObject* second, std::pair<A, B>& out) noexcept {
  std::pair<A, B> value{};
  const bool ok = Converter<A>::from(first, value.first) && Converter<B>::from(second, value.second);
  if (ok) {
    out = std::move(value);
  }
  return ok;
}

}  // namespace detail

template <class A, class B>
struct Converter<std::pair<A, B>> {
  static bool from(PyObject* obj, std::pair<A, B>& out) noexcept {
    PyObject* first = nullptr;
    PyObject* second = nullptr;
    if (!detail::UnpackTwo(obj, first, second)) {
      return false;
    }
    bool ok = false;
    try {
      ok = detail::PairFromObjects(first, second, out);
    } catch (const std::bad_alloc&) {
      PyErr_NoMemory();  // a member that is a container, copied
    }
    Py_DECREF(first);
    Py_DECREF(second);
    return ok;
  }

  // A new tuple (first, second), as Cython's to-py conversion.
  static PyObject* to(const std::pair<A, B>& value) noexcept {
    return pair_with(
        value, [](const A& first) { return Converter<A>::to(first); },
        [](const B& second) { return Converter<B>::to(second); });
  }
};

template <class A, class B>
inline Ref to_object(const std::pair<A, B>& value, Site site) {
  return check(Converter<std::pair<A, B>>::to(value), site);
}

}  // namespace pyxx
