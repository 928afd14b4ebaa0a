// Syntax-phase diagnostics (PX001-PX007), the classic-Cython pre-scan,
// limits on pathological input, and a small mutation fuzz loop.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <random>
#include <string>

#include "syntax/classic_cython.h"
#include "syntax/node_kinds.h"
#include "syntax/parse.h"

using namespace pyxx;
using namespace pyxx::syntax;

namespace {

struct Parsed {
  base::SourceBuffer source;
  diag::DiagnosticSink sink;
  Module module;
  explicit Parsed(std::string text, const ParseOptions& options = {}) : source("diag.pyx", std::move(text)) {
    module = Parse(source, "diag", sink, options);
  }
  auto Pos(uint32_t offset) const -> std::string {
    auto at = source.Locate(offset);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
  // "PX002@1:5" for each diagnostic, in report order.
  auto Codes() const -> std::vector<std::string> {
    std::vector<std::string> codes;
    for (const auto& d : sink.diagnostics()) {
      codes.push_back(std::string(d.code()) + "@" + Pos(d.range.begin));
    }
    return codes;
  }
  auto Only() const -> const diag::Diagnostic& {
    REQUIRE(sink.diagnostics().size() == 1);
    return sink.diagnostics()[0];
  }
  // The fix-it as "line:col-line:col => text".
  auto FixIt(const diag::Diagnostic& d, size_t i = 0) const -> std::string {
    REQUIRE(d.fixits.size() > i);
    return Pos(d.fixits[i].range.begin) + "-" + Pos(d.fixits[i].range.end) + " => " + d.fixits[i].replacement;
  }
};

// The article's original Cython cell, as published (classic syntax).
constexpr const char* kArticlePyx = R"(%%cython

# Annotating a function with `nogil` indicates only that it is safe
# to call in a `with nogil` block. It *does not* release the GIL.
cdef unsigned long fibonacci(unsigned long n) nogil:
    if n <= 1:
        return n

    cdef unsigned long a = 0, b = 1, c = 0

    c = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b

    return c


def cython_nogil(unsigned long n):
    # Explicitly release the GIL while running `fibonacci`
    with nogil:
        value = fibonacci(n)

    return value


def cython_gil(unsigned long n):
    # Because the GIL is not explicitly released, it implicitly
    # remains acquired when running the `fibonacci` function
    return fibonacci(n)
)";

}  // namespace

TEST_CASE("every grammar name the lowering uses exists in the linked grammar", "[syntax]") {
  CHECK(UnresolvedGrammarNames().empty());
}

TEST_CASE("PX001: invalid UTF-8 stops at the first bad byte", "[syntax][diag]") {
  Parsed p("x = 1\ny = '\xff'\n");
  CHECK(p.Codes() == std::vector<std::string>{"PX001@2:6"});
  CHECK(p.module.body.empty());
}

TEST_CASE("PX002: one diagnostic per error region, at the culprit", "[syntax][diag]") {
  CHECK(Parsed("foo(1, 2\nx = 3\n").Codes() == std::vector<std::string>{"PX002@1:4"});
  CHECK(Parsed("foo(1, 2\nx = 3\n").Only().message == "invalid syntax: `(` was never closed");
  CHECK(Parsed("x = )\n").Only().message == "invalid syntax: unmatched `)`");
  Parsed operand("x = 1 +\ny = 2\n");
  CHECK(operand.Codes() == std::vector<std::string>{"PX002@1:7"});
  CHECK(operand.Only().message == "invalid syntax: expected an expression after `+`");
  Parsed skipped("def f(x):\n    y = x x\n    return y\n");
  CHECK(skipped.Codes() == std::vector<std::string>{"PX002@2:9"});
  CHECK(skipped.Only().message == "invalid syntax: unexpected `x`");
  // The rest of the file is still lowered.
  CHECK(skipped.module.body.size() == 1);
}

TEST_CASE("PX002: syntax errors are capped", "[syntax][diag]") {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "def f(:\n    pass\n";
  }
  Parsed p(text);
  CHECK(p.sink.diagnostics().size() == 20);
}

TEST_CASE("PX003: missing tokens with an insertion fix-it", "[syntax][diag]") {
  Parsed paren("def f(:\n    pass\n");
  const auto& d = paren.Only();
  CHECK(d.code() == "PX003");
  CHECK(d.message == "expected `)`");
  CHECK(paren.Pos(d.range.begin) == "1:7");
  CHECK(paren.FixIt(d) == "1:7-1:7 => )");
  Parsed colon("if x\n    pass\n");
  CHECK(colon.Only().message == "expected `:`");
  CHECK(colon.FixIt(colon.Only()) == "1:5-1:5 => :");
}

TEST_CASE("PX004: Python 2 statements, with the Python 3 spelling", "[syntax][diag]") {
  Parsed print("print \"x\"\nprint >>f, a, b,\nexec \"code\" in d\n");
  REQUIRE(print.sink.diagnostics().size() == 3);
  const auto& first = print.sink.diagnostics()[0];
  CHECK(first.code() == "PX004");
  CHECK(first.message == "Python 2 `print` statement is not valid Python 3");
  CHECK(print.Pos(first.range.begin) == "1:1");
  CHECK(print.FixIt(first) == "1:1-1:10 => print(\"x\")");
  CHECK(print.FixIt(print.sink.diagnostics()[1]) == "2:1-2:17 => print(a, b, end=\" \", file=f)");
  CHECK(print.FixIt(print.sink.diagnostics()[2]) == "3:1-3:17 => exec(\"code\", d)");
  CHECK(print.module.body[0]->kind == Stmt::Kind::Print2);
  CHECK(print.module.body[2]->kind == Stmt::Kind::Exec2);
}

TEST_CASE("PX005: the article's classic Cython, answered with pure mode", "[syntax][diag][article]") {
  Parsed p(kArticlePyx);
  CHECK(p.module.body.empty());
  CHECK(p.Codes() == std::vector<std::string>{"PX005@5:1", "PX005@9:5", "PX005@20:18", "PX005@28:16"});
  const auto& diags = p.sink.diagnostics();
  CHECK(diags[0].message ==
        "classic Cython syntax `cdef` is not supported; pyxx reads Cython's pure-Python mode");
  CHECK(p.FixIt(diags[0]) ==
        "5:1-5:53 => @cython.cfunc\n@cython.nogil\ndef fibonacci(n: cython.ulong) -> cython.ulong:");
  CHECK(p.FixIt(diags[1]) == "9:5-9:43 => a: cython.ulong = 0\n    b: cython.ulong = 1\n    c: cython.ulong = 0");
  CHECK(diags[2].message ==
        "classic Cython syntax `unsigned long n` is not supported; pyxx reads Cython's pure-Python mode");
  CHECK(p.FixIt(diags[2]) == "20:1-20:35 => def cython_nogil(n: cython.ulong):");
  CHECK(p.FixIt(diags[3]) == "28:1-28:33 => def cython_gil(n: cython.ulong):");
}

TEST_CASE("PX005: other classic forms", "[syntax][diag]") {
  struct Case {
    const char* line;
    const char* fixit;  // "" when the translation is not mechanical
  };
  const Case cases[] = {
      {"cimport cython", "import cython"},
      {"from libc.math cimport sqrt", "from cython.cimports.libc.math import sqrt"},
      {"cpdef double g(double x, int y=3) except? -1:", "@cython.ccall\n@cython.exceptval(-1, check=True)\n"
                                                        "def g(x: cython.double, y: cython.int = 3) -> cython.double:"},
      {"cdef int x = 0", "x: cython.int = 0"},
      {"cdef long long big", "big: cython.longlong"},
      {"cdef unsigned int u = 1", "u: cython.uint = 1"},
      {"cdef double[:, ::1] view = arr", "view: cython.double[:, ::1] = arr"},
      {"cdef class Point(Base):", "@cython.cclass\nclass Point(Base):"},
      {"cdef void f(Py_ssize_t i) with gil:", "@cython.cfunc\n@cython.with_gil\ndef f(i: cython.Py_ssize_t) -> cython.void:"},
      {"cdef inline bint h(object o) noexcept nogil:",
       "@cython.cfunc\n@cython.inline\n@cython.exceptval(check=False)\n@cython.nogil\ndef h(o: object) -> cython.bint:"},
      {"cdef int *p", ""},
      {"ctypedef unsigned long ulong_t", ""},
      {"cdef extern from \"math.h\":", ""},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Parsed p(std::string(c.line) + "\n");
    const auto& d = p.Only();
    CHECK(d.code() == "PX005");
    if (std::string(c.fixit).empty()) {
      CHECK(d.fixits.empty());
    } else {
      REQUIRE(d.fixits.size() == 1);
      CHECK(d.fixits[0].replacement == c.fixit);
    }
  }
  // Classic syntax inside a string literal is not code.
  CHECK(Parsed("s = \"\"\"\ncdef int x = 0\n\"\"\"\n").sink.diagnostics().empty());
  CHECK(PureModeType("unsigned long long") == std::optional<std::string>("cython.ulonglong"));
  CHECK(PureModeType("char *") == std::nullopt);
}

TEST_CASE("PX005: a 500 KB run of classic Cython is answered quickly", "[syntax][diag][limits]") {
  std::string text;
  while (text.size() < 500 * 1024) {
    text += "cdef unsigned long fibonacci(unsigned long n) nogil:\n    cdef unsigned long a = 0, b = 1\n"
            "cimport cython\ncdef class A:\n    pass\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Parsed p(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(1));
  CHECK(p.module.body.empty());
  REQUIRE_FALSE(p.sink.diagnostics().empty());
  CHECK(p.sink.diagnostics()[0].code() == "PX005");
  CHECK(p.sink.diagnostics().size() <= 100);
}

TEST_CASE("PX006: bare memoryview annotations, and no PX002 for them", "[syntax][diag]") {
  Parsed local("a: double[:]\nb = 1\n");
  CHECK(local.Codes() == std::vector<std::string>{"PX006@1:4"});
  CHECK(local.Only().message == "memoryview annotation `double[:]` must name the element type through `cython`");
  CHECK(local.FixIt(local.Only()) == "1:4-1:13 => cython.double[:]");
  Parsed param("import cython\ndef f(x: int[:, ::1]) -> cython.int:\n    return 0\n");
  CHECK(param.Codes() == std::vector<std::string>{"PX006@2:10"});
  CHECK(param.FixIt(param.Only()) == "2:10-2:21 => cython.int[:, ::1]");
}

TEST_CASE("PX007: size limit, operation limit and nesting depth", "[syntax][diag][limits]") {
  ParseOptions small;
  small.max_bytes = 10;
  Parsed big("x = 1234567890\n", small);
  CHECK(big.Codes() == std::vector<std::string>{"PX007@1:1"});

  ParseOptions instant;
  instant.max_operations_per_byte = 0;
  instant.base_operations = 0;
  std::string long_file;
  for (int i = 0; i < 20000; ++i) {
    long_file += "x = (1 + 2) * [3, 4]\n";
  }
  Parsed timed(long_file, instant);
  CHECK(timed.Codes() == std::vector<std::string>{"PX007@1:1"});

  // The limit counts parser operations, so it is exact: this code needs about
  // 3 a byte, which the default allows and a limit of 1 a byte does not.
  std::string medium_file;
  for (int i = 0; i < 2000; ++i) {
    medium_file += "x = (1 + 2) * [3, 4]\n";
  }
  ParseOptions tight;
  tight.max_operations_per_byte = 1;
  tight.base_operations = 0;
  CHECK(Parsed(medium_file, tight).Codes() == std::vector<std::string>{"PX007@1:1"});
  CHECK(Parsed(medium_file).Codes().empty());

  for (const char* open : {"(", "-(", "[", "f("}) {
    INFO(open);
    std::string deep = "x = ";
    for (int i = 0; i < 10000; ++i) deep += open;
    deep += "1";
    const char close = std::string(open).back() == '[' ? ']' : ')';
    deep += std::string(10000, close);
    deep += "\n";
    Parsed p(deep);
    REQUIRE(p.sink.diagnostics().size() == 1);
    CHECK(p.sink.diagnostics()[0].code() == "PX007");
  }
  // Moderate nesting is fine.
  std::string nested = "x = ";
  for (int i = 0; i < 50; ++i) nested += "-(";
  nested += "1" + std::string(50, ')') + "\n";
  CHECK(Parsed(nested).sink.diagnostics().empty());
}

TEST_CASE("random mutations of a valid file never crash", "[syntax][fuzz]") {
  const std::string seed = R"py(import cython
from cython.parallel import prange
from numba import jit

@cython.cfunc
@cython.nogil
@cython.boundscheck(False)
def fib(n: cython.ulong, xs: cython.double[:, ::1]) -> cython.ulong:
    a: cython.ulong = 0
    with cython.nogil(n > 2), cython.gil:
        for i in prange(n, nogil=True):
            a += xs[i, 0] if i else -(-(a))
    try:
        print(f"{a!r:>{n}} {n=}", b"\x00" 'x')
    except (ValueError, KeyError) as e:
        raise RuntimeError("bad") from e
    finally:
        del a
    return a

@jit("int64(int64)", nopython=True, nogil=True)
def numba_nogil(n: int) -> int:
    return n if n <= 1 else {**d, 1: [x for x in n]}
)py";
  const std::string alphabet = "()[]{}:;,.=+-*/\\'\"#@\n\t x0f\xc3\xa9";
  std::mt19937 rng(20240601);
  for (int round = 0; round < 300; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % (text.size() + 1);
      switch (rng() % 4) {
        case 0:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1 + rng() % 5);
          break;
        case 2:
          if (at < text.size()) text[at] = alphabet[rng() % alphabet.size()];
          break;
        default: {
          const size_t from = rng() % text.size();
          text.insert(at, text.substr(from, rng() % 40));
        }
      }
    }
    Parsed p(text);
    const std::string dump = Dump(p.module, p.source);
    CHECK_FALSE(dump.empty());
    for (const auto& d : p.sink.diagnostics()) {
      CHECK(d.range.begin <= d.range.end);
      CHECK(d.range.end <= text.size());
    }
  }
}
