// Conversions between Python objects and C values at the Python boundary, with
// CPython's own rules:
//  - integer targets take int (and bool) and objects with __index__; anything
//    else, a float included, is a TypeError ("'float' object cannot be
//    interpreted as an integer"); out of range is an OverflowError, negative
//    values for unsigned targets too;
//  - floating targets take float, int and objects with __float__/__index__
//    (PyFloat_AsDouble); a double too large for a C float becomes +-inf, as the
//    C cast does on IEEE machines (written out, since the cast itself is UB);
//  - bool (bint) takes the truth value of any object, as Cython does: `bool(x)`,
//    which may call __bool__/__len__ and fail;
//  - C char types are small integers, not one-character strings (as in Cython);
//  - Py_UCS4 (pyxx::ucs4) is a code point: a one-character str gives its code,
//    an int in range(0x110000) itself, and it becomes a one-character str.
// from_python returns false with a Python exception set; to_python returns a new
// reference, or nullptr with an exception set. Both need the GIL.
#pragma once

#include "python.hpp"

#include <limits>
#include <type_traits>

namespace pyxx {

// cython.Py_UCS4: a scoped enum, so no integer overload (to_python(unsigned),
// C arithmetic) can take a code point by mistake; == and < compare codes.
enum class ucs4 : Py_UCS4 {};

namespace detail {

inline bool RaiseIntOverflow(const char* what, const char* cname) noexcept {
  PyErr_Format(PyExc_OverflowError, what, cname);
  return false;
}

// The value of an exact int of at most one digit (|v| < 2**30), read in place
// as Cython does; false for any other object, which then takes the general way.
inline bool SmallExactInt(PyObject* obj, long& value) noexcept {
  if (!PyLong_CheckExact(obj)) return false;
#if defined(Py_LIMITED_API)
  // The digits are hidden: the general conversion (an exported call) for every int.
  (void)value;
  return false;
#elif PY_VERSION_HEX >= 0x030C0000
  if (!PyUnstable_Long_IsCompact(reinterpret_cast<PyLongObject*>(obj))) return false;
  value = static_cast<long>(PyUnstable_Long_CompactValue(reinterpret_cast<PyLongObject*>(obj)));
  return true;
#else
  switch (Py_SIZE(obj)) {
    case 0: value = 0; return true;
    case 1: value = static_cast<long>(reinterpret_cast<PyLongObject*>(obj)->ob_digit[0]); return true;
    case -1: value = -static_cast<long>(reinterpret_cast<PyLongObject*>(obj)->ob_digit[0]); return true;
    default: return false;
  }
#endif
}

// Converts any Python integer-like object to the C integer type T (out of line:
// IntFromPython tries a small int in range inline first).
template <class T>
[[gnu::noinline]] bool IntFromPythonGeneral(PyObject* obj, T& out, const char* cname) noexcept {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  PyObject* owned = nullptr;  // the int that __index__ returned
  PyObject* num = obj;
  if (!PyLong_Check(obj)) {
    owned = PyNumber_Index(obj);
    if (owned == nullptr) return false;
    num = owned;
  }
  constexpr char kTooLarge[] = "Python int too large to convert to C %s";
  constexpr char kTooSmall[] = "Python int too small to convert to C %s";
  constexpr char kNegative[] = "can't convert negative int to C %s";
  bool ok = false;
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(num, &overflow);
  if (v == -1 && overflow == 0 && PyErr_Occurred()) {
    // already set
  } else if constexpr (std::is_signed_v<T>) {
    if (overflow > 0 || v > static_cast<long long>(std::numeric_limits<T>::max())) {
      RaiseIntOverflow(kTooLarge, cname);
    } else if (overflow < 0 || v < static_cast<long long>(std::numeric_limits<T>::min())) {
      RaiseIntOverflow(kTooSmall, cname);
    } else {
      out = static_cast<T>(v);
      ok = true;
    }
  } else {
    constexpr unsigned long long kMax = std::numeric_limits<T>::max();
    if (overflow < 0 || (overflow == 0 && v < 0)) {
      RaiseIntOverflow(kNegative, cname);
    } else if (overflow == 0) {  // 0 <= v <= LLONG_MAX
      if (static_cast<unsigned long long>(v) > kMax) {
        RaiseIntOverflow(kTooLarge, cname);
      } else {
        out = static_cast<T>(v);
        ok = true;
      }
    } else {  // above LLONG_MAX: only unsigned long long may still hold it
      const unsigned long long u = PyLong_AsUnsignedLongLong(num);
      if (u == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
          PyErr_Clear();
          RaiseIntOverflow(kTooLarge, cname);
        }
      } else if (u > kMax) {
        RaiseIntOverflow(kTooLarge, cname);
      } else {
        out = static_cast<T>(u);
        ok = true;
      }
    }
  }
  Py_XDECREF(owned);
  return ok;
}

template <class T>
inline bool IntFromPython(PyObject* obj, T& out, const char* cname) noexcept {
  long value = 0;
  if (SmallExactInt(obj, value)) {
    // |value| < 2**30 fits every C type of 32 bits or more (of its signedness).
    constexpr bool wide = sizeof(T) >= 4;
    bool fits = false;
    if constexpr (std::is_signed_v<T>) {
      fits = wide || (value >= static_cast<long>(std::numeric_limits<T>::min()) &&
                      value <= static_cast<long>(std::numeric_limits<T>::max()));
    } else {
      fits = value >= 0 && (wide || value <= static_cast<long>(std::numeric_limits<T>::max()));
    }
    if (fits) {
      out = static_cast<T>(value);
      return true;
    }
  }
  return IntFromPythonGeneral(obj, out, cname);  // every error, and all other values
}

inline bool DoubleFromPython(PyObject* obj, double& out) noexcept {
  if (PyFloat_CheckExact(obj)) {
    out = PyFloat_AS_DOUBLE(obj);
    return true;
  }
  const double d = PyFloat_AsDouble(obj);
  if (d == -1.0 && PyErr_Occurred()) return false;
  out = d;
  return true;
}

}  // namespace detail

inline bool from_python(PyObject* obj, char& out) noexcept { return detail::IntFromPython(obj, out, "char"); }
inline bool from_python(PyObject* obj, signed char& out) noexcept {
  return detail::IntFromPython(obj, out, "signed char");
}
inline bool from_python(PyObject* obj, unsigned char& out) noexcept {
  return detail::IntFromPython(obj, out, "unsigned char");
}
inline bool from_python(PyObject* obj, short& out) noexcept { return detail::IntFromPython(obj, out, "short"); }
inline bool from_python(PyObject* obj, unsigned short& out) noexcept {
  return detail::IntFromPython(obj, out, "unsigned short");
}
inline bool from_python(PyObject* obj, int& out) noexcept { return detail::IntFromPython(obj, out, "int"); }
inline bool from_python(PyObject* obj, unsigned int& out) noexcept {
  return detail::IntFromPython(obj, out, "unsigned int");
}
inline bool from_python(PyObject* obj, long& out) noexcept { return detail::IntFromPython(obj, out, "long"); }
inline bool from_python(PyObject* obj, unsigned long& out) noexcept {
  return detail::IntFromPython(obj, out, "unsigned long");
}
inline bool from_python(PyObject* obj, long long& out) noexcept {
  return detail::IntFromPython(obj, out, "long long");
}
inline bool from_python(PyObject* obj, unsigned long long& out) noexcept {
  return detail::IntFromPython(obj, out, "unsigned long long");
}

inline bool from_python(PyObject* obj, double& out) noexcept { return detail::DoubleFromPython(obj, out); }
inline bool from_python(PyObject* obj, long double& out) noexcept {
  double d;
  if (!detail::DoubleFromPython(obj, d)) return false;
  out = d;
  return true;
}
inline bool from_python(PyObject* obj, float& out) noexcept {
  double d;
  if (!detail::DoubleFromPython(obj, d)) return false;
  // Halfway between FLT_MAX and 2**128: from here on, round-to-nearest gives inf.
  constexpr double kFloatOverflow = 0x1.ffffffp+127;
  if (d >= kFloatOverflow) {
    out = std::numeric_limits<float>::infinity();
  } else if (d <= -kFloatOverflow) {
    out = -std::numeric_limits<float>::infinity();
  } else {
    out = static_cast<float>(d);
  }
  return true;
}

// bint: the truth value of the object, as Cython (not only True/False).
inline bool from_python(PyObject* obj, bool& out) noexcept {
  const int truth = PyObject_IsTrue(obj);
  if (truth < 0) return false;
  out = truth != 0;
  return true;
}

// Py_UCS4, as Cython 3 converts it: a str of length 1 gives its character, any
// other str is a ValueError; anything else converts as a C long, in range(0x110000).
inline bool from_python(PyObject* obj, ucs4& out) noexcept {
  if (PyUnicode_Check(obj)) {
    const Py_ssize_t length = PyUnicode_GetLength(obj);
    if (length < 0) return false;
    if (length != 1) {
      PyErr_Format(PyExc_ValueError,
                   "only single character unicode strings can be converted to Py_UCS4, got length %zd", length);
      return false;
    }
    out = static_cast<ucs4>(PyUnicode_ReadChar(obj, 0));
    return true;
  }
  long value = 0;
  if (!from_python(obj, value)) return false;
  if (value < 0) {
    PyErr_SetString(PyExc_OverflowError, "cannot convert negative value to Py_UCS4");
    return false;
  }
  if (value > 0x10FFFF) {
    PyErr_SetString(PyExc_OverflowError, "value too large to convert to Py_UCS4");
    return false;
  }
  out = static_cast<ucs4>(value);
  return true;
}

// A one-character str; a code beyond 0x10FFFF (a C integer stored in a
// Py_UCS4) is CPython's ValueError "chr() arg not in range(0x110000)".
inline PyObject* to_python(ucs4 value) noexcept {
  const Py_UCS4 code = static_cast<Py_UCS4>(value);
  return PyUnicode_FromOrdinal(code > 0x10FFFF ? 0x110000 : static_cast<int>(code));
}

// `c in "aeiou"` of a Py_UCS4: is the code one of the literal's n characters?
inline bool ucs4_in(ucs4 c, const char32_t* chars, size_t n) noexcept {
  for (size_t i = 0; i < n; ++i) {
    if (static_cast<char32_t>(c) == chars[i]) return true;
  }
  return false;
}

// A pointer would otherwise convert silently to bool: make it a compile error.
template <class T>
PyObject* to_python(T* pointer) = delete;

inline PyObject* to_python(bool value) noexcept {
  PyObject* result = value ? Py_True : Py_False;
  Py_INCREF(result);
  return result;
}
inline PyObject* to_python(char value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(signed char value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(unsigned char value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(short value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(unsigned short value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(int value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(unsigned int value) noexcept { return PyLong_FromUnsignedLong(value); }
inline PyObject* to_python(long value) noexcept { return PyLong_FromLong(value); }
inline PyObject* to_python(unsigned long value) noexcept { return PyLong_FromUnsignedLong(value); }
inline PyObject* to_python(long long value) noexcept { return PyLong_FromLongLong(value); }
inline PyObject* to_python(unsigned long long value) noexcept { return PyLong_FromUnsignedLongLong(value); }
inline PyObject* to_python(float value) noexcept { return PyFloat_FromDouble(value); }
inline PyObject* to_python(double value) noexcept { return PyFloat_FromDouble(value); }
// Python floats are doubles: precision beyond double is lost here (as in Cython),
// and values beyond the double range become +-inf (written out: the cast is UB).
inline PyObject* to_python(long double value) noexcept {
  if constexpr (std::numeric_limits<long double>::max_exponent > std::numeric_limits<double>::max_exponent) {
    constexpr long double kDoubleOverflow = 0x1.fffffffffffff8p+1023L;  // rounds to inf from here
    if (value >= kDoubleOverflow) return PyFloat_FromDouble(std::numeric_limits<double>::infinity());
    if (value <= -kDoubleOverflow) return PyFloat_FromDouble(-std::numeric_limits<double>::infinity());
  }
  return PyFloat_FromDouble(static_cast<double>(value));
}

}  // namespace pyxx
