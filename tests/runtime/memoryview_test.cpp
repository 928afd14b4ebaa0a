// View<T, N> over real exporters: array.array, bytearray, memoryview (also of
// read-only bytes), with the wrong types, dimensions and layouts.
#include <catch2/catch.hpp>

#include <string>

#include "python_helpers.h"

using pyxx_test::Eval;
using pyxx_test::TakeException;

namespace {

constexpr pyxx::Site kSite{"kernel", 5};

template <class T, int N>
pyxx_test::PythonException AcquireFails(const char* expression, bool writable, bool contiguous) {
  pyxx::Ref obj = Eval(expression);
  pyxx::View<T, N> view;
  INFO(expression);
  CHECK_FALSE(view.acquire(obj.get(), writable, contiguous, "a"));
  CHECK_FALSE(view.acquired());
  return TakeException();
}

}  // namespace

TEST_CASE("View<double, 1> reads and writes an array.array('d')", "[memoryview]") {
  pyxx::Ref arr = Eval("array.array('d', [1.0, 2.0, 3.0])");
  pyxx::View<double, 1> view;
  REQUIRE(view.acquire(arr.get(), true, true, "a"));
  CHECK(view.shape(0) == 3);
  CHECK(view.stride(0) == 8);
  CHECK(view.at(1) == 2.0);
  view.at(2) = 9.5;
  pyxx::Ref seen = pyxx::Ref::steal(PySequence_GetItem(arr.get(), 2));
  CHECK(PyFloat_AsDouble(seen.get()) == 9.5);
}

TEST_CASE("item types match by kind and size, whatever the format letter", "[memoryview]") {
  pyxx::View<long, 1> from_q;
  pyxx::Ref q = Eval("array.array('q', [5, -6])");
  REQUIRE(from_q.acquire(q.get(), false, false, "a"));
  CHECK(from_q.at(1) == -6);

  pyxx::View<long long, 1> from_l;
  pyxx::Ref l = Eval("array.array('l', [7])");
  REQUIRE(from_l.acquire(l.get(), false, false, "a"));
  CHECK(from_l.at(0) == 7);

  auto e = AcquireFails<double, 1>("array.array('l', [1])", false, false);
  CHECK(e.type == "ValueError");
  CHECK(e.message == "Buffer dtype mismatch, expected 'double' but got 'long'");
  e = AcquireFails<long, 1>("array.array('i', [1])", false, false);
  CHECK(e.message == "Buffer dtype mismatch, expected 'long' but got 'int'");
  e = AcquireFails<long, 1>("array.array('L', [1])", false, false);
  CHECK(e.message == "Buffer dtype mismatch, expected 'long' but got 'unsigned long'");
  e = AcquireFails<float, 1>("array.array('d', [1])", false, false);
  CHECK(e.message == "Buffer dtype mismatch, expected 'float' but got 'double'");
}

TEST_CASE("format strings: byte-order prefixes, sizes, structs", "[memoryview]") {
  using pyxx::detail::FormatMatches;
  CHECK(FormatMatches<double>("d", 8));
  CHECK(FormatMatches<double>("@d", 8));
  CHECK(FormatMatches<double>("=d", 8));
#if PY_LITTLE_ENDIAN
  CHECK(FormatMatches<double>("<d", 8));
  CHECK_FALSE(FormatMatches<double>(">d", 8));
  CHECK_FALSE(FormatMatches<double>("!d", 8));
  CHECK(FormatMatches<unsigned char>(">B", 1));  // byte order is moot for one byte
#endif
  CHECK(FormatMatches<int>("<l", 4));         // standard-size 'l' is 4 bytes
  CHECK_FALSE(FormatMatches<long>("<l", 4));  // ... not a native 8-byte long
  CHECK(FormatMatches<unsigned char>(nullptr, 1));  // no format means 'B'
  CHECK(FormatMatches<signed char>("c", 1));
  CHECK(FormatMatches<char>("b", 1));
  CHECK(FormatMatches<bool>("?", 1));
  CHECK_FALSE(FormatMatches<double>("2d", 16));
  CHECK_FALSE(FormatMatches<double>("T{d:x:}", 8));
  CHECK_FALSE(FormatMatches<double>("", 8));
  CHECK_FALSE(FormatMatches<float>("e", 2));
}

TEST_CASE("bytearray is a writable buffer of unsigned char", "[memoryview]") {
  pyxx::Ref ba = Eval("bytearray(b'abc')");
  {
    pyxx::View<unsigned char, 1> view;
    REQUIRE(view.acquire(ba.get(), true, true, "a"));
    CHECK(view.shape(0) == 3);
    view.at(0) = 'z';
    // While the view holds the buffer, the bytearray cannot be resized.
    PyObject* resized = PyObject_CallMethod(ba.get(), "append", "i", 1);
    CHECK(resized == nullptr);
    CHECK(TakeException().type == "BufferError");
  }
  pyxx::Ref appended = pyxx::Ref::steal(PyObject_CallMethod(ba.get(), "append", "i", 33));
  CHECK(appended);
  CHECK(PyByteArray_AsString(ba.get()) == std::string("zbc!"));
}

TEST_CASE("read-only buffers are refused for writing and accepted for reading", "[memoryview]") {
  auto e = AcquireFails<unsigned char, 1>("memoryview(b'xyz')", true, false);
  CHECK(e.type == "ValueError");
  CHECK(e.message == "buffer source array is read-only");
  e = AcquireFails<unsigned char, 1>("b'xyz'", true, false);
  CHECK(e.message == "buffer source array is read-only");

  pyxx::Ref bytes = Eval("memoryview(b'xyz')");
  pyxx::View<const unsigned char, 1> view;
  REQUIRE(view.acquire(bytes.get(), false, true, "a"));
  CHECK(view.at(2) == 'z');
}

TEST_CASE("the number of dimensions must match", "[memoryview]") {
  const char* matrix = "memoryview(array.array('d', range(6))).cast('B').cast('d', [2, 3])";
  pyxx::Ref m = Eval(matrix);
  pyxx::View<double, 2> view;
  REQUIRE(view.acquire(m.get(), true, true, "m"));
  CHECK(view.shape(0) == 2);
  CHECK(view.shape(1) == 3);
  CHECK(view.stride(0) == 24);
  CHECK(view.at(1, 2) == 5.0);

  auto e = AcquireFails<double, 1>(matrix, false, false);
  CHECK(e.type == "ValueError");
  CHECK(e.message == "Buffer has wrong number of dimensions (expected 1, got 2)");
  e = AcquireFails<double, 2>("array.array('d', [1])", false, false);
  CHECK(e.message == "Buffer has wrong number of dimensions (expected 2, got 1)");
}

TEST_CASE("3-dimensional views index with three strides", "[memoryview]") {
  pyxx::Ref cube = Eval("memoryview(array.array('i', range(24))).cast('B').cast('i', [2, 3, 4])");
  pyxx::View<int, 3> view;
  REQUIRE(view.acquire(cube.get(), false, true, "c"));
  CHECK(view.at(1, 2, 3) == 23);
  CHECK(view.at(1, 0, 2) == 14);
}

TEST_CASE("strided views, and `::1` refusing them", "[memoryview]") {
  const char* every_other = "memoryview(array.array('d', range(6)))[::2]";
  auto e = AcquireFails<double, 1>(every_other, false, true);
  CHECK(e.type == "ValueError");
  CHECK(e.message == "ndarray is not C-contiguous");

  pyxx::Ref strided = Eval(every_other);
  pyxx::View<double, 1> view;
  REQUIRE(view.acquire(strided.get(), false, false, "a"));
  CHECK(view.shape(0) == 3);
  CHECK(view.stride(0) == 16);
  CHECK(view.at(2) == 4.0);

  pyxx::Ref reversed = Eval("memoryview(array.array('d', range(4)))[::-1]");
  pyxx::View<double, 1> backwards;
  REQUIRE(backwards.acquire(reversed.get(), false, false, "a"));
  CHECK(backwards.stride(0) == -8);
  CHECK(backwards.at(0) == 3.0);
}

TEST_CASE("objects without the buffer protocol are a TypeError", "[memoryview]") {
  auto e = AcquireFails<double, 1>("[1.0, 2.0]", false, false);
  CHECK(e.type == "TypeError");
  CHECK(e.message == "Argument 'a' has incorrect type (expected a buffer, got list)");
}

TEST_CASE("misaligned buffers are refused rather than read with UB", "[memoryview]") {
  auto e = AcquireFails<double, 1>("memoryview(bytearray(17))[1:].cast('d')", false, false);
  CHECK(e.type == "ValueError");
  CHECK(e.message == "buffer is not aligned for 'double' items");
}

TEST_CASE("index(): wraparound and boundscheck per axis", "[memoryview]") {
  pyxx::Ref m = Eval("memoryview(array.array('d', range(6))).cast('B').cast('d', [2, 3])");
  pyxx::View<double, 2> view;
  REQUIRE(view.acquire(m.get(), false, false, "m"));
  CHECK(view.index(-1, 0, true, true, kSite) == 1);
  CHECK(view.index(-3, 1, true, true, kSite) == 0);
  CHECK(view.index(2, 1, false, true, kSite) == 2);
  CHECK(view.index(-1, 1, false, false, kSite) == -1);  // no checks: passed through

  auto error = pyxx_test::CatchCError([&] { view.index(2, 0, true, true, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_IndexError);
  CHECK(std::string(error->message) == "Out of bounds on buffer access (axis 0)");
  CHECK(error->site.line == 5);

  error = pyxx_test::CatchCError([&] { view.index(-4, 1, true, true, kSite); });
  REQUIRE(error.has_value());
  CHECK(std::string(error->message) == "Out of bounds on buffer access (axis 1)");

  error = pyxx_test::CatchCError([&] { view.index(-1, 1, false, true, kSite); });
  REQUIRE(error.has_value());
  CHECK(std::string(error->message) == "Out of bounds on buffer access (axis 1)");
}

TEST_CASE("a View can be re-acquired and released early", "[memoryview]") {
  pyxx::Ref a = Eval("array.array('d', [1.0])");
  pyxx::Ref b = Eval("array.array('d', [2.0, 3.0])");
  pyxx::View<double, 1> view;
  REQUIRE(view.acquire(a.get(), true, true, "a"));
  REQUIRE(view.acquire(b.get(), true, true, "a"));
  CHECK(view.shape(0) == 2);
  view.release();
  CHECK_FALSE(view.acquired());
  // Both arrays are free again: resizing works.
  pyxx::Ref ra = pyxx::Ref::steal(PyObject_CallMethod(a.get(), "append", "d", 4.0));
  pyxx::Ref rb = pyxx::Ref::steal(PyObject_CallMethod(b.get(), "append", "d", 4.0));
  CHECK(ra);
  CHECK(rb);
}

TEST_CASE("copies and slices share one acquisition, the last one releases it", "[memoryview]") {
  pyxx::Ref a = Eval("array.array('i', range(6))");
  {
    pyxx::View<int, 1> view;
    REQUIRE(view.acquire(a.get(), true, pyxx::kStrided, "a"));
    pyxx::View<int, 1> back = view.slice<1>({pyxx::Axis::slice(false, 0, false, 0, true, -2)}, kSite);
    view.release();
    CHECK(back.shape(0) == 3);
    CHECK(back.at(0) == 5);
    CHECK(back.at(2) == 1);
    pyxx::View<int, 1> moved(std::move(back));
    CHECK_FALSE(back.acquired());
    // Still held by `moved`: the array cannot grow.
    pyxx::Ref grown = pyxx::Ref::steal(PyObject_CallMethod(a.get(), "append", "i", 6));
    CHECK_FALSE(grown);
    PyErr_Clear();
  }
  pyxx::Ref grown = pyxx::Ref::steal(PyObject_CallMethod(a.get(), "append", "i", 6));
  CHECK(grown);
}

TEST_CASE("slices clip as Python's, a zero step is a ValueError", "[memoryview]") {
  pyxx::Ref a = Eval("array.array('d', [0, 1, 2, 3, 4])");
  pyxx::View<double, 1> view;
  REQUIRE(view.acquire(a.get(), false, pyxx::kStrided, "a"));
  CHECK(view.slice<1>({pyxx::Axis::slice(true, -100, true, 100, false, 0)}, kSite).shape(0) == 5);
  CHECK(view.slice<1>({pyxx::Axis::slice(true, 3, true, 1, false, 0)}, kSite).shape(0) == 0);
  CHECK(view.slice<1>({pyxx::Axis::slice(true, 100, true, -100, true, -3)}, kSite).shape(0) == 2);
  auto error = pyxx_test::CatchCError([&] { view.slice<1>({pyxx::Axis::slice(false, 0, false, 0, true, 0)}, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_ValueError);
}

TEST_CASE("copy() and copy_fortran() make contiguous copies", "[memoryview]") {
  pyxx::Ref a = Eval("memoryview(array.array('i', range(6))).cast('B').cast('i', (2, 3))");
  pyxx::View<int, 2> view;
  REQUIRE(view.acquire(a.get(), false, pyxx::kCContiguous, "a"));
  pyxx::View<int, 2> f = view.copy(true, kSite);
  CHECK(f.stride(0) == 4);
  CHECK(f.stride(1) == 8);
  CHECK(f.at(1, 2) == 5);
  f.at(0, 0) = 42;
  CHECK(view.at(0, 0) == 0);
  pyxx::Ref object = pyxx::view_to_object(f, kSite);
  pyxx::Ref list = pyxx::Ref::steal(PyObject_CallMethod(object.get(), "tolist", nullptr));
  pyxx::Ref text = pyxx::Ref::steal(PyObject_Repr(list.get()));
  CHECK(std::string(PyUnicode_AsUTF8(text.get())) == "[[42, 1, 2], [3, 4, 5]]");
}

TEST_CASE("ViewAccess and at_unit address every element as View::at does", "[memoryview]") {
  double store[3 * 4];
  for (int k = 0; k < 12; ++k) store[k] = k;
  const pyxx::View<double, 2> c = pyxx::View<double, 2>::over_pointer(store, {3, 4}, kSite);
  const pyxx::View<double, 2> f = c.transposed();  // Fortran order: dimension 0 has unit stride
  const pyxx::ViewAccess<double, 2, 1> c_access(c);
  const pyxx::ViewAccess<double, 2, 0> f_access(f);
  const pyxx::ViewAccess<double, 2, -1> strided_access(f);
  for (Py_ssize_t i = 0; i < 3; ++i) {
    for (Py_ssize_t j = 0; j < 4; ++j) {
      CHECK(&c_access.at(i, j) == &c.at(i, j));
      CHECK(&f_access.at(j, i) == &f.at(j, i));
      CHECK(&strided_access.at(j, i) == &f.at(j, i));
      CHECK(&c.at_unit<1>(i, j) == &c.at(i, j));
      CHECK(&f.at_unit<0>(j, i) == &f.at(j, i));
    }
  }
  // The checks read the copied extents, with the View's messages.
  CHECK(c_access.index(-1, 1, true, true, kSite) == 3);
  auto error = pyxx_test::CatchCError([&] { c_access.index(3, 0, true, true, kSite); });
  REQUIRE(error.has_value());
  CHECK(error->type == PyExc_IndexError);
  CHECK(std::string(error->message) == "Out of bounds on buffer access (axis 0)");
  error = pyxx_test::CatchCError([&] { f_access.index(size_t{1} << 63, 1, false, true, kSite); });
  REQUIRE(error.has_value());
  CHECK(std::string(error->message) == "Out of bounds on buffer access (axis 1)");
}
