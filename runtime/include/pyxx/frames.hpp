// globals(), locals(), vars(), dir(), eval() and exec() in compiled code.
//
// CPython's builtins read the namespaces of the Python frame that calls them;
// compiled code runs in none, so they would see its caller's. Module code and
// class bodies give them their own: the module's __dict__ and the class
// namespace. A function's local variables are no mapping: the checker rejects
// the calls that would need one (PX302), and a call whose arguments are only
// known at run time (`eval(*args)`, a globals argument that is None) raises
// NotImplementedError rather than read the caller's.
#pragma once

#include "python.hpp"

#include "closure.hpp"
#include "errors.hpp"
#include "object.hpp"

namespace pyxx {

enum class FrameKind : int { Globals, Locals, Vars, Dir, Eval, Exec };
enum class FrameScopeKind : int { Module, ClassBody, Function };  // checked::FrameScope

inline Ref module_globals(PyObject* module) { return Ref::borrow(PyModule_GetDict(module)); }

// dir() without an argument: the sorted names of a namespace, as builtins.dir.
inline PyObject* namespace_dir_raw(PyObject* ns) {
  PyObject* names = PyMapping_Keys(ns);
  if (names == nullptr) return nullptr;
  if (!PyList_Check(names)) {
    PyErr_Format(PyExc_TypeError, "dir(): expected keys() of locals to be a list, not '%.200s'",
                 Py_TYPE(names)->tp_name);
    Py_DECREF(names);
    return nullptr;
  }
  if (PyList_Sort(names) < 0) {
    Py_DECREF(names);
    return nullptr;
  }
  return names;
}

inline Ref namespace_dir(PyObject* ns, Site site) { return check(namespace_dir_raw(ns), site); }

namespace detail {

inline PyObject* FrameUnavailable(const char* what) {
  PyErr_Format(PyExc_NotImplementedError,
               "%s in a compiled function needs its local variables as a mapping; "
               "pass the namespaces explicitly, e.g. eval(s, globals(), {...})",
               what);
  return nullptr;
}

// The keyword argument `name` of a vectorcall, borrowed, or null.
inline PyObject* KeywordArg(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, const char* name) {
  if (kwnames == nullptr) return nullptr;
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); ++i) {
    if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(kwnames, i), name) == 0) return args[nargs + i];
  }
  return nullptr;
}

// self: (the builtin, FrameKind, module __dict__, class namespace or None, FrameScopeKind).
inline PyObject* FrameBuiltinCall(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  PyObject* builtin = PyTuple_GET_ITEM(self, 0);
  const auto kind = static_cast<FrameKind>(PyLong_AsLong(PyTuple_GET_ITEM(self, 1)));
  PyObject* globals = PyTuple_GET_ITEM(self, 2);
  PyObject* class_ns = PyTuple_GET_ITEM(self, 3);
  const auto scope = static_cast<FrameScopeKind>(PyLong_AsLong(PyTuple_GET_ITEM(self, 4)));
  const Py_ssize_t nkw = kwnames == nullptr ? 0 : PyTuple_GET_SIZE(kwnames);
  PyObject* locals = scope == FrameScopeKind::ClassBody ? class_ns : scope == FrameScopeKind::Module ? globals : nullptr;
  if (kind != FrameKind::Eval && kind != FrameKind::Exec) {
    if (nargs != 0 || nkw != 0) return PyObject_Vectorcall(builtin, args, nargs, kwnames);  // its own error or vars(x)
    if (kind == FrameKind::Globals) return Ref::borrow(globals).release();
    if (locals == nullptr) {
      return FrameUnavailable(kind == FrameKind::Dir ? "dir()" : kind == FrameKind::Vars ? "vars()" : "locals()");
    }
    return kind == FrameKind::Dir ? namespace_dir_raw(locals) : Ref::borrow(locals).release();
  }
  PyObject* given_globals = nargs >= 2 ? args[1] : KeywordArg(args, nargs, kwnames, "globals");
  if (nargs == 0 || (given_globals != nullptr && given_globals != Py_None)) {
    return PyObject_Vectorcall(builtin, args, nargs, kwnames);  // the frame is not read
  }
  PyObject* given_locals = nargs >= 3 ? args[2] : KeywordArg(args, nargs, kwnames, "locals");
  if (given_locals == Py_None) given_locals = nullptr;
  const char* what = kind == FrameKind::Eval ? "eval() without globals" : "exec() without globals";
  if (given_locals == nullptr && locals == nullptr) return FrameUnavailable(what);
  if (nargs > 3) return PyObject_Vectorcall(builtin, args, nargs, kwnames);  // the builtin's own error
  if (KeywordArg(args, nargs, kwnames, "globals") != nullptr || KeywordArg(args, nargs, kwnames, "locals") != nullptr) {
    // Keywords where Python 3.13 takes them (and reads the frame for those left out).
    PyErr_Format(PyExc_NotImplementedError, "%s by keyword in compiled code: pass the namespaces positionally", what);
    return nullptr;
  }
  // source, the module's globals, the locals given or the scope's; then the other keywords.
  PyObject* call_args[3 + 8];
  if (nkw > 8) return PyObject_Vectorcall(builtin, args, nargs, kwnames);  // no builtin takes so many
  call_args[0] = args[0];
  call_args[1] = globals;
  call_args[2] = given_locals != nullptr ? given_locals : locals;
  for (Py_ssize_t i = 0; i < nkw; ++i) call_args[3 + i] = args[nargs + i];
  return PyObject_Vectorcall(builtin, call_args, 3, kwnames);
}

}  // namespace detail

// The callable a call with arguments known only at run time goes to: the
// builtin, with this scope's namespaces where the call leaves them out. A pyxx
// function object named as the builtin (`eval()` in messages about its
// arguments), holding its data as its closure.
inline Ref frame_builtin(Ref builtin, FrameKind kind, PyObject* module, PyObject* class_ns, FrameScopeKind scope,
                         Site site) {
  static const char* const kNames[] = {"globals", "locals", "vars", "dir", "eval", "exec"};
  Ref kind_number = check(PyLong_FromLong(static_cast<long>(kind)), site);
  Ref scope_number = check(PyLong_FromLong(static_cast<long>(scope)), site);
  Ref data = check(PyTuple_Pack(5, builtin.get(), kind_number.get(), PyModule_GetDict(module),
                                class_ns != nullptr ? class_ns : Py_None, scope_number.get()),
                   site);
  Ref name = check(PyUnicode_InternFromString(kNames[static_cast<int>(kind)]), site);
  auto impl = [](PyObject* f, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) -> PyObject* {
    return detail::FrameBuiltinCall(function_closure(f), args, nargs, kwnames);
  };
  Ref f = make_function(impl, module, name.get(), name.get(), nullptr, std::move(data), Ref(), nullptr, site);
  Ref builtins_name = check(PyUnicode_InternFromString("builtins"), site);
  if (PyObject_SetAttrString(f.get(), "__module__", builtins_name.get()) < 0) raise_python(site);
  return f;
}

}  // namespace pyxx
