// Python semantics on C values, with no undefined behaviour for any input.
//
// Integers: + - * negation and abs wrap modulo 2**bits, signed types included
// (computed in unsigned arithmetic of at least `unsigned int` width, so that
// promotion of short operands cannot overflow a signed int). `//` and `%` floor
// (the result of % has the sign of the divisor) and raise ZeroDivisionError;
// MIN // -1 wraps to MIN. Errors are raised with raise_c: no GIL needed.
// Floating operands are accepted where the operation makes sense for them, so
// the emitter can call the same helper for every C type.
#pragma once

#include "errors.hpp"

#include <climits>
#include <initializer_list>
#include <cmath>
#include <limits>
#include <type_traits>

namespace pyxx {
namespace detail {

template <class T>
constexpr bool kIsCInteger = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// The unsigned type T's arithmetic is done in: no narrower than unsigned int.
template <class T>
using WrapType = decltype(0u + std::make_unsigned_t<T>());

template <class T>
constexpr T FromWrap(WrapType<T> value) noexcept {
  return static_cast<T>(value);  // modular since C++20, and on every C++17 compiler we target
}

template <class T>
constexpr int kBits = static_cast<int>(sizeof(T) * CHAR_BIT);

}  // namespace detail

template <class T>
inline T wrap_add(T a, T b) noexcept {
  if constexpr (detail::kIsCInteger<T>) {
    using W = detail::WrapType<T>;
    return detail::FromWrap<T>(static_cast<W>(static_cast<W>(a) + static_cast<W>(b)));
  } else {
    return a + b;
  }
}

template <class T>
inline T wrap_sub(T a, T b) noexcept {
  if constexpr (detail::kIsCInteger<T>) {
    using W = detail::WrapType<T>;
    return detail::FromWrap<T>(static_cast<W>(static_cast<W>(a) - static_cast<W>(b)));
  } else {
    return a - b;
  }
}

template <class T>
inline T wrap_mul(T a, T b) noexcept {
  if constexpr (detail::kIsCInteger<T>) {
    using W = detail::WrapType<T>;
    return detail::FromWrap<T>(static_cast<W>(static_cast<W>(a) * static_cast<W>(b)));
  } else {
    return a * b;
  }
}

template <class T>
inline T wrap_neg(T a) noexcept {
  if constexpr (detail::kIsCInteger<T>) {
    using W = detail::WrapType<T>;
    return detail::FromWrap<T>(static_cast<W>(W{0} - static_cast<W>(a)));
  } else {
    return -a;
  }
}

// abs(MIN) wraps to MIN.
template <class T>
inline T wrap_abs(T a) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return std::fabs(a);
  } else if constexpr (std::is_signed_v<T>) {
    return a < 0 ? wrap_neg(a) : a;
  } else {
    return a;
  }
}

// min()/max() of C values, all arguments already evaluated (a braced list is
// evaluated in order): the first minimal (maximal) one, as Python picks it, with
// NaN handled as Python's comparisons do.
template <class T>
inline T min_of(std::initializer_list<T> values) noexcept {
  const T* it = values.begin();
  T m = *it;
  for (++it; it != values.end(); ++it) {
    if (*it < m) m = *it;
  }
  return m;
}

template <class T>
inline T max_of(std::initializer_list<T> values) noexcept {
  const T* it = values.begin();
  T m = *it;
  for (++it; it != values.end(); ++it) {
    if (*it > m) m = *it;
  }
  return m;
}

// Python's a // b.
template <class T>
inline T floordiv(T a, T b, Site s) {
  if constexpr (detail::kIsCInteger<T>) {
    if (b == 0) raise_c(PyExc_ZeroDivisionError, "integer division or modulo by zero", s);
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return wrap_neg(a);  // MIN // -1 would trap
      const T q = static_cast<T>(a / b);
      const T r = static_cast<T>(a % b);
      return (r != 0 && ((r < 0) != (b < 0))) ? static_cast<T>(q - 1) : q;
    } else {
      return static_cast<T>(a / b);
    }
  } else {
    static_assert(std::is_floating_point_v<T>, "floordiv needs C numbers");
    if (b == 0) raise_c(PyExc_ZeroDivisionError, "float floor division by zero", s);
    // As CPython's float //: from the exact remainder, rounded to the nearest
    // whole number, so that a == b * (a // b) + a % b holds as well as it can.
    T rem = std::fmod(a, b);
    T div = (a - rem) / b;
    if (rem != 0 && ((b < 0) != (rem < 0))) div -= 1;
    if (div == 0) return std::copysign(T(0), a / b);
    T floored = std::floor(div);
    if (div - floored > T(0.5)) floored += 1;
    return floored;
  }
}

// Python's a % b: the result has the sign of b.
template <class T>
inline T mod(T a, T b, Site s) {
  if constexpr (detail::kIsCInteger<T>) {
    if (b == 0) raise_c(PyExc_ZeroDivisionError, "integer division or modulo by zero", s);
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return 0;  // MIN % -1 would trap
      const T r = static_cast<T>(a % b);
      return (r != 0 && ((r < 0) != (b < 0))) ? static_cast<T>(r + b) : r;
    } else {
      return static_cast<T>(a % b);
    }
  } else {
    static_assert(std::is_floating_point_v<T>, "mod needs C numbers");
    if (b == 0) raise_c(PyExc_ZeroDivisionError, "float modulo", s);
    T rem = std::fmod(a, b);
    if (rem == 0) return std::copysign(T(0), b);
    if ((b < 0) != (rem < 0)) rem += b;
    return rem;
  }
}

// Python's a / b: true division. Integers are divided as doubles (as Cython
// does; for magnitudes beyond 2**53 this can differ from Python's correctly
// rounded int / int in the last bit).
template <class T>
inline double truediv(T a, T b, Site s) {
  if constexpr (detail::kIsCInteger<T> || std::is_same_v<T, bool>) {
    if (b == 0) raise_c(PyExc_ZeroDivisionError, "division by zero", s);
  } else {
    if (b == 0) raise_c(PyExc_ZeroDivisionError, "float division by zero", s);
  }
  return static_cast<double>(a) / static_cast<double>(b);
}

inline long double truediv(long double a, long double b, Site s) {
  if (b == 0) raise_c(PyExc_ZeroDivisionError, "float division by zero", s);
  return a / b;
}

// base ** exp on C integers, by squaring, wrapping on overflow. A negative
// exponent has no C integer result: ValueError "negative exponent in C integer
// power" (Python would return a float; Cython returns a double or 0 depending
// on its `cpow` directive; pyxx refuses rather than guess).
template <class T>
inline T ipow(T base, T exp, Site s) {
  static_assert(detail::kIsCInteger<T>, "ipow is the integer power");
  if constexpr (std::is_signed_v<T>) {
    if (exp < 0) raise_c(PyExc_ValueError, "negative exponent in C integer power", s);
  }
  T result = 1;
  while (exp != 0) {
    if ((exp & 1) != 0) result = wrap_mul(result, base);
    exp = static_cast<T>(exp >> 1);
    if (exp != 0) base = wrap_mul(base, base);
  }
  return result;
}

// a << n, wrapping; shifting out every bit gives 0.
template <class T>
inline T shl(T a, T n, Site s) {
  static_assert(detail::kIsCInteger<T>, "shifts are on C integers");
  if constexpr (std::is_signed_v<T>) {
    if (n < 0) raise_c(PyExc_ValueError, "negative shift count", s);
  }
  if (n >= static_cast<T>(detail::kBits<T>)) return 0;
  using W = detail::WrapType<T>;
  return detail::FromWrap<T>(static_cast<W>(static_cast<W>(a) << n));
}

// a >> n, arithmetic for signed types (Python's floor semantics): shifting out
// every bit gives 0, or -1 for a negative a.
template <class T>
inline T shr(T a, T n, Site s) {
  static_assert(detail::kIsCInteger<T>, "shifts are on C integers");
  if constexpr (std::is_signed_v<T>) {
    if (n < 0) raise_c(PyExc_ValueError, "negative shift count", s);
    if (n >= static_cast<T>(detail::kBits<T>)) return a < 0 ? T(-1) : T(0);
    // ~a is non-negative when a is negative: its shift is well defined everywhere.
    return a < 0 ? static_cast<T>(~(~a >> n)) : static_cast<T>(a >> n);
  } else {
    if (n >= static_cast<T>(detail::kBits<T>)) return 0;
    return static_cast<T>(a >> n);
  }
}

// @cython.cdivision(True): C's truncating a / b. No zero check (as in C), but
// MIN / -1 wraps instead of trapping.
template <class T>
inline T cdiv(T a, T b) noexcept {
  if constexpr (detail::kIsCInteger<T> && std::is_signed_v<T>) {
    if (b == -1) return wrap_neg(a);
  }
  return static_cast<T>(a / b);
}

// @cython.cdivision(True): C's a % b (sign of a; fmod for floating types).
// No zero check, but MIN % -1 gives 0 instead of trapping.
template <class T>
inline T cmod(T a, T b) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return std::fmod(a, b);
  } else {
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return 0;
    }
    return static_cast<T>(a % b);
  }
}

}  // namespace pyxx
