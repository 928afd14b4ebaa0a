// `for x in v` over a typed memoryview (also in comprehensions and generator
// expressions). Cython iterates the Python object it makes of the view, by
// indexing it 0, 1, ... until IndexError: item k of a 1-D view is element k
// converted to a Python object, item k of an N-D view is row k, a view of N-1
// dimensions (here a Python memoryview, as every view made an object). The
// iterator keeps its own share of the buffer, so rebinding the view in the loop
// does not change what is iterated, and it reads each item when it gets to it
// (writes through the view during the loop are seen). Needs the GIL.
#pragma once

#include "memoryview.hpp"
#include "object.hpp"
#include "view_object.hpp"

#include <new>

namespace pyxx {
namespace detail {

struct ViewIterator {
  PyObject_HEAD
  void* view;                                 // a View<T, N> of its own (heap)
  void (*destroy)(void* view);                // deletes it
  PyObject* (*item)(void* view, Py_ssize_t k);  // a new reference, or nullptr with an exception set
  Py_ssize_t next;
  Py_ssize_t count;
};

inline void ViewIteratorDealloc(PyObject* self) noexcept {
  auto* it = reinterpret_cast<ViewIterator*>(self);
  PyTypeObject* type = Py_TYPE(self);
  if (it->view != nullptr) it->destroy(it->view);
  it->view = nullptr;
  type->tp_free(self);
  Py_DECREF(type);
}

inline PyObject* ViewIteratorNext(PyObject* self) noexcept {
  auto* it = reinterpret_cast<ViewIterator*>(self);
  if (it->view == nullptr || it->next >= it->count) return nullptr;  // StopIteration
  return it->item(it->view, it->next++);
}

inline PyTypeObject* ViewIteratorType() noexcept {
  static PyTypeObject* type = nullptr;
  if (type == nullptr) {
    static PyType_Slot slots[] = {
        {Py_tp_dealloc, reinterpret_cast<void*>(ViewIteratorDealloc)},
        {Py_tp_iter, reinterpret_cast<void*>(PyObject_SelfIter)},
        {Py_tp_iternext, reinterpret_cast<void*>(ViewIteratorNext)},
        {0, nullptr},
    };
    static PyType_Spec spec = {"pyxx.view_iterator", static_cast<int>(sizeof(ViewIterator)), 0, Py_TPFLAGS_DEFAULT,
                               slots};
    type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&spec));
  }
  return type;
}

template <class T, int N>
PyObject* ViewItem(void* view, Py_ssize_t k) noexcept {
  const auto& v = *static_cast<const View<T, N>*>(view);
  if constexpr (N == 1) {
    return to_python(static_cast<std::remove_cv_t<T>>(v.at(k)));
  } else {
    try {
      Axis axes[N];
      axes[0] = Axis::index(k);
      return view_to_object(v.template slice<N - 1>(axes, Site{nullptr, 0}), Site{nullptr, 0}).release();
    } catch (...) {
      SetPythonErrorFromCurrentException();
      return nullptr;
    }
  }
}

template <class T, int N>
void DeleteView(void* view) {
  delete static_cast<View<T, N>*>(view);
}

}  // namespace detail

// The iterator of `for x in v`. A None view is not iterable (Cython makes it
// the object None): TypeError.
template <class T, int N>
Ref view_iter(const View<T, N>& v, Site site) {
  if (v.is_none()) raise_c(PyExc_TypeError, "'NoneType' object is not iterable", site);
  PyTypeObject* type = detail::ViewIteratorType();
  if (type == nullptr) raise_python(site);
  auto* it = PyObject_New(detail::ViewIterator, type);
  if (it == nullptr) raise_python(site);
  it->view = nullptr;
  it->destroy = &detail::DeleteView<T, N>;
  it->item = &detail::ViewItem<T, N>;
  it->next = 0;
  it->count = v.shape(0);
  Ref iterator = Ref::steal(reinterpret_cast<PyObject*>(it));
  it->view = new (std::nothrow) View<T, N>(v);
  if (it->view == nullptr) {
    PyErr_NoMemory();
    raise_python(site);
  }
  return iterator;
}

}  // namespace pyxx
