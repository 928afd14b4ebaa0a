// Extension types (`@cython.cclass`): CPython heap types whose instances keep
// their fields in a C struct the generated code declares (PyObject_HEAD first).
// The class body runs as a plain class's, into a ClassBuilder's namespace;
// create_cclass makes the type from a PyType_Spec and moves the namespace into
// it (methods, properties, special methods through their Python slots), keeping
// `__cinit__` and `__dealloc__` aside: tp_new and tp_dealloc call them.
#pragma once

#include "python.hpp"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <new>

#include "classes.hpp"
#include "convert.hpp"
#include "cpdef_enum.hpp"
#include "errors.hpp"
#include "object.hpp"

// `@cython.collection_type(...)`: the flags `match` reads (CPython 3.10, which
// brought `match`; before it nothing reads them).
#ifdef Py_TPFLAGS_SEQUENCE
#define PYXX_TPFLAGS_SEQUENCE Py_TPFLAGS_SEQUENCE
#define PYXX_TPFLAGS_MAPPING Py_TPFLAGS_MAPPING
#else
#define PYXX_TPFLAGS_SEQUENCE 0
#define PYXX_TPFLAGS_MAPPING 0
#endif

namespace pyxx {

// What tp_new and tp_dealloc of one extension type call (strong references or null).
struct CClassHooks {
  PyObject* cinit = nullptr;
  PyObject* dealloc = nullptr;
};

namespace detail {

inline void ReplaceRef(PyObject*& slot, PyObject* value) noexcept {
  Py_XINCREF(value);
  PyObject* old = slot;
  slot = value;
  Py_XDECREF(old);
}

inline bool TypeReady(PyTypeObject* type, const char* name) noexcept {
  if (type != nullptr) return true;
  PyErr_Format(PyExc_NameError, "extension type '%s' is used before its class statement ran", name);
  return false;
}

}  // namespace detail

// Object fields start as None, as in Cython.
inline PyObject* new_none() noexcept {
  Py_INCREF(Py_None);
  return Py_None;
}

// `__cinit__(self, *args, **kwargs)` from tp_new: false with the exception set.
inline bool cclass_call_cinit(PyObject* cinit, PyObject* self, PyObject* args, PyObject* kwds) noexcept {
  if (cinit == nullptr) return true;
  const Py_ssize_t n = args != nullptr ? PyTuple_GET_SIZE(args) : 0;
  PyObject* full = PyTuple_New(n + 1);
  if (full == nullptr) return false;
  Py_INCREF(self);
  PyTuple_SET_ITEM(full, 0, self);
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = PyTuple_GET_ITEM(args, i);
    Py_INCREF(item);
    PyTuple_SET_ITEM(full, i + 1, item);
  }
  PyObject* result = PyObject_Call(cinit, full, kwds);
  Py_DECREF(full);
  if (result == nullptr) return false;
  Py_DECREF(result);
  return true;
}

// `__dealloc__(self)` from tp_dealloc: the object is kept alive for the call and
// the exception state saved; an error there is unraisable (printed), as in Cython.
inline void cclass_call_dealloc(PyObject* dealloc, PyObject* self) noexcept {
  if (dealloc == nullptr) return;
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  Py_SET_REFCNT(self, Py_REFCNT(self) + 1);
  PyObject* result = PyObject_CallOneArg(dealloc, self);
  if (result == nullptr) {
    PyErr_WriteUnraisable(dealloc);
  } else {
    Py_DECREF(result);
  }
  Py_SET_REFCNT(self, Py_REFCNT(self) - 1);
  PyErr_Restore(type, value, traceback);
}

// tp_clear: an object field becomes None (never null: later code, `__dealloc__`
// included, reads None instead of freed memory).
inline void clear_field(PyObject*& slot) noexcept {
  PyObject* old = slot;
  slot = new_none();
  Py_XDECREF(old);
}

// A memoryview field is a C++ object in the instance struct: made (the None
// view) in tp_new, destroyed in tp_dealloc after `__dealloc__` has run.
template <class T>
inline void construct_field(T& slot) noexcept {
  new (&slot) T();
}
template <class T>
inline void destroy_field(T& slot) noexcept {
  slot.~T();
}
// tp_clear of a memoryview field: the None view, stored before the old buffer
// is released (releasing it may run Python code that reads the field).
template <class T>
inline void clear_view_field(T& slot) noexcept {
  slot = T();
}

// `obj.f = v` on an object field: the old value is released last (its
// destructor may run Python code that reads the field).
inline void store_field(PyObject*& slot, Ref value) noexcept {
  PyObject* old = slot;
  slot = value.release();
  Py_XDECREF(old);
}

// The struct of an instance for `obj.f`: None has no fields (AttributeError,
// as Python's message for any object without the attribute). No GIL needed:
// C fields are read in nogil code too, so the error is a static CError.
template <class S>
inline S* cclass_fields(PyObject* obj, const char* message, Site site) {
  if (obj == Py_None) {
    raise_c(PyExc_AttributeError, message, site);
  }
  return reinterpret_cast<S*>(obj);
}

// The fields of a type derived from another module's extension type: a struct
// at `offset` (after that type's instance, see cclass_part_offset).
template <class S>
inline S* cclass_part(PyObject* obj, Py_ssize_t offset) noexcept {
  return reinterpret_cast<S*>(reinterpret_cast<char*>(obj) + offset);
}
template <class S>
inline S* cclass_part(PyObject* obj, Py_ssize_t offset, const char* message, Site site) {
  if (obj == Py_None) {
    raise_c(PyExc_AttributeError, message, site);
  }
  return cclass_part<S>(obj, offset);
}

// Where the fields of a type derived from `base` (an extension type of another
// module, whose layout only that module knows) start: after its instance,
// aligned for any C type; the type's spec gets its size. Read from the type
// object when the class statement runs, so the base may change its fields.
inline Py_ssize_t cclass_part_offset(PyTypeObject* base, const char* base_name, PyType_Spec* spec,
                                     std::size_t part_size, Site site) {
  if (!detail::TypeReady(base, base_name)) raise_python(site);
  constexpr Py_ssize_t align = alignof(std::max_align_t);
  const Py_ssize_t offset = (base->tp_basicsize + align - 1) / align * align;
  if (base->tp_itemsize != 0 || offset > INT_MAX - static_cast<Py_ssize_t>(part_size)) {
    PyErr_Format(PyExc_TypeError, "extension type '%s' cannot derive from '%s' (variable-size instances)", spec->name,
                 base->tp_name);
    raise_python(site);
  }
  spec->basicsize = static_cast<int>(offset + static_cast<Py_ssize_t>(part_size));
  return offset;
}

// An object stored where an extension type is declared: an instance of it
// (subclasses included) or None, else TypeError, as Cython's.
inline Ref instance_test(Ref obj, PyTypeObject* type, const char* type_name, Site site) {
  if (!detail::TypeReady(type, type_name)) raise_python(site);
  if (obj.get() != Py_None && !PyObject_TypeCheck(obj.get(), type)) {
    PyErr_Format(PyExc_TypeError, "Cannot convert %.200s to %.200s", Py_TYPE(obj.get())->tp_name, type->tp_name);
    raise_python(site);
  }
  return obj;
}

// `isinstance(obj, T)` narrowing `obj` to the extension type T: against the type itself.
inline bool cclass_isinstance(PyObject* obj, PyTypeObject* type, const char* type_name, Site site) {
  if (type == nullptr) {
    PyErr_Format(PyExc_NameError, "name '%s' is not defined", type_name);
    raise_python(site);
  }
  return PyObject_TypeCheck(obj, type);
}

// A `def` boundary's test of a parameter typed as an extension type.
inline bool arg_instance_test(PyObject* obj, PyTypeObject* type, bool allows_none, const char* name,
                              const char* type_name) noexcept {
  if (!detail::TypeReady(type, type_name)) return false;
  if ((allows_none && obj == Py_None) || PyObject_TypeCheck(obj, type)) return true;
  PyErr_Format(PyExc_TypeError, "Argument '%.200s' has incorrect type (expected %.200s, got %.200s)", name,
               type->tp_name, Py_TYPE(obj)->tp_name);
  return false;
}

inline Ref arg_instance_checked(Ref obj, PyTypeObject* type, bool allows_none, const char* name,
                                const char* type_name, Site site) {
  if (!arg_instance_test(obj.get(), type, allows_none, name, type_name)) raise_python(site);
  return obj;
}

// ---- ccall methods: a Python subclass may override them.

// After the class statement: the Python function of a ccall method, which an
// instance's attribute is compared with to find overrides (kept for the process,
// as the type is).
inline void keep_ccall_function(PyObject* type, const char* name, PyObject*& slot, Site site) {
  Ref function = check(PyObject_GetAttrString(type, name), site);
  PyObject* old = slot;
  slot = function.release();
  Py_XDECREF(old);
}

// `self.name` of an instance of a subclass, when it is not the extension type's
// own ccall method bound to `self` (then null: the vtable's function runs), as
// Cython's cpdef dispatch looks it up.
inline Ref ccall_override(PyObject* self, const char* name, PyObject* original, Site site) {
  Ref attribute = check(PyObject_GetAttrString(self, name), site);
  if (PyMethod_Check(attribute.get()) && PyMethod_GET_FUNCTION(attribute.get()) == original &&
      PyMethod_GET_SELF(attribute.get()) == self) {
    return Ref();
  }
  return attribute;
}

// ---- Python access to public and readonly fields (PyGetSetDef; the closure
// is the field's offset in the instance struct).

template <class T>
inline T& FieldAt(PyObject* self, void* closure) noexcept {
  return *reinterpret_cast<T*>(reinterpret_cast<char*>(self) + reinterpret_cast<std::uintptr_t>(closure));
}

template <class T>
PyObject* field_get(PyObject* self, void* closure) noexcept {
  return to_python(FieldAt<T>(self, closure));
}

// A field of a cpdef enum: the member of the enum's class `*cls` (pyxx/cpdef_enum.hpp).
template <class T, PyObject** cls>
PyObject* enum_field_get(PyObject* self, void* closure) noexcept {
  return enum_to_python(*cls, static_cast<long long>(FieldAt<T>(self, closure)));
}

template <class T>
int field_set(PyObject* self, PyObject* value, void* closure) noexcept {
  if (value == nullptr) {
    PyErr_SetString(PyExc_NotImplementedError, "__del__");  // a C field cannot be deleted (Cython's words)
    return -1;
  }
  T converted{};
  if (!from_python(value, converted)) return -1;
  FieldAt<T>(self, closure) = converted;
  return 0;
}

// An object field typed as a builtin type (tested exactly) or an extension type
// (isinstance); both let None pass. `del obj.f` stores None, as in Cython.
struct ObjectFieldSpec {
  std::uintptr_t offset;
  PyTypeObject* builtin;      // exact type, or null
  PyTypeObject** extension;   // the extension type's variable, or null
  const char* type_name;
};

inline PyObject* object_field_get(PyObject* self, void* closure) noexcept {
  PyObject* value = FieldAt<PyObject*>(self, reinterpret_cast<void*>(static_cast<const ObjectFieldSpec*>(closure)->offset));
  Py_INCREF(value);
  return value;
}

inline int object_field_set(PyObject* self, PyObject* value, void* closure) noexcept {
  const auto* spec = static_cast<const ObjectFieldSpec*>(closure);
  if (value == nullptr) value = Py_None;
  if (value != Py_None) {
    if (spec->builtin != nullptr && Py_TYPE(value) != spec->builtin) {
      PyErr_Format(PyExc_TypeError, "Expected %s, got %.200s", spec->type_name, Py_TYPE(value)->tp_name);
      return -1;
    }
    if (spec->extension != nullptr) {
      if (!detail::TypeReady(*spec->extension, spec->type_name)) return -1;
      if (!PyObject_TypeCheck(value, *spec->extension)) {
        PyErr_Format(PyExc_TypeError, "Cannot convert %.200s to %.200s", Py_TYPE(value)->tp_name,
                     (*spec->extension)->tp_name);
        return -1;
      }
    }
  }
  Py_INCREF(value);
  PyObject*& slot = FieldAt<PyObject*>(self, reinterpret_cast<void*>(spec->offset));
  PyObject* old = slot;
  slot = value;
  Py_XDECREF(old);
  return 0;
}

// Makes the extension type once its body has run: the type from `spec`, then
// the namespace's entries set on it (through setattr, so `__repr__`, `__add__`,
// ... fill their slots as in a class statement), `__cinit__`/`__dealloc__`
// kept in `hooks`; then the type becomes immutable, as Cython's types are.
// `builtin_size`: for a type deriving from a builtin (`class C(list)`), the size of
// the builtin's struct the instance was laid out with, which the running CPython's must be.
inline Ref create_cclass(ClassBuilder& builder, PyType_Spec* spec, CClassHooks& hooks, PyTypeObject*& out,
                         PyTypeObject* base, Site site, size_t builtin_size = 0) {
  if (out != nullptr) {
    // The generated code reaches the type through one C variable: a second
    // module object of the extension cannot have types of its own.
    PyErr_Format(PyExc_ImportError,
                 "extension type '%s' exists once per process: another module object of this extension made it",
                 spec->name);
    raise_python(site);
  }
  builder.wrap_implicit_methods(site);
  PyObject* bases = builder.bases();
  // The base the struct was laid out for: the name in the class statement must still be that type.
  const Py_ssize_t nbases = bases != nullptr ? PyTuple_GET_SIZE(bases) : 0;
  if (base != nullptr && (nbases != 1 || PyTuple_GET_ITEM(bases, 0) != reinterpret_cast<PyObject*>(base))) {
    PyErr_Format(PyExc_TypeError, "extension type '%s' must derive from '%s' alone", spec->name, base->tp_name);
    raise_python(site);
  }
  if (builtin_size != 0 &&
      (base->tp_basicsize != static_cast<Py_ssize_t>(builtin_size) || base->tp_itemsize != 0)) {
    PyErr_Format(PyExc_TypeError, "extension type '%s' was compiled for another layout of '%s' than this Python's",
                 spec->name, base->tp_name);
    raise_python(site);
  }
  Ref type = check(PyType_FromSpecWithBases(spec, bases != nullptr && PyTuple_GET_SIZE(bases) > 0 ? bases : nullptr),
                   site);
  PyObject* ns = builder.ns();
  Ref items = check(PyMapping_Items(ns), site);
  bool has_eq = false;
  bool has_hash = false;
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items.get()); ++i) {
    PyObject* item = PyList_GET_ITEM(items.get(), i);
    PyObject* key = PyTuple_GET_ITEM(item, 0);
    PyObject* value = PyTuple_GET_ITEM(item, 1);
    if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, "__cinit__") == 0) {
      detail::ReplaceRef(hooks.cinit, value);
      continue;
    }
    if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, "__dealloc__") == 0) {
      detail::ReplaceRef(hooks.dealloc, value);
      continue;
    }
    has_eq |= PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, "__eq__") == 0;
    has_hash |= PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, "__hash__") == 0;
    check_status(PyObject_SetAttr(type.get(), key, value), site);
  }
  if (has_eq && !has_hash) {
    // As a class statement: defining __eq__ alone makes instances unhashable.
    check_status(PyObject_SetAttrString(type.get(), "__hash__", Py_None), site);
  }
  if (builder.cell() != nullptr) {
    check_status(PyCell_Set(builder.cell(), type.get()), site);
  }
  auto* tp = reinterpret_cast<PyTypeObject*>(type.get());
#ifdef Py_TPFLAGS_IMMUTABLETYPE
  tp->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
  PyType_Modified(tp);
#endif
  PyObject* old = reinterpret_cast<PyObject*>(out);
  Py_INCREF(type.get());
  out = tp;
  Py_XDECREF(old);
  return type;
}

}  // namespace pyxx
