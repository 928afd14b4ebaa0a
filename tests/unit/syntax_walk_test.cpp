// syntax/walk.h: every child is visited (comprehension clauses, handlers, else
// and finally blocks), in evaluation order; binding walks; dense node ids.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "syntax/parse.h"
#include "syntax/walk.h"

using namespace pyxx;
using namespace pyxx::syntax;

namespace {

struct Parsed {
  base::SourceBuffer source;
  diag::DiagnosticSink sink;
  Module module;
  explicit Parsed(std::string text) : source("test.pyx", std::move(text)) { module = Parse(source, "test", sink); }
};

auto NamesIn(const Block& block) -> std::vector<std::string> {
  std::vector<std::string> names;
  ForEachExprIn(block, [&](const Expr& e) {
    if (e.kind == Expr::Kind::Name) {
      names.push_back(e.name);
    }
  });
  return names;
}

}  // namespace

TEST_CASE("deep walks see comprehension clauses, first clause first", "[syntax][walk]") {
  Parsed p("r = [f(a) for x in g(b) if h(c) for y in x]\n");
  REQUIRE(p.sink.diagnostics().empty());
  CHECK(NamesIn(p.module.body) == std::vector<std::string>{"g", "b", "x", "h", "c", "x", "y", "f", "a", "r"});
}

TEST_CASE("dict comprehensions, conditionals and calls list every child", "[syntax][walk]") {
  Parsed p("r = {k: v(w) for k in m if k}\ns = a if c else b\nt = f(p, *q, k=z, **kw)\n");
  REQUIRE(p.sink.diagnostics().empty());
  CHECK(NamesIn(p.module.body) == std::vector<std::string>{"m", "k", "k", "k", "v", "w", "r", "c", "a", "b", "s", "f",
                                                           "p", "q", "z", "kw", "t"});
}

TEST_CASE("statement walks reach handlers, else and finally blocks", "[syntax][walk]") {
  Parsed p(R"(try:
    a = 1
except ValueError as e:
    b = 2
else:
    c = 3
finally:
    d = 4
for i in range(3):
    pass
else:
    f = 5
)");
  REQUIRE(p.sink.diagnostics().empty());
  std::vector<std::string> bound;
  ForEachStmtIn(p.module.body, [&](const Stmt& s) {
    ForEachBoundName(s, [&](std::string_view name, base::SourceRange) { bound.emplace_back(name); });
  });
  CHECK(bound == std::vector<std::string>{"e", "a", "b", "c", "d", "i", "f"});
}

TEST_CASE("binding walks see nested targets and starred names", "[syntax][walk]") {
  Parsed p("a, (b, *c), d.x, e[0] = v\n");
  REQUIRE(p.sink.diagnostics().empty());
  std::vector<std::string> names;
  ForEachBoundName(*p.module.body.at(0)->targets.at(0), [&](const Expr& n) { names.push_back(n.name); });
  CHECK(names == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("every node has a distinct dense id below the module's counts", "[syntax][walk]") {
  Parsed p(R"(import cython

@cython.cfunc
def f(x: cython.int = 3) -> cython.int:
    y = [i * x for i in range(x) if i]
    with cython.nogil:
        x += 1
    return x + len(y)
)");
  REQUIRE(p.sink.diagnostics().empty());
  std::set<ExprId> exprs;
  std::set<StmtId> stmts;
  auto visit = [&](auto& self, const Stmt& s) -> void {
    CHECK(Index(s.id) < p.module.stmt_count);
    CHECK(stmts.insert(s.id).second);
    ForEachChild(s, Overloaded{[&](const Expr& e) {
                                 ForEachExprIn(e, [&](const Expr& x) {
                                   CHECK(Index(x.id) < p.module.expr_count);
                                   CHECK(exprs.insert(x.id).second);
                                 });
                               },
                               [&](const Stmt& child) { self(self, child); }});
  };
  for (const auto& s : p.module.body) {
    visit(visit, *s);
  }
  CHECK(exprs.size() > 10);
  // The default value and the function body are reached through the `def`.
  CHECK(stmts.size() == 6);
}
