// Typed memoryviews (`cython.double[:, ::1]`) over the buffer protocol.
//
// A View is acquired at a function's entry, with the GIL, and released when it
// dies (also with the GIL: Views live in the Python wrappers, whose locals die
// before the wrapper returns). In between, element access touches no Python
// object, so it is safe in nogil code; nogil callees get the View by reference.
#pragma once

#include "errors.hpp"

#include <cstdint>
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
  else {
    static_assert(!std::is_same_v<U, U>, "View supports C scalar element types only");
    return {ItemKind::kOther, nullptr};
  }
}

// Whether elements in the buffer's `format` (nullptr means "B") of `itemsize`
// bytes can be read as T: same kind and size, in native byte order. 'c' items
// also pass for 1-byte integers, and plain char takes 1-byte integers of its
// own signedness.
template <class T>
inline bool FormatMatches(const char* format, Py_ssize_t itemsize) noexcept {
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

}  // namespace detail

// An N-dimensional strided view of elements of type T (const T for read-only).
template <class T, int N>
class View {
  static_assert(N >= 1 && N <= 8, "memoryviews have 1 to 8 dimensions");

 public:
  View() noexcept = default;
  ~View() { release(); }
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  // Acquires the buffer of `obj`; on failure returns false with a Python
  // exception set (TypeError: not a buffer; ValueError: wrong number of
  // dimensions, item type, read-only, not C-contiguous, misaligned).
  // `argname` (may be null) names the parameter in the TypeError.
  bool acquire(PyObject* obj, bool writable, bool contiguous_last, const char* argname) noexcept {
    release();
    if (!PyObject_CheckBuffer(obj)) {
      if (argname != nullptr) {
        PyErr_Format(PyExc_TypeError, "Argument '%s' has incorrect type (expected a buffer, got %.200s)", argname,
                     Py_TYPE(obj)->tp_name);
      } else {
        PyErr_Format(PyExc_TypeError, "a buffer object is required, not '%.200s'", Py_TYPE(obj)->tp_name);
      }
      return false;
    }
    if (PyObject_GetBuffer(obj, &buffer_, PyBUF_RECORDS_RO) != 0) return false;
    if (!Check(writable, contiguous_last)) {
      PyBuffer_Release(&buffer_);
      return false;
    }
    data_ = static_cast<char*>(buffer_.buf);
    for (int k = 0; k < N; ++k) {
      // Copied: some exporters point shape/strides into the Py_buffer itself.
      shape_[k] = buffer_.shape[k];
      stride_[k] = buffer_.strides[k];
    }
    acquired_ = true;
    return true;
  }

  // Releases the buffer early (the destructor does it otherwise). Needs the GIL.
  void release() noexcept {
    if (acquired_) {
      acquired_ = false;
      PyBuffer_Release(&buffer_);
    }
  }

  bool acquired() const noexcept { return acquired_; }
  // The object the buffer was acquired from (borrowed; the view holds a reference).
  PyObject* object() const noexcept { return buffer_.obj; }
  Py_ssize_t shape(int k) const noexcept { return shape_[k]; }
  Py_ssize_t stride(int k) const noexcept { return stride_[k]; }  // in bytes
  T* data() const noexcept { return reinterpret_cast<T*>(data_); }

  // Index normalisation and checks, emitted per index as the directives ask:
  // wraparound adds shape(dim) to a negative index; boundscheck raises
  // IndexError "Out of bounds on buffer access (axis <dim>)". No GIL needed.
  Py_ssize_t index(Py_ssize_t i, int dim, bool wraparound, bool boundscheck, Site s) const {
    const Py_ssize_t extent = shape_[dim];
    if (wraparound && i < 0) i += extent;
    if (boundscheck && (i < 0 || i >= extent)) raise_c(PyExc_IndexError, detail::OutOfBoundsMessage(dim), s);
    return i;
  }

  // A 64-bit unsigned index beyond PY_SSIZE_T_MAX is out of bounds (Python's
  // IndexError), not a negative index to wrap around.
  template <class I, class = std::enable_if_t<std::is_unsigned_v<I> && (sizeof(I) >= sizeof(Py_ssize_t))>>
  Py_ssize_t index(I i, int dim, bool wraparound, bool boundscheck, Site s) const {
    if (boundscheck && i > static_cast<size_t>(PY_SSIZE_T_MAX)) {
      raise_c(PyExc_IndexError, detail::OutOfBoundsMessage(dim), s);
    }
    return index(static_cast<Py_ssize_t>(i), dim, wraparound, boundscheck, s);
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

 private:
  // Validates the freshly taken buffer_; sets a ValueError when unusable.
  bool Check(bool writable, bool contiguous_last) noexcept {
    if (buffer_.ndim != N) {
      PyErr_Format(PyExc_ValueError, "Buffer has wrong number of dimensions (expected %d, got %d)", N, buffer_.ndim);
      return false;
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
    if (contiguous_last && !PyBuffer_IsContiguous(&buffer_, 'C')) {
      PyErr_SetString(PyExc_ValueError, "ndarray is not C-contiguous");
      return false;
    }
    // An empty buffer has no items to misalign (its pointer may be anything, even null).
    bool aligned = buffer_.len == 0 || reinterpret_cast<std::uintptr_t>(buffer_.buf) % alignof(T) == 0;
    for (int k = 0; k < N && buffer_.len != 0; ++k) {
      aligned = aligned && (buffer_.shape[k] <= 1 || buffer_.strides[k] % static_cast<Py_ssize_t>(alignof(T)) == 0);
    }
    if (!aligned) {
      PyErr_Format(PyExc_ValueError, "buffer is not aligned for '%s' items", want.name);
      return false;
    }
    return true;
  }

  Py_buffer buffer_{};
  bool acquired_ = false;
  char* data_ = nullptr;
  Py_ssize_t shape_[N] = {};
  Py_ssize_t stride_[N] = {};
};

}  // namespace pyxx
