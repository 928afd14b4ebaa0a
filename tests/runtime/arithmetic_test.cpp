// Arithmetic helpers against the embedded interpreter: for every pair of
// interesting values (the limits, small numbers of both signs, zero), the
// runtime's result must equal Python's result reduced modulo 2**bits, and where
// Python raises, the runtime must raise the same exception type.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdio>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "python_helpers.h"

using pyxx_test::CatchCError;
using pyxx_test::Eval;

namespace {

constexpr pyxx::Site kSite{"arith", 7};

template <class T>
std::string Decimal(T value) {
  if constexpr (std::is_signed_v<T>) return std::to_string(static_cast<long long>(value));
  else return std::to_string(static_cast<unsigned long long>(value));
}

template <class T>
std::string PythonList(const std::vector<T>& values) {
  std::string text = "[";
  for (T v : values) text += Decimal(v) + ",";
  return text + "]";
}

// MIN, MAX, their neighbours and small values of both signs, within T's range.
template <class T>
std::vector<T> InterestingValues() {
  using L = std::numeric_limits<T>;
  std::vector<T> values{L::min(), static_cast<T>(L::min() + 1), L::max(), static_cast<T>(L::max() - 1)};
  for (long long v : {0LL, 1LL, 2LL, 3LL, 7LL, 100LL, -1LL, -2LL, -3LL, -7LL, -100LL}) {
    if (v >= static_cast<long long>(L::min()) && (v < 0 || static_cast<unsigned long long>(v) <= L::max())) {
      values.push_back(static_cast<T>(v));
    }
  }
  return values;
}

template <class T>
std::vector<T> ValuesInRange(std::initializer_list<long long> candidates) {
  using L = std::numeric_limits<T>;
  std::vector<T> values;
  for (long long v : candidates) {
    if (v >= static_cast<long long>(L::min()) && (v < 0 || static_cast<unsigned long long>(v) <= L::max())) {
      values.push_back(static_cast<T>(v));
    }
  }
  return values;
}

// Evaluates `expression` (in a and b) in Python for all pairs, wrapped to T,
// and compares with op(a, b). Where Python raises, op must raise a CError of
// the same type with `error_message`.
template <class T, class Op>
void CompareWithPython(const std::vector<T>& lhs, const std::vector<T>& rhs, const std::string& expression,
                       const std::string& error_message, Op op) {
  const std::string bits = std::to_string(sizeof(T) * CHAR_BIT);
  const std::string is_signed = std::is_signed_v<T> ? "True" : "False";
  pyxx::Ref results = Eval("[outcome(lambda: wrap(" + expression + ", " + bits + ", " + is_signed + ")) for a in " +
                           PythonList(lhs) + " for b in " + PythonList(rhs) + "]");
  REQUIRE(results);
  REQUIRE(PyList_GET_SIZE(results.get()) == static_cast<Py_ssize_t>(lhs.size() * rhs.size()));
  Py_ssize_t k = 0;
  for (T a : lhs) {
    for (T b : rhs) {
      PyObject* expected = PyList_GET_ITEM(results.get(), k++);
      INFO(expression << " with a = " << Decimal(a) << ", b = " << Decimal(b) << "; Python: "
                      << pyxx_test::Str(expected));
      T actual{};
      auto error = CatchCError([&] { actual = op(a, b); });
      if (PyTuple_Check(expected)) {
        REQUIRE(error.has_value());
        CHECK(pyxx_test::TypeName(error->type) == pyxx_test::Str(PyTuple_GET_ITEM(expected, 0)));
        CHECK(std::string(error->message) == error_message);
        CHECK(std::string(error->site.function) == "arith");
        CHECK(error->site.line == 7);
      } else {
        REQUIRE_FALSE(error.has_value());
        T want{};
        REQUIRE(pyxx::from_python(expected, want));
        CHECK(Decimal(actual) == Decimal(want));
      }
    }
  }
}

}  // namespace

TEMPLATE_TEST_CASE("integer arithmetic matches Python modulo 2**bits", "[arithmetic]", signed char, unsigned char,
                   short, unsigned short, int, unsigned int, long, unsigned long, long long, unsigned long long) {
  using T = TestType;
  const std::vector<T> values = InterestingValues<T>();
  const std::string zero = "integer division or modulo by zero";

  CompareWithPython(values, values, "a + b", "", [](T a, T b) { return pyxx::wrap_add(a, b); });
  CompareWithPython(values, values, "a - b", "", [](T a, T b) { return pyxx::wrap_sub(a, b); });
  CompareWithPython(values, values, "a * b", "", [](T a, T b) { return pyxx::wrap_mul(a, b); });
  CompareWithPython(values, values, "a // b", zero, [](T a, T b) { return pyxx::floordiv(a, b, kSite); });
  CompareWithPython(values, values, "a % b", pyxx::kIntModuloByZero,  // CPython's own, per version
                    [](T a, T b) { return pyxx::mod(a, b, kSite); });
  CompareWithPython(values, {T(0)}, "-a", "", [](T a, T) { return pyxx::wrap_neg(a); });
  CompareWithPython(values, {T(0)}, "abs(a)", "", [](T a, T) { return pyxx::wrap_abs(a); });

  const std::vector<T> counts =
      ValuesInRange<T>({-100, -3, -1, 0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127});
  CompareWithPython(values, counts, "a << b", "negative shift count", [](T a, T n) { return pyxx::shl(a, n, kSite); });
  CompareWithPython(values, counts, "a >> b", "negative shift count", [](T a, T n) { return pyxx::shr(a, n, kSite); });

  const std::vector<T> exponents = ValuesInRange<T>({0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 100, 127});
  CompareWithPython(values, exponents, "pow(a, b, 1 << 128)", "",
                    [](T a, T e) { return pyxx::ipow(a, e, kSite); });

  // cdivision(True): C's truncating division; MIN / -1 wraps instead of trapping.
  std::vector<T> nonzero;
  for (T v : values) {
    if (v != 0) nonzero.push_back(v);
  }
  pyxx_test::Exec("def ctrunc(a, b):\n    q = abs(a) // abs(b)\n    return q if (a < 0) == (b < 0) else -q\n");
  CompareWithPython(values, nonzero, "ctrunc(a, b)", "", [](T a, T b) { return pyxx::cdiv(a, b); });
  CompareWithPython(values, nonzero, "a - b * ctrunc(a, b)", "", [](T a, T b) { return pyxx::cmod(a, b); });
}

TEMPLATE_TEST_CASE("integer true division is a double division", "[arithmetic]", int, unsigned int, long long,
                   unsigned long long) {
  using T = TestType;
  const std::vector<T> values = ValuesInRange<T>({-9007199254740992LL, -100, -7, -3, -1, 0, 1, 2, 3, 7, 100,
                                                  9007199254740992LL, 2147483647});
  for (T a : values) {
    for (T b : values) {
      INFO(Decimal(a) << " / " << Decimal(b));
      pyxx::Ref expected = Eval("outcome(lambda: " + Decimal(a) + " / " + Decimal(b) + ")");
      double actual = 0;
      auto error = CatchCError([&] { actual = pyxx::truediv(a, b, kSite); });
      if (PyTuple_Check(expected.get())) {
        REQUIRE(error.has_value());
        CHECK(error->type == PyExc_ZeroDivisionError);
        CHECK(std::string(error->message) == "division by zero");
      } else {
        REQUIRE_FALSE(error.has_value());
        CHECK(actual == PyFloat_AsDouble(expected.get()));
      }
    }
  }
}

TEST_CASE("float //, % and / match Python, signed zeros, infinities and NaN included", "[arithmetic]") {
  const std::vector<double> values{-7.5, -2.0, -1.0, -0.5, -0.0, 0.0, 0.5, 1.0, 2.0, 3.0, 7.5, 1e300, -1e300,
                                   5e-324, INFINITY, -INFINITY, NAN};
  auto same = [](double x, double y) {
    return (std::isnan(x) && std::isnan(y)) || (x == y && std::signbit(x) == std::signbit(y));
  };
  struct Case {
    const char* op;
    const char* zero_message;
    double (*run)(double, double);
  };
  const Case cases[] = {
      {"//", "float floor division by zero", [](double a, double b) { return pyxx::floordiv(a, b, kSite); }},
      {"%", "float modulo", [](double a, double b) { return pyxx::mod(a, b, kSite); }},
      {"/", "float division by zero", [](double a, double b) { return pyxx::truediv(a, b, kSite); }},
  };
  for (const Case& c : cases) {
    for (double a : values) {
      for (double b : values) {
        char expression[128];
        std::snprintf(expression, sizeof expression, "outcome(lambda: float.fromhex('%a') %s float.fromhex('%a'))",
                      a, c.op, b);
        INFO(expression);
        pyxx::Ref expected = Eval(expression);
        double actual = 0;
        auto error = CatchCError([&] { actual = c.run(a, b); });
        if (PyTuple_Check(expected.get())) {
          REQUIRE(error.has_value());
          CHECK(error->type == PyExc_ZeroDivisionError);
          CHECK(std::string(error->message) == c.zero_message);
        } else {
          REQUIRE_FALSE(error.has_value());
          const double want = PyFloat_AsDouble(expected.get());
          CHECK(same(actual, want));
        }
      }
    }
  }
}

TEST_CASE("float and long double helpers on spot values", "[arithmetic]") {
  CHECK(pyxx::floordiv(7.5f, -2.0f, kSite) == -4.0f);
  CHECK(pyxx::mod(7.5f, -2.0f, kSite) == -0.5f);
  CHECK(pyxx::floordiv(-7.5L, 2.0L, kSite) == -4.0L);
  CHECK(pyxx::mod(-7.5L, 2.0L, kSite) == 0.5L);
  CHECK(pyxx::truediv(1.0L, 4.0L, kSite) == 0.25L);
  CHECK(pyxx::wrap_abs(-0.0) == 0.0);
  CHECK_FALSE(std::signbit(pyxx::wrap_abs(-0.0)));
  CHECK(pyxx::cmod(-7.5, 2.0) == -1.5);  // C fmod under cdivision
  CHECK(pyxx::cdiv(7.0, 2.0) == 3.5);
  auto error = CatchCError([] { pyxx::mod(1.0L, 0.0L, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_ZeroDivisionError);
}

TEST_CASE("wrap-around at the 64-bit limits", "[arithmetic]") {
  constexpr long long kMin = std::numeric_limits<long long>::min();
  constexpr long long kMax = std::numeric_limits<long long>::max();
  CHECK(pyxx::wrap_add(kMax, 1LL) == kMin);
  CHECK(pyxx::wrap_sub(kMin, 1LL) == kMax);
  CHECK(pyxx::wrap_mul(kMin, -1LL) == kMin);
  CHECK(pyxx::wrap_neg(kMin) == kMin);
  CHECK(pyxx::wrap_abs(kMin) == kMin);
  CHECK(pyxx::floordiv(kMin, -1LL, kSite) == kMin);
  CHECK(pyxx::mod(kMin, -1LL, kSite) == 0);
  CHECK(pyxx::cdiv(kMin, -1LL) == kMin);
  CHECK(pyxx::cmod(kMin, -1LL) == 0);
  CHECK(pyxx::wrap_add(~0ULL, 2ULL) == 1ULL);
  // short * short would overflow int after promotion: still wraps, no UB.
  CHECK(pyxx::wrap_mul<unsigned short>(65535, 65535) == 1);
  CHECK(pyxx::wrap_mul<short>(-32768, -32768) == 0);
  // fib(10**9) mod 2**64, the article's check value, by wrapping unsigned adds.
  unsigned long long a = 0, b = 1;
  for (int i = 0; i < 90; ++i) {
    const unsigned long long c = pyxx::wrap_add(a, b);
    a = b;
    b = c;
  }
  CHECK(a == 2880067194370816120ULL);  // fib(90)
}

TEST_CASE("a negative exponent in C integer power is a ValueError", "[arithmetic]") {
  auto error = CatchCError([] { pyxx::ipow(2, -1, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_ValueError);
  CHECK(std::string(error->message) == "negative exponent in C integer power");
  CHECK(pyxx::ipow(0, 0, kSite) == 1);
  CHECK(pyxx::ipow(-1LL, std::numeric_limits<long long>::max(), kSite) == -1);
  CHECK(pyxx::ipow(3ULL, 40ULL, kSite) == 12157665459056928801ULL);
}

TEST_CASE("shifts beyond the width give 0 or -1", "[arithmetic]") {
  CHECK(pyxx::shl(1, 31, kSite) == std::numeric_limits<int>::min());
  CHECK(pyxx::shl(1, 32, kSite) == 0);
  CHECK(pyxx::shr(-1, 100, kSite) == -1);
  CHECK(pyxx::shr(-8, 1, kSite) == -4);
  CHECK(pyxx::shr(-7, 1, kSite) == -4);  // floor, as Python
  CHECK(pyxx::shr(7u, 40u, kSite) == 0u);
  auto error = CatchCError([] { pyxx::shr(1, -1, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_ValueError);
}

TEST_CASE("shift counts are checked in their own type", "[arithmetic]") {
  // A count of 2**32 (a long long) must not become 0 in an int.
  CHECK(pyxx::shl(1, 1LL << 32, kSite) == 0);
  CHECK(pyxx::shr(-5, (1LL << 32) + 1, kSite) == -1);
  CHECK(pyxx::shr(5u, (1ULL << 32) + 1, kSite) == 0u);
  CHECK(pyxx::shl<unsigned char>(1, 7LL, kSite) == 128);
  // -1 must not become a huge unsigned count.
  auto error = CatchCError([] { pyxx::shl(1u, -1, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_ValueError);
  CHECK(std::string(error->message) == "negative shift count");
}

TEST_CASE("c_cast gives a defined result for every floating value", "[arithmetic]") {
  CHECK(pyxx::c_cast<int>(3.9) == 3);
  CHECK(pyxx::c_cast<int>(-3.9) == -3);
  CHECK(pyxx::c_cast<int>(std::nan("")) == 0);
  CHECK(pyxx::c_cast<int>(HUGE_VAL) == 0);
  CHECK(pyxx::c_cast<long long>(-HUGE_VAL) == 0);
  // Out of range: int(x) reduced modulo 2**bits, as for integers.
  CHECK(pyxx::c_cast<int>(4294967296.0 + 5.0) == 5);
  CHECK(pyxx::c_cast<int>(2147483648.0) == std::numeric_limits<int>::min());
  CHECK(pyxx::c_cast<unsigned char>(-1.5) == 255);
  // -7 + 2**64 is no double: the reduction must not round through one.
  CHECK(pyxx::c_cast<unsigned long long>(-7.5) == 18446744073709551609ULL);
  CHECK(pyxx::c_cast<unsigned long>(-7.5F) == 18446744073709551609UL);
  CHECK(pyxx::c_cast<unsigned long long>(-1e19) == 8446744073709551616ULL);
  CHECK(pyxx::c_cast<long long>(1e30) == static_cast<long long>(5076964154930102272LL));
  CHECK(pyxx::c_cast<unsigned long long>(1e30) == 5076964154930102272ULL);
  CHECK(pyxx::c_cast<long long>(-9223372036854775808.0) == std::numeric_limits<long long>::min());
  CHECK(pyxx::c_cast<long long>(9223372036854775808.0) == std::numeric_limits<long long>::min());
  CHECK(pyxx::c_cast<float>(1e300) == HUGE_VALF);
  CHECK(pyxx::c_cast<float>(-1e300) == -HUGE_VALF);
  CHECK(pyxx::c_cast<float>(1.5) == 1.5F);
}

TEST_CASE("CheckedRange counts as Python and checks each value", "[arithmetic]") {
  pyxx::CheckedRange<unsigned char> r{0LL, 300LL, 1LL, kSite};
  CHECK(r.count() == 300);
  CHECK(r.at(255) == 255);
  auto error = CatchCError([&] { (void)r.at(256); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_OverflowError);
  pyxx::CheckedRange<unsigned int> down{10u, -1LL, -1LL, kSite};
  CHECK(down.count() == 11);
  CHECK(down.at(10) == 0u);
  pyxx::CheckedRange<long> wide{-9223372036854775807LL - 1, 18446744073709551615ULL, 1ULL << 62, kSite};
  CHECK(wide.count() == 6);
  CHECK(wide.at(1) == -(1LL << 62));
  auto zero = CatchCError([] { pyxx::CheckedRange<int> bad{0, 1, 0, kSite}; });
  REQUIRE(zero.has_value());
  CHECK(zero->type == PyExc_ValueError);
}
