// C functions shared between pyxx modules (`from cython.cimports.pkg.mod import f`).
//
// No symbol is shared between extension modules: the exporting module puts one
// capsule per exported C function into its `__pyxx_capi__` dict (as Cython's
// `__pyx_capi__`), and an importing module takes the function pointers out of
// them when it is initialised. A capsule's name is the function's signature,
// so a module built against stale declarations fails to import instead of
// calling a function with the wrong arguments.
//
// Errors cannot travel between modules as C++ exceptions (each extension has
// its own copy of the exception types), so an exported function is called
// through a trampoline that catches them and describes them in a ForeignError,
// a plain struct; the importing side throws the same exception again. Neither
// side touches Python objects for this, so it works without the GIL.
#pragma once

#include <initializer_list>
#include <new>

#include "errors.hpp"
#include "object.hpp"

namespace pyxx {

// The version of this protocol, the first word of every signature.
#define PYXX_CAPI_VERSION "pyxx-capi-1"

struct ForeignError {
  enum Kind : int { kNone, kCError, kPythonError, kNoMemory, kUnknown };
  Kind kind = kNone;
  PyObject* type = nullptr;       // kCError: the exception class (a builtin)
  const char* message = nullptr;  // kCError: a static string of the exporting module
  Site site{nullptr, 0};
  Callers callers{};
};

// In a trampoline's `catch (...)`: describes the exception being handled.
// `filename` is the exporting module's source: its sites keep it.
[[gnu::noinline, gnu::cold]] inline void capture_foreign_error(ForeignError& out, const char* filename) noexcept {
  auto stamp = [filename](Site s) {
    if (s.file == nullptr) s.file = filename;
    return s;
  };
  auto stamp_all = [&stamp](const Callers& in) {
    Callers c = in;
    for (int i = 0; i < c.count; ++i) c.sites[i] = stamp(c.sites[i]);
    return c;
  };
  try {
    throw;
  } catch (const CError& e) {
    out = ForeignError{ForeignError::kCError, e.type, e.message, stamp(e.site), stamp_all(e.callers)};
  } catch (const PythonError& e) {
    out = ForeignError{ForeignError::kPythonError, nullptr, nullptr, stamp(e.site), stamp_all(e.callers)};
  } catch (const std::bad_alloc&) {
    out = ForeignError{ForeignError::kNoMemory, nullptr, nullptr, Site{nullptr, 0}, {}};
  } catch (...) {
    out = ForeignError{ForeignError::kUnknown, nullptr, nullptr, Site{nullptr, 0}, {}};
  }
}

// On the importing side, after a trampoline returned -1: the same exception again.
[[noreturn]] inline void rethrow_foreign_error(const ForeignError& e) {
  switch (e.kind) {
    case ForeignError::kCError:
      throw CError{e.type, e.message, e.site, e.callers};
    case ForeignError::kPythonError:
      throw PythonError{e.site, e.callers};
    case ForeignError::kNoMemory:
      throw std::bad_alloc();
    default:
      throw CError{PyExc_SystemError, "unexpected C++ exception in a cimported function", e.site, e.callers};
  }
}

// An instance lent to a cimported C method's trampoline without a reference
// count (the caller keeps it alive for the call, as within a module): a Ref for
// the method's `self` that never drops a reference, so no GIL is needed.
class LentRef {
 public:
  explicit LentRef(PyObject* obj) noexcept : ref_(Ref::steal(obj)) {}
  LentRef(const LentRef&) = delete;
  LentRef& operator=(const LentRef&) = delete;
  ~LentRef() { static_cast<void>(ref_.release()); }
  const Ref& get() const noexcept { return ref_; }

 private:
  Ref ref_;
};

// A field of an instance of a cimported extension type, at the offset its module
// published (`offset`: the capsule's pointer to it). `obj` may be None
// (AttributeError, as for the module's own types).
template <class T>
inline T& foreign_field(PyObject* obj, const void* offset, const char* none_message, Site site) {
  if (obj == Py_None) raise_c(PyExc_AttributeError, none_message, site);
  return *reinterpret_cast<T*>(reinterpret_cast<char*>(obj) + *static_cast<const Py_ssize_t*>(offset));
}
// The same on an instance known not to be None.
template <class T>
inline T& foreign_field(PyObject* obj, const void* offset) noexcept {
  return *reinterpret_cast<T*>(reinterpret_cast<char*>(obj) + *static_cast<const Py_ssize_t*>(offset));
}

// After import_capi: the type object a cimported extension type's capsule
// points at (`exported`: the exporting module's PyTypeObject* variable). Null
// while that module's class statement has not run (a cycle of cimports): ImportError.
inline bool take_foreign_type(const void* exported, PyTypeObject*& type, const char* module_name,
                              const char* type_name) noexcept {
  type = *static_cast<PyTypeObject* const*>(exported);
  if (type != nullptr) return true;
  PyErr_Format(PyExc_ImportError,
               "extension type '%s.%s' is not made yet (its module is still being imported: a cycle of cimports)",
               module_name, type_name);
  return false;
}

// One exported function: its name, its signature and its trampoline.
struct CapiExport {
  const char* name;
  const char* signature;
  void* function;
};

// Called by the exporting module's exec function: `module.__pyxx_capi__`.
template <size_t N>
inline bool export_capi(PyObject* module, const CapiExport (&entries)[N]) noexcept {
  Ref table = Ref::steal(PyDict_New());
  if (!table) return false;
  for (const CapiExport& entry : entries) {
    Ref capsule = Ref::steal(PyCapsule_New(entry.function, entry.signature, nullptr));
    if (!capsule || PyDict_SetItemString(table.get(), entry.name, capsule.get()) < 0) return false;
  }
  if (PyModule_AddObject(module, "__pyxx_capi__", table.get()) < 0) return false;
  table.release();  // stolen on success
  return true;
}

// One function an importing module takes from another module.
struct CapiImport {
  const char* name;
  const char* signature;
  void** slot;  // where the trampoline's address goes
};

// Called by the importing module's exec function: imports `module_name` and
// fills each slot, or sets ImportError and returns false. The module stays
// imported for the life of the process (its functions are called through the
// slots), as a cimported Cython module does.
inline bool import_capi(const char* module_name, std::initializer_list<CapiImport> entries) noexcept {
  Ref module = Ref::steal(PyImport_ImportModule(module_name));
  if (!module) return false;
  Ref table = Ref::steal(PyObject_GetAttrString(module.get(), "__pyxx_capi__"));
  if (!table || !PyDict_Check(table.get())) {
    PyErr_Format(PyExc_ImportError, "module '%s' exports no C functions (it was not made by pyxx)", module_name);
    return false;
  }
  for (const CapiImport& entry : entries) {
    PyObject* capsule = PyDict_GetItemString(table.get(), entry.name);  // borrowed
    if (capsule == nullptr || !PyCapsule_IsValid(capsule, entry.signature)) {
      const char* found = capsule != nullptr && PyCapsule_CheckExact(capsule) ? PyCapsule_GetName(capsule) : nullptr;
      PyErr_Clear();
      if (found == nullptr) {
        PyErr_Format(PyExc_ImportError, "module '%s' does not export the C function '%s'", module_name, entry.name);
      } else {
        PyErr_Format(PyExc_ImportError,
                     "C function '%s.%s' has the signature '%s' but '%s' was expected: "
                     "translate the importing module again",
                     module_name, entry.name, found, entry.signature);
      }
      return false;
    }
    *entry.slot = PyCapsule_GetPointer(capsule, entry.signature);
  }
  module.release();  // kept: the slots point into it
  return true;
}

}  // namespace pyxx
