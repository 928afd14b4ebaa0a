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

// CPython's message for an int % 0 (3.11 gave `%` a message of its own); an
// abi3 module asks the version it runs on.
#if defined(Py_LIMITED_API)
#define PYXX_INT_MODULO_BY_ZERO                                                    \
  (::pyxx::detail::LimitedRunningMinor() >= 11 ? "integer modulo by zero" \
                                               : "integer division or modulo by zero")
#elif PY_VERSION_HEX >= 0x030B0000
inline constexpr const char* kIntModuloByZero = "integer modulo by zero";
#define PYXX_INT_MODULO_BY_ZERO kIntModuloByZero
#else
inline constexpr const char* kIntModuloByZero = "integer division or modulo by zero";
#define PYXX_INT_MODULO_BY_ZERO kIntModuloByZero
#endif

// CPython's message for a float % 0 ("by zero" added in 3.13).
#if defined(Py_LIMITED_API)
#define PYXX_FLOAT_MODULO_BY_ZERO \
  (::pyxx::detail::LimitedRunningMinor() >= 13 ? "float modulo by zero" : "float modulo")
#elif PY_VERSION_HEX >= 0x030D0000
#define PYXX_FLOAT_MODULO_BY_ZERO "float modulo by zero"
#else
#define PYXX_FLOAT_MODULO_BY_ZERO "float modulo"
#endif

// Python's a % b: the result has the sign of b.
template <class T>
inline T mod(T a, T b, Site s) {
  if constexpr (detail::kIsCInteger<T>) {
    if (b == 0) raise_c(PyExc_ZeroDivisionError, PYXX_INT_MODULO_BY_ZERO, s);
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return 0;  // MIN % -1 would trap
      const T r = static_cast<T>(a % b);
      return (r != 0 && ((r < 0) != (b < 0))) ? static_cast<T>(r + b) : r;
    } else {
      return static_cast<T>(a % b);
    }
  } else {
    static_assert(std::is_floating_point_v<T>, "mod needs C numbers");
    if (b == 0) raise_c(PyExc_ZeroDivisionError, PYXX_FLOAT_MODULO_BY_ZERO, s);
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

namespace detail {

// A shift count checked in its own type, before any conversion (a count of
// 2**32 must not become 0 in an int, nor -1 a huge unsigned count).
template <class N>
inline unsigned long long ShiftCount(N n, Site s) {
  static_assert(std::is_integral_v<N>, "shift counts are C integers");
  if constexpr (std::is_signed_v<N>) {
    if (n < 0) raise_c(PyExc_ValueError, "negative shift count", s);
  }
  return static_cast<unsigned long long>(n);
}

}  // namespace detail

// a << n, wrapping; shifting out every bit gives 0. n keeps its own type.
template <class T, class N>
inline T shl(T a, N n, Site s) {
  static_assert(detail::kIsCInteger<T>, "shifts are on C integers");
  const unsigned long long count = detail::ShiftCount(n, s);
  if (count >= static_cast<unsigned long long>(detail::kBits<T>)) return 0;
  using W = detail::WrapType<T>;
  return detail::FromWrap<T>(static_cast<W>(static_cast<W>(a) << count));
}

// a >> n, arithmetic for signed types (Python's floor semantics): shifting out
// every bit gives 0, or -1 for a negative a. n keeps its own type.
template <class T, class N>
inline T shr(T a, N n, Site s) {
  static_assert(detail::kIsCInteger<T>, "shifts are on C integers");
  const unsigned long long count = detail::ShiftCount(n, s);
  if constexpr (std::is_signed_v<T>) {
    if (count >= static_cast<unsigned long long>(detail::kBits<T>)) return a < 0 ? T(-1) : T(0);
    // ~a is non-negative when a is negative: its shift is well defined everywhere.
    return a < 0 ? static_cast<T>(~(~a >> count)) : static_cast<T>(a >> count);
  } else {
    if (count >= static_cast<unsigned long long>(detail::kBits<T>)) return 0;
    return static_cast<T>(a >> count);
  }
}

// `for i in range(start, stop, step)` where a bound does not fit the loop
// variable's C type T (wider, other signedness, or a Python int): Python's
// iteration count from the exact bounds, and each value checked against T, so
// the loop runs Python's iterations until a value T cannot hold, where it
// raises OverflowError (never a different number of iterations).
#if defined(__SIZEOF_INT128__)
__extension__ typedef __int128 RangeInt;  // holds any 64-bit bound and their differences
#else
typedef long long RangeInt;  // bounds beyond long long raise OverflowError
#endif

template <class T>
class CheckedRange {
 public:
  template <class A, class B, class C>
  CheckedRange(A start, B stop, C step, Site site)
      : start_(Bound(start, site)), step_(Bound(step, site)), site_(site) {
    const RangeInt end = Bound(stop, site);
    if (step_ == 0) raise_c(PyExc_ValueError, "range() arg 3 must not be zero", site);
#if defined(__SIZEOF_INT128__)
    RangeInt n = 0;
    if (step_ > 0 && start_ < end) n = (end - start_ - 1) / step_ + 1;
    if (step_ < 0 && start_ > end) n = (start_ - end - 1) / -step_ + 1;
    if (n > static_cast<RangeInt>(std::numeric_limits<unsigned long long>::max())) {
      raise_c(PyExc_OverflowError, "range() has too many iterations for a C loop", site);
    }
    count_ = static_cast<unsigned long long>(n);
#else
    // Differences of two long longs fit unsigned long long (computed modulo 2**64).
    using U = unsigned long long;
    if (step_ > 0 && start_ < end) count_ = (static_cast<U>(end) - static_cast<U>(start_) - 1) / static_cast<U>(step_) + 1;
    if (step_ < 0 && start_ > end) {
      count_ = (static_cast<U>(start_) - static_cast<U>(end) - 1) / (U{0} - static_cast<U>(step_)) + 1;
    }
#endif
  }

  unsigned long long count() const noexcept { return count_; }

  // The k-th value (k < count()); OverflowError when T cannot hold it.
  T at(unsigned long long k) const {
#if defined(__SIZEOF_INT128__)
    const RangeInt v = start_ + static_cast<RangeInt>(k) * step_;
#else
    // Between start and stop, so a long long: computed modulo 2**64.
    const RangeInt v = static_cast<RangeInt>(static_cast<unsigned long long>(start_) + k * static_cast<unsigned long long>(step_));
#endif
    if (v < static_cast<RangeInt>(std::numeric_limits<T>::min()) ||
        v > static_cast<RangeInt>(std::numeric_limits<T>::max())) {
      raise_c(PyExc_OverflowError, "range() value out of range for the loop variable's C type", site_);
    }
    return static_cast<T>(v);
  }

 private:
  template <class V>
  static RangeInt Bound(V v, Site site) {
    static_assert(std::is_integral_v<V>, "range bounds are C integers");
    if constexpr (sizeof(RangeInt) <= sizeof(long long) && std::is_unsigned_v<V> && sizeof(V) >= sizeof(long long)) {
      if (v > static_cast<V>(std::numeric_limits<long long>::max())) {
        raise_c(PyExc_OverflowError, "range() bound too large for a C loop", site);
      }
    }
    (void)site;
    return static_cast<RangeInt>(v);
  }

  RangeInt start_;
  RangeInt step_;
  unsigned long long count_ = 0;
  Site site_;
};

// A conversion between C number types with a defined result for every input
// (C++ leaves a floating value outside the target's range undefined):
//  - floating -> integer: truncation toward zero, then reduced modulo 2**bits
//    like every other integer conversion (so 1e30 gives what int(1e30) reduced
//    to the C type gives); NaN and +-inf give 0;
//  - double -> float (and long double -> double): a finite value beyond the
//    target's range rounds to +-inf, as IEEE conversion does;
//  - everything else: static_cast (integers wrap, as documented).
template <class To, class From>
inline To c_cast(From v) noexcept {
  if constexpr (std::is_floating_point_v<From> && detail::kIsCInteger<To>) {
    using U = std::make_unsigned_t<To>;
    if (!std::isfinite(v)) return 0;
    const From t = std::trunc(v);
    const From span = From(2) * From(std::numeric_limits<U>::max() / 2 + 1);  // 2**bits, exact
    const From low = std::is_signed_v<To> ? -span / 2 : From(0);
    if (t >= low && t < low + span) return static_cast<To>(t);
    const From r = std::fmod(t, span);  // exact, |r| < span
    // r + span would round (-7 + 2**64 is no double): negate in the unsigned type instead.
    if (r < 0) return static_cast<To>(static_cast<U>(U{0} - static_cast<U>(-r)));
    return static_cast<To>(static_cast<U>(r));
  } else if constexpr (std::is_same_v<To, float> && std::is_floating_point_v<From> && sizeof(From) > sizeof(float)) {
    // Halfway between FLT_MAX and 2**128: from here on, round-to-nearest gives inf.
    constexpr From kFloatOverflow = static_cast<From>(0x1.ffffffp+127);
    if (v >= kFloatOverflow) return std::numeric_limits<float>::infinity();
    if (v <= -kFloatOverflow) return -std::numeric_limits<float>::infinity();
    return static_cast<float>(v);
  } else if constexpr (std::is_same_v<To, double> && std::is_same_v<From, long double> &&
                       sizeof(long double) > sizeof(double)) {
    constexpr long double kDoubleOverflow = 0x1.fffffffffffff8p+1023L;  // halfway from DBL_MAX to 2**1024
    if (v >= kDoubleOverflow) return HUGE_VAL;
    if (v <= -kDoubleOverflow) return -HUGE_VAL;
    return static_cast<double>(v);
  } else {
    return static_cast<To>(v);
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

namespace detail {
// |x| as an unsigned number: exact for the most negative value too.
template <class T>
inline unsigned long long Magnitude(T x) noexcept {
  if constexpr (std::is_signed_v<T>) {
    const auto u = static_cast<unsigned long long>(static_cast<long long>(x));
    return x < 0 ? 0ULL - u : u;
  } else {
    return static_cast<unsigned long long>(x);
  }
}
}  // namespace detail

// x.bit_count() and x.bit_length() of a C integer: Python's, on the value's magnitude.
template <class T>
inline int bit_count(T x) noexcept {
  return __builtin_popcountll(detail::Magnitude(x));
}

template <class T>
inline int bit_length(T x) noexcept {
  const unsigned long long m = detail::Magnitude(x);
  return m == 0 ? 0 : static_cast<int>(sizeof(unsigned long long) * CHAR_BIT) - __builtin_clzll(m);
}

}  // namespace pyxx
