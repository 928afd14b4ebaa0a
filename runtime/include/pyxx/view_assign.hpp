// Assigning into a typed memoryview's elements as a whole, as Cython does:
// `dst[...] = src` / `dst[:, 0] = src[:, 1]` copy between views of the same
// element type (Cython's memoryview_copy_contents), `dst[:] = 3` stores one
// value in every element. Neither touches a Python object, so both run without
// the GIL; the error paths take it briefly to build their message.
#pragma once

#include "memoryview.hpp"

#include <cstdint>
#include <new>
#include <type_traits>

namespace pyxx {
namespace detail {

// ValueError "got differing extents in dimension 0 (got 3 and 2)" (Cython's).
[[noreturn]] inline void RaiseDifferingExtents(int dim, Py_ssize_t dst, Py_ssize_t src, Site site) {
  PyGILState_STATE gil = PyGILState_Ensure();
  PyErr_Format(PyExc_ValueError, "got differing extents in dimension %d (got %zd and %zd)", dim, dst, src);
  PyGILState_Release(gil);
  raise_python(site);
}

[[noreturn]] inline void RaiseNoMemory(Site site) {
  PyGILState_STATE gil = PyGILState_Ensure();
  PyErr_NoMemory();
  PyGILState_Release(gil);
  raise_python(site);
}

// The shape and strides of one side of a copy, with leading dimensions of
// extent 1 added so both sides have the same number (Cython's broadcast_leading).
struct CopyGeometry {
  char* data = nullptr;
  Py_ssize_t shape[8] = {};
  Py_ssize_t stride[8] = {};
};

template <class T, int N>
CopyGeometry Broadcast(const View<T, N>& v, int ndim) {
  CopyGeometry g;
  g.data = reinterpret_cast<char*>(const_cast<std::remove_const_t<T>*>(v.data()));
  const int offset = ndim - N;
  for (int k = 0; k < offset; ++k) {
    g.shape[k] = 1;
    g.stride[k] = 0;
  }
  for (int k = 0; k < N; ++k) {
    g.shape[offset + k] = v.shape(k);
    g.stride[offset + k] = v.stride(k);
  }
  return g;
}

// The bytes [lo, hi) a view's elements occupy (addresses as integers: the
// comparison is between different arrays).
inline void ByteExtent(const CopyGeometry& g, int ndim, Py_ssize_t itemsize, std::uintptr_t* lo, std::uintptr_t* hi) {
  Py_ssize_t low = 0;
  Py_ssize_t high = 0;
  for (int k = 0; k < ndim; ++k) {
    const Py_ssize_t reach = (g.shape[k] - 1) * g.stride[k];
    if (reach < 0) low += reach;
    else high += reach;
  }
  const auto base = reinterpret_cast<std::uintptr_t>(g.data);
  *lo = base + static_cast<std::uintptr_t>(low);  // wraps for a negative offset, as intended
  *hi = base + static_cast<std::uintptr_t>(high) + static_cast<std::uintptr_t>(itemsize);
}

// Element by element, dimension `k` and inwards, in C order.
template <class T>
void CopyElements(char* to, const Py_ssize_t* to_stride, const char* from, const Py_ssize_t* from_stride,
                  const Py_ssize_t* shape, int k, int ndim) {
  const Py_ssize_t n = shape[k];
  if (k == ndim - 1) {
    for (Py_ssize_t i = 0; i < n; ++i) {
      *reinterpret_cast<T*>(to + i * to_stride[k]) = *reinterpret_cast<const T*>(from + i * from_stride[k]);
    }
    return;
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    CopyElements<T>(to + i * to_stride[k], to_stride, from + i * from_stride[k], from_stride, shape, k + 1, ndim);
  }
}

template <class T>
void FillElements(char* to, const Py_ssize_t* stride, const Py_ssize_t* shape, int k, int ndim, const T& value) {
  const Py_ssize_t n = shape[k];
  if (k == ndim - 1) {
    for (Py_ssize_t i = 0; i < n; ++i) *reinterpret_cast<T*>(to + i * stride[k]) = value;
    return;
  }
  for (Py_ssize_t i = 0; i < n; ++i) FillElements<T>(to + i * stride[k], stride, shape, k + 1, ndim, value);
}

}  // namespace detail

// `dst[...] = src`: every element of src into dst. The extents must agree
// dimension by dimension after src (or dst) gets leading dimensions of extent 1;
// an extent of 1 in src is repeated (broadcast). When the two share memory,
// src is copied aside first, so the result is as if src were read whole before
// dst is written. ValueError on differing extents; TypeError when dst is None.
template <class T, int N, class U, int M>
void view_assign(const View<T, N>& dst, const View<U, M>& src, Site site) {
  using E = std::remove_const_t<T>;
  static_assert(std::is_same_v<E, std::remove_const_t<U>>, "a view copy needs one element type");
  static_assert(!std::is_const_v<T>, "a read-only view cannot be assigned to");
  if (dst.is_none()) raise_c(PyExc_TypeError, "Cannot assign to None memoryview slice", site);
  constexpr int K = N > M ? N : M;
  detail::CopyGeometry to = detail::Broadcast(dst, K);
  detail::CopyGeometry from = detail::Broadcast(src, K);
  Py_ssize_t count = 1;
  for (int k = 0; k < K; ++k) {
    if (from.shape[k] != to.shape[k]) {
      if (from.shape[k] != 1) detail::RaiseDifferingExtents(k, to.shape[k], from.shape[k], site);
      from.stride[k] = 0;  // repeated along this dimension
    }
    count *= to.shape[k];
  }
  if (count == 0) return;
  std::uintptr_t to_lo = 0, to_hi = 0, from_lo = 0, from_hi = 0;
  detail::ByteExtent(to, K, static_cast<Py_ssize_t>(sizeof(E)), &to_lo, &to_hi);
  detail::ByteExtent(from, K, static_cast<Py_ssize_t>(sizeof(E)), &from_lo, &from_hi);
  if (to_lo < from_hi && from_lo < to_hi) {
    // Overlapping memory: src's elements into a C-ordered copy of dst's shape first.
    E* aside = new (std::nothrow) E[static_cast<size_t>(count)];
    if (aside == nullptr) detail::RaiseNoMemory(site);
    Py_ssize_t dense[8] = {};
    Py_ssize_t step = static_cast<Py_ssize_t>(sizeof(E));
    for (int k = K - 1; k >= 0; --k) {
      dense[k] = step;
      step *= to.shape[k];
    }
    char* tmp = reinterpret_cast<char*>(aside);
    detail::CopyElements<E>(tmp, dense, from.data, from.stride, to.shape, 0, K);
    detail::CopyElements<E>(to.data, to.stride, tmp, dense, to.shape, 0, K);
    delete[] aside;
    return;
  }
  detail::CopyElements<E>(to.data, to.stride, from.data, from.stride, to.shape, 0, K);
}

// `dst[:] = value`: the value in every element. TypeError when dst is None.
template <class T, int N>
void view_fill(const View<T, N>& dst, const std::remove_const_t<T>& value, Site site) {
  static_assert(!std::is_const_v<T>, "a read-only view cannot be assigned to");
  if (dst.is_none()) raise_c(PyExc_TypeError, "Cannot assign to None memoryview slice", site);
  for (int k = 0; k < N; ++k) {
    if (dst.shape(k) == 0) return;
  }
  detail::FillElements<T>(reinterpret_cast<char*>(dst.data()), dst.strides(), dst.shapes(), 0, N, value);
}

}  // namespace pyxx
