// Cython's from-py conversion of a C++ sequence or set: the items of any
// iterable, each converted to the element type and added to a new container.
// Shared by cpp_vector.hpp and cpp_set.hpp; outside the precompiled prelude.
#pragma once

#include "python.hpp"

#include <new>
#include <utility>

#include "c_data.hpp"

namespace pyxx::detail {

// `add(container, element)` adds one converted element. `out` is replaced
// only when every item converted and was added; otherwise a Python exception
// is set (MemoryError for an allocation failure) and `out` is unchanged.
template <class Element, class Container, class Add>
inline bool FillFromIterable(PyObject* obj, Container& out, Add add) noexcept {
  PyObject* iterator = PyObject_GetIter(obj);
  if (iterator == nullptr) {
    return false;
  }
  Container value;
  bool ok = true;
  while (PyObject* item = PyIter_Next(iterator)) {
    Element element{};
    ok = Converter<Element>::from(item, element);
    Py_DECREF(item);
    if (!ok) {
      break;
    }
    try {
      add(value, std::move(element));
    } catch (const std::bad_alloc&) {
      PyErr_NoMemory();
      ok = false;
      break;
    }
  }
  Py_DECREF(iterator);
  if (!ok || PyErr_Occurred() != nullptr) {
    return false;
  }
  out.swap(value);
  return true;
}

}  // namespace pyxx::detail
