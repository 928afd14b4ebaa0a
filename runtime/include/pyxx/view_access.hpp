// ViewAccess: the element addressing of a View parameter, copied into locals.
//
// A View parameter is passed by reference, so a store through its elements
// may, for the compiler, change the View itself (a `char`/`unsigned char`
// element aliases everything): each store forces its data pointer and strides
// to be loaded again. The emitter copies them once, at the function's entry,
// into a ViewAccess, a local whose address is never taken, which the compiler
// keeps in registers. A dimension the view's type declares contiguous (`::1`,
// checked when the buffer was bound) steps by sizeof(T), known at compile time.
// The copy is exact while the View is not rebound, which the emitter ensures.
#pragma once

#include "memoryview.hpp"

namespace pyxx {

// UnitDim: the dimension of unit stride (the type's `::1`), or -1 for none.
template <class T, int N, int UnitDim>
class ViewAccess {
  static_assert(UnitDim >= -1 && UnitDim < N, "the unit-stride dimension is one of the view's");

 public:
  explicit ViewAccess(const View<T, N>& v) noexcept : data_(reinterpret_cast<char*>(v.data())) {
    for (int k = 0; k < N; ++k) {
      shape_[k] = v.shape(k);
      stride_[k] = v.stride(k);
    }
  }

  // View::index, on the copied extents (same checks, same messages).
  template <class I>
  Py_ssize_t index(I i, int dim, bool wraparound, bool boundscheck, Site s) const {
    return detail::NormaliseIndex(i, shape_[dim], dim, wraparound, boundscheck, s);
  }

  // View::at: the element at normalised indices, one per dimension.
  template <class... I>
  T& at(I... indices) const noexcept {
    return detail::ElementAt<T, N, UnitDim>(data_, stride_, indices...);
  }

 private:
  char* data_;
  Py_ssize_t shape_[N];
  Py_ssize_t stride_[N];
};

}  // namespace pyxx
