// An owning reference to a Python object: the one place generated code keeps a
// PyObject* across statements, so every path (return, exception) drops it.
#pragma once

#include "errors.hpp"

namespace pyxx {

class Ref {
 public:
  Ref() noexcept = default;
  ~Ref() { Py_XDECREF(obj_); }

  Ref(Ref&& other) noexcept : obj_(other.obj_) { other.obj_ = nullptr; }
  Ref& operator=(Ref&& other) noexcept {
    if (this != &other) {
      PyObject* old = obj_;
      obj_ = other.obj_;
      other.obj_ = nullptr;
      Py_XDECREF(old);  // last: its destructor may run arbitrary Python code
    }
    return *this;
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;

  // Takes over a new reference (may be null).
  static Ref steal(PyObject* obj) noexcept { return Ref(obj); }
  // Adds a reference to a borrowed one (may be null).
  static Ref borrow(PyObject* obj) noexcept {
    Py_XINCREF(obj);
    return Ref(obj);
  }

  PyObject* get() const noexcept { return obj_; }
  // Gives up ownership: the caller now owns the reference.
  PyObject* release() noexcept {
    PyObject* obj = obj_;
    obj_ = nullptr;
    return obj;
  }
  // A new reference for the caller; this Ref keeps its own.
  PyObject* new_reference() const noexcept {
    Py_XINCREF(obj_);
    return obj_;
  }
  void reset(PyObject* stolen = nullptr) noexcept {
    PyObject* old = obj_;
    obj_ = stolen;
    Py_XDECREF(old);
  }
  explicit operator bool() const noexcept { return obj_ != nullptr; }
  // Takes over a new reference into a Ref known to be empty (Frame::hold):
  // no release of an old value to compile.
  void fill_empty(PyObject* stolen) noexcept { obj_ = stolen; }

 private:
  explicit Ref(PyObject* obj) noexcept : obj_(obj) {}
  PyObject* obj_ = nullptr;
};

// For C-API calls returning a new reference or null with an exception set.
inline Ref check(PyObject* p, Site s) {
  if (p == nullptr) raise_python(s);
  return Ref::steal(p);
}

}  // namespace pyxx
