// C++ vectors (`from cython.cimports.libcpp.vector import vector`): their
// conversions to a list and from any iterable (Cython's), and the methods that
// can fail, with the errors pyxx raises for them. Not part of the precompiled
// runtime prelude (runtime.hpp): a generated module includes it after the
// prelude, only when it uses a vector, so <vector> costs only those builds.
//
// Errors are C++ exceptions as everywhere in pyxx (CError, usable without the
// GIL): an allocation that fails is MemoryError, also a count no vector can
// hold (Cython: RuntimeError with the C++ library's message); `at`, `back`,
// `front` and `pop_back` out of range are IndexError (Cython: IndexError for
// `at`, undefined behaviour for the others).
#pragma once

#include "python.hpp"

#include <new>
#include <type_traits>
#include <vector>

#include "c_data.hpp"
#include "convert_with.hpp"
#include "errors.hpp"
#include "from_iterable.hpp"
#include "object.hpp"

namespace pyxx {
namespace detail {

[[noreturn, gnu::noinline, gnu::cold]] inline void VectorNoMemory(Site site) {
  raise_c(PyExc_MemoryError, "", site);
}

[[noreturn, gnu::noinline, gnu::cold]] inline void VectorIndexError(const char* message, Site site) {
  raise_c(PyExc_IndexError, message, site);
}

// A count or index of any C integer type as the size_t C++ converts it to
// (a negative one becomes too large, as it does for Cython's `size_type`).
template <class N>
inline size_t AsSize(N n) noexcept {
  static_assert(std::is_integral_v<N>, "a vector count or index is a C integer");
  return static_cast<size_t>(n);
}

}  // namespace detail

// Cython's vector from-py conversion: the items of any iterable, in order, each
// converted to T (left unchanged on failure: a Python exception is set).
template <class T>
struct Converter<std::vector<T>> {
  static bool from(PyObject* obj, std::vector<T>& out) noexcept {
    return detail::FillFromIterable<T>(obj, out, [](std::vector<T>& v, T&& e) { v.push_back(std::move(e)); });
  }

  // A new list of the elements (Cython's to-py conversion).
  static PyObject* to(const std::vector<T>& value) noexcept {
    return list_with(value, [](const T& element) { return Converter<T>::to(element); });
  }
};

// Without a copy of the vector (the generic to_object takes its value by copy).
template <class T>
inline Ref to_object(const std::vector<T>& value, Site site) {
  return check(Converter<std::vector<T>>::to(value), site);
}

// `vector[T](n)`, `vector[T](n, value)`.
template <class T, class N>
inline std::vector<T> vector_of_size(N n, Site site) {
  const size_t count = detail::AsSize(n);
  std::vector<T> v;
  if (count > v.max_size()) detail::VectorNoMemory(site);
  try {
    v.resize(count);
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
  return v;
}
template <class T, class N>
inline std::vector<T> vector_of_size(N n, const T& value, Site site) {
  const size_t count = detail::AsSize(n);
  std::vector<T> v;
  if (count > v.max_size()) detail::VectorNoMemory(site);
  try {
    v.resize(count, value);
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
  return v;
}

template <class T>
inline void vector_push_back(std::vector<T>& v, const T& value, Site site) {
  try {
    v.push_back(value);
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
}

template <class T, class N>
inline void vector_reserve(std::vector<T>& v, N n, Site site) {
  const size_t count = detail::AsSize(n);
  if (count > v.max_size()) detail::VectorNoMemory(site);
  try {
    v.reserve(count);
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
}

template <class T, class N>
inline void vector_resize(std::vector<T>& v, N n, Site site) {
  const size_t count = detail::AsSize(n);
  if (count > v.max_size()) detail::VectorNoMemory(site);
  try {
    v.resize(count);
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
}
template <class T, class N>
inline void vector_resize(std::vector<T>& v, N n, const T& value, Site site) {
  const size_t count = detail::AsSize(n);
  if (count > v.max_size()) detail::VectorNoMemory(site);
  try {
    v.resize(count, value);
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
}

template <class T>
inline void vector_shrink_to_fit(std::vector<T>& v, Site site) {
  try {
    v.shrink_to_fit();
  } catch (const std::bad_alloc&) {
    detail::VectorNoMemory(site);
  }
}

// `v.at(i)`: IndexError past the end (a negative index converts past it).
template <class T, class I>
inline T& vector_at(std::vector<T>& v, I i, Site site) {
  const size_t k = detail::AsSize(i);
  if (k >= v.size()) detail::VectorIndexError("vector index out of range", site);
  return v[k];
}

template <class T>
inline T& vector_back(std::vector<T>& v, Site site) {
  if (v.empty()) detail::VectorIndexError("back() of an empty vector", site);
  return v.back();
}
template <class T>
inline T& vector_front(std::vector<T>& v, Site site) {
  if (v.empty()) detail::VectorIndexError("front() of an empty vector", site);
  return v.front();
}
template <class T>
inline void vector_pop_back(std::vector<T>& v, Site site) {
  if (v.empty()) detail::VectorIndexError("pop_back() of an empty vector", site);
  v.pop_back();
}

}  // namespace pyxx
