// Argument unpacking for METH_FASTCALL | METH_KEYWORDS wrappers of `def`
// functions, with the error messages CPython gives for Python functions.
#pragma once

#include "python.hpp"

#include <cstring>

#include "object.hpp"

namespace pyxx {
namespace detail {

// How CPython names a function in its argument errors: by __qualname__ from
// 3.10 on, by __name__ before (an abi3 module asks the version it runs on).
inline const char* ArgumentErrorName(const char* qualname) noexcept {
#if defined(Py_LIMITED_API)
  if (LimitedRunningMinor() >= 10) {
    return qualname;
  }
#elif PY_VERSION_HEX >= 0x030A0000
  return qualname;
#endif
  const char* dot = std::strrchr(qualname, '.');
  return dot != nullptr ? dot + 1 : qualname;
}

// Whether the str `key` spells the parameter name `name` (UTF-8, no NUL). Both
// are compared by length first: a key may hold NUL characters ("n\0"), so it
// must never be walked as a C string against the shorter name.
inline bool KeywordIs(PyObject* key, const char* name) noexcept {
#if defined(Py_LIMITED_API) && Py_LIMITED_API + 0 < 0x030A0000
  // PyUnicode_AsUTF8AndSize is limited API from 3.10: the UTF-8 as a bytes object.
  PyObject* encoded = PyUnicode_AsUTF8String(key);
  char* text = nullptr;
  Py_ssize_t size = 0;
  if (encoded == nullptr || PyBytes_AsStringAndSize(encoded, &text, &size) < 0) {
    Py_XDECREF(encoded);
    PyErr_Clear();  // unencodable (lone surrogates): cannot be a parameter name
    return false;
  }
  const size_t length = std::strlen(name);
  const bool same = static_cast<size_t>(size) == length && std::memcmp(text, name, length) == 0;
  Py_DECREF(encoded);
  return same;
#else
  Py_ssize_t size = 0;
  const char* text = PyUnicode_AsUTF8AndSize(key, &size);
  if (text == nullptr) {
    PyErr_Clear();  // unencodable (lone surrogates): cannot be a parameter name
    return false;
  }
  const size_t length = std::strlen(name);
  return static_cast<size_t>(size) == length && std::memcmp(text, name, length) == 0;
#endif
}

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" -- CPython's list of missing names.
inline PyObject* QuotedNameList(const char* const* names, Py_ssize_t count) noexcept {
  PyObject* text = PyUnicode_FromString("");
  for (Py_ssize_t i = 0; i < count && text != nullptr; ++i) {
    const char* separator = "";
    if (i > 0) separator = count == 2 ? " and " : (i == count - 1 ? ", and " : ", ");
    PyObject* piece = PyUnicode_FromFormat("%s'%s'", separator, names[i]);
    if (piece == nullptr) {
      Py_CLEAR(text);
      break;
    }
    PyUnicode_Append(&text, piece);
    Py_DECREF(piece);
  }
  return text;
}

// Reports the parameters in [first, end) of `names` whose slot in `out` is empty
// (and, when `optional` is given, that have no default).
inline bool ReportMissing(const char* fname, const char* const* names, PyObject* const* out,
                          Py_ssize_t first, Py_ssize_t end, const char* kind,
                          const bool* optional = nullptr) noexcept {
  auto is_missing = [&](Py_ssize_t i) { return out[i] == nullptr && (optional == nullptr || !optional[i]); };
  Py_ssize_t count = 0;
  for (Py_ssize_t i = first; i < end; ++i) count += is_missing(i);
  if (count == 0) return true;
  // Collect the missing names in order, reusing a small stack buffer when it suffices.
  const char* stack_names[16];
  const char** missing = count <= 16 ? stack_names : static_cast<const char**>(PyMem_Malloc(
                                                          sizeof(const char*) * static_cast<size_t>(count)));
  if (missing == nullptr) {
    PyErr_NoMemory();
    return false;
  }
  Py_ssize_t k = 0;
  for (Py_ssize_t i = first; i < end; ++i) {
    if (is_missing(i)) missing[k++] = names[i];
  }
  PyObject* list = QuotedNameList(missing, count);
  if (missing != stack_names) PyMem_Free(missing);
  if (list == nullptr) return false;
  PyErr_Format(PyExc_TypeError, "%s() missing %zd required %s argument%s: %U", ArgumentErrorName(fname), count, kind,
               count == 1 ? "" : "s", list);
  Py_DECREF(list);
  return false;
}

inline bool ReportTooManyPositional(const char* fname, Py_ssize_t nargs, Py_ssize_t npositional,
                                    Py_ssize_t nrequired, Py_ssize_t nkwonly_given) noexcept {
  PyObject* takes = nrequired < npositional
                        ? PyUnicode_FromFormat("from %zd to %zd positional arguments", nrequired, npositional)
                        : PyUnicode_FromFormat("%zd positional argument%s", npositional, npositional == 1 ? "" : "s");
  if (takes == nullptr) return false;
  if (nkwonly_given > 0) {
    PyErr_Format(PyExc_TypeError,
                 "%s() takes %U but %zd positional argument%s (and %zd keyword-only argument%s) were given",
                 ArgumentErrorName(fname),
                 takes, nargs, nargs == 1 ? "" : "s", nkwonly_given, nkwonly_given == 1 ? "" : "s");
  } else {
    PyErr_Format(PyExc_TypeError, "%s() takes %U but %zd %s given", ArgumentErrorName(fname), takes, nargs,
                 nargs == 1 ? "was" : "were");
  }
  Py_DECREF(takes);
  return false;
}

// When a keyword names a positional-only parameter, CPython reports all such
// parameters (in declaration order) instead of "unexpected keyword argument".
// Returns whether it reported.
inline bool ReportPositionalOnlyAsKeyword(const char* fname, const char* const* names, Py_ssize_t nposonly,
                                          PyObject* kwnames) noexcept {
  PyObject* list = nullptr;
  const Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
  for (Py_ssize_t j = 0; j < nposonly; ++j) {
    bool given = false;
    for (Py_ssize_t k = 0; k < nkw && !given; ++k) given = KeywordIs(PyTuple_GET_ITEM(kwnames, k), names[j]);
    if (!given) continue;
    PyObject* piece = PyUnicode_FromFormat(list == nullptr ? "%s" : ", %s", names[j]);
    if (piece == nullptr) {
      Py_XDECREF(list);
      return true;  // MemoryError is set
    }
    if (list == nullptr) {
      list = piece;
    } else {
      PyUnicode_Append(&list, piece);  // clears the left side on failure
      Py_DECREF(piece);
      if (list == nullptr) return true;
    }
  }
  if (list == nullptr) return false;
  PyErr_Format(PyExc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%U'",
               ArgumentErrorName(fname), list);
  Py_DECREF(list);
  return true;
}

}  // namespace detail

// The parameters of a `def` function, for unpack_call: a static descriptor per
// wrapper, so that a wrapper holds only the inline fast path and one call.
struct ArgSpec {
  const char* fname;
  // The named parameters in declaration order (`*args` and `**kwargs` left out):
  // `nposonly` positional-only first, then the other positional ones, then
  // `nkwonly` keyword-only.
  const char* const* names;
  Py_ssize_t nparams;
  Py_ssize_t nrequired;  // the first positional parameters, without a default
  Py_ssize_t nposonly;
  Py_ssize_t nkwonly;
  Py_ssize_t nkwonly_required;  // the keyword-only parameters without a default
  // Per named parameter: it has a default. Only keyword-only parameters consult
  // it; without it (nullptr) the first `nkwonly_required` of them have none.
  const bool* optional;
  bool varargs;  // `*args`
  bool varkw;    // `**kwargs`
};

// Fills out[0..nparams) with borrowed references to the arguments of a call
// `fname(*args[0..nargs), **{kwnames[i]: args[nargs + i]})`, nullptr for
// omitted optional parameters, and returns true; or sets CPython's TypeError
// and returns false. The checks run in CPython's order and words
// (initialize_locals in ceval.c), so the same call gives the same message as a
// Python function with the same signature. Positional arguments beyond the
// positional parameters go into a new tuple in *varargs, keywords no named
// parameter takes (a positional-only name included) into a new dict in *varkw,
// when the function has those.
//
// unpack_call is the inline fast path (positional arguments only, no `*args`
// or `**kwargs` to fill, every parameter left out has a default), which folds
// to a few compares against the constant descriptor; every other call goes to
// unpack_call_general, out of line and shared by every wrapper.
[[gnu::noinline]] inline bool unpack_call_general(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                                                  const ArgSpec& spec, PyObject** out, Ref* varargs,
                                                  Ref* varkw) noexcept {
  const Py_ssize_t npositional = spec.nparams - spec.nkwonly;
  const Py_ssize_t ncopied = nargs < npositional ? nargs : npositional;
  for (Py_ssize_t i = 0; i < spec.nparams; ++i) out[i] = i < ncopied ? args[i] : nullptr;
  if (spec.varkw) {
    varkw->reset(PyDict_New());
    if (!*varkw) return false;
  }
  if (spec.varargs) {
    varargs->reset(PyTuple_New(nargs - ncopied));
    if (!*varargs) return false;
    for (Py_ssize_t i = ncopied; i < nargs; ++i) {
      Py_INCREF(args[i]);
      PyTuple_SET_ITEM(varargs->get(), i - ncopied, args[i]);
    }
  }
  const Py_ssize_t nkw = kwnames != nullptr ? PyTuple_GET_SIZE(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; ++k) {
    PyObject* key = PyTuple_GET_ITEM(kwnames, k);
    if (!PyUnicode_Check(key)) {
      PyErr_Format(PyExc_TypeError, "%s() keywords must be strings", detail::ArgumentErrorName(spec.fname));
      return false;
    }
    Py_ssize_t match = -1;
    for (Py_ssize_t j = spec.nposonly; j < spec.nparams && match < 0; ++j) {
      if (detail::KeywordIs(key, spec.names[j])) match = j;
    }
    if (match < 0) {
      if (spec.varkw) {
        if (PyDict_SetItem(varkw->get(), key, args[nargs + k]) < 0) return false;
        continue;
      }
      if (!detail::ReportPositionalOnlyAsKeyword(spec.fname, spec.names, spec.nposonly, kwnames)) {
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                     detail::ArgumentErrorName(spec.fname), key);
      }
      return false;
    }
    if (out[match] != nullptr) {
      PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", detail::ArgumentErrorName(spec.fname),
                   spec.names[match]);
      return false;
    }
    out[match] = args[nargs + k];
  }
  if (nargs > npositional && !spec.varargs) {
    Py_ssize_t nkwonly_given = 0;
    for (Py_ssize_t j = npositional; j < spec.nparams; ++j) nkwonly_given += out[j] != nullptr;
    return detail::ReportTooManyPositional(spec.fname, nargs, npositional, spec.nrequired, nkwonly_given);
  }
  if (!detail::ReportMissing(spec.fname, spec.names, out, 0, spec.nrequired, "positional")) return false;
  // Keyword-only parameters without a default, in declaration order.
  const Py_ssize_t kwonly_end = npositional + (spec.optional != nullptr ? spec.nkwonly : spec.nkwonly_required);
  return detail::ReportMissing(spec.fname, spec.names, out, npositional, kwonly_end, "keyword-only", spec.optional);
}

// Always inlined: GCC would otherwise keep one out-of-line copy, and every call
// would pay a call and the descriptor's loads for what folds to constants here.
[[gnu::always_inline]] inline bool unpack_call(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                                               const ArgSpec& spec, PyObject** out, Ref* varargs = nullptr,
                                               Ref* varkw = nullptr) noexcept {
  // What unpack_call_general does for such a call, which cannot fail.
  if (kwnames == nullptr && !spec.varargs && !spec.varkw && nargs >= spec.nrequired &&
      nargs <= spec.nparams - spec.nkwonly && spec.nkwonly_required == 0) {
    for (Py_ssize_t i = 0; i < spec.nparams; ++i) out[i] = i < nargs ? args[i] : nullptr;
    return true;
  }
  return unpack_call_general(args, nargs, kwnames, spec, out, varargs, varkw);
}

// unpack_call with the signature spelled out, for runtime code that binds
// arguments itself (a dataclass's __init__): the keyword-only parameters
// without a default come first among the keyword-only ones.
inline bool unpack_args(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, const char* fname,
                        const char* const* names, Py_ssize_t nparams, Py_ssize_t nrequired, PyObject** out,
                        Py_ssize_t nposonly = 0, Py_ssize_t nkwonly = 0,
                        Py_ssize_t nkwonly_required = 0) noexcept {
  const ArgSpec spec{fname, names, nparams, nrequired, nposonly, nkwonly, nkwonly_required, nullptr, false, false};
  return unpack_call(args, nargs, kwnames, spec, out);
}

// A parameter annotated with a builtin type (`x: list`, `Optional[dict]`): as in
// Cython 3, the argument must be exactly of that type (not a subclass; None
// only where the annotation allows it), else TypeError "Argument 'x' has
// incorrect type (expected list, got tuple)", with Cython's note for a subclass.
inline bool arg_type_test(PyObject* obj, PyTypeObject* type, bool allows_none, const char* name) noexcept {
  if (Py_TYPE(obj) == type || (allows_none && obj == Py_None)) {
    return true;
  }
  const bool subclass = PyObject_TypeCheck(obj, type) != 0;
  PyObject* message = PyUnicode_FromFormat("Argument '%.200s' has incorrect type (expected %s, got %s)", name,
                                           PYXX_TYPE_NAME(type), PYXX_TYPE_NAME(Py_TYPE(obj)));
  if (message == nullptr) {
    return false;
  }
  PyObject* error = PyObject_CallOneArg(PyExc_TypeError, message);
  Py_DECREF(message);
  if (error == nullptr) {
    return false;
  }
  if (subclass) {
    PyObject* result = PyObject_CallMethod(
        error, "add_note", "s",
        "pyxx, as Cython, accepts only the exact builtin type for this annotation, not a subclass; "
        "annotate the parameter as `object` to accept subclasses.");
    Py_XDECREF(result);
    PyErr_Clear();  // without add_note (before 3.11) the TypeError stays as it was
  }
  PyErr_SetObject(PyExc_TypeError, error);
  Py_DECREF(error);
  return false;
}

// The same test where the module calls its own `def` directly (skipping the wrapper).
inline Ref arg_type_checked(Ref obj, PyTypeObject* type, bool allows_none, const char* name, Site site) {
  if (!arg_type_test(obj.get(), type, allows_none, name)) {
    raise_python(site);
  }
  return obj;
}

}  // namespace pyxx
