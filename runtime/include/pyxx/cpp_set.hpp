// C++ sets (`libcpp.set.set`, `libcpp.unordered_set.unordered_set`): Cython's
// conversions (a set from any iterable, a Python set of a set). Not part of the
// precompiled runtime prelude: a generated module includes it only when it uses
// a set, so <set> and <unordered_set> cost only those builds.
#pragma once

#include "python.hpp"

#include <set>
#include <unordered_set>

#include "c_data.hpp"
#include "convert_with.hpp"
#include "cpp_associative.hpp"
#include "from_iterable.hpp"
#include "object.hpp"

namespace pyxx {
namespace detail {

// Cython's set from-py conversion: the items of any iterable, each converted
// and inserted. `out` is left unchanged on failure.
template <class S>
inline bool SetFromPython(PyObject* obj, S& out) noexcept {
  using Element = typename S::value_type;
  return FillFromIterable<Element>(obj, out, [](S& set, Element&& e) { set.insert(std::move(e)); });
}

// A new Python set of the elements (Cython's to-py conversion).
template <class S>
inline PyObject* SetToPython(const S& s) noexcept {
  using T = typename S::value_type;
  return set_with(s, [](const T& element) { return Converter<T>::to(element); });
}

}  // namespace detail

template <class T, class C>
struct Converter<std::set<T, C>> {
  static bool from(PyObject* obj, std::set<T, C>& out) noexcept { return detail::SetFromPython(obj, out); }
  static PyObject* to(const std::set<T, C>& value) noexcept { return detail::SetToPython(value); }
};

template <class T>
struct Converter<std::unordered_set<T>> {
  static bool from(PyObject* obj, std::unordered_set<T>& out) noexcept { return detail::SetFromPython(obj, out); }
  static PyObject* to(const std::unordered_set<T>& value) noexcept { return detail::SetToPython(value); }
};

// Without a copy of the set (the generic to_object takes its value by copy).
template <class T, class C>
inline Ref to_object(const std::set<T, C>& value, Site site) {
  return check(Converter<std::set<T, C>>::to(value), site);
}
template <class T>
inline Ref to_object(const std::unordered_set<T>& value, Site site) {
  return check(Converter<std::unordered_set<T>>::to(value), site);
}

}  // namespace pyxx
