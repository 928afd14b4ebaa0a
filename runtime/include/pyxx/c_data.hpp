// C arrays (`cython.int[10]`) as values, and their conversions to and from
// Python: a C array becomes a list, a sequence of the right length becomes a C
// array (Cython's rules and messages). Structs get their conversions from the
// generated module (to_python / from_python overloads next to each struct,
// found by argument-dependent lookup from the templates here and in pyops.hpp).
#pragma once

#include "python.hpp"

#include <cstddef>
#include <type_traits>

#include "convert.hpp"
#include "convert_with.hpp"

namespace pyxx {

// `T a[N]` with value semantics (assignment copies, as Cython's array
// assignment does). The generated code checks indices with carray_index.
template <class T, std::size_t N>
struct CArray {
  T items[N];

  template <class I>
  T& operator[](I i) noexcept {
    return items[i];
  }
  template <class I>
  const T& operator[](I i) const noexcept {
    return items[i];
  }
  // The pointer the array decays to.
  T* data() noexcept { return items; }
  const T* data() const noexcept { return items; }
};

// `a[i]` for a C array of n elements, as the directives ask: wraparound adds n
// to a negative index, boundscheck raises IndexError (Cython reads outside the
// array here; a list, which the array is in plain Python, raises). No GIL needed.
template <class I>
inline Py_ssize_t carray_index(I i, Py_ssize_t n, bool wraparound, bool boundscheck, Site site) {
  if constexpr (std::is_unsigned_v<I>) {
    if (boundscheck && i >= static_cast<std::make_unsigned_t<Py_ssize_t>>(n)) {
      raise_c(PyExc_IndexError, "C array index out of range", site);
    }
    return static_cast<Py_ssize_t>(i);
  } else {
    auto k = static_cast<long long>(i);
    if (wraparound && k < 0) k += n;
    if (boundscheck && (k < 0 || k >= n)) raise_c(PyExc_IndexError, "C array index out of range", site);
    return static_cast<Py_ssize_t>(k);
  }
}

namespace detail {
template <class T>
constexpr bool kIsCChar = std::is_same_v<T, char> || std::is_same_v<T, signed char> || std::is_same_v<T, unsigned char>;

// `bytes` of the first n characters at s; a NULL pointer is a ValueError (C
// would read address 0).
inline PyObject* BytesOfChars(const void* s, Py_ssize_t n) noexcept {
  if (s == nullptr) {
    PyErr_SetString(PyExc_ValueError, "a NULL C string cannot become bytes");
    return nullptr;
  }
  return PyBytes_FromStringAndSize(static_cast<const char*>(s), n);
}

template <class C>
PyObject* CStringToBytes(const C* s) noexcept {
  if (s == nullptr) return BytesOfChars(nullptr, 0);
  Py_ssize_t n = 0;
  while (s[n] != 0) ++n;
  return BytesOfChars(s, n);
}

// The buffer of a bytes or bytearray object (Cython's rule for `char*`).
inline bool CharsOf(PyObject* obj, char*& out) noexcept {
  if (PyBytes_Check(obj)) {
    out = PyBytes_AS_STRING(obj);
    return true;
  }
  if (PyByteArray_Check(obj)) {
    out = PyByteArray_AS_STRING(obj);
    return true;
  }
  PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", PYXX_TYPE_NAME(Py_TYPE(obj)));
  return false;
}
}  // namespace detail

// A new list of the elements; nullptr with the Python error set on failure.
template <class T, std::size_t N>
std::enable_if_t<!detail::kIsCChar<T>, PyObject*> to_python(const CArray<T, N>& array) noexcept {
  PyObject* list = PyList_New(static_cast<Py_ssize_t>(N));
  if (list == nullptr) {
    return nullptr;
  }
  for (std::size_t i = 0; i < N; ++i) {
    PyObject* item = to_python(array.items[i]);
    if (item == nullptr) {
      Py_DECREF(list);
      return nullptr;
    }
    PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), item);
  }
  return list;
}

// A C string (`char*`, signed or unsigned) becomes `bytes` up to its NUL.
inline PyObject* to_python(const char* s) noexcept { return detail::CStringToBytes(s); }
inline PyObject* to_python(const signed char* s) noexcept { return detail::CStringToBytes(s); }
inline PyObject* to_python(const unsigned char* s) noexcept { return detail::CStringToBytes(s); }
// (Non-const too: they must beat convert.hpp's deleted to_python(T*).)
inline PyObject* to_python(char* s) noexcept { return detail::CStringToBytes(s); }
inline PyObject* to_python(signed char* s) noexcept { return detail::CStringToBytes(s); }
inline PyObject* to_python(unsigned char* s) noexcept { return detail::CStringToBytes(s); }

// `p: cython.p_char = b`: a pointer into the object's own buffer, valid while
// it lives (the checker accepts only objects a variable or constant holds).
inline bool from_python(PyObject* obj, char*& out) noexcept { return detail::CharsOf(obj, out); }
inline bool from_python(PyObject* obj, signed char*& out) noexcept {
  char* p = nullptr;
  if (!detail::CharsOf(obj, p)) return false;
  out = reinterpret_cast<signed char*>(p);
  return true;
}
inline bool from_python(PyObject* obj, unsigned char*& out) noexcept {
  char* p = nullptr;
  if (!detail::CharsOf(obj, p)) return false;
  out = reinterpret_cast<unsigned char*>(p);
  return true;
}
// `const char*` (`cython.pointer(cython.const[cython.char])`): the same buffer, read only.
template <class C, class = std::enable_if_t<detail::kIsCChar<C>>>
inline bool from_python(PyObject* obj, const C*& out) noexcept {
  char* p = nullptr;
  if (!detail::CharsOf(obj, p)) return false;
  out = reinterpret_cast<const C*>(p);
  return true;
}

// A string literal used as a C string: the buffer of the module's constant
// `bytes`, which lives as long as the module. Reading the pointer touches no
// reference count and cannot fail, so code without the GIL may do it too.
template <class C>
C* literal_chars(PyObject* constant) noexcept {
  static_assert(detail::kIsCChar<C>, "a string literal becomes a pointer to char");
  return reinterpret_cast<C*>(PyBytes_AS_STRING(constant));
}

// A char array becomes `bytes` up to its first NUL (all N when it has none).
template <class C, std::size_t N>
std::enable_if_t<detail::kIsCChar<C>, PyObject*> to_python(const CArray<C, N>& array) noexcept {
  Py_ssize_t n = 0;
  while (n < static_cast<Py_ssize_t>(N) && array.items[n] != 0) ++n;
  return detail::BytesOfChars(array.items, n);
}

// The elements of a pointer from `start` up to `stop` (`p[start:stop]`) as a new
// list (`bytes` of characters, NUL bytes included).
template <class T, class I>
PyObject* pointer_slice_to_python(const T* pointer, I start, I stop) noexcept {
  const Py_ssize_t n = stop > start ? static_cast<Py_ssize_t>(stop - start) : 0;
  if constexpr (detail::kIsCChar<T>) {
    return detail::BytesOfChars(pointer == nullptr ? nullptr : pointer + start, n);
  }
  PyObject* list = PyList_New(n);
  if (list == nullptr) {
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = to_python(pointer[static_cast<Py_ssize_t>(start) + i]);
    if (item == nullptr) {
      Py_DECREF(list);
      return nullptr;
    }
    PyList_SET_ITEM(list, i, item);
  }
  return list;
}

// `a[start:stop]` of a C array of `size` elements as a new list, as Python
// slices a list: negative bounds count from the end, and bounds are clamped to
// the array. Always, also under wraparound(False) / boundscheck(False), where
// Cython's result is undefined: the array's length is known, so no slice reads
// outside it.
template <class T>
PyObject* array_slice_to_python(const T* array, Py_ssize_t size, Py_ssize_t start, Py_ssize_t stop) noexcept {
  start += start < 0 ? size : 0;
  stop += stop < 0 ? size : 0;
  start = start < 0 ? 0 : (start > size ? size : start);
  stop = stop < start ? start : (stop > size ? size : stop);
  return pointer_slice_to_python(array, start, stop);
}

// An iterable of exactly N convertible items into `out` (left unchanged on failure).
template <class T, std::size_t N>
bool from_python(PyObject* obj, CArray<T, N>& out) noexcept {
  PyObject* iterator = PyObject_GetIter(obj);
  if (iterator == nullptr) {
    return false;
  }
  CArray<T, N> value{};
  std::size_t count = 0;
  bool ok = true;
  while (PyObject* item = PyIter_Next(iterator)) {
    if (count == N) {
      Py_DECREF(item);
      PyErr_Format(PyExc_IndexError, "too many values found during array assignment, expected %zd",
                   static_cast<Py_ssize_t>(N));
      ok = false;
      break;
    }
    ok = from_python(item, value.items[count]);
    Py_DECREF(item);
    if (!ok) {
      break;
    }
    ++count;
  }
  Py_DECREF(iterator);
  if (!ok || PyErr_Occurred() != nullptr) {
    return false;
  }
  if (count != N) {
    PyErr_Format(PyExc_IndexError, "not enough values found during array assignment, expected %zd, got %zd",
                 static_cast<Py_ssize_t>(N), static_cast<Py_ssize_t>(count));
    return false;
  }
  out = value;
  return true;
}

// The conversions of a type, for the templates that convert any C value
// (as_c, to_object, the *_adl helpers): its from_python / to_python overloads,
// those declared above (C strings, C arrays) and those argument-dependent lookup
// finds where a conversion is instantiated (pyxx's types, a module's structs).
// A standard library type has
// no overloads lookup could find: the header that brings it, outside the
// precompiled prelude, specialises this (pyxx/cpp_vector.hpp).
template <class T, class = void>
struct Converter {
  static bool from(PyObject* obj, T& out) noexcept { return from_python(obj, out); }
  static PyObject* to(const T& value) noexcept { return to_python(value); }
};

// from_python / to_python that also find the converters a generated module
// defines next to its structs (argument-dependent lookup).
template <class T>
bool from_python_adl(PyObject* obj, T& out) noexcept {
  return Converter<T>::from(obj, out);
}
template <class T>
PyObject* to_python_adl(const T& value) noexcept {
  return Converter<T>::to(value);
}

// A C tuple's elements (its fields f0, f1, ...) as a Python tuple: the body of
// the to_python a generated module defines for each C tuple type.
template <class... T>
PyObject* ctuple_to_python(const T&... items) noexcept {
  return tuple_of([&items] { return to_python_adl(items); }...);
}

// The elements of a C tuple from any sequence of its length, in order, stopping
// at the first that does not convert (is_ctuple_sequence below has the messages).
template <class... T>
bool ctuple_from_python(PyObject* obj, T&... items) noexcept;

// A struct field of a mapping, for the generated struct converters: a new
// reference, or nullptr with Cython's ValueError when the key is missing.
inline PyObject* struct_field(PyObject* mapping, const char* name) noexcept {
  PyObject* value = PyMapping_GetItemString(mapping, name);
  if (value == nullptr) {
    PyErr_Format(PyExc_ValueError, "No value specified for struct attribute '%s'", name);
  }
  return value;
}

// Is `name` a key of the mapping? -1 with the Python error set on failure.
inline int has_field(PyObject* mapping, const char* name) noexcept {
  PyObject* key = PyUnicode_FromString(name);
  if (key == nullptr) {
    return -1;
  }
  const int found = PySequence_Contains(mapping, key);
  Py_DECREF(key);
  return found;
}

// A C tuple from Python: any sequence of exactly `size` items, with Cython 3's
// messages. The caller reads the items with PySequence_GetItem.
inline bool is_ctuple_sequence(PyObject* obj, Py_ssize_t size) noexcept {
  if (!PySequence_Check(obj)) {
    PyErr_Format(PyExc_TypeError, "Expected a sequence of size %zd, got %.200s", size, PYXX_TYPE_NAME(Py_TYPE(obj)));
    return false;
  }
  const Py_ssize_t length = PySequence_Length(obj);
  if (length < 0) {
    return false;
  }
  if (length != size) {
    PyErr_Format(PyExc_TypeError, "Expected a sequence of size %zd, got size %zd", size, length);
    return false;
  }
  return true;
}

template <class... T>
bool ctuple_from_python(PyObject* obj, T&... items) noexcept {
  if (!is_ctuple_sequence(obj, static_cast<Py_ssize_t>(sizeof...(T)))) {
    return false;
  }
  Py_ssize_t k = 0;
  return (... && [&](auto& item) {
    PyObject* object = PySequence_GetItem(obj, k++);
    if (object == nullptr) {
      return false;
    }
    const bool converted = from_python_adl(object, item);
    Py_DECREF(object);
    return converted;
  }(items));
}

inline bool is_mapping(PyObject* obj) noexcept {
  if (PyMapping_Check(obj)) {
    return true;
  }
  PyErr_Format(PyExc_TypeError, "Expected a mapping, got %.200s", PYXX_TYPE_NAME(Py_TYPE(obj)));
  return false;
}

}  // namespace pyxx
