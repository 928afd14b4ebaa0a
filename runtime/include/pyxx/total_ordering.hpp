// `@cython.total_ordering` on an extension type: the ordering methods the class
// body leaves out, made from its `__eq__` (or `__ne__`) and one ordering method,
// the root (`__lt__` before `__le__`, `__gt__`, `__ge__`, as functools and
// Cython choose it). Each computes what Cython 3's generated tp_richcompare
// does: the root's result (NotImplemented and errors pass through) as a truth
// value, then, for some, equality; the result is True or False. They call the
// class's own functions, not what a subclass overrides them with.
#pragma once

#include "python.hpp"

#include "classes.hpp"
#include "errors.hpp"
#include "object.hpp"

namespace pyxx {

namespace detail {

// How an ordering comes from the root: `invert_root` negates the root's truth;
// `combine` is 0 (that truth alone), '&' (and equality) or '|' (or equality);
// `invert_eq` negates the equality test.
struct TotalOrderingRule {
  bool invert_root;
  char combine;
  bool invert_eq;
};

// Rows: the root (lt, le, gt, ge); columns: the method made (lt, le, gt, ge).
inline constexpr TotalOrderingRule kTotalOrderingRules[4][4] = {
    // root __lt__: le = lt or eq, gt = not lt and not eq, ge = not lt
    {{false, 0, false}, {false, '|', false}, {true, '&', true}, {true, 0, false}},
    // root __le__: lt = le and not eq, gt = not le, ge = not le or eq
    {{false, '&', true}, {false, 0, false}, {true, 0, false}, {true, '|', false}},
    // root __gt__: lt = not gt and not eq, le = not gt, ge = gt or eq
    {{true, '&', true}, {true, 0, false}, {false, 0, false}, {false, '|', false}},
    // root __ge__: lt = not ge, le = not ge or eq, gt = ge and not eq
    {{true, 0, false}, {true, '|', false}, {false, '&', true}, {false, 0, false}},
};

inline constexpr const char* kOrderingNames[4] = {"__lt__", "__le__", "__gt__", "__ge__"};

// The truth of `f(a, b)`: 1 or 0, -1 with an exception set, 2 for NotImplemented (in *result).
inline auto TotalOrderingCall(PyObject* f, PyObject* a, PyObject* b, PyObject** result) -> int {
  PyObject* args[] = {a, b};
  *result = PyObject_Vectorcall(f, args, 2, nullptr);
  if (*result == nullptr) {
    return -1;
  }
  if (*result == Py_NotImplemented) {
    return 2;
  }
  const int truth = PyObject_IsTrue(*result);
  Py_CLEAR(*result);
  return truth;
}

// The method's function: `data` is (root, equality, rule index, eq-is-ne).
inline auto TotalOrderingMethod(PyObject* data, PyObject* const* args, Py_ssize_t nargs) -> PyObject* {
  if (nargs != 2) {
    PyErr_Format(PyExc_TypeError, "expected 2 arguments, got %zd", nargs);
    return nullptr;
  }
  PyObject* root = PyTuple_GET_ITEM(data, 0);
  PyObject* eq = PyTuple_GET_ITEM(data, 1);
  const long index = PyLong_AsLong(PyTuple_GET_ITEM(data, 2));
  const bool eq_is_ne = PyTuple_GET_ITEM(data, 3) == Py_True;
  const TotalOrderingRule& rule = kTotalOrderingRules[index / 4][index % 4];
  PyObject* result = nullptr;
  int truth = TotalOrderingCall(root, args[0], args[1], &result);
  if (truth < 0 || truth == 2) {
    return result;
  }
  truth = rule.invert_root ? !truth : truth;
  if (rule.combine == 0 || (rule.combine == '&' && !truth) || (rule.combine == '|' && truth)) {
    return PyBool_FromLong(truth);
  }
  int equal = TotalOrderingCall(eq, args[0], args[1], &result);
  if (equal < 0 || equal == 2) {
    return result;
  }
  const bool invert = rule.invert_eq != eq_is_ne;  // `__ne__` answers the other way round
  return PyBool_FromLong(invert ? !equal : equal);
}

// One definition per method made, for its name.
inline PyMethodDef kTotalOrderingDefs[4] = {
    {"__lt__", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&TotalOrderingMethod)), METH_FASTCALL,
     nullptr},
    {"__le__", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&TotalOrderingMethod)), METH_FASTCALL,
     nullptr},
    {"__gt__", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&TotalOrderingMethod)), METH_FASTCALL,
     nullptr},
    {"__ge__", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&TotalOrderingMethod)), METH_FASTCALL,
     nullptr},
};

}  // namespace detail

// Adds the missing ordering methods to the class namespace, before the type is made.
inline void total_ordering(ClassBuilder& builder, Site site) {
  PyObject* ns = builder.ns();
  auto item = [&](const char* name) -> Ref {
    Ref key = check(PyUnicode_FromString(name), site);
    PyObject* value = PyObject_GetItem(ns, key.get());
    if (value == nullptr && PyErr_ExceptionMatches(PyExc_KeyError)) {
      PyErr_Clear();
    } else if (value == nullptr) {
      raise_python(site);
    }
    return value != nullptr ? check(value, site) : Ref();
  };
  Ref eq = item("__eq__");
  const bool eq_is_ne = !eq;
  if (eq_is_ne) {
    eq = item("__ne__");
  }
  int root_index = -1;
  Ref root;
  for (int k = 0; k < 4 && !root; ++k) {
    root = item(detail::kOrderingNames[k]);
    root_index = k;
  }
  if (!root || !eq) {
    return;  // the checker saw both in the class body: a statement of the body removed one
  }
  for (int k = 0; k < 4; ++k) {
    if (k == root_index || item(detail::kOrderingNames[k])) {
      continue;
    }
    Ref data = check(Py_BuildValue("(OOiO)", root.get(), eq.get(), root_index * 4 + k, eq_is_ne ? Py_True : Py_False),
                     site);
    Ref function = check(PyCFunction_New(&detail::kTotalOrderingDefs[k], data.get()), site);
    Ref method = check(PyInstanceMethod_New(function.get()), site);  // binds the instance, as a `def` does
    builder.set(detail::kOrderingNames[k], method.get(), site);
  }
}

}  // namespace pyxx
