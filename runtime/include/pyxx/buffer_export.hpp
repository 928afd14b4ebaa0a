// Buffer export by an extension type (`__getbuffer__`/`__releasebuffer__`):
// the steps of Cython's bf_getbuffer protocol around the compiled method, and the
// counted `obj` field of the Py_buffer it fills.
#pragma once

#include "python.hpp"

#include "cclass.hpp"
#include "object.hpp"

namespace pyxx {

// Before `__getbuffer__` runs: false (BufferError set) for the obsolete null
// view; else `view->obj` holds a new reference to None, as Cython sets it.
inline bool getbuffer_begin(Py_buffer* view) noexcept {
  if (view == nullptr) {
    PyErr_SetString(PyExc_BufferError, "PyObject_GetBuffer: view==NULL argument is obsolete");
    return false;
  }
  view->obj = new_none();
  return true;
}

// After it returned: an `obj` left None exports no object (PyBuffer_Release will
// then not call `__releasebuffer__`), as in Cython.
inline int getbuffer_end(Py_buffer* view) noexcept {
  if (view->obj == Py_None) {
    Py_CLEAR(view->obj);
  }
  return 0;
}

// After it raised (the exception is set): the view holds no object.
inline int getbuffer_failed(Py_buffer* view) noexcept {
  Py_CLEAR(view->obj);
  return -1;
}

// `buffer.obj` read: a new reference (None for a view that holds no object).
inline Ref buffer_obj(const Py_buffer* view) noexcept {
  return Ref::borrow(view->obj != nullptr ? view->obj : Py_None);
}

// `PyBuffer_FillInfo(view, exporter, ...)` as Cython's declaration (`except -1`):
// it stores a new reference to the exporter over the view's `obj` without
// dropping the one there (None, set by getbuffer_begin, or what the method
// stored), which is dropped here once the call succeeded (a failed call leaves it).
inline int buffer_fill_info(Py_buffer* view, PyObject* exporter, const void* buf, Py_ssize_t len, int readonly,
                            int flags, Site site) {
  PyObject* old = view->obj;
  if (PyBuffer_FillInfo(view, exporter, const_cast<void*>(buf), len, readonly, flags) < 0) {
    raise_python(site);
  }
  Py_XDECREF(old);  // the view's reference (FillInfo holds its own to the exporter)
  return 0;
}

// bf_releasebuffer may run while an exception propagates (a view released as a
// frame unwinds): that exception is kept aside while `__releasebuffer__` runs.
class KeptErrorScope {
 public:
  KeptErrorScope() noexcept { PyErr_Fetch(&type_, &value_, &traceback_); }
  ~KeptErrorScope() { PyErr_Restore(type_, value_, traceback_); }
  KeptErrorScope(const KeptErrorScope&) = delete;
  KeptErrorScope& operator=(const KeptErrorScope&) = delete;

 private:
  PyObject* type_ = nullptr;
  PyObject* value_ = nullptr;
  PyObject* traceback_ = nullptr;
};

// The module object a type's buffer slots pass to the compiled methods: kept by
// the class statement that made the type (the type lives as long as the process).
inline void keep_buffer_module(PyObject*& slot, PyObject* module) noexcept {
  Py_INCREF(module);
  PyObject* old = slot;
  slot = module;
  Py_XDECREF(old);
}

}  // namespace pyxx
