// The checker on small modules: inferred local types, GIL effects of `with`
// items, which functions can raise, and the diagnostics' positions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "check/checker.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/parse.h"
#include "syntax/walk.h"

namespace {

struct Checked {
  pyxx::base::SourceBuffer source;
  pyxx::syntax::Module module;
  pyxx::diag::DiagnosticSink sink;
  pyxx::check::CheckedModule checked;

  explicit Checked(std::string text) : source("test.pyx", std::move(text)) {
    module = pyxx::syntax::Parse(source, "test", sink);
    checked = pyxx::check::Check(module, source, sink);
  }
  auto Local(const std::string& fn, const std::string& name) -> pyxx::check::Type {
    const auto& f = checked.functions[checked.function_index.at(fn)];
    return f.locals[f.local_index.at(name)].type;
  }
  auto Codes() -> std::vector<std::string> {
    std::vector<std::string> codes;
    for (const auto& d : sink.Finish(false)) {
      codes.emplace_back(d.code());
    }
    return codes;
  }
};

}  // namespace

using pyxx::check::TypeKind;

TEST_CASE("unannotated locals take the type of what is assigned", "[check]") {
  Checked c(R"(import cython

def f(n: cython.ulong, x: cython.float, obj):
    a = 0
    b = n
    c = a + b
    d = 1
    d = 2.5
    e = x * 2
    g = obj
    h = 0
    h = obj
    return a, b, c, d, e, g, h
)");
  CHECK(c.Codes().empty());
  CHECK(c.Local("f", "a").kind == TypeKind::Long);
  CHECK(c.Local("f", "b").kind == TypeKind::ULong);
  CHECK(c.Local("f", "c").kind == TypeKind::ULong);
  CHECK(c.Local("f", "d").kind == TypeKind::Double);
  CHECK(c.Local("f", "e").kind == TypeKind::Float);
  CHECK(c.Local("f", "g").IsObject());
  CHECK(c.Local("f", "h").IsObject());
}

TEST_CASE("Numba return types are inferred, recursion included", "[check]") {
  Checked c(R"(from numba import njit

@njit
def f(n: int):
    if n <= 0:
        return 0
    return f(n - 1) + 1
)");
  CHECK(c.Codes().empty());
  const auto& f = c.checked.functions[0];
  CHECK(f.return_type.kind == TypeKind::Long);
  CHECK(f.nogil);
}

TEST_CASE("with items fold constant conditions", "[check]") {
  Checked c(R"(import cython

def f(n: cython.int, flag: cython.bint) -> cython.int:
    with cython.nogil(False):
        n = n + 1
    with cython.nogil(flag):
        n = n + 1
    with cython.nogil:
        with cython.gil:
            n = n + 1
    return n
)");
  CHECK(c.Codes().empty());
  std::vector<pyxx::check::WithEffect> effects;
  const auto& body = c.checked.functions.at(0).syntax->body;
  pyxx::syntax::ForEachStmtIn(body, [&](const pyxx::syntax::Stmt& s) {
    for (size_t i = 0; i < s.with_items.size(); ++i) {
      effects.push_back(c.checked.WithEffectOf(s, i));
    }
  });
  using E = pyxx::check::WithEffect;
  CHECK(std::count(effects.begin(), effects.end(), E::None) == 1);
  CHECK(std::count(effects.begin(), effects.end(), E::ReleaseIf) == 1);
  CHECK(std::count(effects.begin(), effects.end(), E::Release) == 1);
  CHECK(std::count(effects.begin(), effects.end(), E::Acquire) == 1);
}

TEST_CASE("only functions that can raise lose noexcept", "[check]") {
  Checked c(R"(import cython

@cython.cfunc
@cython.nogil
def add(a: cython.long, b: cython.long) -> cython.long:
    return a + b

@cython.cfunc
@cython.nogil
def div(a: cython.long, b: cython.long) -> cython.long:
    return a // b

@cython.cfunc
@cython.nogil
def uses_div(a: cython.long) -> cython.long:
    return div(a, 2) + add(a, 1)
)");
  CHECK(c.Codes().empty());
  auto raises = [&](const char* name) { return c.checked.functions[c.checked.function_index.at(name)].can_raise; };
  CHECK_FALSE(raises("add"));
  CHECK(raises("div"));
  CHECK(raises("uses_div"));
}

TEST_CASE("a GIL diagnostic points at its root cause with a note at the release", "[check]") {
  Checked c(R"(import cython

def f(obj):
    with cython.nogil:
        x = obj[0] + 1
    return x
)");
  auto diagnostics = c.sink.Finish(false);
  REQUIRE(diagnostics.size() == 1);
  const auto& d = diagnostics[0];
  CHECK(d.code() == "PX201");
  CHECK(c.source.Slice(d.range) == "obj[0]");
  REQUIRE(d.notes.size() == 1);
  CHECK(c.source.Slice(d.notes[0].range) == "cython.nogil");
}

TEST_CASE("a call chain is walked to the line that needs the GIL", "[check]") {
  Checked c(R"(import cython

@cython.cfunc
def inner(n: cython.int) -> cython.int:
    print(n)
    return n

@cython.cfunc
def middle(n: cython.int) -> cython.int:
    return inner(n)

@cython.cfunc
@cython.nogil
def outer(n: cython.int) -> cython.int:
    return middle(n)
)");
  auto diagnostics = c.sink.Finish(false);
  REQUIRE(diagnostics.size() == 1);
  std::vector<std::string> noted;
  for (const auto& n : diagnostics[0].notes) {
    noted.emplace_back(c.source.Slice(n.range));
  }
  CHECK(std::find(noted.begin(), noted.end(), "inner(n)") != noted.end());
  CHECK(std::find(noted.begin(), noted.end(), "print(n)") != noted.end());
}
