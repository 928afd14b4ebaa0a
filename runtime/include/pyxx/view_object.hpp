// A typed memoryview used as a Python object (`return v`, `np.asarray(v)`,
// `f(v)`): a builtin `memoryview` over a small exporter object that keeps the
// view's buffer alive and hands out its shape, strides and format. So the
// object supports the buffer protocol, `.shape`, `.tolist()`, indexing, ...
// as Python's memoryview does. Needs the GIL.
#pragma once

#include "memoryview.hpp"
#include "object.hpp"
#include "pyops.hpp"

#include <cstddef>
#include <cstring>

namespace pyxx {
namespace detail {

// The exporter: one View's geometry plus a share of its buffer.
struct ViewExporter {
  PyObject_HEAD
  ViewBuffer* owner;
  char* data;
  int ndim;
  int readonly;
  Py_ssize_t itemsize;
  const char* format;
  Py_ssize_t shape[8];
  Py_ssize_t strides[8];
  PyObject* keep;  // what else holds the memory (a Fortran-order cython.view.array), or nullptr
};

inline void ViewExporterDealloc(PyObject* self) noexcept {
  auto* e = reinterpret_cast<ViewExporter*>(self);
  PyTypeObject* type = Py_TYPE(self);
  ReleaseViewBuffer(e->owner);
  e->owner = nullptr;
  Py_CLEAR(e->keep);
  type->tp_free(self);
  Py_DECREF(type);
}

inline int ViewExporterGetBuffer(PyObject* self, Py_buffer* view, int flags) noexcept {
  auto* e = reinterpret_cast<ViewExporter*>(self);
  if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && e->readonly) {
    PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
    return -1;
  }
  Py_ssize_t len = e->itemsize;
  for (int k = 0; k < e->ndim; ++k) len *= e->shape[k];
  view->buf = e->data;
  Py_INCREF(self);
  view->obj = self;
  view->len = len;
  view->readonly = e->readonly;
  view->itemsize = e->itemsize;
  view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? const_cast<char*>(e->format) : nullptr;
  view->ndim = e->ndim;
  view->shape = (flags & PyBUF_ND) == PyBUF_ND ? e->shape : nullptr;
  view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? e->strides : nullptr;
  view->suboffsets = nullptr;
  view->internal = nullptr;
  // A consumer that cannot take strides (or shape) needs C-contiguous memory.
  Py_buffer geometry = *view;
  geometry.shape = e->shape;
  geometry.strides = e->strides;
  const bool c = PyBuffer_IsContiguous(&geometry, 'C') != 0;
  const char* refusal = nullptr;
  if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !c) {
    refusal = "memoryview: underlying buffer is not C-contiguous";
  } else if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !c) {
    refusal = "memoryview: underlying buffer is not C-contiguous";
  } else if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !PyBuffer_IsContiguous(&geometry, 'F')) {
    refusal = "memoryview: underlying buffer is not Fortran contiguous";
  } else if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !PyBuffer_IsContiguous(&geometry, 'A')) {
    refusal = "memoryview: underlying buffer is not contiguous";
  }
  if (refusal != nullptr) {
    Py_CLEAR(view->obj);
    PyErr_SetString(PyExc_BufferError, refusal);
    return -1;
  }
  if ((flags & PyBUF_ND) != PyBUF_ND) view->ndim = 1;  // a simple buffer: bytes
  return 0;
}

// The exporter type, made once per extension module (with the GIL).
inline PyTypeObject* ViewExporterType() noexcept {
  static PyTypeObject* type = nullptr;
  if (type == nullptr) {
    static PyType_Slot slots[] = {
        {Py_tp_dealloc, reinterpret_cast<void*>(ViewExporterDealloc)},
        {Py_bf_getbuffer, reinterpret_cast<void*>(ViewExporterGetBuffer)},
        {0, nullptr},
    };
    static PyType_Spec spec = {"pyxx.view_buffer", static_cast<int>(sizeof(ViewExporter)), 0, Py_TPFLAGS_DEFAULT,
                               slots};
    type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&spec));
  }
  return type;
}

}  // namespace detail

// The view as a Python `memoryview` object (a new reference), or a PythonError.
template <class T, int N>
Ref view_to_object(const View<T, N>& v, Site site) {
  if (!v.acquired()) return Ref::borrow(Py_None);
  PyTypeObject* type = detail::ViewExporterType();
  if (type == nullptr) raise_python(site);
  auto* e = PyObject_New(detail::ViewExporter, type);
  if (e == nullptr) raise_python(site);
  e->owner = nullptr;
  e->keep = nullptr;
  Ref exporter = Ref::steal(reinterpret_cast<PyObject*>(e));
  e->data = reinterpret_cast<char*>(v.data());
  e->ndim = N;
  e->readonly = v.readonly() ? 1 : 0;
  e->itemsize = static_cast<Py_ssize_t>(sizeof(T));
  if constexpr (std::is_class_v<T>) {
    e->format = pyxx_layout(static_cast<const T*>(nullptr)).format;  // a record: "T{d:x:d:y:}"
  } else {
    e->format = detail::FormatOf<T>();
  }
  for (int k = 0; k < N; ++k) {
    e->shape[k] = v.shape(k);
    e->strides[k] = v.stride(k);
  }
  e->owner = v.share();
  return check(PyMemoryView_FromObject(exporter.get()), site);
}

// A view returned to Python (a `def` or `ccall` wrapper): nullptr with the
// Python error set on failure, as every to_python.
template <class T, int N>
PyObject* to_python(const View<T, N>& v) noexcept {
  try {
    return view_to_object(v, Site{nullptr, 0}).release();
  } catch (...) {
    return nullptr;  // view_to_object raises PythonError only: the error is set
  }
}

// A view argument passed on to Python code (a ccall's override): the object it
// was taken from, None for the None view, and a new memoryview for memory
// behind a pointer, which no object holds.
template <class T, int N>
Ref view_argument_object(const View<T, N>& v, Site site) {
  if (v.object() != nullptr) return Ref::borrow(v.object());
  return view_to_object(v, site);
}

// `.shape`, `.strides`, `.suboffsets` of a view as a Python tuple.
inline Ref ssize_tuple(const Py_ssize_t* values, int n, Site site) {
  Ref t = check(PyTuple_New(n), site);
  for (int k = 0; k < n; ++k) {
    PyObject* item = PyLong_FromSsize_t(values[k]);
    if (item == nullptr) raise_python(site);
    PyTuple_SET_ITEM(t.get(), k, item);
  }
  return t;
}

// `cython.view.array(shape, itemsize, format, mode)`: a new zero-filled array,
// as a memoryview of a bytearray cast to `format` and `shape` (mode="c", the
// default), or of the same memory with Fortran strides (mode="fortran").
// Cython's checks on shape and itemsize come first, then the mode (ValueError).
inline Ref view_array(PyObject* shape, PyObject* itemsize, PyObject* format, PyObject* mode, Site site) {
  Ref dims = check(PySequence_Tuple(shape), site);
  const Py_ssize_t ndim = PyTuple_GET_SIZE(dims.get());
  if (ndim == 0) {
    PyErr_SetString(PyExc_ValueError, "Empty shape tuple for cython.array");
    raise_python(site);
  }
  const Py_ssize_t item = PyNumber_AsSsize_t(itemsize, PyExc_OverflowError);
  if (item == -1 && PyErr_Occurred()) raise_python(site);
  if (item <= 0) {
    PyErr_SetString(PyExc_ValueError, "itemsize <= 0 for cython.array");
    raise_python(site);
  }
  Py_ssize_t bytes = item;
  for (Py_ssize_t k = 0; k < ndim; ++k) {
    const Py_ssize_t n = PyNumber_AsSsize_t(PyTuple_GET_ITEM(dims.get(), k), PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred()) raise_python(site);
    if (n <= 0) {
      PyErr_Format(PyExc_ValueError, "Invalid shape in axis %zd: %zd.", k, n);
      raise_python(site);
    }
    if (__builtin_mul_overflow(bytes, n, &bytes)) {
      PyErr_NoMemory();
      raise_python(site);
    }
  }
  // mode="c" (the default) or mode="fortran", then Cython's ValueError.
  bool fortran = false;
  if (mode != nullptr) {
    const int is_c = PyUnicode_Check(mode) ? PyUnicode_CompareWithASCIIString(mode, "c") == 0 : 0;
    fortran = PyUnicode_Check(mode) && PyUnicode_CompareWithASCIIString(mode, "fortran") == 0;
    if (!is_c && !fortran) {
      PyErr_Format(PyExc_ValueError, "Invalid mode, expected 'c' or 'fortran', got %S", mode);
      raise_python(site);
    }
  }
  if (fortran && ndim > 8) {
    PyErr_SetString(PyExc_ValueError, "cython.view.array(mode=\"fortran\") has at most 8 dimensions in pyxx");
    raise_python(site);
  }
  if (fortran) {
    // The same zero-filled memory, cast with the shape reversed (which checks the
    // format as mode="c" does), exported with the shape as given and Fortran strides.
    Ref reversed = check(PyTuple_New(ndim), site);
    for (Py_ssize_t k = 0; k < ndim; ++k) {
      PyObject* n = PyTuple_GET_ITEM(dims.get(), ndim - 1 - k);
      Py_INCREF(n);
      PyTuple_SET_ITEM(reversed.get(), k, n);
    }
    Ref c_order = view_array(reversed.get(), itemsize, format, nullptr, site);
    const Py_buffer* b = PyMemoryView_GET_BUFFER(c_order.get());
    PyTypeObject* type = detail::ViewExporterType();
    if (type == nullptr) raise_python(site);
    auto* e = PyObject_New(detail::ViewExporter, type);
    if (e == nullptr) raise_python(site);
    e->owner = nullptr;
    e->keep = nullptr;
    Ref exporter = Ref::steal(reinterpret_cast<PyObject*>(e));
    e->data = static_cast<char*>(b->buf);
    e->ndim = static_cast<int>(ndim);
    e->readonly = 0;
    e->itemsize = b->itemsize;
    e->format = b->format;
    Py_ssize_t stride = b->itemsize;
    for (Py_ssize_t k = 0; k < ndim; ++k) {
      e->shape[k] = b->shape[ndim - 1 - k];
      e->strides[k] = stride;
      stride *= e->shape[k];
    }
    e->keep = c_order.release();
    return check(PyMemoryView_FromObject(exporter.get()), site);
  }
  Ref storage = check(PyByteArray_FromStringAndSize(nullptr, bytes), site);
  std::memset(PyByteArray_AS_STRING(storage.get()), 0, static_cast<size_t>(bytes));
  Ref raw = check(PyMemoryView_FromObject(storage.get()), site);
  Ref cast = get_attr(raw.get(), "cast", site);
  Ref args = make_tuple({format, dims.get()}, site);
  return check(PyObject_Call(cast.get(), args.get(), nullptr), site);
}

inline Ref view_array(PyObject* shape, PyObject* itemsize, PyObject* format, Site site) {
  return view_array(shape, itemsize, format, nullptr, site);
}

// `.suboffsets` of a view: -1 for each dimension (pyxx views are direct).
inline Ref direct_suboffsets(int n, Site site) {
  const Py_ssize_t minus_ones[8] = {-1, -1, -1, -1, -1, -1, -1, -1};
  return ssize_tuple(minus_ones, n, site);
}

}  // namespace pyxx
