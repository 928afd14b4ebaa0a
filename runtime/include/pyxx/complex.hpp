// C complex numbers (`complex` annotations, cython.doublecomplex, floatcomplex,
// longdoublecomplex) with Python's arithmetic: CPython's formulas for * and /
// (Smith's division), its algorithm for ** (repeated squaring for small integer
// exponents), ZeroDivisionError/OverflowError where CPython raises them. No
// Python object is involved, so all of it works without the GIL.
#pragma once

#include "python.hpp"

#include <cerrno>
#include <cmath>

#include "arithmetic.hpp"
#include "errors.hpp"

namespace pyxx {

template <class T>
struct Complex {
  T real{};
  T imag{};

  constexpr Complex() noexcept = default;
  constexpr Complex(T r, T i) noexcept : real(r), imag(i) {}
  // `if z:` is true unless both parts are zero, as Python's complex.__bool__.
  constexpr explicit operator bool() const noexcept { return real != 0 || imag != 0; }
};

// A C number as a complex of type To: a real number x is complex(x, 0.0), as
// CPython (before 3.14) widens a real operand of mixed arithmetic.
template <class To, class From>
inline Complex<To> to_complex(From v) noexcept {
  return Complex<To>(c_cast<To>(v), To(0));
}

template <class To, class From>
inline Complex<To> to_complex(Complex<From> v) noexcept {
  return Complex<To>(c_cast<To>(v.real), c_cast<To>(v.imag));
}

// complex(real, imag) of two real numbers: the parts as given (signed zeros kept).
template <class To, class R, class I>
inline Complex<To> make_complex(R real, I imag) noexcept {
  return Complex<To>(c_cast<To>(real), c_cast<To>(imag));
}

template <class T>
constexpr Complex<T> operator+(Complex<T> a, Complex<T> b) noexcept {
  return Complex<T>(a.real + b.real, a.imag + b.imag);
}
template <class T>
constexpr Complex<T> operator-(Complex<T> a, Complex<T> b) noexcept {
  return Complex<T>(a.real - b.real, a.imag - b.imag);
}
template <class T>
constexpr Complex<T> operator*(Complex<T> a, Complex<T> b) noexcept {
  return Complex<T>(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
}
template <class T>
constexpr Complex<T> operator-(Complex<T> a) noexcept {
  return Complex<T>(-a.real, -a.imag);
}
template <class T>
constexpr Complex<T> operator+(Complex<T> a) noexcept {
  return a;
}
template <class T>
constexpr bool operator==(Complex<T> a, Complex<T> b) noexcept {
  return a.real == b.real && a.imag == b.imag;
}
template <class T>
constexpr bool operator!=(Complex<T> a, Complex<T> b) noexcept {
  return !(a == b);
}

template <class T>
constexpr Complex<T> conjugate(Complex<T> a) noexcept {
  return Complex<T>(a.real, -a.imag);
}

namespace detail {

// CPython's _Py_c_quot: Smith's algorithm; a zero divisor sets `zero`.
template <class T>
inline Complex<T> ComplexQuot(Complex<T> a, Complex<T> b, bool& zero) noexcept {
  const T abs_breal = b.real < 0 ? -b.real : b.real;
  const T abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0) {
      zero = true;
      return Complex<T>(0, 0);
    }
    const T ratio = b.imag / b.real;
    const T denom = b.real + b.imag * ratio;
    return Complex<T>((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  if (abs_bimag >= abs_breal) {
    const T ratio = b.real / b.imag;
    const T denom = b.real * ratio + b.imag;
    return Complex<T>((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
  }
  // At least one part of b is a NaN.
  return Complex<T>(std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::quiet_NaN());
}

// CPython's _Py_c_pow; `domain` for zero to a negative or complex power.
template <class T>
inline Complex<T> ComplexPow(Complex<T> a, Complex<T> b, bool& domain) noexcept {
  if (b.real == 0 && b.imag == 0) {
    return Complex<T>(1, 0);
  }
  if (a.real == 0 && a.imag == 0) {
    if (b.imag != 0 || b.real < 0) {
      domain = true;
    }
    return Complex<T>(0, 0);
  }
  const T vabs = std::hypot(a.real, a.imag);
  T len = std::pow(vabs, b.real);
  const T at = std::atan2(a.imag, a.real);
  T phase = at * b.real;
  if (b.imag != 0) {
    len /= std::exp(at * b.imag);
    phase += b.imag * std::log(vabs);
  }
  return Complex<T>(len * std::cos(phase), len * std::sin(phase));
}

// CPython's c_powu: x**n for 0 < n, by repeated squaring.
template <class T>
inline Complex<T> ComplexPowU(Complex<T> x, long n) noexcept {
  Complex<T> r(1, 0);
  Complex<T> p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if ((n & mask) != 0) {
      r = r * p;
    }
    mask = static_cast<long>(static_cast<unsigned long>(mask) << 1);
    p = p * p;
  }
  return r;
}

}  // namespace detail

// Python's a / b; ZeroDivisionError "complex division by zero".
template <class T>
inline Complex<T> complex_div(Complex<T> a, Complex<T> b, Site s) {
  bool zero = false;
  Complex<T> r = detail::ComplexQuot(a, b, zero);
  if (zero) raise_c(PyExc_ZeroDivisionError, "complex division by zero", s);
  return r;
}

// a / b under cdivision(True): no test; a zero divisor gives C's inf/nan parts.
template <class T>
inline Complex<T> complex_div_unchecked(Complex<T> a, Complex<T> b) noexcept {
  bool zero = false;
  Complex<T> r = detail::ComplexQuot(a, b, zero);
  if (zero) return Complex<T>(a.real / b.real, a.imag / b.real);
  return r;
}

// Python's a ** b (CPython's complex_pow): small integer exponents by repeated
// multiplication, others through polar form; ZeroDivisionError for 0 to a
// negative or complex power, OverflowError when a part overflows.
template <class T>
inline Complex<T> complex_pow(Complex<T> a, Complex<T> b, Site s) {
  bool domain = false;
  Complex<T> p;
  const bool small_integer = b.imag == 0 && std::fabs(b.real) <= 100 && b.real == std::trunc(b.real);
  if (small_integer) {
    const long n = static_cast<long>(b.real);
    if (n > 0) {
      p = detail::ComplexPowU(a, n);
    } else {
      p = detail::ComplexQuot(Complex<T>(1, 0), detail::ComplexPowU(a, -n), domain);
    }
  } else {
    p = detail::ComplexPow(a, b, domain);
  }
  if (domain) raise_c(PyExc_ZeroDivisionError, "0.0 to a negative or complex power", s);
  if (std::isinf(p.real) || std::isinf(p.imag)) raise_c(PyExc_OverflowError, "complex exponentiation", s);
  return p;
}

// abs(z) (CPython's _Py_c_abs): OverflowError when finite parts overflow.
template <class T>
inline T complex_abs(Complex<T> z, Site s) {
  if (std::isinf(z.real)) return std::fabs(z.real);
  if (std::isinf(z.imag)) return std::fabs(z.imag);
  if (std::isnan(z.real) || std::isnan(z.imag)) return std::numeric_limits<T>::quiet_NaN();
  const T result = std::hypot(z.real, z.imag);
  if (std::isinf(result)) raise_c(PyExc_OverflowError, "absolute value too large", s);
  return result;
}

// Conversions at the Python boundary: anything complex() accepts as a number
// (complex, __complex__, float, __float__, int, __index__), as Cython converts.
#ifndef Py_LIMITED_API  // no Py_complex there: the checker refuses C complex types (PX306)
template <class T>
inline bool from_python(PyObject* obj, Complex<T>& out) noexcept {
  const Py_complex c = PyComplex_AsCComplex(obj);
  if (c.real == -1.0 && PyErr_Occurred()) return false;
  out = Complex<T>(c_cast<T>(c.real), c_cast<T>(c.imag));
  return true;
}
#endif

template <class T>
inline PyObject* to_python(Complex<T> value) noexcept {
  return PyComplex_FromDoubles(c_cast<double>(value.real), c_cast<double>(value.imag));
}

}  // namespace pyxx
