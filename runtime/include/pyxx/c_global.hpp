// Module-level C variables (`x: cython.int = 0` at the top level of a module).
//
// They are C globals of the extension, read and written by GIL and nogil code
// alike, so two threads may touch one at the same time: a data race, undefined
// behaviour in C++, if they were plain variables. Every access is a relaxed
// atomic load or store instead (GCC/Clang __atomic builtins on the plain
// variable): an aligned load or store of at most 8 bytes is one ordinary mov
// on x86-64 and aarch64, so this costs nothing, and the compiler still keeps
// values in registers between accesses it can see. `x += 1` stays a load then
// a store, as in C: concurrent increments may be lost, but never tear or make
// the program undefined. No ordering with other memory is promised.
#pragma once

namespace pyxx {

template <class T>
inline T c_global_load(const T& variable) noexcept {
  static_assert(sizeof(T) <= 8, "a module-level C variable is a scalar of at most 8 bytes");
  T value;
  __atomic_load(&variable, &value, __ATOMIC_RELAXED);
  return value;
}

namespace detail {
template <class T>
struct NotDeduced {
  using type = T;
};
}  // namespace detail

// The value has the variable's type (the generated code converted it): only
// the variable's type is deduced.
template <class T>
inline void c_global_store(T& variable, typename detail::NotDeduced<T>::type value) noexcept {
  static_assert(sizeof(T) <= 8, "a module-level C variable is a scalar of at most 8 bytes");
  __atomic_store(&variable, &value, __ATOMIC_RELAXED);
}

}  // namespace pyxx
