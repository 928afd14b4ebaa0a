// The Python side of a `.pxd`'s `cpdef enum`, as Cython 3 makes it: a named
// enum is an `enum.IntFlag` class of the module (C enums are often flags),
// and a C value of the enum converts to its member (or, for a combination of
// flags, to the class's value for it); an anonymous one's values are ints of
// the module. Only calls a limited-API module may make.
#pragma once

#include "python.hpp"  // must come before any standard header

#include <cstddef>

#include "errors.hpp"
#include "object.hpp"

namespace pyxx {

struct EnumItem {
  const char* name;
  long long value;
};

namespace detail {

// `sys.version_info >= (3, 11)`, asked of the running interpreter.
inline int python_at_least_3_11() noexcept {
  PyObject* sys = PyImport_ImportModule("sys");
  if (sys == nullptr) return -1;
  PyObject* info = PyObject_GetAttrString(sys, "version_info");
  Py_DECREF(sys);
  if (info == nullptr) return -1;
  PyObject* wanted = Py_BuildValue("(ii)", 3, 11);
  int at_least = wanted == nullptr ? -1 : PyObject_RichCompareBool(info, wanted, Py_GE);
  Py_XDECREF(wanted);
  Py_DECREF(info);
  return at_least;
}

// `enum.IntFlag(name, [(item, value), ...], module=module.__name__)`: a new reference or nullptr.
inline PyObject* make_enum_class(PyObject* module, const char* name, const EnumItem* items, size_t count) noexcept {
  PyObject* enum_module = PyImport_ImportModule("enum");
  if (enum_module == nullptr) return nullptr;
  PyObject* base = PyObject_GetAttrString(enum_module, "IntFlag");
  Py_DECREF(enum_module);
  if (base == nullptr) return nullptr;
  PyObject* members = PyList_New(0);
  PyObject* module_name = PyObject_GetAttrString(module, "__name__");
  PyObject* args = nullptr;
  PyObject* kwargs = nullptr;
  PyObject* cls = nullptr;
  bool ok = members != nullptr && module_name != nullptr;
  for (size_t i = 0; ok && i < count; ++i) {
    PyObject* pair = Py_BuildValue("(sL)", items[i].name, items[i].value);
    ok = pair != nullptr && PyList_Append(members, pair) == 0;
    Py_XDECREF(pair);
  }
  if (ok) {
    args = Py_BuildValue("(sO)", name, members);
    kwargs = Py_BuildValue("{sO}", "module", module_name);
    if (args != nullptr && kwargs != nullptr) cls = PyObject_Call(base, args, kwargs);
  }
  Py_XDECREF(kwargs);
  Py_XDECREF(args);
  Py_XDECREF(module_name);
  Py_XDECREF(members);
  Py_DECREF(base);
  return cls;
}

}  // namespace detail

// Makes the class `name` of a named cpdef enum, binds it in the module and
// keeps it in `slot` for conversions. From Python 3.11, IntFlag iterates only
// its one-bit members; Cython lists every name again (`_member_names_`), so
// `list(cls)` has all the values, as here.
inline bool make_cpdef_enum(PyObject* module, PyObject*& slot, const char* name, const EnumItem* items, size_t count,
                            const char* doc) noexcept {
  PyObject* cls = detail::make_enum_class(module, name, items, count);
  if (cls == nullptr) return false;
  int newer = detail::python_at_least_3_11();
  bool ok = newer >= 0;
  if (ok && newer == 1) {
    PyObject* map = PyObject_GetAttrString(cls, "__members__");
    PyObject* names = map == nullptr ? nullptr : PySequence_List(map);
    ok = names != nullptr && PyObject_SetAttrString(cls, "_member_names_", names) == 0;
    Py_XDECREF(names);
    Py_XDECREF(map);
  }
  if (ok && doc != nullptr) {
    PyObject* text = PyUnicode_FromString(doc);
    ok = text != nullptr && PyObject_SetAttrString(cls, "__doc__", text) == 0;
    Py_XDECREF(text);
  }
  if (ok) ok = PyObject_SetAttrString(module, name, cls) == 0;
  if (!ok) {
    Py_DECREF(cls);
    return false;
  }
  PyObject* old = slot;  // a module made again (another interpreter, a reload) has a new class
  slot = cls;
  Py_XDECREF(old);
  return true;
}

// The values of an anonymous cpdef enum: Python ints of the module.
inline bool add_enum_values(PyObject* module, const EnumItem* items, size_t count) noexcept {
  for (size_t i = 0; i < count; ++i) {
    PyObject* value = PyLong_FromLongLong(items[i].value);
    const bool ok = value != nullptr && PyObject_SetAttrString(module, items[i].name, value) == 0;
    Py_XDECREF(value);
    if (!ok) return false;
  }
  return true;
}

// The same for the code that reports errors by nullptr (wrappers, struct to dict).
inline PyObject* enum_to_python(PyObject* cls, long long value) noexcept {
  PyObject* number = PyLong_FromLongLong(value);
  if (number == nullptr) return nullptr;
  PyObject* member = PyObject_CallFunctionObjArgs(cls, number, nullptr);
  Py_DECREF(number);
  return member;
}

// A C value of a cpdef enum as Python sees it: `cls(value)`, the member with
// that value (for an IntFlag, also a combination of members).
inline Ref enum_member(PyObject* cls, long long value, Site site) { return check(enum_to_python(cls, value), site); }

}  // namespace pyxx
