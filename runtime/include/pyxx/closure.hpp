// Nested functions, lambdas and closures: cells and function objects.
//
// A variable that an inner function uses (a "cell variable") lives in a cell,
// a small heap object shared by the scope that binds it and by every function
// object made there, so a rebinding on either side is seen by the other (late
// binding, `nonlocal`). A cell holds a Python object (a pyxx::Ref, null while
// unbound) or a C value (the variable keeps its C type). Generated code names
// the cell's storage with a C++ reference, so a cell variable is read and
// written like any other local.
//
// A nested `def` or `lambda` becomes a pyxx function object: a native wrapper
// (the same METH_FASTCALL | METH_KEYWORDS shape as module-level functions),
// the module whose globals it reads, the tuple of the cells it uses, its
// default values (evaluated when the `def` ran), `__name__`, `__qualname__`,
// `__doc__`, `__module__` and a `__dict__`. It is a descriptor that binds as a
// Python function does, so it works as a method of a class.
#pragma once

#include "python.hpp"

#include <new>
#include <structmember.h>

#include "errors.hpp"
#include "object.hpp"

// Hidden from other shared objects even where the build does not say -fvisibility=hidden.
#if defined(__GNUC__)
#define PYXX_MODULE_LOCAL __attribute__((visibility("hidden")))
#else
#define PYXX_MODULE_LOCAL
#endif

namespace pyxx {

// ---- cells -------------------------------------------------------------------

struct CellObject {
  PyObject_HEAD
  Ref object;  // a Python object variable (null: unbound)
  alignas(alignof(long double)) unsigned char storage[sizeof(long double)];  // a C variable
};

namespace detail {

inline void CellDealloc(PyObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  auto* cell = reinterpret_cast<CellObject*>(self);
  cell->object.reset();
  cell->object.~Ref();
  PyObject_GC_Del(self);
  Py_DECREF(type);
}

inline int CellTraverse(PyObject* self, visitproc visit, void* arg) {
  Py_VISIT(reinterpret_cast<CellObject*>(self)->object.get());
  Py_VISIT(Py_TYPE(self));
  return 0;
}

inline int CellClear(PyObject* self) {
  reinterpret_cast<CellObject*>(self)->object.reset();
  return 0;
}

}  // namespace detail

// The types are made once per extension module and live until exit: hidden
// symbols, so each module (all its translation units, emit/parts.h) has its own.
inline namespace module_local PYXX_MODULE_LOCAL {

inline PyTypeObject* g_cell_type = nullptr;

inline PyTypeObject* cell_type(Site site) {
  if (g_cell_type == nullptr) {
    static PyType_Slot slots[] = {
        {Py_tp_dealloc, reinterpret_cast<void*>(&detail::CellDealloc)},
        {Py_tp_traverse, reinterpret_cast<void*>(&detail::CellTraverse)},
        {Py_tp_clear, reinterpret_cast<void*>(&detail::CellClear)},
        {0, nullptr},
    };
    static PyType_Spec spec = {"pyxx.cell", static_cast<int>(sizeof(CellObject)), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, slots};
    PyObject* type = PyType_FromSpec(&spec);
    if (type == nullptr) raise_python(site);
    g_cell_type = reinterpret_cast<PyTypeObject*>(type);
  }
  return g_cell_type;
}

}  // namespace module_local

// A new, unbound cell for a Python object variable.
inline Ref new_cell(Site site) {
  PyTypeObject* type = cell_type(site);
  CellObject* cell = PyObject_GC_New(CellObject, type);
  if (cell == nullptr) raise_python(site);
  new (&cell->object) Ref();
  PyObject_GC_Track(reinterpret_cast<PyObject*>(cell));
  return Ref::steal(reinterpret_cast<PyObject*>(cell));
}

// A new cell for a C variable of type T, holding `value`.
template <class T>
inline Ref new_c_cell(T value, Site site) {
  static_assert(sizeof(T) <= sizeof(long double) && alignof(T) <= alignof(long double), "a C scalar");
  Ref cell = new_cell(site);
  new (reinterpret_cast<CellObject*>(cell.get())->storage) T(value);
  return cell;
}

// The variable a cell holds.
inline Ref& cell_object(PyObject* cell) noexcept { return reinterpret_cast<CellObject*>(cell)->object; }
template <class T>
inline T& cell_value(PyObject* cell) noexcept {
  return *std::launder(reinterpret_cast<T*>(reinterpret_cast<CellObject*>(cell)->storage));
}

// CPython's message for a free variable read while unbound (it changed in 3.11).
#if PY_VERSION_HEX < 0x030B0000
#define PYXX_UNBOUND_FREE_MESSAGE(name) "free variable '" name "' referenced before assignment in enclosing scope"
#else
#define PYXX_UNBOUND_FREE_MESSAGE(name) \
  "cannot access free variable '" name "' where it is not associated with a value in enclosing scope"
#endif

// Reading a variable of an enclosing function that is not bound: NameError, as Python.
inline const Ref& bound_free(const Ref& variable, const char* name, Site site) {
  if (!variable) {
    PyErr_Format(PyExc_NameError, PYXX_UNBOUND_FREE_MESSAGE("%s"), name);
    raise_python(site);
  }
  return variable;
}

// ---- function objects ----------------------------------------------------------

// A wrapper: (the function object, args, nargs, kwnames) -> new reference or null.
using FunctionImpl = PyObject* (*)(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);

struct FunctionObject {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  FunctionImpl impl;
  PyObject* module;      // whose globals the body reads
  PyObject* closure;     // tuple of cells, or null
  PyObject* defaults;    // tuple of default values (the last parameters'), or null
  PyObject* name;
  PyObject* qualname;
  PyObject* doc;
  PyObject* module_name;  // __module__
  PyObject* dict;
  PyObject* weakrefs;
  PyObject* text_signature;  // `(a, b=1)` for inspect.signature, or null
  PyObject* class_cell;  // a method's `__class__` cell (zero-argument super()), or null
  // The keyword-only parameters with a default (their values end `defaults`), or null.
  PyObject* kwdefault_names;
};

namespace detail {

inline PyObject* FunctionVectorcall(PyObject* callable, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  // Counted as a call, as CPython counts calls of Python functions: deep
  // recursion raises RecursionError instead of overflowing the C stack.
  if (Py_EnterRecursiveCall(" while calling a Python object") != 0) return nullptr;
  auto* f = reinterpret_cast<FunctionObject*>(callable);
  PyObject* result = f->impl(callable, args, PyVectorcall_NARGS(nargsf), kwnames);
  Py_LeaveRecursiveCall();
  return result;
}

inline int FunctionTraverse(PyObject* self, visitproc visit, void* arg) {
  auto* f = reinterpret_cast<FunctionObject*>(self);
  Py_VISIT(f->module);
  Py_VISIT(f->closure);
  Py_VISIT(f->defaults);
  Py_VISIT(f->name);
  Py_VISIT(f->qualname);
  Py_VISIT(f->doc);
  Py_VISIT(f->module_name);
  Py_VISIT(f->dict);
  Py_VISIT(f->class_cell);
  Py_VISIT(f->kwdefault_names);
  Py_VISIT(Py_TYPE(self));
  return 0;
}

inline int FunctionClear(PyObject* self) {
  auto* f = reinterpret_cast<FunctionObject*>(self);
  Py_CLEAR(f->module);
  Py_CLEAR(f->closure);
  Py_CLEAR(f->defaults);
  Py_CLEAR(f->doc);
  Py_CLEAR(f->module_name);
  Py_CLEAR(f->dict);
  Py_CLEAR(f->class_cell);
  Py_CLEAR(f->kwdefault_names);
  return 0;
}

inline void FunctionDealloc(PyObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  auto* f = reinterpret_cast<FunctionObject*>(self);
  if (f->weakrefs != nullptr) PyObject_ClearWeakRefs(self);
  FunctionClear(self);
  Py_CLEAR(f->name);
  Py_CLEAR(f->qualname);
  Py_CLEAR(f->text_signature);
  PyObject_GC_Del(self);
  Py_DECREF(type);
}

// A function bound as a method when read through an instance, as Python's.
inline PyObject* FunctionDescrGet(PyObject* self, PyObject* obj, PyObject*) {
  if (obj == nullptr || obj == Py_None) {
    Py_INCREF(self);
    return self;
  }
  return PyMethod_New(self, obj);
}

inline PyObject* FunctionRepr(PyObject* self) {
  return PyUnicode_FromFormat("<function %U at %p>", reinterpret_cast<FunctionObject*>(self)->qualname,
                              static_cast<void*>(self));
}

inline PyObject* FunctionGetName(PyObject* self, void*) {
  PyObject* name = reinterpret_cast<FunctionObject*>(self)->name;
  Py_INCREF(name);
  return name;
}

inline PyObject* FunctionGetQualname(PyObject* self, void*) {
  PyObject* name = reinterpret_cast<FunctionObject*>(self)->qualname;
  Py_INCREF(name);
  return name;
}

inline int SetStrField(PyObject** field, PyObject* value, const char* what) {
  if (value == nullptr || !PyUnicode_Check(value)) {
    PyErr_Format(PyExc_TypeError, "%s must be set to a string object", what);
    return -1;
  }
  Py_INCREF(value);
  Py_SETREF(*field, value);
  return 0;
}

// inspect.signature reads the parameters from it, as from a builtin's.
inline PyObject* FunctionGetTextSignature(PyObject* self, void*) {
  PyObject* text = reinterpret_cast<FunctionObject*>(self)->text_signature;
  text = text != nullptr ? text : Py_None;
  Py_INCREF(text);
  return text;
}

// __defaults__ and __kwdefaults__, as Python's: the positional parameters'
// values, then the keyword-only ones by name; None when there are none. Read
// only: the calls read `defaults` (and module-level functions their module's
// state), which an assignment would not change.
inline Py_ssize_t KwdefaultCount(const FunctionObject* f) {
  return f->kwdefault_names != nullptr ? PyTuple_GET_SIZE(f->kwdefault_names) : 0;
}

inline PyObject* FunctionGetDefaults(PyObject* self, void*) {
  auto* f = reinterpret_cast<FunctionObject*>(self);
  const Py_ssize_t positional = f->defaults != nullptr ? PyTuple_GET_SIZE(f->defaults) - KwdefaultCount(f) : 0;
  if (positional == 0) Py_RETURN_NONE;
  return PyTuple_GetSlice(f->defaults, 0, positional);
}

inline PyObject* FunctionGetKwdefaults(PyObject* self, void*) {
  auto* f = reinterpret_cast<FunctionObject*>(self);
  const Py_ssize_t count = KwdefaultCount(f);
  if (count == 0) Py_RETURN_NONE;
  const Py_ssize_t first = PyTuple_GET_SIZE(f->defaults) - count;
  Ref dict = Ref::steal(PyDict_New());
  if (!dict) return nullptr;
  for (Py_ssize_t i = 0; i < count; ++i) {
    if (PyDict_SetItem(dict.get(), PyTuple_GET_ITEM(f->kwdefault_names, i), PyTuple_GET_ITEM(f->defaults, first + i)) <
        0) {
      return nullptr;
    }
  }
  return dict.release();
}

// Pickled by reference, as Python's functions: the module's attribute of that name.
inline PyObject* FunctionReduce(PyObject* self, PyObject*) {
  PyObject* name = reinterpret_cast<FunctionObject*>(self)->qualname;
  Py_INCREF(name);
  return name;
}

inline int FunctionSetName(PyObject* self, PyObject* value, void*) {
  return SetStrField(&reinterpret_cast<FunctionObject*>(self)->name, value, "__name__");
}

inline int FunctionSetQualname(PyObject* self, PyObject* value, void*) {
  return SetStrField(&reinterpret_cast<FunctionObject*>(self)->qualname, value, "__qualname__");
}

}  // namespace detail

inline namespace module_local PYXX_MODULE_LOCAL {

inline PyTypeObject* g_function_type = nullptr;

inline PyTypeObject* function_type(Site site) {
  if (g_function_type == nullptr) {
    static PyMemberDef members[] = {
        {"__module__", T_OBJECT, offsetof(FunctionObject, module_name), 0, nullptr},
        {"__doc__", T_OBJECT, offsetof(FunctionObject, doc), 0, nullptr},
        {"__dictoffset__", T_PYSSIZET, offsetof(FunctionObject, dict), READONLY, nullptr},
        {"__weaklistoffset__", T_PYSSIZET, offsetof(FunctionObject, weakrefs), READONLY, nullptr},
        {"__vectorcalloffset__", T_PYSSIZET, offsetof(FunctionObject, vectorcall), READONLY, nullptr},
        {nullptr, 0, 0, 0, nullptr},
    };
    static PyGetSetDef getset[] = {
        {"__name__", &detail::FunctionGetName, &detail::FunctionSetName, nullptr, nullptr},
        {"__qualname__", &detail::FunctionGetQualname, &detail::FunctionSetQualname, nullptr, nullptr},
        {"__dict__", &PyObject_GenericGetDict, &PyObject_GenericSetDict, nullptr, nullptr},
        {"__text_signature__", &detail::FunctionGetTextSignature, nullptr, nullptr, nullptr},
        {"__defaults__", &detail::FunctionGetDefaults, nullptr, nullptr, nullptr},
        {"__kwdefaults__", &detail::FunctionGetKwdefaults, nullptr, nullptr, nullptr},
        {nullptr, nullptr, nullptr, nullptr, nullptr},
    };
    static PyMethodDef methods[] = {
        {"__reduce__", &detail::FunctionReduce, METH_NOARGS, nullptr},
        {nullptr, nullptr, 0, nullptr},
    };
    static PyType_Slot slots[] = {
        {Py_tp_dealloc, reinterpret_cast<void*>(&detail::FunctionDealloc)},
        {Py_tp_traverse, reinterpret_cast<void*>(&detail::FunctionTraverse)},
        {Py_tp_clear, reinterpret_cast<void*>(&detail::FunctionClear)},
        {Py_tp_descr_get, reinterpret_cast<void*>(&detail::FunctionDescrGet)},
        {Py_tp_call, reinterpret_cast<void*>(&PyVectorcall_Call)},
        {Py_tp_repr, reinterpret_cast<void*>(&detail::FunctionRepr)},
        {Py_tp_members, members},
        {Py_tp_getset, getset},
        {Py_tp_methods, methods},
        {0, nullptr},
    };
    static PyType_Spec spec = {
        "pyxx.function", static_cast<int>(sizeof(FunctionObject)), 0,
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR, slots};
    PyObject* type = PyType_FromSpec(&spec);
    if (type == nullptr) raise_python(site);
    g_function_type = reinterpret_cast<PyTypeObject*>(type);
  }
  return g_function_type;
}

}  // namespace module_local

// A function object, made when its `def` or `lambda` runs. `closure` and
// `defaults` are tuples or null; `doc` and `text_signature` may be null (None).
// `defaults` holds the value of every parameter that has one, in order; the
// last ones are those of the keyword-only parameters `kwdefault_names` (a tuple
// of their names, or null). A module-level function's are only shown (its
// calls read the module's state).
inline Ref make_function(FunctionImpl impl, PyObject* module, PyObject* name, PyObject* qualname, PyObject* doc,
                         Ref closure, Ref defaults, PyObject* class_cell, Site site,
                         PyObject* text_signature = nullptr, PyObject* kwdefault_names = nullptr) {
  PyTypeObject* type = function_type(site);
  FunctionObject* f = PyObject_GC_New(FunctionObject, type);
  if (f == nullptr) raise_python(site);
  f->vectorcall = &detail::FunctionVectorcall;
  f->impl = impl;
  Py_INCREF(module);
  f->module = module;
  f->closure = closure.release();
  f->defaults = defaults.release();
  Py_INCREF(name);
  f->name = name;
  Py_INCREF(qualname);
  f->qualname = qualname;
  f->doc = doc != nullptr ? doc : Py_None;
  Py_INCREF(f->doc);
  // __module__ is the defining module's __name__ when the function is made, as Python's.
  PyObject* module_name = PyDict_GetItemString(PyModule_GetDict(module), "__name__");
  f->module_name = module_name != nullptr ? module_name : Py_None;
  Py_INCREF(f->module_name);
  f->dict = nullptr;
  f->weakrefs = nullptr;
  Py_XINCREF(text_signature);
  f->text_signature = text_signature;
  Py_XINCREF(class_cell);
  f->class_cell = class_cell;
  Py_XINCREF(kwdefault_names);
  f->kwdefault_names = kwdefault_names;
  PyObject_GC_Track(reinterpret_cast<PyObject*>(f));
  return Ref::steal(reinterpret_cast<PyObject*>(f));
}

// What a wrapper reads from the function object it was called through.
inline PyObject* function_module(PyObject* f) noexcept { return reinterpret_cast<FunctionObject*>(f)->module; }
inline PyObject* function_closure(PyObject* f) noexcept { return reinterpret_cast<FunctionObject*>(f)->closure; }
// The default value of a parameter, the `index`-th of those that have one (borrowed).
inline PyObject* function_default(PyObject* f, Py_ssize_t index) noexcept {
  return PyTuple_GET_ITEM(reinterpret_cast<FunctionObject*>(f)->defaults, index);
}
// Whether `callee`, the value a module-level name has now, is still the function
// object this module object made for the wrapper `impl` when the `def` ran: then
// a caller in the module may call the native function directly (module.hpp's
// is_own_function, for functions made by a `def` statement).
inline bool is_own_def(PyObject* callee, PyObject* module, FunctionImpl impl) noexcept {
  if (g_function_type == nullptr || !Py_IS_TYPE(callee, g_function_type)) return false;
  auto* f = reinterpret_cast<FunctionObject*>(callee);
  return f->impl == impl && f->module == module;
}

// The `index`-th cell of a closure tuple.
inline PyObject* closure_cell(PyObject* closure, Py_ssize_t index) noexcept { return PyTuple_GET_ITEM(closure, index); }

// `__class__` in a method: the class its class statement made (a Python cell
// that type.__new__ fills through `__classcell__`), as Python's.
inline PyObject* method_class_borrowed(PyObject* function, Site site) {
  PyObject* cell = reinterpret_cast<FunctionObject*>(function)->class_cell;
  PyObject* cls = cell != nullptr ? PyCell_GET(cell) : nullptr;
  if (cls == nullptr) {
    PyErr_SetString(PyExc_NameError, PYXX_UNBOUND_FREE_MESSAGE("__class__"));
    raise_python(site);
  }
  return cls;
}

inline Ref method_class(PyObject* function, Site site) { return Ref::borrow(method_class_borrowed(function, site)); }

// A method's `__class__` for its `locals()`: the class (borrowed), or null
// while the class statement has not made it.
inline PyObject* class_cell_contents(PyObject* function) noexcept {
  PyObject* cell = reinterpret_cast<FunctionObject*>(function)->class_cell;
  return cell != nullptr ? PyCell_GET(cell) : nullptr;
}

// The class cell a method passes on to the functions nested in it (borrowed; may be null).
inline PyObject* class_cell_of(PyObject* function) noexcept {
  return reinterpret_cast<FunctionObject*>(function)->class_cell;
}

// Zero-argument `super()` in a function without parameters (nested in a method).
inline Ref super_without_arguments(Site site) {
  PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
  raise_python(site);
}

// Zero-argument `super()` in a method: `super(__class__, first argument)`, as Python's.
inline Ref zero_arg_super(PyObject* function, PyObject* self, Site site) {
  PyObject* cell = reinterpret_cast<FunctionObject*>(function)->class_cell;
  PyObject* cls = cell != nullptr ? PyCell_GET(cell) : nullptr;
  if (cls == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
    raise_python(site);
  }
  if (self == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
    raise_python(site);
  }
  PyObject* args[] = {cls, self};
  return check(PyObject_Vectorcall(reinterpret_cast<PyObject*>(&PySuper_Type), args, 2, nullptr), site);
}

// A decorator applied to what the `def` made: `decorator(function)`.
inline Ref decorate(PyObject* decorator, Ref function, Site site) {
  PyObject* args[] = {function.get()};
  return check(PyObject_Vectorcall(decorator, args, 1, nullptr), site);
}

}  // namespace pyxx
