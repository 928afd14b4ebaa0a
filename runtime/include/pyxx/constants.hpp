// The constants of a generated module: str, bytes, int and float literals that
// are used as Python objects, and the names of attributes and globals. Each is
// made once, not at each use.
//
// They are shared by every module object of the extension (str, bytes, int and
// float objects are immutable, so sharing them cannot be observed): the first
// module object's exec function makes them, with the GIL held, and they are
// released when the last module object that holds them is freed (its m_free),
// so an interpreter that is finalized leaves none behind. A module object that
// was never executed holds none and has no functions either (they are added by
// the exec function, after the constants). Other interpreters are refused
// (module.hpp), so one interpreter owns them at any time.
#pragma once

#include "python.hpp"

#include <cstddef>

namespace pyxx {

// One constant: a borrowed reference, valid while the module runs.
class Constant {
 public:
  PyObject* get() const noexcept { return object_; }

 private:
  friend class ConstantTable;
  PyObject* object_ = nullptr;
};

// How to make a constant. `text` is the UTF-8 text of a str (surrogates as
// "surrogatepass" writes them), the bytes of a bytes, or an int literal as
// Python spells it (base prefixes and underscores allowed); `size` its length
// (str, bytes); `number` the value of a float.
struct ConstantSpec {
  enum Kind { kStr, kName, kBytes, kInt, kFloat };
  Constant* constant;
  Kind kind;  // kName: a str that is interned (names of attributes and globals)
  const char* text;
  Py_ssize_t size;
  double number;
};

class ConstantTable {
 public:
  constexpr ConstantTable() noexcept = default;
  template <std::size_t N>
  explicit constexpr ConstantTable(const ConstantSpec (&specs)[N]) noexcept : specs_(specs), count_(N) {}
  ConstantTable(const ConstantTable&) = delete;
  auto operator=(const ConstantTable&) -> ConstantTable& = delete;

  // In the exec function of `module` (GIL held): makes the constants unless a
  // module object of the extension holds them already, and records in the
  // module's state that it holds them. False, with a Python exception set
  // (MemoryError...), when one could not be made; then none is kept.
  bool acquire(PyObject* module) noexcept {
#ifdef Py_LIMITED_API
    if (!detail::LimitedEnterInterpreter(module)) {
      return false;
    }
#endif
    int* holds = static_cast<int*>(PyModule_GetState(module));
    if (holds == nullptr) {
      if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "pyxx: the module has no state");
      }
      return false;
    }
    if (*holds != 0) {
      return true;
    }
    if (users_ == 0 && !Make()) {
      return false;
    }
    ++users_;
    *holds = 1;
    return true;
  }

  // The module's m_free: a module object that may hold the constants is gone.
  void release(PyObject* module) noexcept {
    int* holds = static_cast<int*>(PyModule_GetState(module));
    if (holds == nullptr || *holds == 0) {
      return;
    }
    *holds = 0;
    if (--users_ == 0) {
      Clear();
    }
  }

 private:
  static PyObject* MakeOne(const ConstantSpec& spec) noexcept {
    switch (spec.kind) {
      case ConstantSpec::kStr:
        return PyUnicode_DecodeUTF8(spec.text, spec.size, "surrogatepass");
      case ConstantSpec::kName: {
        PyObject* name = PyUnicode_DecodeUTF8(spec.text, spec.size, "surrogatepass");
        if (name != nullptr) {
          PyUnicode_InternInPlace(&name);
        }
        return name;
      }
      case ConstantSpec::kBytes:
        return PyBytes_FromStringAndSize(spec.text, spec.size);
      case ConstantSpec::kInt:
        return PyLong_FromString(spec.text, nullptr, 0);
      case ConstantSpec::kFloat:
        return PyFloat_FromDouble(spec.number);
    }
    PyErr_SetString(PyExc_SystemError, "pyxx: unknown kind of constant");
    return nullptr;
  }

  bool Make() noexcept {
    for (std::size_t i = 0; i < count_; ++i) {
      PyObject* object = MakeOne(specs_[i]);
      if (object == nullptr) {
        Clear();
        return false;
      }
      specs_[i].constant->object_ = object;
    }
    return true;
  }

  void Clear() noexcept {
    for (std::size_t i = 0; i < count_; ++i) {
      Py_CLEAR(specs_[i].constant->object_);
    }
  }

  const ConstantSpec* specs_ = nullptr;
  std::size_t count_ = 0;
  int users_ = 0;  // module objects holding the constants
};

}  // namespace pyxx
