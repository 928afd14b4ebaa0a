// Errors travel through native code as C++ exceptions.
//
// Code running without the GIL cannot touch the Python error indicator, so a
// zero division or a failed bounds check throws a CError (a type and a static
// message: no allocation, no GIL). Code that already set the indicator (a
// failed C-API call, an explicit `raise` under a briefly taken GIL) throws a
// PythonError. Unwinding runs the GIL guards' destructors, so by the time a
// Python entry point catches the exception it holds the GIL again and can turn
// it into a Python exception with handle_exception().
#pragma once

#include "python.hpp"

#include <cstring>
#include <exception>
#include <new>

#ifdef Py_LIMITED_API
#include "traceback_limited.hpp"
#elif PY_VERSION_HEX >= 0x030D0000
// Still exported by CPython 3.13+, but its declaration moved to the internal headers.
extern "C" PyAPI_FUNC(void) _PyTraceback_Add(const char*, const char*, int);
#endif

namespace pyxx {

// Where in the .pyx source an error was raised; becomes the traceback entry.
// A generated function keeps one, `pyxx_site`, and sets its line at each
// statement; a part of a statement on another line passes `pyxx_site.at(line)`.
// `file` is set only for a site in another pyxx module whose C function this
// one called (pyxx/cimport.hpp); nullptr means the module's own source file.
struct Site {
  const char* function;
  int line;
  const char* file = nullptr;
  constexpr Site at(int other_line) const noexcept { return Site{function, other_line, file}; }
};

// An exception to raise later, described without Python objects.
// `type` is a builtin exception class (PyExc_...), `message` a static string.
// The functions an error passed through on its way out, innermost first (each
// becomes a traceback entry, as Python's frames do). A few suffice in practice.
struct Callers {
  Site sites[8] = {};
  int count = 0;
  bool left_origin = false;  // the error has left the function that raised it
  void push(Site site) noexcept {
    if (count < 8) {
      sites[count++] = site;
    }
  }
};

struct CError {
  PyObject* type;
  const char* message;
  Site site;
  Callers callers{};
};

// The Python error indicator of the throwing thread is already set.
struct PythonError {
  Site site;
  Callers callers{};
};

namespace detail {

// Out of line and cold, with the site's parts as scalars (in registers): a Site
// passed by value (24 bytes, in memory) made GCC build it on the stack at every
// iteration of a loop with a check (a bounds check, a division), for a call
// that never runs (a checked stencil ran at 2.5x Cython's time).
[[noreturn, gnu::noinline, gnu::cold]] inline void RaiseC(PyObject* type, const char* message, const char* function,
                                                         int line, const char* file) {
  throw CError{type, message, Site{function, line, file}};
}

}  // namespace detail

[[noreturn]] inline void raise_c(PyObject* type, const char* message, Site site) {
  detail::RaiseC(type, message, site.function, site.line, site.file);
}

namespace detail {

// Out of line and cold for the same reason as RaiseC, and so that each raising
// site in generated code is one call, not an inlined throw.
[[noreturn, gnu::noinline, gnu::cold]] inline void RaisePython(const char* function, int line, const char* file) {
  throw PythonError{Site{function, line, file}};
}

}  // namespace detail

[[noreturn]] inline void raise_python(Site site) { detail::RaisePython(site.function, site.line, site.file); }

namespace detail {

// Sets the Python exception for the exception being handled and returns the
// site to blame (function nullptr when there is none).
inline Site SetPythonErrorFromCurrentException(Callers* callers = nullptr) noexcept {
  if (!std::current_exception()) {  // called outside a handler: a bug in the caller
    PyErr_SetString(PyExc_SystemError, "pyxx: handle_exception called without an exception");
    return Site{nullptr, 0};
  }
  try {
    throw;
  } catch (const CError& e) {
    PyErr_SetString(e.type, e.message);
    if (callers != nullptr) {
      *callers = e.callers;
    }
    return e.site;
  } catch (const PythonError& e) {
    if (!PyErr_Occurred()) {
      PyErr_SetString(PyExc_SystemError, "pyxx: error raised without a Python exception set");
    }
    if (callers != nullptr) {
      *callers = e.callers;
    }
    return e.site;
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
  } catch (const std::exception& e) {
    PyErr_Format(PyExc_SystemError, "unexpected C++ exception: %s", e.what());
  } catch (...) {
    PyErr_SetString(PyExc_SystemError, "unexpected C++ exception of unknown type");
  }
  return Site{nullptr, 0};
}

inline void AddTraceback(const char* filename, Site site) noexcept {
  const char* file = site.file != nullptr ? site.file : filename;
  if (site.function != nullptr && file != nullptr) {
#ifdef Py_LIMITED_API
    AddTracebackLimited(site.function, file, site.line);
#else
    _PyTraceback_Add(site.function, file, site.line);
#endif
  }
}

// Sets the Python exception for the C++ one being handled and adds a traceback
// entry for the raising site and for each function it passed through.
[[gnu::noinline, gnu::cold]] inline void SetPythonErrorWithTraceback(const char* filename) noexcept {
  Callers callers;
  AddTraceback(filename, SetPythonErrorFromCurrentException(&callers));
  for (int i = 0; i < callers.count; ++i) {
    AddTraceback(filename, callers.sites[i]);
  }
}

}  // namespace detail

// To be called inside `catch (...)` in a Python entry point, with the GIL held.
// Sets the Python exception (CError: its type and message; PythonError: the one
// already set; std::bad_alloc: MemoryError; anything else: SystemError), adds
// the traceback entry `File "<filename>", line <site.line>, in <site.function>`
// and returns nullptr, the error return of a Python entry point.
inline PyObject* handle_exception(const char* filename) noexcept {
  detail::SetPythonErrorWithTraceback(filename);
  return nullptr;
}

// The same for slots that return int (module exec functions, setters): returns -1.
inline int handle_exception_int(const char* filename) noexcept {
  detail::SetPythonErrorWithTraceback(filename);
  return -1;
}

namespace detail {

inline bool SameName(const char* a, const char* b) noexcept {
  return a == b || (a != nullptr && b != nullptr && std::strcmp(a, b) == 0);
}

// The first handler an error meets with no caller recorded yet, in a function
// of the raising site's name (and file: a cimported module's sites carry
// theirs), is the raising function's own: the site is its entry already. The
// emitter gives every raising function named as one with a handler a handler
// too (check/effects.cpp), so a callee of the same name never gets here first.
inline void AddCaller(const Site& origin, Callers& callers, Site site) noexcept {
  if (callers.count == 0 && !callers.left_origin && SameName(origin.function, site.function) &&
      SameName(origin.file, site.file)) {
    callers.left_origin = true;
    return;
  }
  callers.left_origin = true;
  callers.push(site);
}

}  // namespace detail

// Inside `catch (...)` of a function the error passes through: records the
// line of that function it left from. The caller then rethrows with `throw;`.
namespace detail {

// Out of line and cold: every function an error can pass through has a handler.
[[gnu::noinline, gnu::cold]] inline void AddCallerOf(const char* function, int line, const char* file) noexcept {
  const Site site{function, line, file};
  try {
    throw;
  } catch (CError& e) {
    AddCaller(e.site, e.callers, site);
  } catch (PythonError& e) {
    AddCaller(e.site, e.callers, site);
  } catch (...) {
  }
}

}  // namespace detail

inline void add_caller(Site site) noexcept { detail::AddCallerOf(site.function, site.line, site.file); }

}  // namespace pyxx
