// C++ containers and C tuples converted to Python with a given converter for
// their elements. The Converters of pyxx/cpp_*.hpp and ctuple_to_python pass
// their elements' own; the generated module passes its own where the C++ type
// does not say how an element converts (a cpdef enum's value is its C integer
// type, yet becomes the enum's member: pyxx/cpdef_enum.hpp). Each `f` returns
// a new reference or nullptr with a Python exception set.
#pragma once

#include "python.hpp"  // must come before any standard header

#include <cstddef>
#include <iterator>

namespace pyxx {

// A vector (or a C array's items) as a new list.
template <class S, class F>
PyObject* list_with(const S& value, F f) noexcept {
  PyObject* list = PyList_New(static_cast<Py_ssize_t>(std::size(value)));
  if (list == nullptr) return nullptr;
  Py_ssize_t i = 0;
  for (const auto& element : value) {
    PyObject* item = f(element);
    if (item == nullptr) {
      Py_DECREF(list);
      return nullptr;
    }
    PyList_SET_ITEM(list, i++, item);
  }
  return list;
}

// A set as a new Python set.
template <class S, class F>
PyObject* set_with(const S& value, F f) noexcept {
  PyObject* set = PySet_New(nullptr);
  if (set == nullptr) return nullptr;
  for (const auto& element : value) {
    PyObject* item = f(element);
    const bool ok = item != nullptr && PySet_Add(set, item) == 0;
    Py_XDECREF(item);
    if (!ok) {
      Py_DECREF(set);
      return nullptr;
    }
  }
  return set;
}

// A map as a new dict, in the map's order.
template <class M, class K, class V>
PyObject* dict_with(const M& value, K key_f, V value_f) noexcept {
  PyObject* dict = PyDict_New();
  if (dict == nullptr) return nullptr;
  for (const auto& [k, v] : value) {
    PyObject* key = key_f(k);
    PyObject* item = key == nullptr ? nullptr : value_f(v);
    const bool ok = item != nullptr && PyDict_SetItem(dict, key, item) == 0;
    Py_XDECREF(key);
    Py_XDECREF(item);
    if (!ok) {
      Py_DECREF(dict);
      return nullptr;
    }
  }
  return dict;
}

// A pair as a new 2-tuple.
template <class P, class A, class B>
PyObject* pair_with(const P& value, A first_f, B second_f) noexcept {
  PyObject* first = first_f(value.first);
  if (first == nullptr) return nullptr;
  PyObject* second = second_f(value.second);
  if (second == nullptr) {
    Py_DECREF(first);
    return nullptr;
  }
  PyObject* tuple = PyTuple_Pack(2, first, second);
  Py_DECREF(first);
  Py_DECREF(second);
  return tuple;
}

// A C tuple as a new tuple: each thunk converts one element, in order (the
// first that fails stops the conversion).
template <class... F>
PyObject* tuple_of(const F&... thunks) noexcept {
  PyObject* tuple = PyTuple_New(static_cast<Py_ssize_t>(sizeof...(F)));
  if (tuple == nullptr) return nullptr;
  Py_ssize_t k = 0;
  const bool ok = (... && [&](const auto& thunk) {
    PyObject* item = thunk();
    if (item == nullptr) return false;
    PyTuple_SET_ITEM(tuple, k++, item);
    return true;
  }(thunks));
  if (!ok) {
    Py_DECREF(tuple);
    return nullptr;
  }
  return tuple;
}

}  // namespace pyxx
