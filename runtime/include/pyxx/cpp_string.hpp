// C++ strings (`from cython.cimports.libcpp.string import string`): Cython's
// conversions (bytes or bytearray in, bytes out), and the operations that can
// fail, with the errors pyxx raises for them. Not part of the precompiled
// runtime prelude (runtime.hpp): a generated module includes it after the
// prelude, only when it uses a C++ string, so <string> costs only those builds.
//
// Errors are C++ exceptions as everywhere in pyxx (CError, usable without the
// GIL): an allocation that fails is MemoryError (std::bad_alloc, as Cython
// translates it), so is a length no string can hold (Cython: RuntimeError with
// the C++ library's message); `at`, `substr`, `back`, `front` and `pop_back`
// out of range are IndexError (Cython: IndexError for `at` and `substr`,
// undefined behaviour for the others); a NULL `char*` made a string is
// ValueError (undefined behaviour in C++).
#pragma once

#include "python.hpp"

#include <new>
#include <string>
#include <type_traits>

#include "c_data.hpp"
#include "errors.hpp"
#include "object.hpp"

namespace pyxx {
namespace detail {

[[noreturn, gnu::noinline, gnu::cold]] inline void StringNoMemory(Site site) {
  raise_c(PyExc_MemoryError, "", site);
}

[[noreturn, gnu::noinline, gnu::cold]] inline void StringIndexError(const char* message, Site site) {
  raise_c(PyExc_IndexError, message, site);
}

// A `char*` (of any char signedness) a string is made of: never NULL.
template <class C>
inline const char* StringChars(const C* p, Site site) {
  static_assert(kIsCChar<C>, "a C string is a pointer to char");
  if (p == nullptr) raise_c(PyExc_ValueError, "a NULL C string cannot become a C++ string", site);
  return reinterpret_cast<const char*>(p);
}

template <class N>
inline size_t StringSize(N n) noexcept {
  static_assert(std::is_integral_v<N>, "a string position or count is a C integer");
  return static_cast<size_t>(n);  // a negative one becomes too large, as for Cython's size_t
}

}  // namespace detail

// Cython's std::string from-py conversion: the bytes of a bytes or bytearray
// object (a str is `TypeError: expected bytes, str found`).
template <>
struct Converter<std::string> {
  static bool from(PyObject* obj, std::string& out) noexcept {
    char* chars = nullptr;
    if (!detail::CharsOf(obj, chars)) {
      return false;
    }
    const Py_ssize_t n = PyBytes_Check(obj) ? PyBytes_GET_SIZE(obj) : PyByteArray_GET_SIZE(obj);
    try {
      out.assign(chars, static_cast<size_t>(n));
    } catch (const std::bad_alloc&) {
      PyErr_NoMemory();
      return false;
    }
    return true;
  }
  // bytes of every character, NUL bytes included (Cython's to-py conversion).
  static PyObject* to(const std::string& value) noexcept {
    return PyBytes_FromStringAndSize(value.data(), static_cast<Py_ssize_t>(value.size()));
  }
};

// Without a copy of the string (the generic to_object takes its value by copy).
inline Ref to_object(const std::string& value, Site site) { return check(Converter<std::string>::to(value), site); }

// `s[a:b]` before `.decode(...)`: the bytes of those characters, the bounds
// counted from the end when negative and clamped as Python slices bytes
// (Cython's __Pyx_decode_cpp_string does the same).
inline Ref string_slice_bytes(const std::string& s, Py_ssize_t start, Py_ssize_t stop, Site site) {
  const auto length = static_cast<Py_ssize_t>(s.size());
  if (start < 0) start = start + length < 0 ? 0 : start + length;
  if (stop < 0) stop = stop + length < 0 ? 0 : stop + length;
  if (start > length) start = length;
  if (stop > length) stop = length;
  const Py_ssize_t n = stop > start ? stop - start : 0;
  return check(PyBytes_FromStringAndSize(s.data() + start, n), site);
}

// `string(p)`, `string(p, n)`, `s: string = p` of a `char*`.
template <class C>
inline std::string string_of_chars(const C* p, Site site) {
  const char* chars = detail::StringChars(p, site);
  try {
    return std::string(chars);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}
template <class C, class N>
inline std::string string_of_chars(const C* p, N n, Site site) {
  const char* chars = detail::StringChars(p, site);
  const size_t count = detail::StringSize(n);
  if (count > std::string().max_size()) detail::StringNoMemory(site);
  try {
    return std::string(chars, count);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

// `a + b`.
inline std::string string_concat(const std::string& a, const std::string& b, Site site) {
  try {
    return a + b;
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}
template <class C>
inline std::string string_concat(const std::string& a, const C* b, Site site) {
  const char* chars = detail::StringChars(b, site);
  try {
    return a + chars;
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}
template <class C>
inline std::string string_concat(const C* a, const std::string& b, Site site) {
  const char* chars = detail::StringChars(a, site);
  try {
    return chars + b;
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

// `s.append(t)`, `s.append(p)`.
inline void string_append(std::string& s, const std::string& t, Site site) {
  try {
    s.append(t);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}
template <class C>
inline void string_append(std::string& s, const C* p, Site site) {
  const char* chars = detail::StringChars(p, site);
  try {
    s.append(chars);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

inline void string_push_back(std::string& s, char c, Site site) {
  try {
    s.push_back(c);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

template <class N>
inline void string_reserve(std::string& s, N n, Site site) {
  const size_t count = detail::StringSize(n);
  if (count > s.max_size()) detail::StringNoMemory(site);
  try {
    s.reserve(count);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

template <class N>
inline void string_resize(std::string& s, N n, Site site) {
  const size_t count = detail::StringSize(n);
  if (count > s.max_size()) detail::StringNoMemory(site);
  try {
    s.resize(count);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

// `s.substr(pos)`, `s.substr(pos, n)`: IndexError when pos is past the end.
template <class P>
inline std::string string_substr(const std::string& s, P pos, Site site) {
  const size_t k = detail::StringSize(pos);
  if (k > s.size()) detail::StringIndexError("substr() position out of range", site);
  try {
    return s.substr(k);
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}
template <class P, class N>
inline std::string string_substr(const std::string& s, P pos, N n, Site site) {
  const size_t k = detail::StringSize(pos);
  if (k > s.size()) detail::StringIndexError("substr() position out of range", site);
  try {
    return s.substr(k, detail::StringSize(n));
  } catch (const std::bad_alloc&) {
    detail::StringNoMemory(site);
  }
}

template <class I>
inline char& string_at(std::string& s, I i, Site site) {
  const size_t k = detail::StringSize(i);
  if (k >= s.size()) detail::StringIndexError("string index out of range", site);
  return s[k];
}
inline char& string_back(std::string& s, Site site) {
  if (s.empty()) detail::StringIndexError("back() of an empty string", site);
  return s.back();
}
inline char& string_front(std::string& s, Site site) {
  if (s.empty()) detail::StringIndexError("front() of an empty string", site);
  return s.front();
}
inline void string_pop_back(std::string& s, Site site) {
  if (s.empty()) detail::StringIndexError("pop_back() of an empty string", site);
  s.pop_back();
}

// `s.find(t, pos)`, `s.rfind(t, pos)` of a string or a C string:
// std::string::npos when absent (only a NULL C string can fail).
template <class P>
inline size_t string_find(const std::string& s, const std::string& t, P pos, Site) noexcept {
  return s.find(t, detail::StringSize(pos));
}
template <class C, class P>
inline size_t string_find(const std::string& s, const C* t, P pos, Site site) {
  return s.find(detail::StringChars(t, site), detail::StringSize(pos));
}
template <class P>
inline size_t string_rfind(const std::string& s, const std::string& t, P pos, Site) noexcept {
  return s.rfind(t, detail::StringSize(pos));
}
template <class C, class P>
inline size_t string_rfind(const std::string& s, const C* t, P pos, Site site) {
  return s.rfind(detail::StringChars(t, site), detail::StringSize(pos));
}

}  // namespace pyxx
