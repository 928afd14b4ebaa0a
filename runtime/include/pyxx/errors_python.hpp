// Python's exception semantics for `raise`, `try/except` and `try/finally`, on
// top of the C++ exceptions of errors.hpp.
//
// Entering an `except` or a `finally` that runs because of an exception makes
// that exception the thread's *handled* exception (what sys.exc_info() shows)
// until the block is left, as CPython does. An exception raised meanwhile is
// turned into a Python one before that is undone, so CPython's own chaining
// gives it the handled exception as `__context__` -- also a CError, which is
// only made a Python exception this late.
#pragma once

#include "python.hpp"

#include <atomic>
#include <exception>
#include <utility>

#include "errors.hpp"
#include "gil.hpp"
#include "object.hpp"

namespace pyxx {

namespace detail {

// `raise X` / `from X`: a class is called without arguments, an instance is
// used as it is. New reference, or nullptr with the error set (`what` names
// the role in the TypeError: "exceptions" or "exception causes").
inline PyObject* ExceptionInstance(PyObject* exc, const char* what) {
  if (PyExceptionClass_Check(exc)) {
    PyObject* instance = PyObject_CallNoArgs(exc);
    if (instance != nullptr && !PyExceptionInstance_Check(instance)) {
      PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %s", exc,
                   PYXX_TYPE_NAME(Py_TYPE(instance)));
      Py_CLEAR(instance);
    }
    return instance;
  }
  if (PyExceptionInstance_Check(exc)) {
    Py_INCREF(exc);
    return exc;
  }
  PyErr_Format(PyExc_TypeError, "%s must derive from BaseException", what);
  return nullptr;
}

// Makes `exc` (a reference this takes over; null for none) the handled exception.
inline void SetHandled(PyObject* exc) noexcept {
  if (exc == nullptr) {
    PyErr_SetExcInfo(nullptr, nullptr, nullptr);
    return;
  }
  PyObject* type = reinterpret_cast<PyObject*>(Py_TYPE(exc));
  Py_INCREF(type);
  PyErr_SetExcInfo(type, exc, PyException_GetTraceback(exc));
}

// The top entry of the thread's handled-exception stack, exactly (a new
// reference; null or None when it holds none), to put back with RestoreTop()
// when an `except`/`finally` block is left -- as CPython's PUSH_EXC_INFO and
// POP_EXCEPT do. (PyErr_GetExcInfo looks through empty entries: inside
// a generator the top entry is the generator's own, which must not get its
// caller's exception.)
#ifndef Py_LIMITED_API
inline PyObject* SaveTop() noexcept {
  PyObject* value = PyThreadState_Get()->exc_info->exc_value;
  Py_XINCREF(value);
  return value;
}

inline void RestoreTop(PyObject* stolen) noexcept {
  _PyErr_StackItem* top = PyThreadState_Get()->exc_info;
#if PY_VERSION_HEX < 0x030B0000
  // 3.9 and 3.10 keep a (type, value, traceback) triple; the interpreter
  // stores a normalised exception whose __traceback__ is the traceback, and
  // None (or null) in all three when the entry holds no exception.
  PyObject* type = stolen;
  PyObject* traceback = stolen;
  if (stolen != nullptr && stolen != Py_None) {
    type = reinterpret_cast<PyObject*>(Py_TYPE(stolen));
    traceback = PyException_GetTraceback(stolen);  // new reference or null
    Py_INCREF(type);
  } else {
    Py_XINCREF(type);
    Py_XINCREF(traceback);
  }
  PyObject* old_type = top->exc_type;
  PyObject* old_traceback = top->exc_traceback;
  top->exc_type = type;
  top->exc_traceback = traceback;
  Py_XDECREF(old_type);
  Py_XDECREF(old_traceback);
#endif
  PyObject* old = top->exc_value;
  top->exc_value = stolen;
  Py_XDECREF(old);
}
#else
// The limited API reads the handled exception only through PyErr_GetExcInfo,
// which looks through empty entries. The top entry held the exception found
// unless, with the top cleared, the same one is still found below it (called
// from a Python generator that handles none itself: its entry is empty).
// Generators of the module's own are refused (PX306), so the top entry is the
// thread's or a Python generator's.
inline PyObject* SaveTop() noexcept {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_GetExcInfo(&type, &value, &traceback);
  if (value == nullptr || value == Py_None) {
    Py_XDECREF(type);
    Py_XDECREF(traceback);
    return value;
  }
  PyErr_SetExcInfo(nullptr, nullptr, nullptr);
  PyObject* below_type = nullptr;
  PyObject* below = nullptr;
  PyObject* below_traceback = nullptr;
  PyErr_GetExcInfo(&below_type, &below, &below_traceback);
  const bool top_was_empty = below == value;
  Py_XDECREF(below_type);
  Py_XDECREF(below);
  Py_XDECREF(below_traceback);
  Py_XINCREF(value);
  PyErr_SetExcInfo(type, value, traceback);  // steals; the top as it was
  if (top_was_empty) {
    PyErr_SetExcInfo(nullptr, nullptr, nullptr);
    Py_DECREF(value);
    return nullptr;
  }
  return value;
}

inline void RestoreTop(PyObject* stolen) noexcept {
  if (stolen == nullptr || stolen == Py_None) {
    Py_XDECREF(stolen);
    PyErr_SetExcInfo(nullptr, nullptr, nullptr);
    return;
  }
  PyObject* type = reinterpret_cast<PyObject*>(Py_TYPE(stolen));
  Py_INCREF(type);
  PyErr_SetExcInfo(type, stolen, PyException_GetTraceback(stolen));
}
#endif

// Inside `catch (...)`, GIL held: sets the Python exception for the C++ one and
// throws it on as a PythonError that keeps its site and the callers passed.
[[noreturn]] inline void ThrowAsPython() {
  Callers callers;
  Site site = SetPythonErrorFromCurrentException(&callers);
  throw PythonError{site, callers};
}

}  // namespace detail

// `assert`: false when the interpreter runs with -O (sys.flags.optimize), where
// Python compiles assert statements out -- their condition and message are not
// evaluated either. Read once per process (with the GIL: callable from nogil code).
inline bool assertions_enabled() noexcept {
  static std::atomic<int> enabled{-1};
  int value = enabled.load(std::memory_order_relaxed);
  if (value < 0) {
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject* type = nullptr;
    PyObject* exc = nullptr;
    PyObject* traceback = nullptr;
    PyErr_Fetch(&type, &exc, &traceback);
    long optimize = 0;
    PyObject* flags = PySys_GetObject("flags");  // borrowed
    PyObject* level = flags != nullptr ? PyObject_GetAttrString(flags, "optimize") : nullptr;
    if (level != nullptr) {
      optimize = PyLong_AsLong(level);
      Py_DECREF(level);
    }
    PyErr_Clear();
    PyErr_Restore(type, exc, traceback);
    PyGILState_Release(gil);
    value = optimize > 0 ? 0 : 1;
    enabled.store(value, std::memory_order_relaxed);
  }
  return value != 0;
}

// `raise exc [from cause]` (GIL held). `cause` is null without `from`; a class
// there is instantiated too, and None clears the cause; either way
// `__suppress_context__` becomes true, as in Python.
inline void set_exception(PyObject* exc, PyObject* cause) {
  PyObject* instance = detail::ExceptionInstance(exc, "exceptions");
  if (instance == nullptr) {
    return;
  }
  if (cause != nullptr) {
    PyObject* cause_instance = nullptr;
    if (cause != Py_None) {
      cause_instance = detail::ExceptionInstance(cause, "exception causes");
      if (cause_instance == nullptr) {
        Py_DECREF(instance);
        return;
      }
    }
    PyException_SetCause(instance, cause_instance);  // steals; sets __suppress_context__
  }
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(instance)), instance);
  Py_DECREF(instance);
}

// `except`: inside `catch (...)`, with the GIL held, turns the C++ exception into
// the Python exception object it stands for (with its traceback) and clears the
// error indicator, as entering an `except` block does.
inline Ref catch_exception(const char* filename) noexcept {
  detail::SetPythonErrorWithTraceback(filename);
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (value != nullptr && traceback != nullptr) {
    PyException_SetTraceback(value, traceback);
  }
  Py_XDECREF(type);
  Py_XDECREF(traceback);
  return Ref::steal(value);
}

inline bool exception_matches(PyObject* exception, PyObject* type) noexcept {
  return PyErr_GivenExceptionMatches(exception, type) != 0;
}

// Re-raises a caught exception (a bare `raise`, or no handler matched). Its
// traceback already names this frame, so no new entry is added.
[[noreturn]] inline void rethrow(PyObject* exception) {
  PyObject* type = reinterpret_cast<PyObject*>(Py_TYPE(exception));
  Py_INCREF(type);
  Py_INCREF(exception);
  PyErr_Restore(type, exception, PyException_GetTraceback(exception));
  raise_python(Site{nullptr, 0});
}

// The `except` clauses of one `try`, declared (GIL held) right after
// catch_exception(): the caught exception is the handled one until the clauses
// are left, by any path. The clauses run in a `try` whose `catch (...)` calls
// propagate(), so an exception leaving them gets the caught one as __context__.
class HandledException {
 public:
  explicit HandledException(PyObject* exception) noexcept : previous_(detail::SaveTop()) {
    Py_XINCREF(exception);
    detail::SetHandled(exception);
  }
  HandledException(const HandledException&) = delete;
  auto operator=(const HandledException&) -> HandledException& = delete;
  ~HandledException() { detail::RestoreTop(previous_); }

  [[noreturn]] static void propagate() { detail::ThrowAsPython(); }

 private:
  PyObject* previous_;
};

// `except E as name:` deletes `name` when the clause is left by any path, as
// Python does. A local:
class UnbindOnExit {
 public:
  explicit UnbindOnExit(Ref& local) noexcept : local_(local) {}
  UnbindOnExit(const UnbindOnExit&) = delete;
  auto operator=(const UnbindOnExit&) -> UnbindOnExit& = delete;
  ~UnbindOnExit() { local_.reset(); }

 private:
  Ref& local_;
};

// ... and a module global (GIL held; a pending error is left untouched).
class UnbindGlobalOnExit {
 public:
  UnbindGlobalOnExit(PyObject* globals, const char* name) noexcept : globals_(globals), name_(name) {}
  UnbindGlobalOnExit(const UnbindGlobalOnExit&) = delete;
  auto operator=(const UnbindGlobalOnExit&) -> UnbindGlobalOnExit& = delete;
  ~UnbindGlobalOnExit() {
    PyObject* type = nullptr;
    PyObject* value = nullptr;
    PyObject* traceback = nullptr;
    PyErr_Fetch(&type, &value, &traceback);
    if (PyDict_DelItemString(globals_, name_) < 0) {
      PyErr_Clear();  // already deleted inside the clause
    }
    PyErr_Restore(type, value, traceback);
  }

 private:
  PyObject* globals_;
  const char* name_;
};

// `finally`. Declared before the `try` it guards, it runs `body` when the scope
// is left normally (fall through, `return`, `break`, `continue`); the `try`'s
// `catch (...)` calls run_propagating() for the exceptional exit. The GIL may
// be held or not (a nogil function): it is taken only on the exceptional path.
template <class Body>
class Finally {
 public:
  explicit Finally(Body body) : body_(std::move(body)) {}
  Finally(const Finally&) = delete;
  auto operator=(const Finally&) -> Finally& = delete;
  // May throw: an exception raised by the finally block leaves the scope.
  ~Finally() noexcept(false) {
    if (armed_) {
      body_();
    }
  }

  // Inside `catch (...)`: sets the propagating exception aside (as the handled
  // one, so sys.exc_info() sees it and a new one chains to it), runs the body,
  // then raises the propagating exception again -- or lets the body's own
  // exception replace it, as Python does. `site` (may be null), the function's
  // source site, gets back the line the exception came from once the body ran:
  // the function's traceback entry names that line, as Python's does.
  [[noreturn]] void run_propagating(const char* filename, Site* site = nullptr) {
    const int line = site != nullptr ? site->line : 0;
    armed_ = false;
    PyObject* pending = nullptr;
    PyObject* previous = nullptr;
    {
      AcquiredGil gil;
      pending = catch_exception(filename).release();
      previous = detail::SaveTop();
      Py_XINCREF(pending);
      detail::SetHandled(pending);
    }
    try {
      body_();
    } catch (...) {
      AcquiredGil gil;
      Callers callers;
      Site site = detail::SetPythonErrorFromCurrentException(&callers);  // chains to `pending`
      detail::RestoreTop(previous);
      Py_XDECREF(pending);
      throw PythonError{site, callers};
    }
    if (site != nullptr) {
      site->line = line;
    }
    AcquiredGil gil;
    detail::RestoreTop(previous);
    Ref exception = Ref::steal(pending);
    rethrow(exception.get());
  }

 private:
  Body body_;
  bool armed_ = true;
};

// How the blocks of a `try` whose `finally` block jumps were left (besides an
// exception): the jump to make once the finally block completes.
enum class Leave : unsigned char { kNormal, kReturn, kBreak, kContinue };

// `finally` whose block may leave by `return`, `break` or `continue`: emitted
// inline after its `try` (not as a Finally guard), so that those jumps are the
// enclosing function's own:
//
//   pyxx::PendingException pending;  pyxx::Leave leave = pyxx::Leave::kNormal;
//   try { ...; leave = pyxx::Leave::kReturn; goto fin; } catch (...) { pending.catch_propagating(file); }
//   fin: try { <finally block> } catch (...) { pending.replace(); }
//   pending.raise_again();  if (leave == pyxx::Leave::kReturn) ...
//
// While an exception propagates the block runs with it set aside as the
// handled one. A jump out of the block drops it (the destructor), as Python
// does; an exception raised in the block replaces it (and chains to it).
// The GIL may be held or not: it is taken only while an exception is held.
class PendingException {
 public:
  PendingException() noexcept = default;
  PendingException(const PendingException&) = delete;
  auto operator=(const PendingException&) -> PendingException& = delete;
  ~PendingException() { discard(); }

  // Inside the `try`'s `catch (...)`: takes the propagating exception and makes
  // it the handled one. `site` (may be null), the function's source site: the
  // line the exception left the `try` from, given back by raise_again().
  void catch_propagating(const char* filename, const Site* site = nullptr) noexcept {
    line_ = site != nullptr ? site->line : 0;
    AcquiredGil gil;
    pending_ = catch_exception(filename).release();
    previous_ = detail::SaveTop();
    Py_XINCREF(pending_);
    detail::SetHandled(pending_);
    caught_ = true;
  }

  // Inside `catch (...)` around the finally block: its exception goes on,
  // chained to the one held (which is dropped).
  [[noreturn]] void replace() {
    if (!caught_) {
      throw;
    }
    AcquiredGil gil;
    Callers callers;
    Site site = detail::SetPythonErrorFromCurrentException(&callers);  // chains to pending_
    caught_ = false;
    detail::RestoreTop(previous_);
    Py_XDECREF(pending_);
    throw PythonError{site, callers};
  }

  // After the finally block completed: the exception held (if any) propagates
  // again, from the line it came from (`site`, may be null).
  void raise_again(Site* site = nullptr) {
    if (!caught_) {
      return;
    }
    if (site != nullptr) {
      site->line = line_;
    }
    caught_ = false;
    AcquiredGil gil;
    detail::RestoreTop(previous_);
    Ref exception = Ref::steal(pending_);
    rethrow(exception.get());
  }

 private:
  void discard() noexcept {
    if (caught_) {
      AcquiredGil gil;
      detail::RestoreTop(previous_);
      Py_XDECREF(pending_);
    }
  }

  PyObject* pending_ = nullptr;
  PyObject* previous_ = nullptr;
  int line_ = 0;
  bool caught_ = false;
};

}  // namespace pyxx
