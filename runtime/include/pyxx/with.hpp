// `with` over a Python context manager (GIL held), as CPython 3.11's
// BEFORE_WITH / WITH_EXCEPT_START do it:
//
//   {
//     pyxx::Ref manager = <expression>;
//     pyxx::WithExit with0;
//     pyxx::Ref value = with0.enter(manager.get(), site);   // looks both methods up, calls __enter__
//     try {
//       <target> = value; <body>
//     } catch (...) {
//       with0.exit_exception(pyxx_source_file, &pyxx_site);  // returns when __exit__ suppressed it
//     }
//   }  // ~WithExit: __exit__(None, None, None) on every other way out (fall through, return, break, continue)
//
// __enter__ and __exit__ are looked up on the type, as Python looks up special
// methods, and __exit__ is bound before __enter__ is called.
#pragma once

#include "python.hpp"

#include <utility>

#include "errors.hpp"
#include "errors_python.hpp"
#include "object.hpp"

namespace pyxx {

namespace detail {

// A special method looked up on the type and bound to `self`, as CPython's
// _PyObject_LookupSpecial: a new reference, or null (an error may be set).
#ifndef Py_LIMITED_API
inline PyObject* LookupSpecial(PyObject* self, PyObject* name) {
  PyObject* found = _PyType_Lookup(Py_TYPE(self), name);  // borrowed
  if (found == nullptr) {
    return nullptr;
  }
  descrgetfunc get = Py_TYPE(found)->tp_descr_get;
  if (get == nullptr) {
    Py_INCREF(found);
    return found;
  }
  return get(found, self, reinterpret_cast<PyObject*>(Py_TYPE(self)));
}
#else
// The same through the classes' dicts (the MRO in order) and `__get__`.
inline PyObject* LookupSpecial(PyObject* self, PyObject* name) {
  PyObject* type = reinterpret_cast<PyObject*>(Py_TYPE(self));
  PyObject* mro = PyObject_GetAttrString(type, "__mro__");
  if (mro == nullptr || !PyTuple_Check(mro)) {
    Py_XDECREF(mro);
    return nullptr;
  }
  PyObject* found = nullptr;
  for (Py_ssize_t i = 0; i < PyTuple_Size(mro) && found == nullptr; ++i) {
    PyObject* dict = PyObject_GetAttrString(PyTuple_GetItem(mro, i), "__dict__");
    if (dict == nullptr) {
      break;
    }
    const int has = PySequence_Contains(dict, name);
    found = has == 1 ? PyObject_GetItem(dict, name) : nullptr;
    Py_DECREF(dict);
    if (has < 0) {
      break;
    }
  }
  Py_DECREF(mro);
  if (found == nullptr || PyErr_Occurred() != nullptr ||
      !detail::LimitedTypeDefines(Py_TYPE(found), "__get__")) {
    return found;
  }
  PyObject* bound = PyObject_CallMethod(found, "__get__", "OO", self, type);
  Py_DECREF(found);
  return bound;
}
#endif

// An interned name made once per process (immortal enough: never released).
inline PyObject* InternedName(PyObject*& slot, const char* text) {
  if (slot == nullptr) {
    slot = PyUnicode_InternFromString(text);
  }
  return slot;
}

}  // namespace detail

class WithExit {
  // CPython's error for a manager without __enter__ / __exit__ (an AttributeError
  // naming the method before 3.11, which an abi3 module may run on).
  static void SetMissingMethod(PyObject* manager, PyObject* name, const char* detail) {
#if defined(Py_LIMITED_API)
    if (detail::LimitedRunningMinor() < 11) {
      PyErr_SetObject(PyExc_AttributeError, name);
      return;
    }
#elif PY_VERSION_HEX < 0x030B0000
    PyErr_SetObject(PyExc_AttributeError, name);
    return;
#else
    (void)name;
#endif
    PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the context manager protocol%s",
                 PYXX_TYPE_NAME(Py_TYPE(manager)), detail);
  }

 public:
  WithExit() noexcept = default;
  WithExit(const WithExit&) = delete;
  auto operator=(const WithExit&) -> WithExit& = delete;

  // Binds __exit__, calls __enter__ and returns its result; from then on this
  // guard calls __exit__ when its scope is left.
  Ref enter(PyObject* manager, Site site) {
    static PyObject* enter_name = nullptr;
    static PyObject* exit_name = nullptr;
    PyObject* names[2] = {detail::InternedName(enter_name, "__enter__"), detail::InternedName(exit_name, "__exit__")};
    if (names[0] == nullptr || names[1] == nullptr) {
      raise_python(site);
    }
    Ref enter = Ref::steal(detail::LookupSpecial(manager, names[0]));
    if (enter.get() == nullptr) {
      if (!PyErr_Occurred()) {
        SetMissingMethod(manager, names[0], "");
      }
      raise_python(site);
    }
    Ref exit = Ref::steal(detail::LookupSpecial(manager, names[1]));
    if (exit.get() == nullptr) {
      if (!PyErr_Occurred()) {
        SetMissingMethod(manager, names[1], " (missed __exit__ method)");
      }
      raise_python(site);
    }
    Ref value = check(PyObject_CallNoArgs(enter.get()), site);
    exit_ = std::move(exit);
    site_ = site;
    armed_ = true;
    return value;
  }

  // A normal exit: __exit__(None, None, None); its error leaves the scope.
  ~WithExit() noexcept(false) {
    if (!armed_) {
      return;
    }
    armed_ = false;
    PyObject* args[3] = {Py_None, Py_None, Py_None};
    PyObject* result = PyObject_Vectorcall(exit_.get(), args, 3, nullptr);
    if (result == nullptr) {
      raise_python(site_);
    }
    Py_DECREF(result);
  }

  // Inside the body's `catch (...)`: __exit__(type, value, traceback) with the
  // exception as the handled one (an error in __exit__ chains to it). Returns
  // when __exit__'s result is true (the exception is suppressed); otherwise
  // raises the exception again. `site` (may be null), the function's source
  // site, gets back the line the exception left the body from.
  void exit_exception(const char* filename, Site* site = nullptr) {
    const int line = site != nullptr ? site->line : 0;
    armed_ = false;
    Ref exception = catch_exception(filename);
    bool suppress = false;
    {
      HandledException handled(exception.get());
      try {
        Ref traceback = Ref::steal(PyException_GetTraceback(exception.get()));
        PyObject* args[3] = {reinterpret_cast<PyObject*>(Py_TYPE(exception.get())), exception.get(),
                             traceback.get() != nullptr ? traceback.get() : Py_None};
        Ref result = check(PyObject_Vectorcall(exit_.get(), args, 3, nullptr), site_);
        int truth = PyObject_IsTrue(result.get());
        if (truth < 0) {
          raise_python(site_);
        }
        suppress = truth != 0;
      } catch (...) {
        HandledException::propagate();
      }
    }
    if (!suppress) {
      if (site != nullptr) {
        site->line = line;
      }
      rethrow(exception.get());
    }
  }

 private:
  Ref exit_;
  Site site_{nullptr, 0};
  bool armed_ = false;
};

}  // namespace pyxx
