// from_python / to_python: every C scalar type, at and beyond its limits, with
// the exception types and messages of the boundary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "python_helpers.h"

using pyxx_test::Eval;
using pyxx_test::Exec;
using pyxx_test::TakeException;

namespace {

template <class T>
const char* CName();
template <> const char* CName<char>() { return "char"; }
template <> const char* CName<signed char>() { return "signed char"; }
template <> const char* CName<unsigned char>() { return "unsigned char"; }
template <> const char* CName<short>() { return "short"; }
template <> const char* CName<unsigned short>() { return "unsigned short"; }
template <> const char* CName<int>() { return "int"; }
template <> const char* CName<unsigned int>() { return "unsigned int"; }
template <> const char* CName<long>() { return "long"; }
template <> const char* CName<unsigned long>() { return "unsigned long"; }
template <> const char* CName<long long>() { return "long long"; }
template <> const char* CName<unsigned long long>() { return "unsigned long long"; }

// Decimal text of any integer value, via the widest types.
template <class T>
std::string Decimal(T value) {
  if constexpr (std::is_signed_v<T>) return std::to_string(static_cast<long long>(value));
  else return std::to_string(static_cast<unsigned long long>(value));
}

// Converts the value of a Python expression; on failure returns the exception.
template <class T>
bool Convert(const std::string& expression, T& out, pyxx_test::PythonException& error) {
  pyxx::Ref obj = Eval(expression);
  REQUIRE(obj);
  const bool ok = pyxx::from_python(obj.get(), out);
  CHECK(ok == (PyErr_Occurred() == nullptr));
  if (!ok) error = TakeException();
  return ok;
}

template <class T>
void CheckConverts(const std::string& expression, T expected) {
  T out{};
  pyxx_test::PythonException error;
  INFO("converting " << expression << " to C " << CName<T>());
  REQUIRE(Convert(expression, out, error));
  CHECK(Decimal(out) == Decimal(expected));
}

template <class T>
void CheckRejects(const std::string& expression, const std::string& type, const std::string& message) {
  T out{};
  pyxx_test::PythonException error;
  INFO("converting " << expression << " to C " << CName<T>());
  REQUIRE_FALSE(Convert(expression, out, error));
  CHECK(error.type == type);
  CHECK(error.message == message);
}

}  // namespace

TEMPLATE_TEST_CASE("integer conversions follow CPython's rules at the limits", "[convert]", char, signed char,
                   unsigned char, short, unsigned short, int, unsigned int, long, unsigned long, long long,
                   unsigned long long) {
  using T = TestType;
  const std::string name = CName<T>();
  const std::string max = Decimal(std::numeric_limits<T>::max());
  const std::string min = Decimal(std::numeric_limits<T>::min());

  CheckConverts<T>(max, std::numeric_limits<T>::max());
  CheckConverts<T>(min, std::numeric_limits<T>::min());
  CheckConverts<T>("0", 0);
  CheckConverts<T>("True", 1);   // bool is an int subclass, as in CPython
  CheckConverts<T>("False", 0);
  CheckConverts<T>("100", 100);

  CheckRejects<T>(max + " + 1", "OverflowError", "Python int too large to convert to C " + name);
  CheckRejects<T>("2**200", "OverflowError", "Python int too large to convert to C " + name);
  if constexpr (std::is_signed_v<T>) {
    CheckConverts<T>("-1", -1);
    CheckRejects<T>(min + " - 1", "OverflowError", "Python int too small to convert to C " + name);
    CheckRejects<T>("-2**200", "OverflowError", "Python int too small to convert to C " + name);
  } else {
    CheckRejects<T>("-1", "OverflowError", "can't convert negative int to C " + name);
    CheckRejects<T>("-2**200", "OverflowError", "can't convert negative int to C " + name);
  }

  // A float is never silently truncated (Cython would); nor is a str parsed.
  CheckRejects<T>("1.5", "TypeError", "'float' object cannot be interpreted as an integer");
  CheckRejects<T>("2.0", "TypeError", "'float' object cannot be interpreted as an integer");
  CheckRejects<T>("'7'", "TypeError", "'str' object cannot be interpreted as an integer");
  CheckRejects<T>("None", "TypeError", "'NoneType' object cannot be interpreted as an integer");

  // Objects with __index__ are integers; their result is range-checked too.
  Exec("class Idx:\n    def __init__(self, v): self.v = v\n    def __index__(self): return self.v\n"
       "class BadIdx:\n    def __index__(self): raise KeyError('no index')\n");
  CheckConverts<T>("Idx(42)", 42);
  CheckRejects<T>("Idx(" + max + " + 1)", "OverflowError", "Python int too large to convert to C " + name);
  CheckRejects<T>("BadIdx()", "KeyError", "'no index'");
}

// The inline way for exact ints of one digit (|v| < 2**30) must agree with the
// general one on each side of that limit and of every narrow type's range.
TEMPLATE_TEST_CASE("small exact ints convert inline with the general rules", "[convert]", char, signed char,
                   unsigned char, short, unsigned short, int, unsigned int, long, unsigned long, long long,
                   unsigned long long) {
  using T = TestType;
  const std::string name = CName<T>();
  constexpr long long kMax = static_cast<long long>(std::min<unsigned long long>(
      std::numeric_limits<T>::max(), static_cast<unsigned long long>(std::numeric_limits<long long>::max())));
  constexpr long long kMin = static_cast<long long>(std::numeric_limits<T>::min());
  for (long long v : {0LL, 1LL, -1LL, 127LL, 128LL, -128LL, -129LL, 255LL, 256LL, 32767LL, 32768LL, -32769LL,
                      65535LL, 65536LL, (1LL << 30) - 1, 1LL << 30, -((1LL << 30) - 1), -(1LL << 30)}) {
    const std::string text = "(" + std::to_string(v) + ")";
    if (v >= kMin && v <= kMax) {
      CheckConverts<T>(text, static_cast<T>(v));
    } else if (v < 0 && !std::is_signed_v<T>) {
      CheckRejects<T>(text, "OverflowError", "can't convert negative int to C " + name);
    } else {
      CheckRejects<T>(text, "OverflowError",
                      std::string(v < 0 ? "Python int too small" : "Python int too large") + " to convert to C " + name);
    }
  }
  // An int subclass and a bool take the general way, with the same result.
  Exec("class MyInt(int): pass\n");
  CheckConverts<T>("MyInt(7)", 7);
  CheckConverts<T>("True", 1);
}

TEMPLATE_TEST_CASE("integers go back to Python ints exactly", "[convert]", char, signed char, unsigned char, short,
                   unsigned short, int, unsigned int, long, unsigned long, long long, unsigned long long) {
  using T = TestType;
  for (T value : {std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), T(0), T(1), T(100)}) {
    pyxx::Ref obj = pyxx::Ref::steal(pyxx::to_python(value));
    REQUIRE(obj);
    CHECK(PyLong_CheckExact(obj.get()));  // C char types are small ints, as in Cython
    CHECK(pyxx_test::Str(obj.get()) == Decimal(value));
  }
}

TEST_CASE("double conversion takes floats, ints and __float__ objects", "[convert]") {
  double d = 0;
  pyxx_test::PythonException error;
  REQUIRE(Convert("1.5", d, error));
  CHECK(d == 1.5);
  REQUIRE(Convert("-3", d, error));
  CHECK(d == -3.0);
  REQUIRE(Convert("True", d, error));
  CHECK(d == 1.0);
  REQUIRE(Convert("float('inf')", d, error));
  CHECK(std::isinf(d));
  REQUIRE(Convert("float('nan')", d, error));
  CHECK(std::isnan(d));
  Exec("class F:\n    def __float__(self): return 2.25\n");
  REQUIRE(Convert("F()", d, error));
  CHECK(d == 2.25);

  REQUIRE_FALSE(Convert("2**1024", d, error));
  CHECK(error.type == "OverflowError");
  CHECK(error.message == "int too large to convert to float");
  REQUIRE_FALSE(Convert("'1.5'", d, error));
  CHECK(error.type == "TypeError");
  CHECK(error.message == "must be real number, not str");
}

TEST_CASE("float conversion rounds, and saturates to inf beyond the float range", "[convert]") {
  float f = 0;
  pyxx_test::PythonException error;
  REQUIRE(Convert("0.1", f, error));
  CHECK(f == 0.1f);
  REQUIRE(Convert("3.4028234663852886e38", f, error));  // FLT_MAX
  CHECK(f == std::numeric_limits<float>::max());
  REQUIRE(Convert("1e300", f, error));
  CHECK(f == std::numeric_limits<float>::infinity());
  REQUIRE(Convert("-1e300", f, error));
  CHECK(f == -std::numeric_limits<float>::infinity());
  REQUIRE(Convert("1e-300", f, error));
  CHECK(f == 0.0f);
  REQUIRE_FALSE(Convert("None", f, error));
  CHECK(error.type == "TypeError");
}

TEST_CASE("long double conversion round-trips doubles", "[convert]") {
  long double x = 0;
  pyxx_test::PythonException error;
  REQUIRE(Convert("0.1", x, error));
  CHECK(x == static_cast<long double>(0.1));
  pyxx::Ref back = pyxx::Ref::steal(pyxx::to_python(x));
  CHECK(PyFloat_AsDouble(back.get()) == 0.1);
  // Beyond the double range: inf, not undefined behaviour.
  pyxx::Ref huge = pyxx::Ref::steal(pyxx::to_python(std::numeric_limits<long double>::max()));
  CHECK(std::isinf(PyFloat_AsDouble(huge.get())));
}

TEST_CASE("bint takes the truth value of any object, as Cython", "[convert]") {
  bool b = false;
  pyxx_test::PythonException error;
  for (const char* truthy : {"True", "1", "-5", "[0]", "'x'", "object()"}) {
    INFO(truthy);
    REQUIRE(Convert(truthy, b, error));
    CHECK(b);
  }
  for (const char* falsy : {"False", "0", "0.0", "[]", "''", "None"}) {
    INFO(falsy);
    REQUIRE(Convert(falsy, b, error));
    CHECK_FALSE(b);
  }
  Exec("class NoTruth:\n    def __bool__(self): raise ValueError('no truth')\n");
  REQUIRE_FALSE(Convert("NoTruth()", b, error));
  CHECK(error.type == "ValueError");
  CHECK(error.message == "no truth");
}

TEST_CASE("to_python makes Python bools and floats", "[convert]") {
  pyxx::Ref t = pyxx::Ref::steal(pyxx::to_python(true));
  pyxx::Ref f = pyxx::Ref::steal(pyxx::to_python(false));
  CHECK(t.get() == Py_True);
  CHECK(f.get() == Py_False);
  pyxx::Ref d = pyxx::Ref::steal(pyxx::to_python(2.5));
  REQUIRE(PyFloat_CheckExact(d.get()));
  CHECK(PyFloat_AS_DOUBLE(d.get()) == 2.5);
  pyxx::Ref fl = pyxx::Ref::steal(pyxx::to_python(0.1f));
  CHECK(PyFloat_AS_DOUBLE(fl.get()) == static_cast<double>(0.1f));
}
