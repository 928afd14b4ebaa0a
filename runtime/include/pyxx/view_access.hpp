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
  Py_ssize_t index(Py_ssize_t i, int dim, bool wraparound, bool boundscheck, Site s) const {
    const Py_ssize_t extent = shape_[dim];
    if (wraparound && i < 0) i += extent;
    if (boundscheck && (i < 0 || i >= extent)) raise_c(PyExc_IndexError, detail::OutOfBoundsMessage(dim), s);
    return i;
  }
  template <class I, class = std::enable_if_t<std::is_unsigned_v<I> && (sizeof(I) >= sizeof(Py_ssize_t))>>
  Py_ssize_t index(I i, int dim, bool wraparound, bool boundscheck, Site s) const {
    if (boundscheck && i > static_cast<size_t>(PY_SSIZE_T_MAX)) {
      raise_c(PyExc_IndexError, detail::OutOfBoundsMessage(dim), s);
    }
    return index(static_cast<Py_ssize_t>(i), dim, wraparound, boundscheck, s);
  }

  // View::at: the element at normalised indices, one per dimension. A unit
  // dimension of extent 1 may carry any stride in the buffer (PEP 3118), but
  // its only index is 0, so sizeof(T) addresses the same element.
  template <class... I>
  T& at(I... indices) const noexcept {
    static_assert(sizeof...(I) == N, "at() takes one index per dimension");
    const Py_ssize_t idx[N] = {static_cast<Py_ssize_t>(indices)...};
    char* p = data_;
    for (int d = 0; d < N; ++d) {
      p += idx[d] * (d == UnitDim ? static_cast<Py_ssize_t>(sizeof(T)) : stride_[d]);
    }
    return *reinterpret_cast<T*>(p);
  }

 private:
  char* data_;
  Py_ssize_t shape_[N];
  Py_ssize_t stride_[N];
};

}  // namespace pyxx
