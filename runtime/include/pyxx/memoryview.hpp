// Typed memoryviews (`cython.double[:, ::1]`) over the buffer protocol.
//
// A buffer is acquired with the GIL (at a function's entry for a parameter, at
// the binding for a local) into a ViewBuffer that every View of it shares: a
// copy or a slice only bumps an atomic count, so views are copied, sliced and
// dropped in nogil code. The last View to go releases the buffer, taking the
// GIL for it when the thread does not hold it (as Cython's acquisition count).
// Element access touches no Python object, so it is safe in nogil code.
#pragma once

#include "errors.hpp"
#include "record_format.hpp"

#include <atomic>
#include <cstdint>
#include <new>
#include <type_traits>

namespace pyxx {
namespace detail {

enum class ItemKind { kSigned, kUnsigned, kFloat, kBool, kChar, kOther };

// One format code of the struct module / PEP 3118: its kind and its C name.
struct FormatCode {
  ItemKind kind;
  const char* name;
};

inline FormatCode DescribeFormatCode(char code) noexcept {
  switch (code) {
    case 'b': return {ItemKind::kSigned, "signed char"};
    case 'h': return {ItemKind::kSigned, "short"};
    case 'i': return {ItemKind::kSigned, "int"};
    case 'l': return {ItemKind::kSigned, "long"};
    case 'q': return {ItemKind::kSigned, "long long"};
    case 'n': return {ItemKind::kSigned, "Py_ssize_t"};
    case 'B': return {ItemKind::kUnsigned, "unsigned char"};
    case 'H': return {ItemKind::kUnsigned, "unsigned short"};
    case 'I': return {ItemKind::kUnsigned, "unsigned int"};
    case 'L': return {ItemKind::kUnsigned, "unsigned long"};
    case 'Q': return {ItemKind::kUnsigned, "unsigned long long"};
    case 'N': return {ItemKind::kUnsigned, "size_t"};
    case 'e': return {ItemKind::kFloat, "half"};
    case 'f': return {ItemKind::kFloat, "float"};
    case 'd': return {ItemKind::kFloat, "double"};
    case 'g': return {ItemKind::kFloat, "long double"};
    case '?': return {ItemKind::kBool, "bool"};
    case 'c': return {ItemKind::kChar, "char"};
    default: return {ItemKind::kOther, nullptr};
  }
}

// The C name and kind of a View's element type.
template <class T>
constexpr FormatCode DescribeItemType() noexcept {
  using U = std::remove_cv_t<T>;
  if constexpr (std::is_same_v<U, bool>) return {ItemKind::kBool, "bool"};
  else if constexpr (std::is_same_v<U, char>) return {ItemKind::kChar, "char"};
  else if constexpr (std::is_same_v<U, signed char>) return {ItemKind::kSigned, "signed char"};
  else if constexpr (std::is_same_v<U, unsigned char>) return {ItemKind::kUnsigned, "unsigned char"};
  else if constexpr (std::is_same_v<U, short>) return {ItemKind::kSigned, "short"};
  else if constexpr (std::is_same_v<U, unsigned short>) return {ItemKind::kUnsigned, "unsigned short"};
  else if constexpr (std::is_same_v<U, int>) return {ItemKind::kSigned, "int"};
  else if constexpr (std::is_same_v<U, unsigned int>) return {ItemKind::kUnsigned, "unsigned int"};
  else if constexpr (std::is_same_v<U, long>) return {ItemKind::kSigned, "long"};
  else if constexpr (std::is_same_v<U, unsigned long>) return {ItemKind::kUnsigned, "unsigned long"};
  else if constexpr (std::is_same_v<U, long long>) return {ItemKind::kSigned, "long long"};
  else if constexpr (std::is_same_v<U, unsigned long long>) return {ItemKind::kUnsigned, "unsigned long long"};
  else if constexpr (std::is_same_v<U, float>) return {ItemKind::kFloat, "float"};
  else if constexpr (std::is_same_v<U, double>) return {ItemKind::kFloat, "double"};
  else if constexpr (std::is_same_v<U, long double>) return {ItemKind::kFloat, "long double"};
  else if constexpr (std::is_class_v<U>) return {ItemKind::kOther, "struct"};  // record_format.hpp
  else {
    static_assert(!std::is_same_v<U, U>, "View supports C scalar and struct element types only");
    return {ItemKind::kOther, nullptr};
  }
}

// Whether elements in the buffer's `format` (nullptr means "B") of `itemsize`
// bytes can be read as T: same kind and size, in native byte order. 'c' items
// also pass for 1-byte integers, and plain char takes 1-byte integers of its
// own signedness.
template <class T>
inline bool FormatMatches(const char* format, Py_ssize_t itemsize) noexcept {
  if constexpr (std::is_class_v<T>) {
    // A struct: its records, field by field (pyxx_layout is the generated module's).
    const bool ok = RecordFormatMatches(pyxx_layout(static_cast<const T*>(nullptr)), format, itemsize);
    if (!ok) PyErr_Clear();
    return ok;
  }
  if (itemsize != static_cast<Py_ssize_t>(sizeof(T))) return false;
  const char* f = format != nullptr ? format : "B";
  bool native_order = true;
  switch (*f) {
    case '@':
    case '=': ++f; break;
#if PY_LITTLE_ENDIAN
    case '<': ++f; break;
    case '>':
    case '!': native_order = false; ++f; break;
#else
    case '>':
    case '!': ++f; break;
    case '<': native_order = false; ++f; break;
#endif
    default: break;
  }
  if (f[0] == '\0' || f[1] != '\0') return false;  // exactly one item per element
  if (!native_order && sizeof(T) > 1) return false;
  const ItemKind have = DescribeFormatCode(f[0]).kind;
  constexpr ItemKind want = DescribeItemType<T>().kind;
  if (have == want) return true;
  if constexpr (want == ItemKind::kChar) {
    return have == (std::is_signed_v<char> ? ItemKind::kSigned : ItemKind::kUnsigned);
  } else if constexpr (want == ItemKind::kSigned || want == ItemKind::kUnsigned) {
    return have == ItemKind::kChar && sizeof(T) == 1;
  }
  return false;
}

inline bool SameText(const char* a, const char* b) noexcept {
  while (*a != '\0' && *a == *b) ++a, ++b;
  return *a == *b;
}

// IndexError messages need static storage (CError carries no allocation).
inline const char* OutOfBoundsMessage(int dim) noexcept {
  static const char* const kMessages[] = {
      "Out of bounds on buffer access (axis 0)", "Out of bounds on buffer access (axis 1)",
      "Out of bounds on buffer access (axis 2)", "Out of bounds on buffer access (axis 3)",
      "Out of bounds on buffer access (axis 4)", "Out of bounds on buffer access (axis 5)",
      "Out of bounds on buffer access (axis 6)", "Out of bounds on buffer access (axis 7)",
  };
  return kMessages[dim];
}

// The format code a View of T exports (the struct module's letter).
template <class T>
constexpr const char* FormatOf() noexcept {
  using U = std::remove_cv_t<T>;
  if constexpr (std::is_same_v<U, bool>) return "?";
  else if constexpr (std::is_same_v<U, char>) return "c";
  else if constexpr (std::is_same_v<U, signed char>) return "b";
  else if constexpr (std::is_same_v<U, unsigned char>) return "B";
  else if constexpr (std::is_same_v<U, short>) return "h";
  else if constexpr (std::is_same_v<U, unsigned short>) return "H";
  else if constexpr (std::is_same_v<U, int>) return "i";
  else if constexpr (std::is_same_v<U, unsigned int>) return "I";
  else if constexpr (std::is_same_v<U, long>) return "l";
  else if constexpr (std::is_same_v<U, unsigned long>) return "L";
  else if constexpr (std::is_same_v<U, long long>) return "q";
  else if constexpr (std::is_same_v<U, unsigned long long>) return "Q";
  else if constexpr (std::is_same_v<U, float>) return "f";
  else if constexpr (std::is_same_v<U, double>) return "d";
  else return "g";  // long double (DescribeItemType rejects anything else)
}

// A buffer's extent and stride in dimension k. An exporter may leave the
// strides out of a C-contiguous buffer (ctypes arrays do), and the shape of a
// one-dimensional one: they follow from the shape and the item size then, as
// for Python's memoryview. Only called for k < ndim (checked first).
inline Py_ssize_t BufferExtent(const Py_buffer& b, int k) noexcept {
  if (b.shape != nullptr) return b.shape[k];
  return b.itemsize > 0 ? b.len / b.itemsize : 0;  // ndim is 1 without a shape
}
inline Py_ssize_t BufferStride(const Py_buffer& b, int k) noexcept {
  if (b.strides != nullptr) return b.strides[k];
  Py_ssize_t stride = b.itemsize;
  for (int d = b.ndim - 1; d > k; --d) stride *= BufferExtent(b, d);
  return stride;
}

// Index normalisation and checks, emitted per index as the directives ask:
// wraparound adds the extent to a negative index; boundscheck raises
// IndexError "Out of bounds on buffer access (axis <dim>)". No GIL needed.
inline Py_ssize_t NormaliseIndex(Py_ssize_t i, Py_ssize_t extent, int dim, bool wraparound, bool boundscheck,
                                 Site s) {
  if (wraparound && i < 0) i += extent;
  if (boundscheck && (i < 0 || i >= extent)) raise_c(PyExc_IndexError, OutOfBoundsMessage(dim), s);
  return i;
}
// A 64-bit unsigned index beyond PY_SSIZE_T_MAX is out of bounds (Python's
// IndexError), not a negative index to wrap around.
template <class I, class = std::enable_if_t<std::is_unsigned_v<I> && (sizeof(I) >= sizeof(Py_ssize_t))>>
inline Py_ssize_t NormaliseIndex(I i, Py_ssize_t extent, int dim, bool wraparound, bool boundscheck, Site s) {
  if (boundscheck && i > static_cast<size_t>(PY_SSIZE_T_MAX)) raise_c(PyExc_IndexError, OutOfBoundsMessage(dim), s);
  return NormaliseIndex(static_cast<Py_ssize_t>(i), extent, dim, wraparound, boundscheck, s);
}

// The element at normalised indices, one per dimension, with dimension UnitDim
// (the type's `::1`, checked when the buffer was bound; -1 for none) stepping
// by sizeof(T), known at compile time. One of extent 1 may carry any stride in
// the buffer (PEP 3118), but its only index is 0.
template <class T, int N, int UnitDim, class... I>
inline T& ElementAt(char* data, const Py_ssize_t (&stride)[N], I... indices) noexcept {
  static_assert(sizeof...(I) == N && UnitDim >= -1 && UnitDim < N, "one index per dimension");
  const Py_ssize_t idx[N] = {static_cast<Py_ssize_t>(indices)...};
  char* p = data;
  for (int d = 0; d < N; ++d) p += idx[d] * (d == UnitDim ? static_cast<Py_ssize_t>(sizeof(T)) : stride[d]);
  return *reinterpret_cast<T*>(p);
}

// One acquired buffer and the number of Views that share it.
struct ViewBuffer {
  std::atomic<Py_ssize_t> refs{1};
  Py_buffer buffer{};
};

inline void RetainViewBuffer(ViewBuffer* b) noexcept {
  if (b != nullptr) b->refs.fetch_add(1, std::memory_order_relaxed);
}

// Drops one reference; the last one releases the buffer, with the GIL (taken
// here when this thread runs without it: a View may die in nogil code).
inline void ReleaseViewBuffer(ViewBuffer* b) noexcept {
  if (b == nullptr || b->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  if (b->buffer.obj == nullptr) {  // memory behind a pointer (View::over_pointer): no object to release
    delete b;
    return;
  }
  PyGILState_STATE state = PyGILState_Ensure();
  PyBuffer_Release(&b->buffer);
  PyGILState_Release(state);
  delete b;
}

inline const char* InvalidShapeMessage(int dim) noexcept {
  static const char* const kMessages[] = {
      "Invalid shape in axis 0: an extent below 1", "Invalid shape in axis 1: an extent below 1",
      "Invalid shape in axis 2: an extent below 1", "Invalid shape in axis 3: an extent below 1",
      "Invalid shape in axis 4: an extent below 1", "Invalid shape in axis 5: an extent below 1",
      "Invalid shape in axis 6: an extent below 1", "Invalid shape in axis 7: an extent below 1",
  };
  return kMessages[dim];
}

inline const char* StepZeroMessage(int dim) noexcept {
  static const char* const kMessages[] = {
      "Step may not be zero (axis 0)", "Step may not be zero (axis 1)", "Step may not be zero (axis 2)",
      "Step may not be zero (axis 3)", "Step may not be zero (axis 4)", "Step may not be zero (axis 5)",
      "Step may not be zero (axis 6)", "Step may not be zero (axis 7)",
  };
  return kMessages[dim];
}

}  // namespace detail

// The layout a view's type asks for, checked when a buffer is bound to it.
constexpr int kStrided = 0;      // cython.double[:, :]
constexpr int kCContiguous = 1;  // cython.double[:, ::1]
constexpr int kFContiguous = 2;  // cython.double[::1, :]

// One subscript of a view: an index (already normalised and checked) or a
// slice, whose missing parts Python fills in (`a[::2]`, `a[:-1]`).
struct Axis {
  bool is_index = false;
  bool has_start = false, has_stop = false, has_step = false;
  Py_ssize_t start = 0, stop = 0, step = 1;

  static constexpr Axis index(Py_ssize_t i) noexcept { return Axis{true, false, false, false, i, 0, 1}; }
  static constexpr Axis all() noexcept { return Axis{}; }
  static constexpr Axis slice(bool has_start, Py_ssize_t start, bool has_stop, Py_ssize_t stop, bool has_step,
                              Py_ssize_t step) noexcept {
    return Axis{false, has_start, has_stop, has_step, start, stop, step};
  }
};

// An N-dimensional strided view of elements of type T (const T for read-only).
template <class T, int N>
class View {
  static_assert(N >= 1 && N <= 8, "memoryviews have 1 to 8 dimensions");
  template <class, int>
  friend class View;

 public:
  View() noexcept = default;
  ~View() { detail::ReleaseViewBuffer(owner_); }
  // Copies share the buffer (no GIL needed): `w = v`, a view passed on.
  View(const View& other) noexcept { CopyFrom(other); }
  View(View&& other) noexcept {
    CopyFrom(other);
    detail::ReleaseViewBuffer(other.owner_);  // not the last share: this view holds one
    other.owner_ = nullptr;
  }
  View& operator=(const View& other) noexcept {
    if (this != &other) {
      detail::ViewBuffer* old = owner_;
      CopyFrom(other);
      detail::ReleaseViewBuffer(old);
    }
    return *this;
  }
  View& operator=(View&& other) noexcept {
    if (this != &other) {
      detail::ViewBuffer* old = owner_;
      CopyFrom(other);
      detail::ReleaseViewBuffer(other.owner_);  // not the last share: this view holds one
      other.owner_ = nullptr;
      detail::ReleaseViewBuffer(old);
    }
    return *this;
  }

  // Acquires the buffer of `obj`; on failure returns false with a Python
  // exception set (TypeError: not a buffer; ValueError: wrong number of
  // dimensions, item type, read-only, not contiguous, misaligned).
  // `contiguity` is kStrided, kCContiguous or kFContiguous. `argname` (may be
  // null) names the parameter in the TypeError. Needs the GIL.
  bool acquire(PyObject* obj, bool writable, int contiguity, const char* argname) noexcept {
    release();
    if (!PyObject_CheckBuffer(obj)) {
      if (argname != nullptr) {
        PyErr_Format(PyExc_TypeError, "Argument '%s' has incorrect type (expected a buffer, got %.200s)", argname,
                     Py_TYPE(obj)->tp_name);
      } else {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.200s'", Py_TYPE(obj)->tp_name);
      }
      return false;
    }
    auto* owner = new (std::nothrow) detail::ViewBuffer;
    if (owner == nullptr) {
      PyErr_NoMemory();
      return false;
    }
    if (PyObject_GetBuffer(obj, &owner->buffer, PyBUF_RECORDS_RO) != 0) {
      delete owner;
      return false;
    }
    if (!Check(owner->buffer, writable, contiguity)) {
      PyBuffer_Release(&owner->buffer);
      delete owner;
      return false;
    }
    owner_ = owner;
    data_ = static_cast<char*>(owner->buffer.buf);
    for (int k = 0; k < N; ++k) {
      // Copied: some exporters point shape/strides into the Py_buffer itself.
      shape_[k] = detail::BufferExtent(owner->buffer, k);
      stride_[k] = detail::BufferStride(owner->buffer, k);
    }
    return true;
  }

  // `v: cython.int[:] = obj` in a body: the view of `obj`, or a PythonError.
  static View from_object(PyObject* obj, bool writable, int contiguity, Site site) {
    View v;
    if (!v.acquire(obj, writable, contiguity, nullptr)) raise_python(site);
    return v;
  }

  // `cython.cast(cython.double[:n, :m], p)`: a C-contiguous view of the memory
  // at `p`, which it does not own (valid while that memory is, as in Cython).
  // ValueError for a NULL pointer or an extent below 1 (Cython's rules), and
  // for a size beyond Py_ssize_t. No GIL needed.
  // `capacity`: the elements of the C array the pointer came from (else -1):
  // a view larger than the array is a ValueError rather than memory beyond it.
  static View over_pointer(T* p, const Py_ssize_t (&extents)[N], Site site, Py_ssize_t capacity = -1) {
    if (p == nullptr) raise_c(PyExc_ValueError, "Cannot create cython.array from NULL pointer", site);
    Py_ssize_t bytes = static_cast<Py_ssize_t>(sizeof(T));
    for (int k = 0; k < N; ++k) {
      if (extents[k] < 1) raise_c(PyExc_ValueError, detail::InvalidShapeMessage(k), site);
      if (__builtin_mul_overflow(bytes, extents[k], &bytes)) {
        raise_c(PyExc_ValueError, "the memory a pointer view covers is larger than Py_ssize_t", site);
      }
    }
    if (capacity >= 0 && bytes / static_cast<Py_ssize_t>(sizeof(T)) > capacity) {
      raise_c(PyExc_ValueError, "a memoryview larger than the C array it views", site);
    }
    auto* owner = new (std::nothrow) detail::ViewBuffer;
    if (owner == nullptr) raise_c(PyExc_MemoryError, "no memory for a memoryview", site);
    owner->buffer.buf = p;
    owner->buffer.obj = nullptr;
    owner->buffer.len = bytes;
    owner->buffer.itemsize = static_cast<Py_ssize_t>(sizeof(T));
    owner->buffer.ndim = N;
    View v;
    v.owner_ = owner;
    v.data_ = reinterpret_cast<char*>(p);
    Py_ssize_t stride = static_cast<Py_ssize_t>(sizeof(T));
    for (int k = N - 1; k >= 0; --k) {
      v.shape_[k] = extents[k];
      v.stride_[k] = stride;
      stride *= extents[k];
    }
    return v;
  }

  // A view that may be None (`Optional[cython.int[:]]`, a `= None` default):
  // None gives the None view (no buffer, every extent 0), as in Cython.
  static View from_object_or_none(PyObject* obj, bool writable, int contiguity, Site site) {
    if (obj == Py_None) return View();
    return from_object(obj, writable, contiguity, site);
  }

  // A parameter: None is accepted when the parameter may be None, and is a
  // TypeError "Argument 'm' must not be None" otherwise (Cython's message).
  bool acquire_argument(PyObject* obj, bool writable, int contiguity, const char* argname, bool allows_none) noexcept {
    if (obj == Py_None) {
      release();
      if (allows_none) return true;
      PyErr_Format(PyExc_TypeError, "Argument '%s' must not be None", argname);
      return false;
    }
    return acquire(obj, writable, contiguity, argname);
  }

  // Drops this view's share of the buffer (the last one releases it).
  void release() noexcept {
    detail::ReleaseViewBuffer(owner_);
    owner_ = nullptr;
    data_ = nullptr;
  }

  bool acquired() const noexcept { return owner_ != nullptr; }
  // `v is None`: a view bound to None (or never bound) has no buffer.
  bool is_none() const noexcept { return owner_ == nullptr; }
  // This view, checked not to be None (Cython's nonecheck errors).
  const View& not_none(PyObject* type, const char* message, Site s) const {
    if (owner_ == nullptr) raise_c(type, message, s);
    return *this;
  }
  // A new share of the buffer, for an owner outside Views (view_to_object).
  detail::ViewBuffer* share() const noexcept {
    detail::RetainViewBuffer(owner_);
    return owner_;
  }
  // The object the buffer was acquired from (borrowed; the view holds a reference).
  PyObject* object() const noexcept { return owner_ != nullptr ? owner_->buffer.obj : nullptr; }
  bool readonly() const noexcept { return owner_ != nullptr && owner_->buffer.readonly != 0; }
  Py_ssize_t shape(int k) const noexcept { return shape_[k]; }
  Py_ssize_t stride(int k) const noexcept { return stride_[k]; }  // in bytes
  const Py_ssize_t* shapes() const noexcept { return shape_; }
  const Py_ssize_t* strides() const noexcept { return stride_; }
  T* data() const noexcept { return reinterpret_cast<T*>(data_); }
  // Number of elements (`.size`).
  Py_ssize_t size() const noexcept {
    Py_ssize_t n = 1;
    for (int k = 0; k < N; ++k) n *= shape_[k];
    return n;
  }

  // `.shape[k]`, `.strides[k]`, `.suboffsets[k]` with a run-time k: indexed as
  // the Python tuples are (a negative k counts from the end; IndexError).
  Py_ssize_t shape_at(Py_ssize_t k, Site s) const { return shape_[Dimension(k, s)]; }
  Py_ssize_t stride_at(Py_ssize_t k, Site s) const { return stride_[Dimension(k, s)]; }
  Py_ssize_t suboffset_at(Py_ssize_t k, Site s) const { return Dimension(k, s) >= 0 ? -1 : 0; }

  // An index of dimension `dim`, normalised and checked as the directives ask
  // (detail::NormaliseIndex). No GIL needed.
  template <class I>
  Py_ssize_t index(I i, int dim, bool wraparound, bool boundscheck, Site s) const {
    return detail::NormaliseIndex(i, shape_[dim], dim, wraparound, boundscheck, s);
  }

  // Unchecked element access (indices already normalised).
  T& at(Py_ssize_t i) const noexcept {
    static_assert(N == 1, "at(i) indexes a 1-dimensional view");
    return *reinterpret_cast<T*>(data_ + i * stride_[0]);
  }
  T& at(Py_ssize_t i, Py_ssize_t j) const noexcept {
    static_assert(N == 2, "at(i, j) indexes a 2-dimensional view");
    return *reinterpret_cast<T*>(data_ + i * stride_[0] + j * stride_[1]);
  }
  T& at(Py_ssize_t i, Py_ssize_t j, Py_ssize_t k) const noexcept {
    static_assert(N == 3, "at(i, j, k) indexes a 3-dimensional view");
    return *reinterpret_cast<T*>(data_ + i * stride_[0] + j * stride_[1] + k * stride_[2]);
  }
  template <class... I>
  T& at(Py_ssize_t i, Py_ssize_t j, Py_ssize_t k, Py_ssize_t l, I... rest) const noexcept {
    static_assert(4 + sizeof...(I) == N, "at() takes one index per dimension");
    const Py_ssize_t idx[N] = {i, j, k, l, static_cast<Py_ssize_t>(rest)...};
    char* p = data_;
    for (int d = 0; d < N; ++d) p += idx[d] * stride_[d];
    return *reinterpret_cast<T*>(p);
  }

  // at() for a view whose type declares dimension UnitDim contiguous (`::1`,
  // checked when the buffer was bound): that dimension steps by sizeof(T),
  // known at compile time (one of extent 1 may carry any stride, but its only
  // index is 0).
  template <int UnitDim, class... I>
  T& at_unit(I... indices) const noexcept {
    static_assert(UnitDim >= 0, "at_unit() is for a view with a `::1` dimension");
    return detail::ElementAt<T, N, UnitDim>(data_, stride_, indices...);
  }

  // `v.copy()` (C order) / `v.copy_fortran()`: the elements in a new buffer
  // (a bytearray's), as a contiguous view of it. Needs the GIL.
  View copy(bool fortran, Site s) const {
    if (owner_ == nullptr) {
      raise_c(PyExc_AttributeError,
              fortran ? "Cannot access 'copy_fortran' attribute of None memoryview slice"
                      : "Cannot access 'copy' attribute of None memoryview slice",
              s);
    }
    Py_ssize_t count = size();
    PyObject* bytes = PyByteArray_FromStringAndSize(nullptr, count * static_cast<Py_ssize_t>(sizeof(T)));
    if (bytes == nullptr) raise_python(s);
    auto* owner = new (std::nothrow) detail::ViewBuffer;
    if (owner == nullptr) {
      Py_DECREF(bytes);
      PyErr_NoMemory();
      raise_python(s);
    }
    const int got = PyObject_GetBuffer(bytes, &owner->buffer, PyBUF_WRITABLE);
    Py_DECREF(bytes);  // the buffer holds it
    if (got != 0) {
      delete owner;
      raise_python(s);
    }
    View out;
    out.owner_ = owner;
    out.data_ = static_cast<char*>(owner->buffer.buf);
    Py_ssize_t stride = static_cast<Py_ssize_t>(sizeof(T));
    for (int k = 0; k < N; ++k) {
      const int d = fortran ? k : N - 1 - k;
      out.shape_[d] = shape_[d];
      out.stride_[d] = stride;
      stride *= shape_[d] > 0 ? shape_[d] : 1;
    }
    if (count > 0) {
      Py_ssize_t idx[N] = {};
      for (Py_ssize_t n = 0; n < count; ++n) {
        const char* from = data_;
        char* to = out.data_;
        for (int d = 0; d < N; ++d) {
          from += idx[d] * stride_[d];
          to += idx[d] * out.stride_[d];
        }
        *reinterpret_cast<T*>(to) = *reinterpret_cast<const T*>(from);
        for (int d = N - 1; d >= 0 && ++idx[d] == shape_[d]; --d) idx[d] = 0;  // the next index, C order
      }
    }
    return out;
  }

  // `v[i, a:b:c, :]`: a view of M dimensions sharing this one's buffer. Index
  // axes are already checked (index()); slices clip as Python's do, and a zero
  // step is a ValueError. No GIL needed.
  template <int M>
  View<T, M> slice(const Axis (&axes)[N], Site s) const {
    if (owner_ == nullptr) raise_c(PyExc_TypeError, "Cannot slice None memoryview slice", s);
    View<T, M> out;
    char* p = data_;
    int m = 0;
    for (int d = 0; d < N; ++d) {
      const Axis& a = axes[d];
      if (a.is_index) {
        p += a.start * stride_[d];
        continue;
      }
      Py_ssize_t step = a.has_step ? a.step : 1;
      if (step == 0) raise_c(PyExc_ValueError, detail::StepZeroMessage(d), s);
      if (step < -PY_SSIZE_T_MAX) step = -PY_SSIZE_T_MAX;  // as PySlice_Unpack
      const Py_ssize_t n = shape_[d];
      Py_ssize_t start = a.has_start ? a.start : (step < 0 ? PY_SSIZE_T_MAX : 0);
      Py_ssize_t stop = a.has_stop ? a.stop : (step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX);
      Py_ssize_t length = AdjustSlice(n, &start, &stop, step);
      if (length > 0) p += start * stride_[d];
      Py_ssize_t stride = 0;
      if (__builtin_mul_overflow(stride_[d], step, &stride)) stride = stride_[d];  // length <= 1 then
      out.shape_[m] = length;
      out.stride_[m] = stride;
      ++m;
    }
    out.data_ = p;
    out.owner_ = owner_;
    detail::RetainViewBuffer(owner_);
    return out;
  }

  // `v.T`: the same buffer with the dimensions in reverse order (a C-contiguous
  // view becomes a Fortran-contiguous one). The None view stays None. No GIL.
  View transposed() const noexcept {
    View out(*this);
    for (int k = 0; k < N; ++k) {
      out.shape_[k] = shape_[N - 1 - k];
      out.stride_[k] = stride_[N - 1 - k];
    }
    return out;
  }

 private:
  static int Dimension(Py_ssize_t k, Site s) {
    if (k < 0) k += N;
    if (k < 0 || k >= N) raise_c(PyExc_IndexError, "tuple index out of range", s);
    return static_cast<int>(k);
  }

  // PySlice_AdjustIndices, without the GIL.
  static Py_ssize_t AdjustSlice(Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t step) noexcept {
    if (*start < 0) {
      *start += length;
      if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
      *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
      *stop += length;
      if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
      *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
      if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
      return (*stop - *start - 1) / step + 1;
    }
    return 0;
  }

  void CopyFrom(const View& other) noexcept {
    owner_ = other.owner_;
    detail::RetainViewBuffer(owner_);
    data_ = other.data_;
    for (int k = 0; k < N; ++k) {
      shape_[k] = other.shape_[k];
      stride_[k] = other.stride_[k];
    }
  }

  // Validates a freshly taken buffer; sets a ValueError when unusable.
  static bool Check(const Py_buffer& buffer_, bool writable, int contiguity) noexcept {
    if (buffer_.ndim != N) {
      PyErr_Format(PyExc_ValueError, "Buffer has wrong number of dimensions (expected %d, got %d)", N, buffer_.ndim);
      return false;
    }
    if constexpr (std::is_class_v<T>) {  // records: the mismatch says which field differs
      if (!detail::RecordFormatMatches(pyxx_layout(static_cast<const T*>(nullptr)), buffer_.format, buffer_.itemsize)) {
        return false;
      }
    }
    constexpr detail::FormatCode want = detail::DescribeItemType<T>();
    if (!detail::FormatMatches<T>(buffer_.format, buffer_.itemsize)) {
      const char* format = buffer_.format != nullptr ? buffer_.format : "B";
      const char* code = format;
      if (*code == '@' || *code == '=' || *code == '<' || *code == '>' || *code == '!') ++code;
      const char* have = code[0] != '\0' && code[1] == '\0' ? detail::DescribeFormatCode(code[0]).name : nullptr;
      if (have == nullptr) have = format;  // a struct or an unknown code: show the format itself
      if (detail::SameText(have, want.name)) {  // same name, other size ('<l' is 4 bytes)
        PyErr_Format(PyExc_ValueError, "Buffer dtype mismatch, expected '%s' but got '%s' of %zd bytes", want.name,
                     have, buffer_.itemsize);
      } else {
        PyErr_Format(PyExc_ValueError, "Buffer dtype mismatch, expected '%s' but got '%s'", want.name, have);
      }
      return false;
    }
    if (writable && buffer_.readonly) {
      PyErr_SetString(PyExc_ValueError, "buffer source array is read-only");
      return false;
    }
    if (contiguity == kCContiguous && !PyBuffer_IsContiguous(&buffer_, 'C')) {
      PyErr_SetString(PyExc_ValueError, "ndarray is not C-contiguous");
      return false;
    }
    if (contiguity == kFContiguous && !PyBuffer_IsContiguous(&buffer_, 'F')) {
      PyErr_SetString(PyExc_ValueError, "ndarray is not Fortran contiguous");
      return false;
    }
    // An empty buffer has no items to misalign (its pointer may be anything, even null).
    bool aligned = buffer_.len == 0 || reinterpret_cast<std::uintptr_t>(buffer_.buf) % alignof(T) == 0;
    for (int k = 0; k < N && buffer_.len != 0; ++k) {
      aligned = aligned && (detail::BufferExtent(buffer_, k) <= 1 ||
                            detail::BufferStride(buffer_, k) % static_cast<Py_ssize_t>(alignof(T)) == 0);
    }
    if (!aligned) {
      PyErr_Format(PyExc_ValueError, "buffer is not aligned for '%s' items", want.name);
      return false;
    }
    return true;
  }

  detail::ViewBuffer* owner_ = nullptr;
  char* data_ = nullptr;
  Py_ssize_t shape_[N] = {};
  Py_ssize_t stride_[N] = {};
};

}  // namespace pyxx
