// `*` and `**` unpacking: in calls (`f(a, *xs, k=1, **kw)`), in displays
// (`[*a, *b]`, `{**d, 'k': 1}`) and in assignments (`a, *rest = xs`), each step
// in Python's order and with CPython's error messages (ceval.c: LIST_EXTEND,
// DICT_MERGE, DICT_UPDATE, CALL_FUNCTION_EX, UNPACK_EX).
#pragma once

#include "python.hpp"

#include "errors.hpp"
#include "object.hpp"
#include "pyops.hpp"

namespace pyxx {
namespace detail {

// "mod.f()" or "f()" for a callable, "<str of it>" when it has no __qualname__:
// how CPython names the function in errors about the arguments of a call.
inline PyObject* FunctionStr(PyObject* callable) noexcept {
  PyObject* qualname = PyObject_GetAttrString(callable, "__qualname__");
  if (qualname == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return nullptr;
    PyErr_Clear();
    return PyObject_Str(callable);
  }
  PyObject* module = PyObject_GetAttrString(callable, "__module__");
  if (module == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
      Py_DECREF(qualname);
      return nullptr;
    }
    PyErr_Clear();
  }
  PyObject* result = nullptr;
  int not_builtins = 0;
  if (module != nullptr && module != Py_None) {
    PyObject* builtins = PyUnicode_FromString("builtins");
    not_builtins = builtins == nullptr ? -1 : PyObject_RichCompareBool(module, builtins, Py_NE);
    Py_XDECREF(builtins);
  }
  if (not_builtins > 0) {
    result = PyUnicode_FromFormat("%S.%S()", module, qualname);
  } else if (not_builtins == 0) {
    result = PyUnicode_FromFormat("%S()", qualname);
  }
  Py_DECREF(qualname);
  Py_XDECREF(module);
  return result;
}

inline bool IsIterable(PyObject* obj) noexcept { return PYXX_TYPE_HAS_ITER(Py_TYPE(obj)) || PySequence_Check(obj); }

}  // namespace detail

inline Ref new_list(Site site) { return check(PyList_New(0), site); }
inline Ref new_dict(Site site) { return check(PyDict_New(), site); }
inline Ref new_set(Site site) { return check(PySet_New(nullptr), site); }

inline void list_append(PyObject* list, PyObject* item, Site site) { check_status(PyList_Append(list, item), site); }

// `*iterable` in a list or tuple display or among a call's positional arguments.
inline void list_extend(PyObject* list, PyObject* iterable, Site site) {
  if (!detail::IsIterable(iterable)) {
    PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s", PYXX_TYPE_NAME(Py_TYPE(iterable)));
    raise_python(site);
  }
  Ref it = check(PyObject_GetIter(iterable), site);
  while (Ref item = next(it.get(), site)) {
    list_append(list, item.get(), site);
  }
}

inline Ref list_to_tuple(PyObject* list, Site site) { return check(PyList_AsTuple(list), site); }

inline void set_add(PyObject* set, PyObject* item, Site site) { check_status(PySet_Add(set, item), site); }

// `*iterable` in a set display.
inline void set_update(PyObject* set, PyObject* iterable, Site site) {
  Ref it = check(PyObject_GetIter(iterable), site);
  while (Ref item = next(it.get(), site)) {
    set_add(set, item.get(), site);
  }
}

inline void dict_set(PyObject* dict, PyObject* key, PyObject* value, Site site) {
  check_status(PyDict_SetItem(dict, key, value), site);
}

// `**mapping` in a dict display.
inline void dict_update(PyObject* dict, PyObject* mapping, Site site) {
  if (PyDict_Update(dict, mapping) < 0) {
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", PYXX_TYPE_NAME(Py_TYPE(mapping)));
    }
    raise_python(site);
  }
}

// A keyword argument `name=value` of a call to `callable` whose keywords are
// collected in `kwargs`: a name given twice is CPython's TypeError.
inline void call_keyword(PyObject* callable, PyObject* kwargs, PyObject* name, PyObject* value, Site site) {
  int has = PyDict_Contains(kwargs, name);
  if (has < 0) raise_python(site);
  if (has > 0) {
    PyObject* function = detail::FunctionStr(callable);
    if (function != nullptr) {
      PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'", function, name);
      Py_DECREF(function);
    }
    raise_python(site);
  }
  dict_set(kwargs, name, value, site);
}

// `**mapping` among the arguments of a call to `callable`.
inline void call_merge(PyObject* callable, PyObject* kwargs, PyObject* mapping, Site site) {
  Ref keys;
  if (PyDict_Check(mapping)) {
    keys = check(PyDict_Keys(mapping), site);
  } else {
    keys = Ref::steal(PyMapping_Keys(mapping));
    if (!keys) {
      if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject* function = detail::FunctionStr(callable);
        if (function != nullptr) {
          PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s", function,
                       PYXX_TYPE_NAME(Py_TYPE(mapping)));
          Py_DECREF(function);
        }
      }
      raise_python(site);
    }
  }
  Ref it = check(PyObject_GetIter(keys.get()), site);
  while (Ref key = next(it.get(), site)) {
    Ref value = check(PyObject_GetItem(mapping, key.get()), site);
    call_keyword(callable, kwargs, key.get(), value.get(), site);
  }
}

// callable(*positional, **kwargs). `positional` is the list the call's
// positional arguments were collected in, or, when the call's only positional
// argument is one `*x`, x itself (checked here, when the call is made, as CPython
// does). `kwargs` may be null.
inline Ref call_unpacked(PyObject* callable, PyObject* positional, bool only_starred, PyObject* kwargs, Site site) {
  Ref args;
  if (only_starred) {
    if (PyTuple_CheckExact(positional)) {
      args = Ref::borrow(positional);
    } else {
      if (!detail::IsIterable(positional)) {
        PyObject* function = detail::FunctionStr(callable);
        if (function != nullptr) {
          PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s", function,
                       PYXX_TYPE_NAME(Py_TYPE(positional)));
          Py_DECREF(function);
        }
        raise_python(site);
      }
      args = check(PySequence_Tuple(positional), site);
    }
  } else {
    args = list_to_tuple(positional, site);
  }
  return check(PyObject_Call(callable, args.get(), kwargs), site);
}

// `a, *rest, z = seq` (UNPACK_EX): `before` items, a list of the rest, then
// `after` items into out[0 .. before + after], as Python words the errors.
inline void unpack_starred(PyObject* seq, Ref* out, Py_ssize_t before, Py_ssize_t after, Site site) {
  Ref it = iterate_to_unpack(seq, site);
  for (Py_ssize_t i = 0; i < before; ++i) {
    out[i] = next(it.get(), site);
    if (!out[i]) {
      PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)", before + after, i);
      raise_python(site);
    }
  }
  Ref rest = check(PySequence_List(it.get()), site);
  const Py_ssize_t n = PyList_GET_SIZE(rest.get());
  if (n < after) {
    PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)", before + after,
                 before + n);
    raise_python(site);
  }
  for (Py_ssize_t j = 0; j < after; ++j) {
    out[before + 1 + j] = Ref::borrow(PyList_GET_ITEM(rest.get(), n - after + j));
  }
  check_status(PyList_SetSlice(rest.get(), n - after, n, nullptr), site);
  out[before] = std::move(rest);
}

}  // namespace pyxx
