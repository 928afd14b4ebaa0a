// pyxx runtime: `@cython.dataclasses.dataclass` extension types. The methods
// Cython 3 generates for one (Cython/Compiler/Dataclass.py) are generic here:
// each type describes its fields in a Dataclass table (their descriptors' get
// and set functions, the field() options, the defaults the class body made),
// and its tp_init, tp_repr, tp_richcompare and tp_hash slots call these.
#pragma once

#include "python.hpp"

#include <cstddef>

#include "args.hpp"
#include "errors.hpp"
#include "object.hpp"

namespace pyxx {

struct DataclassField {
  const PyGetSetDef* access;  // the field's descriptor entry (every dataclass field is public or readonly)
  setter store;               // stores as `self.x = v` does, also into a frozen (readonly) field
  bool init;
  bool repr;
  bool compare;
  bool hash;              // in __hash__ (field(hash=...), else compare)
  signed char hash_option;  // field(hash=...): -1 None, 0 False, 1 True (Field.hash)
  bool has_default;       // field(default=...) or `x: T = value`
  bool has_factory;       // field(default_factory=...)
  bool initvar;           // dataclasses.InitVar[T]: an __init__ argument for __post_init__, never stored
  const char* type_text;  // the annotation as written: Field.type
  PyObject* value;        // the default or the factory, once the class body made it (a strong reference)
};

// The decorator's options, as __dataclass_params__ shows them.
enum DataclassParam : unsigned {
  kDataclassInit = 1U << 0,
  kDataclassRepr = 1U << 1,
  kDataclassEq = 1U << 2,
  kDataclassOrder = 1U << 3,
  kDataclassUnsafeHash = 1U << 4,
  kDataclassFrozen = 1U << 5,
};

struct Dataclass {
  DataclassField* fields;  // a dataclass base's fields first, then the type's own
  Py_ssize_t nfields;
  bool post_init;  // the class body defines __post_init__: __init__ calls it last
  PyTypeObject** type;  // the type's variable (comparisons take instances of it)
  unsigned params;      // DataclassParam bits
};

namespace detail {

// A zeroed heap array freed at the end of its scope: not std::vector, whose
// header would weigh on the precompiled prelude every module loads. T is a
// pointer or an integer; the GIL is held.
template <class T>
class ScratchArray {
 public:
  explicit ScratchArray(size_t n) : data_(static_cast<T*>(PyMem_Calloc(n == 0 ? 1 : n, sizeof(T)))) {}
  ~ScratchArray() { PyMem_Free(data_); }
  ScratchArray(const ScratchArray&) = delete;
  auto operator=(const ScratchArray&) -> ScratchArray& = delete;
  [[nodiscard]] T* data() const noexcept { return data_; }
  T& operator[](size_t i) const noexcept { return data_[i]; }
  explicit operator bool() const noexcept { return data_ != nullptr; }

 private:
  T* data_;
};

inline PyObject* DataclassGet(PyObject* self, const DataclassField& f) noexcept {
  return f.access->get(self, f.access->closure);
}

inline bool DataclassSet(PyObject* self, const DataclassField& f, PyObject* value) noexcept {
  return f.store(self, value, f.access->closure) == 0;
}

}  // namespace detail

// The class body evaluated a default value or a default factory.
inline void dataclass_default(Dataclass& dc, Py_ssize_t field, Ref value) noexcept {
  PyObject* old = dc.fields[field].value;
  dc.fields[field].value = value.release();
  Py_XDECREF(old);
}

// A derived dataclass's table starts with its dataclass base's fields: their
// defaults are the ones the base's class body made.
inline void dataclass_inherit(Dataclass& dc, const Dataclass& base) noexcept {
  for (Py_ssize_t i = 0; i < base.nfields; ++i) {
    Py_XINCREF(base.fields[i].value);
    PyObject* old = dc.fields[i].value;
    dc.fields[i].value = base.fields[i].value;
    Py_XDECREF(old);
  }
}

// __init__(self, <init fields>): each argument (or default, or the factory's
// result) stored as `self.x = x` stores it, then the fields left out of
// __init__ that have a default, then __post_init__(<InitVar arguments>).
inline int dataclass_init(PyObject* self, PyObject* args, PyObject* kwds, const Dataclass& dc) noexcept {
  detail::ScratchArray<const char*> names(static_cast<size_t>(dc.nfields) + 1);
  if (!names) {
    PyErr_NoMemory();
    return -1;
  }
  size_t count = 0;
  Py_ssize_t required = 0;
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) {
    const DataclassField& f = dc.fields[i];
    if (!f.init) continue;
    names[count++] = f.access->name;
    if (!f.has_default && !f.has_factory) ++required;  // a prefix: the checker refuses a default before
  }
  // The call as a vectorcall (positional arguments, then the keywords' values).
  const Py_ssize_t nargs = PyTuple_GET_SIZE(args);
  const Py_ssize_t nkw = kwds != nullptr ? PyDict_GET_SIZE(kwds) : 0;
  detail::ScratchArray<PyObject*> flat(static_cast<size_t>(nargs + nkw));
  if (!flat) {
    PyErr_NoMemory();
    return -1;
  }
  for (Py_ssize_t i = 0; i < nargs; ++i) flat[static_cast<size_t>(i)] = PyTuple_GET_ITEM(args, i);
  Ref kwnames;
  if (nkw > 0) {
    kwnames = Ref::steal(PyTuple_New(nkw));
    if (!kwnames) return -1;
    Py_ssize_t pos = 0, k = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
      Py_INCREF(key);
      PyTuple_SET_ITEM(kwnames.get(), k, key);
      flat[static_cast<size_t>(nargs + k)] = value;
      ++k;
    }
  }
  detail::ScratchArray<PyObject*> got(count + 1);
  if (!got) {
    PyErr_NoMemory();
    return -1;
  }
  if (!unpack_args(flat.data(), nargs, kwnames.get(), "__init__", names.data(), static_cast<Py_ssize_t>(count),
                   required, got.data())) {
    return -1;
  }
  size_t param = 0;
  Py_ssize_t ninitvars = 0;
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) ninitvars += dc.fields[i].initvar ? 1 : 0;
  Ref initvars;
  if (dc.post_init) {
    initvars = Ref::steal(PyTuple_New(ninitvars));
    if (!initvars) return -1;
  }
  Py_ssize_t initvar = 0;
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) {
    const DataclassField& f = dc.fields[i];
    PyObject* given = f.init ? got[param++] : nullptr;
    if (f.initvar) {
      // Passed on as given (or its default), unconverted: Cython's __init__ takes objects.
      PyObject* passed = given != nullptr ? given : f.has_default ? f.value : Py_None;
      if (initvars) {
        Py_INCREF(passed);
        PyTuple_SET_ITEM(initvars.get(), initvar, passed);
      }
      ++initvar;
      continue;
    }
    Ref value;
    if (given != nullptr) {
      value = Ref::borrow(given);
    } else if (f.has_factory) {
      value = Ref::steal(PyObject_CallNoArgs(f.value));
      if (!value) return -1;
    } else if (f.has_default) {
      value = Ref::borrow(f.value);
    } else {
      continue;  // not in __init__, no default: the field keeps its initial value
    }
    if (!detail::DataclassSet(self, f, value.get())) return -1;
  }
  if (dc.post_init) {
    Ref method = Ref::steal(PyObject_GetAttrString(self, "__post_init__"));
    if (!method) return -1;
    Ref result = Ref::steal(PyObject_Call(method.get(), initvars.get(), nullptr));
    if (!result) return -1;
  }
  return 0;
}

// f'{qualname}(x={self.x!r}, ...)', the fields with repr=True.
inline PyObject* dataclass_repr(PyObject* self, const Dataclass& dc) noexcept {
  PyObject* type = reinterpret_cast<PyObject*>(Py_TYPE(self));
  Ref name = Ref::steal(PyObject_GetAttrString(type, "__qualname__"));
  if (!name) {
    PyErr_Clear();
    name = Ref::steal(PyObject_GetAttrString(type, "__name__"));
    if (!name) return nullptr;
  }
  Ref parts = Ref::steal(PyList_New(0));
  if (!parts) return nullptr;
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) {
    const DataclassField& f = dc.fields[i];
    if (!f.repr || f.initvar) continue;
    Ref value = Ref::steal(detail::DataclassGet(self, f));
    if (!value) return nullptr;
    Ref part = Ref::steal(PyUnicode_FromFormat("%s=%R", f.access->name, value.get()));
    if (!part || PyList_Append(parts.get(), part.get()) < 0) return nullptr;
  }
  Ref separator = Ref::steal(PyUnicode_FromString(", "));
  if (!separator) return nullptr;
  Ref joined = Ref::steal(PyUnicode_Join(separator.get(), parts.get()));
  if (!joined) return nullptr;
  return PyUnicode_FromFormat("%S(%S)", name.get(), joined.get());
}

// Cython's comparisons: NotImplemented unless `other` is an instance of the
// type, then `(self.a OP other.a) and (self.b OP other.b) and ...` over the
// fields with compare=True (the value of the first false one, or of the last).
// `ops`: a bit per comparison the type defines (1 << Py_EQ, ...); != is the
// negation of ==, as object.__ne__ makes it.
inline PyObject* dataclass_richcompare(PyObject* self, PyObject* other, int op, const Dataclass& dc,
                                       unsigned ops) noexcept {
  const bool negate = op == Py_NE && (ops & (1U << Py_EQ)) != 0;
  const int asked = negate ? Py_EQ : op;
  if ((ops & (1U << asked)) == 0 || !PyObject_TypeCheck(other, *dc.type)) {
    Py_RETURN_NOTIMPLEMENTED;
  }
  Ref result;
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) {
    const DataclassField& f = dc.fields[i];
    if (!f.compare || f.initvar) continue;
    Ref a = Ref::steal(detail::DataclassGet(self, f));
    if (!a) return nullptr;
    Ref b = Ref::steal(detail::DataclassGet(other, f));
    if (!b) return nullptr;
    result = Ref::steal(PyObject_RichCompare(a.get(), b.get(), asked));
    if (!result) return nullptr;
    const int truth = PyObject_IsTrue(result.get());
    if (truth < 0) return nullptr;
    if (truth == 0) break;
  }
  if (!negate) return result.release();
  const int truth = PyObject_IsTrue(result.get());
  if (truth < 0) return nullptr;
  return PyBool_FromLong(!truth);
}

// hash((hash(self.a), hash(self.b), ...)) over the fields with hash (or compare) True.
inline Py_hash_t dataclass_hash(PyObject* self, const Dataclass& dc) noexcept {
  Ref hashes = Ref::steal(PyList_New(0));
  if (!hashes) return -1;
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) {
    const DataclassField& f = dc.fields[i];
    if (!f.hash || f.initvar) continue;
    Ref value = Ref::steal(detail::DataclassGet(self, f));
    if (!value) return -1;
    const Py_hash_t h = PyObject_Hash(value.get());
    if (h == -1) return -1;
    Ref boxed = Ref::steal(PyLong_FromSsize_t(h));
    if (!boxed || PyList_Append(hashes.get(), boxed.get()) < 0) return -1;
  }
  Ref tuple = Ref::steal(PyList_AsTuple(hashes.get()));
  if (!tuple) return -1;
  return PyObject_Hash(tuple.get());
}

// `__dataclass_fields__` of the type (the class body's namespace gets it), as Cython makes it: a standard library
// dataclasses.Field per field (name, type, default, default_factory, init,
// repr, hash, compare), so dataclasses.fields() and asdict() see them.
inline Ref dataclass_fields(const Dataclass& dc, Site site) {
  Ref module = check(PyImport_ImportModule("dataclasses"), site);
  Ref field = check(PyObject_GetAttrString(module.get(), "field"), site);
  Ref kind = check(PyObject_GetAttrString(module.get(), "_FIELD"), site);
  Ref initvar_kind = check(PyObject_GetAttrString(module.get(), "_FIELD_INITVAR"), site);
  Ref fields = check(PyDict_New(), site);
  for (Py_ssize_t i = 0; i < dc.nfields; ++i) {
    const DataclassField& f = dc.fields[i];
    Ref kwargs = check(PyDict_New(), site);
    auto put = [&](const char* key, PyObject* value) {
      if (PyDict_SetItemString(kwargs.get(), key, value) < 0) raise_python(site);
    };
    if (f.has_default) put("default", f.value);
    if (f.has_factory) put("default_factory", f.value);
    put("init", f.init ? Py_True : Py_False);
    put("repr", f.repr ? Py_True : Py_False);
    put("compare", f.compare ? Py_True : Py_False);
    put("hash", f.hash_option < 0 ? Py_None : f.hash_option != 0 ? Py_True : Py_False);
    Ref empty = check(PyTuple_New(0), site);
    Ref made = check(PyObject_Call(field.get(), empty.get(), kwargs.get()), site);
    Ref name = check(PyUnicode_FromString(f.access->name), site);
    Ref annotation = check(PyUnicode_FromString(f.type_text), site);
    if (PyObject_SetAttrString(made.get(), "name", name.get()) < 0 ||
        PyObject_SetAttrString(made.get(), "type", annotation.get()) < 0 ||
        PyObject_SetAttrString(made.get(), "_field_type", f.initvar ? initvar_kind.get() : kind.get()) < 0 ||
        PyDict_SetItem(fields.get(), name.get(), made.get()) < 0) {
      raise_python(site);
    }
  }
  return fields;
}

// `__dataclass_params__`, as Cython makes it: the standard library's
// _DataclassParams with the decorator's options (match_args, kw_only, slots and
// weakref_slot False), given only the keywords this Python's version takes.
inline Ref dataclass_params(const Dataclass& dc, Site site) {
  Ref module = check(PyImport_ImportModule("dataclasses"), site);
  Ref params_type = check(PyObject_GetAttrString(module.get(), "_DataclassParams"), site);
  Ref inspect = check(PyImport_ImportModule("inspect"), site);
  Ref signature = check(PyObject_CallMethod(inspect.get(), "signature", "O", params_type.get()), site);
  Ref accepted = check(PyObject_GetAttrString(signature.get(), "parameters"), site);
  Ref kwargs = check(PyDict_New(), site);
  const struct {
    const char* name;
    unsigned bit;
  } options[] = {{"init", kDataclassInit},          {"repr", kDataclassRepr},   {"eq", kDataclassEq},
                 {"order", kDataclassOrder},        {"unsafe_hash", kDataclassUnsafeHash},
                 {"frozen", kDataclassFrozen},      {"match_args", 0},          {"kw_only", 0},
                 {"slots", 0},                      {"weakref_slot", 0}};
  for (const auto& option : options) {
    Ref key = check(PyUnicode_FromString(option.name), site);
    const int known = PySequence_Contains(accepted.get(), key.get());
    if (known < 0) raise_python(site);
    if (known == 0) continue;
    PyObject* value = option.bit != 0 && (dc.params & option.bit) != 0 ? Py_True : Py_False;
    if (PyDict_SetItem(kwargs.get(), key.get(), value) < 0) raise_python(site);
  }
  Ref empty = check(PyTuple_New(0), site);
  return check(PyObject_Call(params_type.get(), empty.get(), kwargs.get()), site);
}

}  // namespace pyxx
