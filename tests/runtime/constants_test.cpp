// ConstantTable: the constants of a generated module, made by the first module
// object's exec function, shared by the others, released with the last one.
#include <catch2/catch.hpp>

#include <string>

#include "python_helpers.h"

namespace {

// A module object with the state a generated module has (one int).
pyxx::Ref NewModule(PyModuleDef* def) {
  *def = {PyModuleDef_HEAD_INIT, "pyxx_constants_test", nullptr, sizeof(int), nullptr, nullptr, nullptr, nullptr, nullptr};
  return pyxx::Ref::steal(PyModule_Create(def));
}

pyxx::Constant g_name;
pyxx::Constant g_text;
pyxx::Constant g_raw;
pyxx::Constant g_big;
pyxx::Constant g_number;
const pyxx::ConstantSpec kSpecs[] = {
    {&g_name, pyxx::ConstantSpec::kName, "value", 5, 0.0},
    {&g_text, pyxx::ConstantSpec::kStr, "caf\xc3\xa9 \xed\xa0\x80", 9, 0.0},  // a lone surrogate too
    {&g_raw, pyxx::ConstantSpec::kBytes, "a\0b", 3, 0.0},
    {&g_big, pyxx::ConstantSpec::kInt, "-0x_ffff_ffff_ffff_ffff_ffff", 0, 0.0},
    {&g_number, pyxx::ConstantSpec::kFloat, nullptr, 0, 2.5},
};
pyxx::ConstantTable g_table(kSpecs);

pyxx::Constant g_fine;
pyxx::Constant g_broken;
const pyxx::ConstantSpec kBrokenSpecs[] = {
    {&g_fine, pyxx::ConstantSpec::kStr, "fine", 4, 0.0},
    {&g_broken, pyxx::ConstantSpec::kInt, "12x", 0, 0.0},
};
pyxx::ConstantTable g_broken_table(kBrokenSpecs);

}  // namespace

TEST_CASE("constants are made once, shared by module objects, released with the last", "[constants]") {
  PyModuleDef def_a;
  PyModuleDef def_b;
  pyxx::Ref a = NewModule(&def_a);
  pyxx::Ref b = NewModule(&def_b);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(g_name.get() == nullptr);
  REQUIRE(g_table.acquire(a.get()));
  REQUIRE(g_name.get() != nullptr);
  CHECK(pyxx_test::Str(g_name.get()) == "value");
  CHECK(PyUnicode_CHECK_INTERNED(g_name.get()) != 0);
  CHECK(PyUnicode_GET_LENGTH(g_text.get()) == 6);
  CHECK(PyBytes_GET_SIZE(g_raw.get()) == 3);
  CHECK(pyxx_test::Str(g_big.get()) == "-1208925819614629174706175");  // -(2**80 - 1)
  CHECK(PyFloat_AsDouble(g_number.get()) == 2.5);

  PyObject* made = g_name.get();
  REQUIRE(g_table.acquire(b.get()));
  REQUIRE(g_table.acquire(a.get()));  // a second exec of one module object changes nothing
  CHECK(g_name.get() == made);        // the second module object shares them
  g_table.release(a.get());
  g_table.release(a.get());  // m_free of a module object that holds none: nothing
  CHECK(g_name.get() == made);
  g_table.release(b.get());
  CHECK(g_name.get() == nullptr);  // the last holder is gone
  REQUIRE(g_table.acquire(b.get()));  // and a new exec makes them again
  CHECK(pyxx_test::Str(g_name.get()) == "value");
  g_table.release(b.get());
}

TEST_CASE("a constant that cannot be made fails the exec with its error and keeps none", "[constants]") {
  PyModuleDef def;
  pyxx::Ref module = NewModule(&def);
  REQUIRE(module);
  CHECK_FALSE(g_broken_table.acquire(module.get()));
  pyxx_test::PythonException error = pyxx_test::TakeException();
  CHECK(error.type == "ValueError");
  CHECK(g_fine.get() == nullptr);
  g_broken_table.release(module.get());  // its m_free: it holds none
  CHECK(g_fine.get() == nullptr);
}
