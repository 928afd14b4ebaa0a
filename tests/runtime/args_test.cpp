// unpack_args against CPython's own argument binding: for each signature, a
// Python function with the same signature is called with the same arguments,
// and the outcome (the bound values, or the TypeError message) must be equal.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "python_helpers.h"

using pyxx_test::Eval;
using pyxx_test::Exec;

namespace {

struct Signature {
  const char* python;  // the def's parameter list, with MISSING as every default
  std::vector<const char*> names;
  Py_ssize_t nrequired;
  Py_ssize_t nposonly;
  Py_ssize_t nkwonly;
  Py_ssize_t nkwonly_required;
  bool varargs = false;  // unpack_call only: the Python text has `*rest`
  bool varkw = false;    // unpack_call only: the Python text has `**rest`
};

// The binding under test: unpack_args, or unpack_call with the same signature.
enum class Binder { kArgs, kCall };

// Calls `f` bound to `signature` in Python and through unpack_args with
// `npositional` positional ints (100, 101, ...) and keywords (200, 201, ...).
void CompareCall(const Signature& signature, Py_ssize_t npositional, const std::vector<std::string>& keywords,
                 Binder binder = Binder::kArgs) {
  std::string call = "outcome(lambda: f(";
  std::vector<pyxx::Ref> values;
  for (Py_ssize_t i = 0; i < npositional; ++i) {
    call += std::to_string(100 + i) + ", ";
    values.push_back(pyxx::Ref::steal(PyLong_FromSsize_t(100 + i)));
  }
  pyxx::Ref kwnames;
  if (!keywords.empty()) kwnames = pyxx::Ref::steal(PyTuple_New(static_cast<Py_ssize_t>(keywords.size())));
  for (size_t k = 0; k < keywords.size(); ++k) {
    call += keywords[k] + "=" + std::to_string(200 + k) + ", ";
    values.push_back(pyxx::Ref::steal(PyLong_FromSsize_t(static_cast<Py_ssize_t>(200 + k))));
    PyTuple_SET_ITEM(kwnames.get(), static_cast<Py_ssize_t>(k), PyUnicode_FromString(keywords[k].c_str()));
  }
  call += "))";
  INFO("def f(" << signature.python << "), called as " << call);
  pyxx::Ref expected = Eval(call);
  REQUIRE(expected);

  std::vector<PyObject*> args;
  for (const pyxx::Ref& v : values) args.push_back(v.get());
  std::vector<PyObject*> out(signature.names.size() + 1, nullptr);
  const Py_ssize_t nparams = static_cast<Py_ssize_t>(signature.names.size());
  bool ok = false;
  if (binder == Binder::kArgs) {
    ok = pyxx::unpack_args(args.data(), npositional, kwnames.get(), "f", signature.names.data(), nparams,
                           signature.nrequired, out.data(), signature.nposonly, signature.nkwonly,
                           signature.nkwonly_required);
  } else {
    bool optional[16] = {};
    for (Py_ssize_t i = 0; i < nparams; ++i) {
      const Py_ssize_t npositional_params = nparams - signature.nkwonly;
      optional[i] = i < npositional_params ? i >= signature.nrequired
                                           : i - npositional_params >= signature.nkwonly_required;
    }
    const pyxx::ArgSpec spec{"f",
                             signature.names.data(),
                             nparams,
                             signature.nrequired,
                             signature.nposonly,
                             signature.nkwonly,
                             signature.nkwonly_required,
                             optional,
                             signature.varargs,
                             signature.varkw};
    pyxx::Ref varargs;
    pyxx::Ref varkw;
    ok = pyxx::unpack_call(args.data(), npositional, kwnames.get(), spec, out.data(), &varargs, &varkw);
    if (ok) {  // on failure they may hold what was collected so far (dropped by the caller)
      CHECK(signature.varargs == static_cast<bool>(varargs));
      CHECK(signature.varkw == static_cast<bool>(varkw));
    }
  }
  if (PyTuple_Check(expected.get())) {
    const std::string python_message = pyxx_test::Str(PyTuple_GET_ITEM(expected.get(), 1));
    REQUIRE_FALSE(ok);
    const pyxx_test::PythonException error = pyxx_test::TakeException();
    CHECK(error.type == "TypeError");
    CHECK(error.message == python_message);
  } else {
    REQUIRE(ok);
    REQUIRE(PyList_Check(expected.get()));
    for (size_t i = 0; i < signature.names.size(); ++i) {
      PyObject* bound = PyList_GET_ITEM(expected.get(), static_cast<Py_ssize_t>(i));
      INFO("parameter " << signature.names[i]);
      if (pyxx_test::Str(bound) == "MISSING") {
        CHECK(out[i] == nullptr);
      } else {
        REQUIRE(out[i] != nullptr);
        CHECK(pyxx_test::Str(out[i]) == pyxx_test::Str(bound));
      }
    }
  }
}

}  // namespace

TEST_CASE("unpack_args binds and rejects exactly as CPython does", "[args]") {
  Exec("class _Missing:\n    def __repr__(self): return 'MISSING'\n    __str__ = __repr__\nMISSING = _Missing()\n");
  const std::vector<Signature> signatures{
      {"", {}, 0, 0, 0, 0},
      {"n", {"n"}, 1, 0, 0, 0},
      {"a, b", {"a", "b"}, 2, 0, 0, 0},
      {"x, y=MISSING, z=MISSING", {"x", "y", "z"}, 1, 0, 0, 0},
      {"a, b=MISSING, *, c, d=MISSING", {"a", "b", "c", "d"}, 1, 0, 2, 1},
      {"a, b, /, c", {"a", "b", "c"}, 3, 2, 0, 0},
      {"a, /, b=MISSING, *, c=MISSING", {"a", "b", "c"}, 1, 1, 1, 0},
      {"*, k, m", {"k", "m"}, 0, 0, 2, 2},
  };
  const std::vector<std::vector<std::string>> keyword_sets{
      {}, {"a"}, {"b"}, {"c"}, {"n"}, {"zz"}, {"y"}, {"k"}, {"b", "a"}, {"a", "b", "c"}, {"c", "d"},
      {"zz", "b"}, {"z", "x"}, {"k", "m"}, {"m", "zz"}, {"d"}};
  for (const Signature& signature : signatures) {
    std::string params = "[";
    for (const char* name : signature.names) params += std::string(name) + ", ";
    Exec(std::string("def f(") + signature.python + "):\n    return " + params + "]\n");
    for (Py_ssize_t npositional = 0; npositional <= 4; ++npositional) {
      for (const auto& keywords : keyword_sets) CompareCall(signature, npositional, keywords);
    }
  }
}

TEST_CASE("unpack_call binds and rejects exactly as CPython does", "[args]") {
  Exec("class _Missing:\n    def __repr__(self): return 'MISSING'\n    __str__ = __repr__\nMISSING = _Missing()\n");
  const std::vector<Signature> signatures{
      {"", {}, 0, 0, 0, 0},
      {"n", {"n"}, 1, 0, 0, 0},
      {"x, y=MISSING, z=MISSING", {"x", "y", "z"}, 1, 0, 0, 0},
      {"a, b=MISSING, *, c, d=MISSING", {"a", "b", "c", "d"}, 1, 0, 2, 1},
      {"a, *, c=MISSING, d=MISSING", {"a", "c", "d"}, 1, 0, 2, 0},
      {"a, b, /, c", {"a", "b", "c"}, 3, 2, 0, 0},
      {"a, /, b=MISSING, *, c=MISSING", {"a", "b", "c"}, 1, 1, 1, 0},
      {"*, k, m", {"k", "m"}, 0, 0, 2, 2},
      {"a, b=MISSING, *rest", {"a", "b"}, 1, 0, 0, 0, true, false},
      {"a, b=MISSING, **rest", {"a", "b"}, 1, 0, 0, 0, false, true},
      {"a, *rest, c=MISSING, **more", {"a", "c"}, 1, 0, 1, 0, true, true},
  };
  const std::vector<std::vector<std::string>> keyword_sets{
      {}, {"a"}, {"b"}, {"c"}, {"n"}, {"zz"}, {"y"}, {"k"}, {"b", "a"}, {"a", "b", "c"}, {"c", "d"},
      {"zz", "b"}, {"z", "x"}, {"k", "m"}, {"m", "zz"}, {"d"}};
  for (const Signature& signature : signatures) {
    std::string params = "[";
    for (const char* name : signature.names) params += std::string(name) + ", ";
    Exec(std::string("def f(") + signature.python + "):\n    return " + params + "]\n");
    for (Py_ssize_t npositional = 0; npositional <= 4; ++npositional) {
      for (const auto& keywords : keyword_sets) CompareCall(signature, npositional, keywords, Binder::kCall);
    }
  }
}

TEST_CASE("an empty keyword tuple binds as no keywords", "[args]") {
  const char* const names[] = {"a", "b"};
  PyObject* out[2];
  pyxx::Ref one = pyxx::Ref::steal(PyLong_FromLong(1));
  PyObject* args[] = {one.get(), one.get()};
  pyxx::Ref none = pyxx::Ref::steal(PyTuple_New(0));
  REQUIRE(pyxx::unpack_args(args, 1, none.get(), "f", names, 2, 1, out));
  CHECK((out[0] == one.get() && out[1] == nullptr));
  REQUIRE_FALSE(pyxx::unpack_args(args, 0, none.get(), "f", names, 2, 1, out));
  CHECK(pyxx_test::TakeException().message == "f() missing 1 required positional argument: 'a'");
}

TEST_CASE("unpack_args messages for the common mistakes", "[args]") {
  const char* const names[] = {"n"};
  PyObject* out[1];
  pyxx::Ref one = pyxx::Ref::steal(PyLong_FromLong(1));
  PyObject* two_args[] = {one.get(), one.get()};

  REQUIRE_FALSE(pyxx::unpack_args(two_args, 2, nullptr, "fib", names, 1, 1, out));
  CHECK(pyxx_test::TakeException().message == "fib() takes 1 positional argument but 2 were given");

  REQUIRE_FALSE(pyxx::unpack_args(two_args, 0, nullptr, "fib", names, 1, 1, out));
  CHECK(pyxx_test::TakeException().message == "fib() missing 1 required positional argument: 'n'");

  pyxx::Ref x = pyxx::Ref::steal(Py_BuildValue("(s)", "x"));
  REQUIRE_FALSE(pyxx::unpack_args(two_args, 1, x.get(), "fib", names, 1, 1, out));
  CHECK(pyxx_test::TakeException().message == "fib() got an unexpected keyword argument 'x'");

  pyxx::Ref n = pyxx::Ref::steal(Py_BuildValue("(s)", "n"));
  REQUIRE_FALSE(pyxx::unpack_args(two_args, 1, n.get(), "fib", names, 1, 1, out));
  CHECK(pyxx_test::TakeException().message == "fib() got multiple values for argument 'n'");

  REQUIRE(pyxx::unpack_args(two_args + 1, 0, n.get(), "fib", names, 1, 1, out));
  CHECK(out[0] == one.get());
}

TEST_CASE("unpack_args rejects keyword names that are not strings", "[args]") {
  const char* const names[] = {"n"};
  PyObject* out[1];
  pyxx::Ref one = pyxx::Ref::steal(PyLong_FromLong(1));
  PyObject* args[] = {one.get()};
  pyxx::Ref bad = pyxx::Ref::steal(Py_BuildValue("(i)", 5));
  REQUIRE_FALSE(pyxx::unpack_args(args, 0, bad.get(), "f", names, 1, 1, out));
  const pyxx_test::PythonException error = pyxx_test::TakeException();
  CHECK(error.type == "TypeError");
  CHECK(error.message == "f() keywords must be strings");
}

TEST_CASE("unpack_args matches non-ASCII parameter names", "[args]") {
  const char* const names[] = {"\xc3\xa9t\xc3\xa9"};  // "été" in UTF-8
  PyObject* out[1];
  pyxx::Ref one = pyxx::Ref::steal(PyLong_FromLong(1));
  PyObject* args[] = {one.get()};
  pyxx::Ref kw = pyxx::Ref::steal(Py_BuildValue("(s)", "\xc3\xa9t\xc3\xa9"));
  REQUIRE(pyxx::unpack_args(args, 0, kw.get(), "f", names, 1, 1, out));
  CHECK(out[0] == one.get());
  pyxx::Ref other = pyxx::Ref::steal(Py_BuildValue("(s)", "\xc3\xa9t"));
  REQUIRE_FALSE(pyxx::unpack_args(args, 0, other.get(), "f", names, 1, 1, out));
  CHECK(pyxx_test::TakeException().message == "f() got an unexpected keyword argument '\xc3\xa9t'");
}

TEST_CASE("unpack_args compares keywords by length: a NUL inside a key matches no name", "[args]") {
  // "n\0" once matched "n" up to the terminator and read the byte after it.
  const char* const names[] = {"n"};
  PyObject* out[1];
  pyxx::Ref one = pyxx::Ref::steal(PyLong_FromLong(1));
  PyObject* args[] = {one.get()};
  Exec("def f(n):\n    return n\n");
  for (const char* spelling : {"n\\0", "n\\0\\0", "\\0", "n\\0x"}) {
    const std::string key = std::string("'") + spelling + "'";
    INFO("keyword " << key);
    pyxx::Ref expected = Eval("outcome(lambda: f(**{" + key + ": 1}))");
    REQUIRE(PyTuple_Check(expected.get()));
    pyxx::Ref kw = Eval("(" + key + ",)");
    REQUIRE_FALSE(pyxx::unpack_args(args, 0, kw.get(), "f", names, 1, 1, out));
    const pyxx_test::PythonException error = pyxx_test::TakeException();
    CHECK(error.type == "TypeError");
    CHECK(error.message == pyxx_test::Str(PyTuple_GET_ITEM(expected.get(), 1)));
  }
}
