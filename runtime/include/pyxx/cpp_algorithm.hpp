// C++ algorithms of `libcpp.algorithm` over a range of contiguous elements
// (pointers; a vector's begin()/end() are pointers into it). Not part of the
// precompiled runtime prelude: a generated module includes it only when it
// calls one, so <algorithm> costs only those builds.
//
// What C++ leaves undefined is defined here: a range whose end comes before its
// start (or a middle outside it) raises ValueError, and the elements are ordered
// with a `<` under which NaN is greater than every number and equal to NaN (a
// strict weak order: std::sort with plain `<` over NaNs is undefined behaviour).
#pragma once

#include "python.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>

#include "errors.hpp"

namespace pyxx {
namespace detail {

struct AlgorithmLess {
  template <class T>
  bool operator()(const T& a, const T& b) const noexcept {
    if constexpr (std::is_floating_point_v<T>) {
      return std::isnan(b) ? !std::isnan(a) : a < b;
    } else {
      return a < b;
    }
  }
};

[[noreturn, gnu::noinline, gnu::cold]] inline void AlgorithmRangeError(Site site) {
  raise_c(PyExc_ValueError, "an algorithm's range ends before it begins", site);
}

template <class T>
inline void CheckRange(T* first, T* last, Site site) {
  if (std::less<T*>()(last, first)) AlgorithmRangeError(site);
}
template <class T>
inline void CheckRange(T* first, T* middle, T* last, Site site) {
  if (std::less<T*>()(middle, first) || std::less<T*>()(last, middle)) AlgorithmRangeError(site);
}

}  // namespace detail

template <class T>
inline void algorithm_sort(T* first, T* last, Site site) {
  detail::CheckRange(first, last, site);
  std::sort(first, last, detail::AlgorithmLess{});
}
template <class T>
inline void algorithm_stable_sort(T* first, T* last, Site site) {
  detail::CheckRange(first, last, site);
  std::stable_sort(first, last, detail::AlgorithmLess{});
}
template <class T>
inline void algorithm_partial_sort(T* first, T* middle, T* last, Site site) {
  detail::CheckRange(first, middle, last, site);
  std::partial_sort(first, middle, last, detail::AlgorithmLess{});
}
template <class T>
inline void algorithm_nth_element(T* first, T* nth, T* last, Site site) {
  detail::CheckRange(first, nth, last, site);
  std::nth_element(first, nth, last, detail::AlgorithmLess{});
}
template <class T>
inline void algorithm_reverse(T* first, T* last, Site site) {
  detail::CheckRange(first, last, site);
  std::reverse(first, last);
}
template <class T>
inline void algorithm_fill(T* first, T* last, const T& value, Site site) {
  detail::CheckRange(first, last, site);
  std::fill(first, last, value);
}

}  // namespace pyxx
