// Module-level C variables (`x = cython.declare(cython.int, 0)` at the top
// level of a module).
//
// They are C globals of the extension, read and written by GIL and nogil code
// alike, so two threads may touch one at the same time: a data race, undefined
// behaviour in C++, if they were plain variables. Every access is a relaxed
// atomic load or store instead (GCC/Clang __atomic builtins on the plain
// variable): an aligned load or store of at most 8 bytes is one ordinary mov
// on x86-64 and aarch64. `x += 1` stays a load then a store, as in C:
// concurrent increments may be lost, but never tear or make the program
// undefined. A complex number is two such variables (its parts): a reader
// racing with a writer may see one part old and one new. No ordering with
// other memory is promised.
//
// A C array or struct variable is accessed leaf by leaf: `g[i]` and `g.x`
// load and store that element alone, and a copy of the whole (`return g`,
// `q = g`) copies each leaf atomically. A reader racing with a writer may see
// some leaves old and some new, as with the parts of a complex number.
//
// A module-level memoryview is not accessed atomically: the checker lets only
// code that holds the GIL use it, so its uses never overlap (ModuleView).
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>

#include "c_data.hpp"
#include "complex.hpp"
#include "object.hpp"

namespace pyxx {

namespace detail {

template <class T>
struct NotDeduced {
  using type = T;
};

template <class T>
struct IsComplexNumber {
  static constexpr bool value = false;
};

template <class T>
struct IsComplexNumber<Complex<T>> {
  static constexpr bool value = true;
};

template <class T>
inline T relaxed_load(const T& variable) noexcept {
  static_assert(sizeof(T) <= 8, "a module-level C variable is a scalar of at most 8 bytes");
  T value;
  __atomic_load(&variable, &value, __ATOMIC_RELAXED);
  return value;
}

template <class T>
inline void relaxed_store(T& variable, T value) noexcept {
  static_assert(sizeof(T) <= 8, "a module-level C variable is a scalar of at most 8 bytes");
  __atomic_store(&variable, &value, __ATOMIC_RELAXED);
}

template <class T>
constexpr bool kIsLeaf = std::is_scalar_v<T> || IsComplexNumber<T>::value;

}  // namespace detail

// Copies a leaf (a number, a pointer, a complex number's parts) with a relaxed
// load and a relaxed store. A struct's copy is generated beside the struct
// (found by argument-dependent lookup); an array's copies its elements.
template <class T>
inline std::enable_if_t<detail::kIsLeaf<T>> relaxed_copy(T& to, const T& from) noexcept {
  if constexpr (detail::IsComplexNumber<T>::value) {
    detail::relaxed_store(to.real, detail::relaxed_load(from.real));
    detail::relaxed_store(to.imag, detail::relaxed_load(from.imag));
  } else {
    detail::relaxed_store(to, detail::relaxed_load(from));
  }
}

template <class T, std::size_t N>
inline void relaxed_copy(CArray<T, N>& to, const CArray<T, N>& from) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    relaxed_copy(to.items[i], from.items[i]);
  }
}

template <class T>
inline T c_global_load(const T& variable) noexcept {
  if constexpr (detail::IsComplexNumber<T>::value) {
    return T(detail::relaxed_load(variable.real), detail::relaxed_load(variable.imag));
  } else if constexpr (std::is_scalar_v<T>) {
    return detail::relaxed_load(variable);
  } else {
    T value{};
    relaxed_copy(value, variable);
    return value;
  }
}

// The value has the variable's type (the generated code converted it): only
// the variable's type is deduced.
template <class T>
inline void c_global_store(T& variable, typename detail::NotDeduced<T>::type value) noexcept {
  relaxed_copy(variable, value);
}

// The storage of a module-level memoryview (`v = cython.declare(cython.int[:])`):
// the None view until module code stores to it. Its destructor never runs: at
// process exit the interpreter may already be gone, and releasing the buffer
// needs it; the last view stored stays acquired until then, as a module
// global's object does.
template <class View>
class ModuleView {
 public:
  ModuleView() noexcept { new (storage_) View(); }
  ModuleView(const ModuleView&) = delete;
  auto operator=(const ModuleView&) -> ModuleView& = delete;
  auto get() noexcept -> View& { return *std::launder(reinterpret_cast<View*>(storage_)); }

 private:
  alignas(View) unsigned char storage_[sizeof(View)];
};

// A module-level variable of an extension type (`cython.declare(p=T)`): None
// until module code stores to it, used with the GIL only (the checker's rule),
// so its uses never overlap. It keeps its last object until process exit, as a
// module global does (the interpreter may be gone when destructors run).
class ModuleObject {
 public:
  auto get() const noexcept -> PyObject* { return obj_ != nullptr ? obj_ : Py_None; }
  // The value was tested against the declared type; the old object is dropped
  // last (its destructor may run code that reads the variable).
  void set(Ref value) noexcept {
    PyObject* old = obj_;
    obj_ = value.release();
    Py_XDECREF(old);
  }

 private:
  PyObject* obj_ = nullptr;
};

}  // namespace pyxx
