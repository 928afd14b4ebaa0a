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

// An object parameter lent by the caller: a `def` function's parameter that
// its body never binds again. The caller (the Python entry point, or a call
// from the module) keeps the object alive for the whole call, so the callee
// takes no reference of its own and its entry point holds no `Ref` whose
// release every exit would need. Where the body keeps the value (a variable,
// a container, a return) it converts to a new `Ref`. Only a parameter has
// this type: a `Lent` never outlives the call it was lent to.
class Lent {
 public:
  Lent(PyObject* obj) noexcept : obj_(obj) {}
  Lent(const Ref& ref) noexcept : obj_(ref.get()) {}
  Lent(const Lent&) noexcept = default;
  Lent& operator=(const Lent&) = delete;  // a parameter the body binds again is a Ref

  PyObject* get() const noexcept { return obj_; }
  PyObject* new_reference() const noexcept {
    Py_XINCREF(obj_);
    return obj_;
  }
  operator Ref() const noexcept { return Ref::borrow(obj_); }
  explicit operator bool() const noexcept { return obj_ != nullptr; }

 private:
  PyObject* obj_;
};

// For C-API calls returning a new reference or null with an exception set.
inline Ref check(PyObject* p, Site s) {
  if (p == nullptr) raise_python(s);
  return Ref::steal(p);
}

}  // namespace pyxx
