// Ref: ownership of one reference, moved but never copied; check().
#include <catch2/catch.hpp>

#include <utility>

#include "python_helpers.h"

TEST_CASE("Ref::steal owns and Ref::borrow adds a reference", "[object]") {
  PyObject* list = PyList_New(0);
  REQUIRE(Py_REFCNT(list) == 1);
  {
    pyxx::Ref borrowed = pyxx::Ref::borrow(list);
    CHECK(Py_REFCNT(list) == 2);
    CHECK(borrowed.get() == list);
    CHECK(static_cast<bool>(borrowed));
  }
  CHECK(Py_REFCNT(list) == 1);
  pyxx::Ref owner = pyxx::Ref::steal(list);
  CHECK(Py_REFCNT(list) == 1);

  pyxx::Ref moved = std::move(owner);
  CHECK_FALSE(owner);  // NOLINT(bugprone-use-after-move): moved-from is documented as null
  CHECK(moved.get() == list);
  CHECK(Py_REFCNT(list) == 1);

  PyObject* extra = moved.new_reference();
  CHECK(Py_REFCNT(list) == 2);
  Py_DECREF(extra);

  PyObject* released = moved.release();
  CHECK_FALSE(moved);
  CHECK(Py_REFCNT(list) == 1);
  moved.reset(released);
  CHECK(moved.get() == list);
}

TEST_CASE("Ref move-assignment drops the old reference", "[object]") {
  PyObject* a = PyList_New(0);
  PyObject* b = PyList_New(0);
  Py_INCREF(a);  // keep `a` alive to observe its count
  pyxx::Ref ra = pyxx::Ref::steal(a);
  pyxx::Ref rb = pyxx::Ref::steal(b);
  CHECK(Py_REFCNT(a) == 2);
  ra = std::move(rb);
  CHECK(Py_REFCNT(a) == 1);
  CHECK(ra.get() == b);
  Py_DECREF(a);
  pyxx::Ref empty;
  CHECK_FALSE(empty);
  CHECK(empty.release() == nullptr);
}

TEST_CASE("check() throws PythonError on null and owns the result otherwise", "[object]") {
  pyxx::Ref ok = pyxx::check(PyLong_FromLong(5), pyxx::Site{"f", 2});
  CHECK(PyLong_AsLong(ok.get()) == 5);
  try {
    pyxx::check(PyLong_FromString("not a number", nullptr, 10), pyxx::Site{"parse", 8});
    FAIL("check() did not throw");
  } catch (const pyxx::PythonError& e) {
    CHECK(e.site.line == 8);
    CHECK(pyxx_test::TakeException().type == "ValueError");
  }
}
