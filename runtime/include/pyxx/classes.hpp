// Plain Python `class` statements. The class body runs inline in the code that
// holds the statement, storing into a namespace; ClassBuilder does the rest of
// what `builtins.__build_class__` does: `__mro_entries__` of the bases, the
// metaclass (a `metaclass=` keyword or the most derived one of the bases), its
// `__prepare__`, `__module__`/`__qualname__`, and the call that makes the class.
#pragma once

#include "python.hpp"

#include <initializer_list>

#include "closure.hpp"
#include "constants.hpp"
#include "errors.hpp"
#include "object.hpp"
#include "pyops.hpp"
#include "unpacking.hpp"

namespace pyxx {

namespace detail {

// getattr(obj, name, None) as a new reference or null (no exception) when missing.
inline Ref OptionalAttr(PyObject* obj, const char* name, Site site) {
  PyObject* value = PyObject_GetAttrString(obj, name);
  if (value == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) raise_python(site);
    PyErr_Clear();
  }
  return Ref::steal(value);
}

}  // namespace detail

class ClassBuilder {
 public:
  void prepare(PyObject* module, PyObject* name, PyObject* qualname, std::initializer_list<PyObject*> bases,
               std::initializer_list<const char*> keyword_names, std::initializer_list<PyObject*> keyword_values,
               Site site) {
    Ref kwds = check(PyDict_New(), site);
    auto value = keyword_values.begin();
    for (const char* keyword : keyword_names) {
      check_status(PyDict_SetItemString(kwds.get(), keyword, *value++), site);
    }
    prepare_unpacked(module, name, qualname, make_tuple(bases, site), std::move(kwds), site);
  }

  // `class C(*bases, **keywords)`: the bases and keywords collected at run time
  // (a list and a dict), as `__build_class__` receives them.
  void prepare_unpacked(PyObject* module, PyObject* name, PyObject* qualname, Ref bases, Ref kwds, Site site) {
    if (PyList_Check(bases.get())) {
      bases = check(PyList_AsTuple(bases.get()), site);
    }
    Py_ssize_t pos = 0;
    PyObject* key = nullptr;
    PyObject* ignored = nullptr;
    while (PyDict_Next(kwds.get(), &pos, &key, &ignored)) {
      if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        raise_python(site);
      }
    }
    name_ = Ref::borrow(name);
    Ref original = std::move(bases);
    // Bases that are not classes may stand for others (`__mro_entries__`, PEP 560).
    Ref resolved = check(PyList_New(0), site);
    bool changed = false;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(original.get()); ++i) {
      PyObject* base = PyTuple_GET_ITEM(original.get(), i);
      Ref entries;
      if (!PyType_Check(base)) {
        Ref method = detail::OptionalAttr(base, "__mro_entries__", site);
        if (method) {
          entries = call(method.get(), {original.get()}, site);
          if (!PyTuple_Check(entries.get())) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            raise_python(site);
          }
        }
      }
      if (entries) {
        changed = true;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(entries.get()); ++i) {
          check_status(PyList_Append(resolved.get(), PyTuple_GET_ITEM(entries.get(), i)), site);
        }
      } else {
        check_status(PyList_Append(resolved.get(), base), site);
      }
    }
    bases_ = changed ? check(PyList_AsTuple(resolved.get()), site) : Ref::borrow(original.get());
    if (changed) original_bases_ = std::move(original);
    kwds_ = std::move(kwds);
    // The metaclass: `metaclass=`, else the type of the first base; a class one
    // is replaced by the most derived metaclass of the bases.
    PyObject* meta = PyDict_GetItemString(kwds_.get(), "metaclass");  // borrowed
    if (meta != nullptr) {
      meta_ = Ref::borrow(meta);
      check_status(PyDict_DelItemString(kwds_.get(), "metaclass"), site);
    } else {
      meta_ = Ref::borrow(PyTuple_GET_SIZE(bases_.get()) > 0
                              ? reinterpret_cast<PyObject*>(Py_TYPE(PyTuple_GET_ITEM(bases_.get(), 0)))
                              : reinterpret_cast<PyObject*>(&PyType_Type));
    }
    if (PyType_Check(meta_.get())) {
      auto* winner = reinterpret_cast<PyTypeObject*>(meta_.get());
      for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases_.get()); ++i) {
        PyTypeObject* t = Py_TYPE(PyTuple_GET_ITEM(bases_.get(), i));
        if (PyType_IsSubtype(winner, t)) continue;
        if (PyType_IsSubtype(t, winner)) {
          winner = t;
          continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                        "of the metaclasses of all its bases");
        raise_python(site);
      }
      meta_ = Ref::borrow(reinterpret_cast<PyObject*>(winner));
    }
    Ref prepare = detail::OptionalAttr(meta_.get(), "__prepare__", site);
    if (prepare) {
      Ref args = make_tuple({name, bases_.get()}, site);
      ns_ = check(PyObject_Call(prepare.get(), args.get(), kwds_.get()), site);
      if (!PyMapping_Check(ns_.get())) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     PyType_Check(meta_.get()) ? reinterpret_cast<PyTypeObject*>(meta_.get())->tp_name : "<metaclass>",
                     Py_TYPE(ns_.get())->tp_name);
        raise_python(site);
      }
    } else {
      ns_ = check(PyDict_New(), site);
    }
    PyObject* module_name = PyDict_GetItemString(PyModule_GetDict(module), "__name__");  // borrowed
    if (module_name != nullptr) set("__module__", module_name, site);
    set("__qualname__", qualname, site);
  }

  PyObject* ns() const noexcept { return ns_.get(); }
  // For an extension type (cclass.hpp), made from the namespace without the metaclass.
  PyObject* bases() const noexcept { return bases_.get(); }
  PyObject* cell() const noexcept { return cell_.get(); }
  void wrap_implicit_methods(Site site) {
    wrap_implicit("__init_subclass__", &PyClassMethod_Type, site);
    wrap_implicit("__class_getitem__", &PyClassMethod_Type, site);
  }

  void set(const char* key, PyObject* value, Site site) {
    Ref k = check(PyUnicode_InternFromString(key), site);
    check_status(PyObject_SetItem(ns_.get(), k.get(), value), site);
  }

  // A body with annotations starts with an empty `__annotations__`, as Python's.
  void setup_annotations(Site site) {
    Ref k = check(PyUnicode_InternFromString("__annotations__"), site);
    PyObject* existing = PyObject_GetItem(ns_.get(), k.get());
    if (existing != nullptr) {
      Py_DECREF(existing);
      return;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) raise_python(site);
    PyErr_Clear();
    Ref annotations = check(PyDict_New(), site);
    check_status(PyObject_SetItem(ns_.get(), k.get(), annotations.get()), site);
  }

  // `name: annotation` in the body: recorded as its source text (as under
  // `from __future__ import annotations`).
  void annotate(const Constant& name, const Constant& text, Site site) {
    Ref k = check(PyUnicode_InternFromString("__annotations__"), site);
    Ref annotations = check(PyObject_GetItem(ns_.get(), k.get()), site);
    check_status(PyObject_SetItem(annotations.get(), name.get(), text.get()), site);
  }

  // The class cell of the methods that use `super()` or `__class__`: passed to
  // the metaclass as `__classcell__`, which type.__new__ fills with the class.
  Ref class_cell(Site site) {
    cell_ = check(PyCell_New(nullptr), site);
    return Ref::borrow(cell_.get());
  }

  Ref create(Site site) {
    // type.__new__ makes a plain `__new__` a staticmethod and `__init_subclass__`,
    // `__class_getitem__` classmethods, but only Python's own functions: ours
    // are wrapped here, before the metaclass runs.
    wrap_implicit("__new__", &PyStaticMethod_Type, site);
    wrap_implicit("__init_subclass__", &PyClassMethod_Type, site);
    wrap_implicit("__class_getitem__", &PyClassMethod_Type, site);
    if (cell_) set("__classcell__", cell_.get(), site);  // last in the body, as Python's
    if (original_bases_) set("__orig_bases__", original_bases_.get(), site);
    Ref args = make_tuple({name_.get(), bases_.get(), ns_.get()}, site);
    Ref cls = check(PyObject_Call(meta_.get(), args.get(), kwds_.get()), site);
    if (cell_ && PyType_Check(cls.get())) {
      // As builtins.__build_class__: the metaclass must have passed the cell on.
      PyObject* filled = PyCell_GET(cell_.get());
      if (filled == nullptr) {
        PyErr_Format(PyExc_RuntimeError,
                     "__class__ not set defining %.200R as %.200R. Was __classcell__ propagated to type.__new__?",
                     name_.get(), cls.get());
        raise_python(site);
      }
      if (filled != cls.get()) {
        PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R", filled, name_.get(),
                     cls.get());
        raise_python(site);
      }
    }
    return cls;
  }

 private:
  void wrap_implicit(const char* key, PyTypeObject* wrapper, Site site) {
    Ref k = check(PyUnicode_InternFromString(key), site);
    PyObject* value = PyObject_GetItem(ns_.get(), k.get());
    if (value == nullptr) {
      if (!PyErr_ExceptionMatches(PyExc_KeyError)) raise_python(site);
      PyErr_Clear();
      return;
    }
    Ref function = Ref::steal(value);
    if (Py_TYPE(function.get()) != function_type(site)) return;
    PyObject* args[] = {function.get()};
    Ref wrapped = check(PyObject_Vectorcall(reinterpret_cast<PyObject*>(wrapper), args, 1, nullptr), site);
    check_status(PyObject_SetItem(ns_.get(), k.get(), wrapped.get()), site);
  }

  Ref name_, bases_, original_bases_, kwds_, meta_, ns_, cell_;
};

// A name read in a class body: its namespace, then the globals, then the builtins.
inline Ref class_lookup(PyObject* ns, PyObject* module, const Constant& name, Site site) {
  if (PyDict_CheckExact(ns)) {
    PyObject* value = PyDict_GetItemWithError(ns, name.get());  // borrowed
    if (value != nullptr) return Ref::borrow(value);
    if (PyErr_Occurred()) raise_python(site);
  } else {
    PyObject* value = PyObject_GetItem(ns, name.get());
    if (value != nullptr) return Ref::steal(value);
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) raise_python(site);
    PyErr_Clear();
  }
  return get_global(module, name, site);
}

// The builtin `__build_class__`: Python's messages about a class's keywords name it.
inline PyObject* build_class_builtin(Site site) {
  PyObject* function = PyDict_GetItemString(PyEval_GetBuiltins(), "__build_class__");  // borrowed
  if (function == nullptr) {
    PyErr_SetString(PyExc_NameError, "__build_class__ not found");
    raise_python(site);
  }
  return function;
}

inline void class_store(PyObject* ns, const Constant& name, PyObject* value, Site site) {
  check_status(PyObject_SetItem(ns, name.get(), value), site);
}

// `del name` in a class body: a name the namespace lacks is a NameError, as Python's.
inline void class_delete(PyObject* ns, const Constant& name, Site site) {
  if (PyObject_DelItem(ns, name.get()) < 0) {
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_NameError, "name '%U' is not defined", name.get());
    }
    raise_python(site);
  }
}

// `except E as name` in a class body: the name is deleted from the namespace
// when the clause is left, by any path (a pending error is left untouched).
class UnbindClassNameOnExit {
 public:
  UnbindClassNameOnExit(PyObject* ns, const Constant& name) noexcept : ns_(ns), name_(name) {}
  UnbindClassNameOnExit(const UnbindClassNameOnExit&) = delete;
  auto operator=(const UnbindClassNameOnExit&) -> UnbindClassNameOnExit& = delete;
  ~UnbindClassNameOnExit() {
    PyObject* type = nullptr;
    PyObject* value = nullptr;
    PyObject* traceback = nullptr;
    PyErr_Fetch(&type, &value, &traceback);
    if (PyObject_DelItem(ns_, name_.get()) < 0) {
      PyErr_Clear();  // already deleted inside the clause
    }
    PyErr_Restore(type, value, traceback);
  }

 private:
  PyObject* ns_;
  const Constant& name_;
};

}  // namespace pyxx
