// What C++ maps and sets share (runtime/pyxx/cpp_map.hpp, cpp_set.hpp): the
// order of floating keys, and the operations that can fail, with the errors
// pyxx raises for them. Included only by those headers, outside the
// precompiled runtime prelude.
#pragma once

#include "python.hpp"

#include <cmath>
#include <new>
#include <type_traits>

#include "errors.hpp"

namespace pyxx {

// The order of an ordered map's or set's floating keys: `<`, with NaN after
// every number and equivalent to NaN. With plain `<` (std::less, Cython's), a
// NaN key breaks the strict weak order std::map requires: undefined behaviour.
template <class T>
struct TotalLess {
  static_assert(std::is_floating_point_v<T>, "only floating keys need a total order");
  bool operator()(T a, T b) const noexcept { return std::isnan(b) ? !std::isnan(a) : a < b; }
};

namespace detail {

[[noreturn, gnu::noinline, gnu::cold]] inline void ContainerNoMemory(Site site) {
  raise_c(PyExc_MemoryError, "", site);
}

}  // namespace detail

// `m.insert(p)`, `s.insert(x)`: nothing happens when the key is there already.
template <class C, class V>
inline void container_insert(C& c, const V& value, Site site) {
  try {
    c.insert(value);
  } catch (const std::bad_alloc&) {
    detail::ContainerNoMemory(site);
  }
}

// `m.find(k) != m.end()`.
template <class C, class K>
inline bool container_contains(const C& c, const K& key) noexcept {
  return c.find(key) != c.end();
}

}  // namespace pyxx
