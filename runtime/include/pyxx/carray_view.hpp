// `v: cython.int[:, :] = a` for a C array `a` (`cython.int[3][2]`): a
// C-contiguous view of the array's own memory, as Cython makes one (no copy).
// The view does not own the memory: the checker lets a view of a local array
// be used only where it cannot outlive the function (PX127). No GIL needed.
#pragma once

#include "c_data.hpp"
#include "memoryview.hpp"

#include <cstddef>
#include <type_traits>

namespace pyxx {
namespace detail {

// The dimensions of a (nested) CArray and its innermost element type.
template <class A>
struct CArrayShape {
  static constexpr int ndim = 0;
  static constexpr std::size_t count = 1;
  using element = A;
  static void extents(Py_ssize_t*) noexcept {}
};

template <class T, std::size_t N>
struct CArrayShape<CArray<T, N>> {
  static constexpr int ndim = 1 + CArrayShape<T>::ndim;
  static constexpr std::size_t count = N * CArrayShape<T>::count;
  using element = typename CArrayShape<T>::element;
  static void extents(Py_ssize_t* out) noexcept {
    out[0] = static_cast<Py_ssize_t>(N);
    CArrayShape<T>::extents(out + 1);
  }
};

}  // namespace detail

template <class V, class A>
inline V view_of_carray(A& array, Site site) {
  using Shape = detail::CArrayShape<A>;
  static_assert(Shape::ndim >= 1, "a C array");
  Py_ssize_t extents[Shape::ndim];
  Shape::extents(extents);
  // A CArray is its items (standard layout, no padding): the nested arrays'
  // elements lie one after the other from the array's own address.
  static_assert(std::is_standard_layout_v<A> && sizeof(A) == Shape::count * sizeof(typename Shape::element),
                "a CArray is its elements, without padding");
  auto* first = reinterpret_cast<typename Shape::element*>(&array);
  return V::over_pointer(first, extents, site);
}

}  // namespace pyxx
