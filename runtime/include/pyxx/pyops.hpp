// Python-object operations used by generated code in GIL contexts: globals,
// calls, containers, imports, iteration, truth tests and conversions that
// throw. Each takes the Site to blame and throws PythonError on failure, so
// generated code can stay one expression per Python operation.
#pragma once

#include "python.hpp"

#include <exception>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include "c_data.hpp"
#include "constants.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "gil.hpp"
#include "object.hpp"

namespace pyxx {

// `cython.cast(list, obj, typecheck=True)`: obj itself when it is an instance of
// `type` (or None, as Cython allows), else TypeError "Expected list, got int".
inline Ref type_test(Ref obj, PyTypeObject* type, const char* type_name, Site site) {
  if (obj.get() != Py_None && !PyObject_TypeCheck(obj.get(), type)) {
    PyErr_Format(PyExc_TypeError, "Expected %s, got %.200s", type_name, PYXX_TYPE_NAME(Py_TYPE(obj.get())));
    raise_python(site);
  }
  return obj;
}

// A value stored where a builtin type is declared (`x: list = f()`): exactly
// that type or None, as Cython 3 tests it, else TypeError "Expected list, got tuple".
inline Ref exact_type_test(Ref obj, PyTypeObject* type, const char* type_name, Site site) {
  if (Py_TYPE(obj.get()) != type && obj.get() != Py_None) {
    PyErr_Format(PyExc_TypeError, "Expected %s, got %.200s", type_name, PYXX_TYPE_NAME(Py_TYPE(obj.get())));
    raise_python(site);
  }
  return obj;
}

// Object -> C value at an assignment or call (the boundary rules of convert.hpp).
template <class T>
inline T as_c(PyObject* obj, Site site) {
  T value{};
  if (!Converter<T>::from(obj, value)) {
    raise_python(site);
  }
  return value;
}

// C value -> new object.
template <class T>
inline Ref to_object(T value, Site site) {
  return check(Converter<T>::to(value), site);
}

inline void check_status(int status, Site site) {
  if (status < 0) {
    raise_python(site);
  }
}

inline bool truth(PyObject* obj, Site site) {
  int r = PyObject_IsTrue(obj);
  if (r < 0) {
    raise_python(site);
  }
  return r != 0;
}

// A module global, else a builtin; NameError as Python words it.
// Module globals live in the module object (its __dict__), never in a C static:
// each module object of the extension (importlib can make several) has its own.
// Generated functions get the module from their PyCFunction's `self` and hand it
// on as `pyxx_module`.
inline PyObject* globals_of(PyObject* module) noexcept { return PyModule_GetDict(module); }

// A global read as Python's LOAD_GLOBAL does it: the module's dict, then builtins.
inline Ref get_global(PyObject* module, const char* name, Site site) {
  PyObject* value = PyDict_GetItemString(globals_of(module), name);  // borrowed
  if (value == nullptr) {
    value = PyDict_GetItemString(PyEval_GetBuiltins(), name);
  }
  if (value == nullptr) {
    PyErr_Format(PyExc_NameError, "name '%s' is not defined", name);
    raise_python(site);
  }
  return Ref::borrow(value);
}

inline Ref get_builtin(const char* name, Site site) {
  PyObject* value = PyDict_GetItemString(PyEval_GetBuiltins(), name);
  if (value == nullptr) {
    PyErr_Format(PyExc_NameError, "name '%s' is not defined", name);
    raise_python(site);
  }
  return Ref::borrow(value);
}

inline void set_global(PyObject* module, const char* name, PyObject* value, Site site) {
  check_status(PyDict_SetItemString(globals_of(module), name, value), site);
}

inline Ref get_attr(PyObject* obj, const char* name, Site site) { return check(PyObject_GetAttrString(obj, name), site); }

inline void set_attr(PyObject* obj, const char* name, PyObject* value, Site site) {
  check_status(PyObject_SetAttrString(obj, name, value), site);
}

// The same with the name a constant made at module init (constants.hpp): no
// str is made at each use.
namespace detail {

// The failure of a name lookup (a NameError unless the lookup itself raised),
// out of line and cold: generated code reads a global or builtin at almost
// every statement.
[[noreturn, gnu::noinline, gnu::cold]] inline void RaiseNameLookup(PyObject* name, const char* function, int line,
                                                                  const char* file) {
  if (!PyErr_Occurred()) {
    PyErr_Format(PyExc_NameError, "name '%U' is not defined", name);
  }
  RaisePython(function, line, file);
}

}  // namespace detail

inline Ref get_global(PyObject* module, const Constant& name, Site site) {
  PyObject* value = PyDict_GetItemWithError(globals_of(module), name.get());  // borrowed
  if (value == nullptr && !PyErr_Occurred()) {
    value = PyDict_GetItemWithError(PyEval_GetBuiltins(), name.get());
  }
  if (value == nullptr) {
    detail::RaiseNameLookup(name.get(), site.function, site.line, site.file);
  }
  return Ref::borrow(value);
}

inline Ref get_builtin(const Constant& name, Site site) {
  PyObject* value = PyDict_GetItemWithError(PyEval_GetBuiltins(), name.get());
  if (value == nullptr) {
    detail::RaiseNameLookup(name.get(), site.function, site.line, site.file);
  }
  return Ref::borrow(value);
}

inline void set_global(PyObject* module, const Constant& name, PyObject* value, Site site) {
  check_status(PyDict_SetItem(globals_of(module), name.get(), value), site);
}

inline Ref get_attr(PyObject* obj, const Constant& name, Site site) { return check(PyObject_GetAttr(obj, name.get()), site); }

inline void set_attr(PyObject* obj, const Constant& name, PyObject* value, Site site) {
  check_status(PyObject_SetAttr(obj, name.get(), value), site);
}

// `del obj.name`.
inline void delete_attr(PyObject* obj, const Constant& name, Site site) {
  check_status(PyObject_SetAttr(obj, name.get(), nullptr), site);
}

// callable(*args): every argument a borrowed reference alive for the call.
inline Ref call(PyObject* callable, std::initializer_list<PyObject*> args, Site site) {
  return check(PyObject_Vectorcall(callable, args.begin(), args.size(), nullptr), site);
}

// callable(*positional, **keywords): `args` ends with the keyword values, named by `names`.
inline Ref call_kw(PyObject* callable, std::initializer_list<PyObject*> args,
                   std::initializer_list<const char*> names, Site site) {
  Ref kwnames = check(PyTuple_New(static_cast<Py_ssize_t>(names.size())), site);
  Py_ssize_t i = 0;
  for (const char* name : names) {
    PyObject* s = PyUnicode_InternFromString(name);
    if (s == nullptr) {
      raise_python(site);
    }
    PyTuple_SET_ITEM(kwnames.get(), i++, s);
  }
  size_t npositional = args.size() - names.size();
  return check(PyObject_Vectorcall(callable, args.begin(), npositional, kwnames.get()), site);
}

inline Ref make_tuple(std::initializer_list<PyObject*> items, Site site) {
  Ref t = check(PyTuple_New(static_cast<Py_ssize_t>(items.size())), site);
  Py_ssize_t i = 0;
  for (PyObject* item : items) {
    Py_INCREF(item);
    PyTuple_SET_ITEM(t.get(), i++, item);
  }
  return t;
}

inline Ref make_list(std::initializer_list<PyObject*> items, Site site) {
  Ref l = check(PyList_New(static_cast<Py_ssize_t>(items.size())), site);
  Py_ssize_t i = 0;
  for (PyObject* item : items) {
    Py_INCREF(item);
    PyList_SET_ITEM(l.get(), i++, item);
  }
  return l;
}

inline Ref make_set(std::initializer_list<PyObject*> items, Site site) {
  Ref s = check(PySet_New(nullptr), site);
  for (PyObject* item : items) {
    check_status(PySet_Add(s.get(), item), site);
  }
  return s;
}

// {k0: v0, k1: v1, ...} from alternating keys and values.
inline Ref make_dict(std::initializer_list<PyObject*> keys_and_values, Site site) {
  Ref d = check(PyDict_New(), site);
  for (const PyObject* const* p = keys_and_values.begin(); p + 1 < keys_and_values.end(); p += 2) {
    check_status(PyDict_SetItem(d.get(), const_cast<PyObject*>(p[0]), const_cast<PyObject*>(p[1])), site);
  }
  return d;
}

// `locals()` in a function: its variables by name, each left out while unbound
// (a null value), as Cython builds it.
inline Ref locals_dict(std::initializer_list<PyObject*> names_and_values, Site site) {
  Ref d = check(PyDict_New(), site);
  for (const PyObject* const* p = names_and_values.begin(); p + 1 < names_and_values.end(); p += 2) {
    if (p[1] != nullptr) {
      check_status(PyDict_SetItem(d.get(), const_cast<PyObject*>(p[0]), const_cast<PyObject*>(p[1])), site);
    }
  }
  return d;
}

inline Ref make_str(const char* utf8, Py_ssize_t size, Site site) {
  return check(PyUnicode_DecodeUTF8(utf8, size, "surrogatepass"), site);
}

inline Ref make_bytes(const char* data, Py_ssize_t size, Site site) {
  return check(PyBytes_FromStringAndSize(data, size), site);
}

inline Ref make_int(const char* digits, int base, Site site) {
  return check(PyLong_FromString(digits, nullptr, base), site);
}

// f"...": every part is formatted with format() (literal parts are already str) and joined.
inline Ref fstring(std::initializer_list<PyObject*> parts, Site site) {
  Ref formatted = check(PyTuple_New(static_cast<Py_ssize_t>(parts.size())), site);
  Py_ssize_t i = 0;
  for (PyObject* part : parts) {
    PyObject* s = PyUnicode_CheckExact(part) ? (Py_INCREF(part), part) : PyObject_Format(part, nullptr);
    if (s == nullptr) {
      raise_python(site);
    }
    PyTuple_SET_ITEM(formatted.get(), i++, s);
  }
  Ref empty = check(PyUnicode_FromString(""), site);
  return check(PyUnicode_Join(empty.get(), formatted.get()), site);
}

inline Ref richcompare(PyObject* a, PyObject* b, int op, Site site) {
  return check(PyObject_RichCompare(a, b, op), site);
}

inline bool contains(PyObject* container, PyObject* item, Site site) {
  int r = PySequence_Contains(container, item);
  if (r < 0) {
    raise_python(site);
  }
  return r != 0;
}

inline Ref slice(PyObject* lower, PyObject* upper, PyObject* step, Site site) {
  return check(PySlice_New(lower, upper, step), site);
}

// `import a.b` binds the top-level package `a`.
inline Ref import_module(const char* dotted, Site site) {
  Ref name = check(PyUnicode_FromString(dotted), site);
  return check(PyImport_ImportModuleLevelObject(name.get(), nullptr, nullptr, nullptr, 0), site);
}

// `from module import name`
inline Ref import_from(const char* module, const char* name, Site site) {
  Ref mod = check(PyImport_ImportModule(module), site);
  PyObject* value = PyObject_GetAttrString(mod.get(), name);
  if (value == nullptr) {
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_ImportError, "cannot import name '%s' from '%s'", name, module);
    }
    raise_python(site);
  }
  return Ref::steal(value);
}

// `from module import T` where T names an extension type of the importing
// module: the name keeps the type (Cython binds nothing), so the import must
// give that type itself.
inline void import_keeping_type(const char* module, const char* name, PyTypeObject* type, Site site) {
  Ref value = import_from(module, name, site);
  if (value.get() != reinterpret_cast<PyObject*>(type)) {
    PyErr_Format(PyExc_ImportError,
                 "'%s' from '%s' is not the extension type %s, whose name cannot be bound to another object", name,
                 module, PYXX_TYPE_NAME(type));
    raise_python(site);
  }
}

inline Ref get_iter(PyObject* iterable, Site site) { return check(PyObject_GetIter(iterable), site); }

// The next item, or a null Ref at the end.
inline Ref next(PyObject* iterator, Site site) {
  PyObject* item = PyIter_Next(iterator);
  if (item == nullptr && PyErr_Occurred()) {
    raise_python(site);
  }
  return Ref::steal(item);
}

// The iterator an unpacking assignment takes from seq.
inline Ref iterate_to_unpack(PyObject* seq, Site site) {
  Ref it = Ref::steal(PyObject_GetIter(seq));
  if (!it) {
    // As CPython's UNPACK_SEQUENCE words it for an object that is no iterable at all.
    if (PyErr_ExceptionMatches(PyExc_TypeError) && !PYXX_TYPE_HAS_ITER(Py_TYPE(seq)) && !PySequence_Check(seq)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object", PYXX_TYPE_NAME(Py_TYPE(seq)));
    }
    raise_python(site);
  }
  return it;
}

// a, b = seq: exactly n items, as Python words the errors.
inline void unpack(PyObject* seq, Ref* out, Py_ssize_t n, Site site) {
  Ref it = iterate_to_unpack(seq, site);
  for (Py_ssize_t i = 0; i < n; ++i) {
    out[i] = next(it.get(), site);
    if (!out[i]) {
      PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %zd, got %zd)", n, i);
      raise_python(site);
    }
  }
  if (next(it.get(), site)) {
    PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)", n);
    raise_python(site);
  }
}

// Number of iterations of range(start, stop, step); ValueError for a zero step.
template <class T>
inline size_t range_len(T start, T stop, T step, Site site) {
  using U = typename std::make_unsigned<T>::type;
  if (step == 0) {
    raise_c(PyExc_ValueError, "range() arg 3 must not be zero", site);
  }
  if (step > 0) {
    return start < stop ? static_cast<size_t>((static_cast<U>(stop) - static_cast<U>(start) - 1) / static_cast<U>(step)) + 1 : 0;
  }
  if constexpr (std::is_signed<T>::value) {
    U magnitude = static_cast<U>(0) - static_cast<U>(step);
    return start > stop ? static_cast<size_t>((static_cast<U>(start) - static_cast<U>(stop) - 1) / magnitude) + 1 : 0;
  }
  return 0;
}

}  // namespace pyxx

namespace pyxx {

// len(obj) on a Python object.
inline Py_ssize_t length(PyObject* obj, Site site) {
  Py_ssize_t n = PyObject_Length(obj);
  if (n < 0) {
    raise_python(site);
  }
  return n;
}

}  // namespace pyxx

namespace pyxx {

// Reading an object local that may not be bound yet: UnboundLocalError, as Python.
namespace detail {

[[noreturn, gnu::noinline, gnu::cold]] inline void RaiseUnbound(const char* name, const char* function, int line,
                                                               const char* file) {
  // CPython's message before 3.11; an abi3 module asks the version it runs on.
#if defined(Py_LIMITED_API) || PY_VERSION_HEX < 0x030B0000
#ifdef Py_LIMITED_API
  if (LimitedRunningMinor() < 11)
#endif
  {
    PyErr_Format(PyExc_UnboundLocalError, "local variable '%s' referenced before assignment", name);
    RaisePython(function, line, file);
  }
#endif
  PyErr_Format(PyExc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
               name);
  RaisePython(function, line, file);
}

}  // namespace detail

inline const Ref& bound(const Ref& local, const char* name, Site site) {
  if (!local) {
    detail::RaiseUnbound(name, site.function, site.line, site.file);
  }
  return local;
}

// `del name` of a local.
inline void unbind(Ref& local, const char* name, Site site) {
  bound(local, name, site);
  local.reset();
}

// `del name` of a module global.
inline void delete_global(PyObject* module, const char* name, Site site) {
  if (PyDict_DelItemString(globals_of(module), name) < 0) {
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_NameError, "name '%s' is not defined", name);
    }
    raise_python(site);
  }
}

inline void delete_global(PyObject* module, const Constant& name, Site site) {
  if (PyDict_DelItem(globals_of(module), name.get()) < 0) {
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_NameError, "name '%U' is not defined", name.get());
    }
    raise_python(site);
  }
}

// `@cython.exceptval(check=False)`: an error cannot reach the caller, so it is
// printed as "Exception ignored in: ..." (as Cython's noexcept functions do).
inline void write_unraisable(const char* filename, const char* function) noexcept {
  AcquiredGil gil;
  detail::SetPythonErrorWithTraceback(filename);
  PyObject* name = PyUnicode_FromString(function);
  PyErr_WriteUnraisable(name);
  Py_XDECREF(name);
}

}  // namespace pyxx

namespace pyxx {

// Object locals of a nogil function live across `with gil:` blocks, but the
// function may return without the GIL. Declared after them, this clears them
// first, taking the GIL only when one still holds an object.
template <int N>
class ClearWithGil {
 public:
  explicit ClearWithGil(Ref* const (&refs)[N]) noexcept {
    for (int i = 0; i < N; ++i) {
      refs_[i] = refs[i];
    }
  }
  ClearWithGil(const ClearWithGil&) = delete;
  auto operator=(const ClearWithGil&) -> ClearWithGil& = delete;
  ~ClearWithGil() {
    bool any = false;
    for (Ref* r : refs_) {
      any = any || static_cast<bool>(*r);
    }
    if (!any) {
      return;
    }
    AcquiredGil gil;
    for (Ref* r : refs_) {
      r->reset();
    }
  }

 private:
  Ref* refs_[N];
};

}  // namespace pyxx
