// Tests of `--verify`: each directive form, passing and failing.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/verify.h"

namespace pyxx::diag {
namespace {

// A diagnostic of `kind` on 1-based `line` of `source`.
auto On(const base::SourceBuffer& source, uint32_t line, Kind kind, std::string message = "message")
    -> Diagnostic {
  uint32_t at = source.LineStart(line);
  return Diagnostic{kind, Info(kind).severity, {at, at + 1}, std::move(message), {}, {}};
}

auto WithNote(Diagnostic d, const base::SourceBuffer& source, uint32_t line, std::string message) -> Diagnostic {
  uint32_t at = source.LineStart(line);
  d.notes.push_back({Kind::GilReleasedHere, {at, at}, std::move(message)});
  return d;
}

auto Problems(const base::SourceBuffer& source, const std::vector<Diagnostic>& diagnostics)
    -> std::vector<std::string> {
  VerifyResult result = Verify(source, diagnostics);
  CHECK(result.ok == result.problems.empty());
  return result.problems;
}

using Lines = std::vector<std::string>;

TEST_CASE("verify: a directive on the offending line", "[diag][verify]") {
  base::SourceBuffer source("t.pyx",
                            "import cython\n"
                            "x = obj + 1  # expected-error PX201\n");
  CHECK(Problems(source, {On(source, 2, Kind::PythonObjectWithoutGil)}).empty());
  CHECK(Problems(source, {}) == Lines{"t.pyx:2: expected error PX201 was not reported"});
  CHECK(Problems(source, {On(source, 2, Kind::GilRequiringCall, "call to `f`")}) ==
        Lines{"t.pyx:2: expected error PX201 was not reported",
              "t.pyx:2: unexpected error PX202: call to `f`"});
  CHECK(Problems(source, {On(source, 1, Kind::PythonObjectWithoutGil, "m")}) ==
        Lines{"t.pyx:1: unexpected error PX201: m", "t.pyx:2: expected error PX201 was not reported"});
}

TEST_CASE("verify: @+N, @-N and @N", "[diag][verify]") {
  base::SourceBuffer source("t.pyx",
                            "# expected-error@+2 PX201\n"
                            "# expected-error@+1 PX202\n"
                            "f(obj)\n"
                            "g()\n"
                            "# expected-error@-1 PX101\n"
                            "# expected-warning@4 PX401\n");
  std::vector<Diagnostic> all = {On(source, 3, Kind::PythonObjectWithoutGil), On(source, 3, Kind::GilRequiringCall),
                                 On(source, 4, Kind::UndefinedName), On(source, 4, Kind::UnusedVariable)};
  CHECK(Problems(source, all).empty());
  CHECK(Problems(source, {all[0], all[1], all[2]}) == Lines{"t.pyx:4: expected warning PX401 was not reported"});

  base::SourceBuffer outside("o.pyx", "# expected-error@-1 PX201\n# expected-error@9 PX201\n# expected-error@+x PX201\n");
  CHECK(Problems(outside, {}) == Lines{"o.pyx:1: `@-1` refers to line 0, outside the file",
                                       "o.pyx:2: `@9` refers to line 9, outside the file",
                                       "o.pyx:3: invalid line `@+x` (write @+N, @-N or @N)"});
}

TEST_CASE("verify: `: text` must occur in the message", "[diag][verify]") {
  base::SourceBuffer source("t.pyx", "print(n)  # expected-error PX202: call to `print`\n");
  CHECK(Problems(source, {On(source, 1, Kind::GilRequiringCall, "call to `print`, which needs the GIL")}).empty());
  CHECK(Problems(source, {On(source, 1, Kind::GilRequiringCall, "call to `len`, which needs the GIL")}) ==
        Lines{"t.pyx:1: expected error PX202 matching `call to `print`` was not reported",
              "t.pyx:1: unexpected error PX202: call to `len`, which needs the GIL"});
  base::SourceBuffer empty_text("e.pyx", "x  # expected-error PX202:\n");
  CHECK(Problems(empty_text, {}) == Lines{"e.pyx:1: empty text after `:`"});
}

TEST_CASE("verify: a directive without a code matches any code", "[diag][verify]") {
  base::SourceBuffer source("t.pyx", "x = y  # expected-error: not defined\nz  # expected-error\n");
  CHECK(Problems(source, {On(source, 1, Kind::UndefinedName, "name `y` is not defined"),
                          On(source, 2, Kind::SyntaxError, "invalid syntax")})
            .empty());
  // Warnings are not errors.
  CHECK(Problems(source, {On(source, 1, Kind::UndefinedName, "name `y` is not defined"),
                          On(source, 2, Kind::UnusedVariable, "local")}) ==
        Lines{"t.pyx:2: expected error was not reported", "t.pyx:2: unexpected warning PX401: local"});
}

TEST_CASE("verify: the best assignment is found, not the first", "[diag][verify]") {
  // The code-less directive must not take the PX201 the specific one needs.
  base::SourceBuffer source("t.pyx", "x  # expected-error expected-error PX201\n");
  CHECK(Problems(source, {On(source, 1, Kind::PythonObjectWithoutGil), On(source, 1, Kind::GilRequiringCall)})
            .empty());
}

TEST_CASE("verify: counts", "[diag][verify]") {
  base::SourceBuffer source("t.pyx", "f(a, b)  # expected-error 2 PX201\n");
  auto d = On(source, 1, Kind::PythonObjectWithoutGil);
  CHECK(Problems(source, {d, d}).empty());
  CHECK(Problems(source, {d}) == Lines{"t.pyx:1: expected 2 errors PX201 but 1 was reported"});
  CHECK(Problems(source, {d, d, d}) == Lines{"t.pyx:1: unexpected error PX201: message"});
  base::SourceBuffer zero("z.pyx", "x  # expected-error 0 PX201\n");
  CHECK(Problems(zero, {}) == Lines{"z.pyx:1: invalid count `0` (write a number from 1 up)"});
}

TEST_CASE("verify: several directives in one comment and in separate comments", "[diag][verify]") {
  base::SourceBuffer source("t.pyx",
                            "f(obj)  # expected-error PX201: object expected-error PX202 # expected-warning PX401\n");
  CHECK(Problems(source, {On(source, 1, Kind::PythonObjectWithoutGil, "Python object without the GIL"),
                          On(source, 1, Kind::GilRequiringCall), On(source, 1, Kind::UnusedVariable)})
            .empty());
  Directives directives = ScanDirectives(source);
  REQUIRE(directives.expected.size() == 3);
  CHECK(directives.expected[0].text == "object");
  CHECK(directives.expected[1].code == "PX202");
  CHECK(directives.expected[2].severity == Severity::Warning);
}

TEST_CASE("verify: notes are checked only when a note is expected", "[diag][verify]") {
  base::SourceBuffer source("t.pyx",
                            "@cython.nogil  # expected-note: released here\n"
                            "def f():\n"
                            "    with cython.nogil:  # expected-error PX203\n"
                            "        pass\n");
  Diagnostic d = WithNote(On(source, 3, Kind::NestedNogil), source, 1, "the GIL is released here");
  CHECK(Problems(source, {d}).empty());
  Diagnostic without = On(source, 3, Kind::NestedNogil);
  CHECK(Problems(source, {without}) == Lines{"t.pyx:1: expected note matching `released here` was not reported"});
  Diagnostic extra = WithNote(d, source, 2, "another note");
  CHECK(Problems(source, {extra}) == Lines{"t.pyx:2: unexpected note: another note"});

  base::SourceBuffer no_notes("n.pyx", "with cython.nogil:  # expected-error PX203\n");
  CHECK(Problems(no_notes, {WithNote(On(no_notes, 1, Kind::NestedNogil), no_notes, 1, "ignored")}).empty());
  base::SourceBuffer coded("c.pyx", "x  # expected-note PX201\n");
  CHECK(Problems(coded, {}) == Lines{"c.pyx:1: notes have no code; write `expected-note: text` instead of `PX201`"});
}

TEST_CASE("verify: expected-no-diagnostics and files without directives", "[diag][verify]") {
  base::SourceBuffer clean("ok.pyx", "# ok-for: PX201\n# expected-no-diagnostics\nx = 1\n");
  CHECK(Problems(clean, {}).empty());
  CHECK(Problems(clean, {On(clean, 3, Kind::UnusedVariable, "local `x` is assigned but never used")}) ==
        Lines{"ok.pyx:3: unexpected warning PX401: local `x` is assigned but never used"});
  base::SourceBuffer bare("bare.pyx", "x = 1\n");
  CHECK(Problems(bare, {}) ==
        Lines{"bare.pyx: no expected directives found (write `# expected-no-diagnostics` if none are expected)"});
  base::SourceBuffer empty("empty.pyx", "");
  CHECK_FALSE(Verify(empty, {}).ok);
  base::SourceBuffer both("both.pyx", "# expected-no-diagnostics\nx  # expected-error PX201\n");
  CHECK(Problems(both, {On(both, 2, Kind::PythonObjectWithoutGil)}) ==
        Lines{"both.pyx: `expected-no-diagnostics` together with expected diagnostics"});
}

TEST_CASE("verify: malformed directives are reported", "[diag][verify]") {
  base::SourceBuffer source("t.pyx",
                            "a  # expected-eror PX201\n"
                            "b  # expected-error PX999\n"
                            "c  # expected-error PX201 because\n"
                            "d  # expected-no-diagnostics please\n");
  CHECK(Problems(source, {}) ==
        Lines{"t.pyx:1: unknown directive `expected-eror` (expected-error, expected-warning, expected-note or "
              "expected-no-diagnostics)",
              "t.pyx:2: unknown diagnostic code `PX999`",
              "t.pyx:3: unexpected `because` in directive (write [count] [PXnnn] [: text])",
              "t.pyx:4: unexpected `please` after `expected-no-diagnostics`"});
  // Codes are case-insensitive and normalised.
  base::SourceBuffer lower("l.pyx", "x  # expected-error px201\n");
  CHECK(Problems(lower, {On(lower, 1, Kind::PythonObjectWithoutGil)}).empty());
}

TEST_CASE("verify: `#` inside string literals does not start a comment", "[diag][verify]") {
  std::string text =
      "s = \"# expected-error PX201\"  # expected-error PX202\n"
      "t = '''\n"
      "# expected-error PX203\n"
      "'''\n"
      "u = 'it\\'s # not a comment'\n"
      "v = \"unterminated\n"
      "w = 1  # expected-warning PX401\n";
  base::SourceBuffer source("s.pyx", text);
  std::vector<Comment> comments = FindComments(text);
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].line == 1);
  CHECK(comments[0].text == " expected-error PX202");
  CHECK(comments[1].line == 7);
  CHECK(Problems(source, {On(source, 1, Kind::GilRequiringCall), On(source, 7, Kind::UnusedVariable)}).empty());
  CHECK(FindComments("x = 1 # c\r\n").at(0).text == " c");
}

TEST_CASE("verify: a file that does not parse can still be verified", "[diag][verify]") {
  base::SourceBuffer source("p.pyx", "def f(:  # expected-error PX002\n");
  CHECK(Problems(source, {On(source, 1, Kind::SyntaxError, "invalid syntax")}).empty());
}

}  // namespace
}  // namespace pyxx::diag
