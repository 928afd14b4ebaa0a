// Dialect recognition during lowering: compile-time imports, DialectRef,
// types, decorators, with items, and the article's two programs.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "syntax/parse.h"

using namespace pyxx;
using namespace pyxx::syntax;

namespace {

struct Parsed {
  base::SourceBuffer source;
  diag::DiagnosticSink sink;
  Module module;
  explicit Parsed(std::string text) : source("dialect.pyx", std::move(text)) { module = Parse(source, "dialect", sink); }
  auto Pos(base::SourceRange range) const -> std::string {
    auto at = source.Locate(range.begin);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
  auto Stmt(size_t i) const -> const syntax::Stmt& { return *module.body.at(i); }
  // "PX102@3:5" for each diagnostic, in report order.
  auto Codes() const -> std::vector<std::string> {
    std::vector<std::string> codes;
    for (const auto& d : sink.diagnostics()) {
      codes.push_back(std::string(d.code()) + "@" + Pos(d.range));
    }
    return codes;
  }
};

auto ParseClean(std::string text) -> std::unique_ptr<Parsed> {
  auto parsed = std::make_unique<Parsed>(std::move(text));
  for (const auto& d : parsed->sink.diagnostics()) {
    INFO(d.code() << " at " << parsed->Pos(d.range) << ": " << d.message);
    CHECK(false);
  }
  return parsed;
}

// The type of `x: <annotation>` on the last line of `text`.
auto AnnotationOf(const Parsed& p) -> const TypeExpr& { return *p.module.body.back()->annotation; }

}  // namespace

TEST_CASE("compile-time imports are recorded and are not run-time imports", "[syntax][dialect]") {
  auto p = ParseClean(
      "import cython\nimport cython as cy\nfrom cython import nogil, gil, ulong as UL\nimport cython.parallel\n"
      "from cython.parallel import prange\nfrom cython.cimports.libc.math import sqrt\n"
      "from cython.cimports.libc import math as cmath\nfrom numba import jit, njit, prange as nprange, int64\n"
      "import numba\nimport os, cython\n");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& d : p->module.dialect_imports) {
    got.emplace_back(d.local, d.path);
  }
  std::vector<std::pair<std::string, std::string>> expected{
      {"cython", "cython"},          {"cy", "cython"},          {"nogil", "cython.nogil"},
      {"gil", "cython.gil"},         {"UL", "cython.ulong"},    {"cython", "cython.parallel"},
      {"prange", "cython.parallel.prange"}, {"sqrt", "libc.math.sqrt"}, {"cmath", "libc.math"},
      {"jit", "numba.jit"},          {"njit", "numba.njit"},    {"nprange", "numba.prange"},
      {"int64", "numba.int64"},      {"numba", "numba"},        {"cython", "cython"}};
  CHECK(got == expected);
  CHECK(p->Pos(p->module.dialect_imports[0].range) == "1:8");
  // Purely compile-time statements become Pass; `import os, cython` keeps os only.
  for (size_t i = 0; i + 1 < p->module.body.size(); ++i) {
    CHECK(p->Stmt(i).kind == Stmt::Kind::Pass);
  }
  const auto& mixed = *p->module.body.back();
  REQUIRE(mixed.kind == Stmt::Kind::Import);
  REQUIRE(mixed.imports.size() == 1);
  CHECK(mixed.imports[0].module == "os");
}

TEST_CASE("names and attribute chains rooted at dialect imports become DialectRef", "[syntax][dialect]") {
  auto p = ParseClean(
      "import cython\nfrom cython.parallel import prange\nfrom cython.cimports.libc import math as cmath\n"
      "from cython.cimports.libc.math import sqrt\nimport numba as nb\n"
      "cython.parallel.prange(n)\nprange\ncmath.sqrt(2.0)\nsqrt\nnb.jit\nother.nogil\nnogil\n");
  auto path = [&](size_t i) {
    const Expr* e = p->Stmt(i).value.get();
    if (e->kind == Expr::Kind::Call) e = e->operands[0].get();
    return e->kind == Expr::Kind::DialectRef ? e->dialect_path : std::string("<not dialect>");
  };
  CHECK(path(5) == "cython.parallel.prange");
  CHECK(path(6) == "cython.parallel.prange");
  CHECK(path(7) == "libc.math.sqrt");
  CHECK(path(8) == "libc.math.sqrt");
  CHECK(path(9) == "numba.jit");
  CHECK(path(10) == "<not dialect>");
  CHECK(path(11) == "<not dialect>");  // `nogil` was never imported
  CHECK(p->Pos(p->Stmt(5).value->operands[0]->range) == "6:1");
}

TEST_CASE("C scalar annotations, Cython and Numba spellings", "[syntax][dialect]") {
  struct Case {
    const char* annotation;
    ScalarKind kind;
  };
  const Case cases[] = {
      {"cython.char", ScalarKind::Char},          {"cython.schar", ScalarKind::SChar},
      {"cython.uchar", ScalarKind::UChar},        {"cython.short", ScalarKind::Short},
      {"cython.ushort", ScalarKind::UShort},      {"cython.int", ScalarKind::Int},
      {"cython.uint", ScalarKind::UInt},          {"cython.long", ScalarKind::Long},
      {"cython.ulong", ScalarKind::ULong},        {"cython.longlong", ScalarKind::LongLong},
      {"cython.ulonglong", ScalarKind::ULongLong}, {"cython.float", ScalarKind::Float},
      {"cython.double", ScalarKind::Double},      {"cython.longdouble", ScalarKind::LongDouble},
      {"cython.bint", ScalarKind::Bint},          {"cython.size_t", ScalarKind::SizeT},
      {"cython.Py_ssize_t", ScalarKind::SSizeT},  {"cython.Py_hash_t", ScalarKind::HashT},
      {"cython.void", ScalarKind::Void},          {"ulong", ScalarKind::ULong},
      {"int64", ScalarKind::Long},                {"numba.uint64", ScalarKind::ULong},
      {"numba.int32", ScalarKind::Int},           {"numba.float64", ScalarKind::Double},
      {"numba.float32", ScalarKind::Float},       {"numba.boolean", ScalarKind::Bint},
      {"numba.intp", ScalarKind::SSizeT},         {"numba.uintp", ScalarKind::SizeT},
      {"numba.int8", ScalarKind::SChar},          {"numba.uint8", ScalarKind::UChar},
      {"numba.int16", ScalarKind::Short},         {"numba.uint16", ScalarKind::UShort},
      {"numba.uint32", ScalarKind::UInt},
  };
  for (const Case& c : cases) {
    INFO(c.annotation);
    auto p = ParseClean(std::string("import cython\nimport numba\nfrom cython import ulong\nfrom numba import int64\n"
                                    "x: ") + c.annotation + "\n");
    const TypeExpr& type = AnnotationOf(*p);
    CHECK(type.kind == TypeExpr::Kind::Scalar);
    CHECK(type.scalar == c.kind);
    CHECK_FALSE(type.python_builtin_spelling);
  }
}

TEST_CASE("Python object annotations", "[syntax][dialect]") {
  for (const char* name : {"object", "list", "dict", "str", "tuple", "set", "bytes", "int", "bool"}) {
    INFO(name);
    auto p = ParseClean(std::string("x: ") + name + "\n");
    const TypeExpr& type = AnnotationOf(*p);
    CHECK(type.kind == TypeExpr::Kind::Object);
    CHECK(type.object_name == name);
    CHECK(type.python_builtin_spelling == (std::string(name) == "int" || std::string(name) == "bool"));
  }
  auto none = ParseClean("def f() -> None:\n    pass\n");
  CHECK(none->Stmt(0).function->return_type->object_name == "None");
}

TEST_CASE("memoryview annotations", "[syntax][dialect]") {
  struct Case {
    const char* annotation;
    ScalarKind element;
    int ndim;
    int contiguous;
  };
  const Case cases[] = {{"cython.double[:]", ScalarKind::Double, 1, -1},
                        {"cython.int[:, :]", ScalarKind::Int, 2, -1},
                        {"cython.double[::1]", ScalarKind::Double, 1, 0},
                        {"cython.float[:, ::1]", ScalarKind::Float, 2, 1},
                        {"cython.float[::1, :]", ScalarKind::Float, 2, 0},  // Fortran order
                        {"cython.int[::1, :, :]", ScalarKind::Int, 3, 0}};
  for (const Case& c : cases) {
    INFO(c.annotation);
    auto p = ParseClean(std::string("import cython\nx: ") + c.annotation + "\n");
    const TypeExpr& type = AnnotationOf(*p);
    CHECK(type.kind == TypeExpr::Kind::MemoryView);
    CHECK(type.element == c.element);
    CHECK(type.ndim == c.ndim);
    CHECK(type.contiguous_dim == c.contiguous);
  }
}

TEST_CASE("pointer and array spellings are C data types", "[syntax][dialect]") {
  struct Case {
    const char* annotation;
    TypeExpr::Kind kind;
  };
  const Case cases[] = {{"cython.pointer(cython.int)", TypeExpr::Kind::Pointer},
                        {"cython.pointer[cython.double]", TypeExpr::Kind::Pointer},
                        {"cython.pp_int", TypeExpr::Kind::Pointer},
                        {"cython.int[10]", TypeExpr::Kind::Array},
                        {"cython.double[2][3]", TypeExpr::Kind::Array}};
  for (const Case& c : cases) {
    INFO(c.annotation);
    auto p = ParseClean(std::string("import cython\nx: ") + c.annotation + "\n");
    const TypeExpr& type = AnnotationOf(*p);
    CHECK(type.kind == c.kind);
    REQUIRE(type.target != nullptr);
  }
}

TEST_CASE("bad type spellings are Invalid with PX102 or PX304", "[syntax][dialect]") {
  struct Case {
    const char* annotation;
    const char* code;
  };
  const Case cases[] = {{"cython.foo", "PX102@2:4"},         {"ulonglongx", "PX102@2:4"},
                        {"cython.pointer(3)", "PX102@2:4"},  {"cython.int[0]", "PX102@2:4"},
                        {"'List[int]'", "PX304@2:4"},        {"cython.int[:, ::1, :]", "PX304@2:4"},
                        {"cython.struct(a=cython.int)", "PX304@2:4"},
                        {"cython.double[1:]", "PX304@2:18"}};
  for (const Case& c : cases) {
    INFO(c.annotation);
    Parsed p(std::string("import cython\nx: ") + c.annotation + "\n");
    CHECK(AnnotationOf(p).kind == TypeExpr::Kind::Invalid);
    CHECK(p.Codes() == std::vector<std::string>{c.code});
  }
  // A bare C name gets a fix-it to the dotted spelling.
  Parsed bare("x: double\n");
  REQUIRE(bare.sink.diagnostics().size() == 1);
  const auto& d = bare.sink.diagnostics()[0];
  CHECK(d.code() == "PX102");
  REQUIRE(d.fixits.size() == 1);
  CHECK(d.fixits[0].replacement == "cython.double");
}

TEST_CASE("Cython decorators become FunctionAttrs", "[syntax][dialect]") {
  auto p = ParseClean(
      "import cython\n"
      "@cython.cfunc\n@cython.nogil\n@cython.boundscheck(False)\n@cython.wraparound(True)\n@cython.cdivision(True)\n"
      "@cython.exceptval(-1, check=False)\n@cython.locals(i=cython.Py_ssize_t, s=cython.double)\n@cython.inline\n"
      "@functools.cache\ndef f(n: cython.int) -> cython.int:\n    return n\n"
      "@cython.ccall\n@cython.with_gil\ndef g():\n    pass\n");
  const FunctionAttrs& a = p->Stmt(1).function->attrs;
  CHECK(a.cfunc);
  CHECK(a.nogil);
  CHECK_FALSE(a.ccall);
  CHECK(a.boundscheck == std::optional<bool>(false));
  CHECK(a.wraparound == std::optional<bool>(true));
  CHECK(a.cdivision == std::optional<bool>(true));
  CHECK(a.has_exceptval);
  REQUIRE(a.exceptval_value);
  CHECK(a.exceptval_value->kind == Expr::Kind::Unary);
  CHECK_FALSE(a.exceptval_check);
  REQUIRE(a.locals.size() == 2);
  CHECK(a.locals[0].first == "i");
  CHECK(a.locals[0].second.scalar == ScalarKind::SSizeT);
  CHECK(a.locals[1].second.scalar == ScalarKind::Double);
  std::vector<std::string> paths;
  for (const auto& d : a.decorators) paths.push_back(d.path);
  CHECK(paths == std::vector<std::string>{"cython.cfunc", "cython.nogil", "cython.boundscheck", "cython.wraparound",
                                          "cython.cdivision", "cython.exceptval", "cython.locals", "cython.inline"});
  CHECK(p->Pos(a.decorators[1].range) == "3:1");
  REQUIRE(a.unknown_decorators.size() == 1);
  CHECK(a.unknown_decorators[0]->kind == Expr::Kind::Attribute);
  CHECK(p->Pos(p->Stmt(1).function->range) == "2:1");
  const FunctionAttrs& g = p->Stmt(2).function->attrs;
  CHECK(g.ccall);
  CHECK(g.with_gil);
}

TEST_CASE("decorators imported by name from cython", "[syntax][dialect]") {
  auto p = ParseClean("from cython import cfunc, nogil\n@cfunc\n@nogil\ndef f():\n    pass\n");
  const FunctionAttrs& a = p->Stmt(1).function->attrs;
  CHECK(a.cfunc);
  CHECK(a.nogil);
}

TEST_CASE("Numba decorators: jit and njit, with and without a call", "[syntax][dialect]") {
  auto p = ParseClean(
      "from numba import jit, njit\nimport numba\n"
      "@jit(nopython=True, nogil=True)\ndef a(n: int) -> int:\n    return n\n"
      "@jit(nopython=True)\ndef b(n):\n    return n\n"
      "@njit\ndef c(n):\n    return n\n"
      "@njit(nogil=True, cache=True, fastmath=True)\ndef d(n):\n    return n\n"
      "@jit\ndef e(n):\n    return n\n"
      "@numba.jit(\"int64(int64, float64[::1])\", nopython=True)\ndef f(n, x):\n    return n\n");
  auto attrs = [&](size_t i) -> const FunctionAttrs& { return p->Stmt(i).function->attrs; };
  CHECK(attrs(2).numba);
  CHECK(attrs(2).numba_nopython);
  CHECK(attrs(2).numba_nogil);
  CHECK(attrs(3).numba_nopython);
  CHECK_FALSE(attrs(3).numba_nogil);
  CHECK(attrs(4).numba_nopython);
  CHECK(attrs(5).numba_nopython);
  CHECK(attrs(5).numba_nogil);
  CHECK(attrs(6).numba);
  CHECK_FALSE(attrs(6).numba_nopython);
  const FunctionAttrs& f = attrs(7);
  CHECK(f.has_numba_signature);
  REQUIRE(f.numba_return_type);
  CHECK(f.numba_return_type->scalar == ScalarKind::Long);
  REQUIRE(f.numba_param_types.size() == 2);
  CHECK(f.numba_param_types[0].scalar == ScalarKind::Long);
  CHECK(f.numba_param_types[1].kind == TypeExpr::Kind::MemoryView);
  CHECK(f.numba_param_types[1].contiguous_dim == 0);
  CHECK(p->Pos(f.numba_param_types[1].range) == "18:26");
  CHECK(f.decorators[0].path == "numba.jit");
}

TEST_CASE("a bad Numba signature string is PX102 at the bad part", "[syntax][dialect]") {
  Parsed p("from numba import jit\n@jit(\"int64(intx)\", nopython=True)\ndef f(n):\n    return n\n");
  CHECK(p.Codes() == std::vector<std::string>{"PX102@2:13"});
  CHECK(p.sink.diagnostics()[0].message == "`intx` is not a type pyxx knows");
  CHECK_FALSE(p.Stmt(1).function->attrs.numba_return_type);
}

TEST_CASE("with items: nogil, gil, conditions, directives, others", "[syntax][dialect]") {
  auto p = ParseClean(
      "import cython\nfrom cython import nogil as ng\n"
      "with cython.nogil:\n    pass\nwith ng:\n    pass\nwith cython.gil:\n    pass\n"
      "with cython.nogil(flag), cython.gil(not flag):\n    pass\n"
      "with cython.boundscheck(False), cython.wraparound(False):\n    pass\nwith nogil:\n    pass\n");
  auto item = [&](size_t stmt, size_t i) -> const WithItem& { return p->Stmt(stmt).with_items.at(i); };
  CHECK(item(2, 0).kind == WithItem::Kind::Nogil);
  CHECK(item(2, 0).condition == nullptr);
  CHECK(p->Pos(p->Stmt(2).head_range) == "3:1");
  CHECK(item(3, 0).kind == WithItem::Kind::Nogil);
  CHECK(item(4, 0).kind == WithItem::Kind::Gil);
  CHECK(item(5, 0).kind == WithItem::Kind::Nogil);
  CHECK(item(5, 0).condition->name == "flag");
  CHECK(item(5, 1).kind == WithItem::Kind::Gil);
  CHECK(item(5, 1).condition->unary_op == UnaryOp::Not);
  CHECK(item(6, 0).kind == WithItem::Kind::Directive);
  CHECK(item(6, 0).directive == "boundscheck");
  CHECK_FALSE(item(6, 0).directive_value);
  CHECK(item(6, 1).directive == "wraparound");
  // Not imported from cython: stays Other with the plain Name.
  CHECK(item(7, 0).kind == WithItem::Kind::Other);
  CHECK(item(7, 0).value->name == "nogil");
}

TEST_CASE("the article's Cython program (spec section 10) lowers with no diagnostics", "[syntax][article]") {
  auto p = ParseClean(R"(import cython

@cython.cfunc
@cython.nogil
def fibonacci(n: cython.ulong) -> cython.ulong:
    if n <= 1:
        return n
    a: cython.ulong = 0
    b: cython.ulong = 1
    c: cython.ulong = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b
    return c

def cython_nogil(n: cython.ulong):
    with cython.nogil:
        value = fibonacci(n)
    return value

def cython_gil(n: cython.ulong):
    return fibonacci(n)
)");
  REQUIRE(p->module.body.size() == 4);
  const Function& fib = *p->Stmt(1).function;
  CHECK(fib.name == "fibonacci");
  CHECK(fib.attrs.cfunc);
  CHECK(fib.attrs.nogil);
  CHECK(fib.params[0].annotation->scalar == ScalarKind::ULong);
  CHECK(fib.return_type->scalar == ScalarKind::ULong);
  REQUIRE(fib.body.size() == 6);
  CHECK(fib.body[1]->annotation->scalar == ScalarKind::ULong);
  CHECK(fib.body[4]->kind == Stmt::Kind::For);
  const Function& nogil = *p->Stmt(2).function;
  CHECK_FALSE(nogil.attrs.cfunc);
  CHECK_FALSE(nogil.return_type);
  REQUIRE(nogil.body[0]->kind == Stmt::Kind::With);
  CHECK(nogil.body[0]->with_items[0].kind == WithItem::Kind::Nogil);
  CHECK(p->Pos(nogil.body[0]->head_range) == "18:5");
  CHECK(p->Stmt(3).function->body[0]->kind == Stmt::Kind::Return);
}

TEST_CASE("the article's Numba program lowers with no diagnostics", "[syntax][article]") {
  auto p = ParseClean(R"(from numba import jit

N = 1_000_000_000

# The `int` type annotation is only for humans and is ignored
# by Numba.
@jit(nopython=True, nogil=True)
def numba_nogil(n: int) -> int:
    if n <= 1:
        return n

    a = 0
    b = 1

    c = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b

    return c


# Run using `nopython` mode to receive a performance boost,
# but GIL remains locked due to `nogil=False` by default.
@jit(nopython=True)
def numba_gil(n: int) -> int:
    if n <= 1:
        return n

    a = 0
    b = 1

    c = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b

    return c


# Call each function once to force compilation; we don't want
# the timing statistics to include how long it takes to compile.
numba_nogil(N)
numba_gil(N);
)");
  CHECK(p->Stmt(1).value->text == "1000000000");
  const Function& nogil = *p->Stmt(2).function;
  CHECK(nogil.attrs.numba);
  CHECK(nogil.attrs.numba_nopython);
  CHECK(nogil.attrs.numba_nogil);
  CHECK(nogil.params[0].annotation->object_name == "int");
  CHECK(nogil.params[0].annotation->python_builtin_spelling);
  const Function& gil = *p->Stmt(3).function;
  CHECK(gil.attrs.numba_nopython);
  CHECK_FALSE(gil.attrs.numba_nogil);
  CHECK(p->module.body.size() == 6);
}
