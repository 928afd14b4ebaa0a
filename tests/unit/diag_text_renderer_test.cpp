// Snapshot tests of the text renderer: hand-made sources and diagnostics,
// compared with the exact text a user sees.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <string_view>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/text_renderer.h"

namespace pyxx::diag {
namespace {

// The byte range of the `occurrence`-th `needle` in `text`.
auto RangeOf(std::string_view text, std::string_view needle, int occurrence = 0) -> base::SourceRange {
  size_t at = text.find(needle);
  for (int k = 0; k < occurrence; ++k) {
    at = text.find(needle, at + 1);
  }
  REQUIRE(at != std::string_view::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

auto MakeDiagnostic(Kind kind, base::SourceRange range, std::string message) -> Diagnostic {
  return Diagnostic{kind, Info(kind).severity, range, std::move(message), {}, {}};
}

auto Render(const base::SourceBuffer& source, const std::vector<Diagnostic>& diagnostics,
            TextOptions options = {}) -> std::string {
  std::ostringstream out;
  RenderText(out, source, diagnostics, options);
  return out.str();
}

constexpr std::string_view kNested =
    "import cython\n"
    "\n"
    "@cython.cfunc\n"
    "@cython.nogil\n"
    "def f(n: cython.int) -> cython.int:\n"
    "    with cython.nogil:\n"
    "        return n\n";

TEST_CASE("text: error with a note, a fix-it and the explain hint", "[diag][text]") {
  base::SourceBuffer source("fail_nested.pyx", std::string(kNested));
  Diagnostic d = MakeDiagnostic(Kind::NestedNogil, RangeOf(kNested, "cython.nogil", 1),
                                "`with cython.nogil` where the GIL may already be released");
  d.notes.push_back({Kind::GilMaybeReleasedHere, RangeOf(kNested, "cython.nogil", 0),
                     "`f` may run without the GIL: it is declared `@cython.nogil`"});
  d.fixits.push_back({RangeOf(kNested, "cython.nogil", 1), "cython.gil"});
  CHECK(Render(source, {d}) ==
        "fail_nested.pyx:6:10: error: `with cython.nogil` where the GIL may already be released [PX203]\n"
        "    6 |     with cython.nogil:\n"
        "      |          ^~~~~~~~~~~~\n"
        "fail_nested.pyx:6:10: fix-it: replace `cython.nogil` with `cython.gil`\n"
        "    6 |     with cython.nogil:\n"
        "      |          ^~~~~~~~~~~~\n"
        "      |          cython.gil\n"
        "fail_nested.pyx:4:2: note: `f` may run without the GIL: it is declared `@cython.nogil`\n"
        "    4 | @cython.nogil\n"
        "      |  ^~~~~~~~~~~~\n"
        "For more information about this error, try `pyxx explain PX203`.\n");
}

TEST_CASE("text: colour codes only when asked", "[diag][text]") {
  base::SourceBuffer source("c.pyx", "x = y\n");
  Diagnostic d = MakeDiagnostic(Kind::UndefinedName, {4, 5}, "name `y` is not defined");
  d.notes.push_back({Kind::PreviousDefinition, {0, 1}, "`x` was first defined here"});
  std::string plain = Render(source, {d});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(Render(source, {d}, {.color = true, .show_explain_hint = true}) ==
        "\x1b[1mc.pyx:1:5:\x1b[0m \x1b[1;31merror:\x1b[0m \x1b[1mname `y` is not defined [PX101]\x1b[0m\n"
        "    1 | x = y\n"
        "      | \x1b[32m    ^\x1b[0m\n"
        "\x1b[1mc.pyx:1:1:\x1b[0m \x1b[1;36mnote:\x1b[0m \x1b[1m`x` was first defined here\x1b[0m\n"
        "    1 | x = y\n"
        "      | \x1b[32m^\x1b[0m\n"
        "\x1b[1mFor more information about this error, try `pyxx explain PX101`.\x1b[0m\n");
  Diagnostic w = MakeDiagnostic(Kind::UnusedVariable, {0, 1}, "local `x` is assigned but never used");
  std::string warning = Render(source, {w}, {.color = true, .show_explain_hint = false});
  CHECK(warning.find("\x1b[1;35mwarning:\x1b[0m") != std::string::npos);
}

TEST_CASE("text: tabs expand to 8-column stops for the source line and the caret", "[diag][text]") {
  std::string text = "def f():\n\tif x:\n\t\ty = 1\n";
  base::SourceBuffer source("tabs.pyx", text);
  Diagnostic d = MakeDiagnostic(Kind::UndefinedName, RangeOf(text, "x"), "name `x` is not defined");
  Diagnostic e = MakeDiagnostic(Kind::UnusedVariable, RangeOf(text, "y"), "local `y` is assigned but never used");
  CHECK(Render(source, {d, e}, {.show_explain_hint = false}) ==
        "tabs.pyx:2:5: error: name `x` is not defined [PX101]\n"
        "    2 |         if x:\n"
        "      |            ^\n"
        "tabs.pyx:3:3: warning: local `y` is assigned but never used [PX401]\n"
        "    3 |                 y = 1\n"
        "      |                 ^\n");
}

TEST_CASE("text: the caret counts UTF-8 characters, the header column counts bytes", "[diag][text]") {
  std::string text = "s = \"h\xC3\xA9llo \xE2\x82\xAC\" + obj\n";  // "héllo €"
  base::SourceBuffer source("utf8.pyx", text);
  Diagnostic d = MakeDiagnostic(Kind::UndefinedName, RangeOf(text, "obj"), "name `obj` is not defined");
  CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
        "utf8.pyx:1:20: error: name `obj` is not defined [PX101]\n"
        "    1 | s = \"h\xC3\xA9llo \xE2\x82\xAC\" + obj\n"
        "      |                 ^~~\n");
  // A range over the multi-byte characters themselves gets one mark per character.
  Diagnostic s = MakeDiagnostic(Kind::PythonObjectWithoutGil, RangeOf(text, "\"h\xC3\xA9llo \xE2\x82\xAC\""),
                                "Python string without the GIL");
  CHECK(Render(source, {s}, {.show_explain_hint = false}).find("\n      |     ^~~~~~~~~\n") !=
        std::string::npos);
}

TEST_CASE("text: a multi-line range is underlined on its first line only", "[diag][text]") {
  std::string text = "x = [\n    1,\n    2]\n";
  base::SourceBuffer source("multi.pyx", text);
  Diagnostic d = MakeDiagnostic(Kind::PythonObjectWithoutGil, {4, static_cast<uint32_t>(text.size() - 1)},
                                "Python list without the GIL");
  CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
        "multi.pyx:1:5: error: Python list without the GIL [PX201]\n"
        "    1 | x = [\n"
        "      |     ^\n");
  Diagnostic wide = MakeDiagnostic(Kind::PythonObjectWithoutGil, {0, static_cast<uint32_t>(text.size())},
                                   "Python list without the GIL");
  CHECK(Render(source, {wide}, {.show_explain_hint = false}).find("      | ^~~~~\n") != std::string::npos);
}

TEST_CASE("text: ranges at the end of the file", "[diag][text]") {
  SECTION("no final newline") {
    std::string text = "def f():\n    return (";
    base::SourceBuffer source("eof.pyx", text);
    auto end = static_cast<uint32_t>(text.size());
    Diagnostic d = MakeDiagnostic(Kind::MissingToken, {end, end}, "expected `)`");
    d.fixits.push_back({{end, end}, ")"});
    CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
          "eof.pyx:2:13: error: expected `)` [PX003]\n"
          "    2 |     return (\n"
          "      |             ^\n"
          "eof.pyx:2:13: fix-it: insert `)`\n"
          "    2 |     return (\n"
          "      |             ^\n"
          "      |             )\n");
  }
  SECTION("after the final newline") {
    std::string text = "x = (\n";
    base::SourceBuffer source("eof2.pyx", text);
    auto end = static_cast<uint32_t>(text.size());
    Diagnostic d = MakeDiagnostic(Kind::SyntaxError, {end, end}, "invalid syntax");
    CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
          "eof2.pyx:2:1: error: invalid syntax [PX002]\n"
          "    2 |\n"
          "      | ^\n");
  }
  SECTION("a range past the end is clamped, not read") {
    base::SourceBuffer source("short.pyx", "ab");
    Diagnostic d = MakeDiagnostic(Kind::SyntaxError, {1, 999}, "invalid syntax");
    CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
          "short.pyx:1:2: error: invalid syntax [PX002]\n"
          "    1 | ab\n"
          "      |  ^\n");
  }
}

TEST_CASE("text: an empty file", "[diag][text]") {
  base::SourceBuffer source("empty.pyx", "");
  CHECK(Render(source, {}).empty());
  Diagnostic d = MakeDiagnostic(Kind::SyntaxError, {0, 0}, "invalid syntax: the file is empty");
  CHECK(Render(source, {d}) ==
        "empty.pyx:1:1: error: invalid syntax: the file is empty [PX002]\n"
        "    1 |\n"
        "      | ^\n"
        "For more information about this error, try `pyxx explain PX002`.\n");
}

TEST_CASE("text: invalid bytes and control characters are shown visibly", "[diag][text]") {
  std::string text = "x = 1\xFF\x01 + y\n";
  base::SourceBuffer source("bad.pyx", text);
  Diagnostic d = MakeDiagnostic(Kind::InvalidUtf8, {5, 6}, "source file is not valid UTF-8");
  Diagnostic y = MakeDiagnostic(Kind::UndefinedName, RangeOf(text, "y"), "name `y` is not defined");
  CHECK(Render(source, {d, y}, {.show_explain_hint = false}) ==
        "bad.pyx:1:6: error: source file is not valid UTF-8 [PX001]\n"
        "    1 | x = 1<FF><U+0001> + y\n"
        "      |      ^~~~\n"
        "bad.pyx:1:11: error: name `y` is not defined [PX101]\n"
        "    1 | x = 1<FF><U+0001> + y\n"
        "      |                     ^\n");
}

TEST_CASE("text: fix-its that remove, and that insert several lines", "[diag][text]") {
  std::string text = "import cython\nx = math.sqrt(2.0)\n";
  base::SourceBuffer source("fix.pyx", text);
  Diagnostic d = MakeDiagnostic(Kind::GilRequiringCall, RangeOf(text, "math.sqrt(2.0)"),
                                "call to `math.sqrt`, which needs the GIL, without the GIL");
  d.fixits.push_back({{14, 14}, "from cython.cimports.libc.math import sqrt\n"});
  d.fixits.push_back({RangeOf(text, "math."), ""});
  CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
        "fix.pyx:2:5: error: call to `math.sqrt`, which needs the GIL, without the GIL [PX202]\n"
        "    2 | x = math.sqrt(2.0)\n"
        "      |     ^~~~~~~~~~~~~~\n"
        "fix.pyx:2:1: fix-it: insert `from cython.cimports.libc.math import sqrt`\n"
        "    2 | x = math.sqrt(2.0)\n"
        "      | ^\n"
        "      | from cython.cimports.libc.math import sqrt\n"
        "fix.pyx:2:5: fix-it: remove `math.`\n"
        "    2 | x = math.sqrt(2.0)\n"
        "      |     ^~~~~\n");
  FixIt two_lines{{14, 14}, "a = 1\nb = 2\n"};
  CHECK(DescribeFixIt(source, two_lines) == "insert `a = 1...`");
}

TEST_CASE("text: the gutter widens for long files", "[diag][text]") {
  std::string text(123456, '\n');
  text += "oops\n";
  base::SourceBuffer source("long.pyx", text);
  Diagnostic d = MakeDiagnostic(Kind::UndefinedName, RangeOf(text, "oops"), "name `oops` is not defined");
  CHECK(Render(source, {d}, {.show_explain_hint = false}) ==
        "long.pyx:123457:1: error: name `oops` is not defined [PX101]\n"
        "123457 | oops\n"
        "       | ^~~~\n");
}

TEST_CASE("text: the explain hint names one code, errors before warnings", "[diag][text]") {
  base::SourceBuffer source("h.pyx", "a = b\n");
  Diagnostic e1 = MakeDiagnostic(Kind::RedundantGil, {0, 1}, "m");
  Diagnostic e2 = MakeDiagnostic(Kind::PythonObjectWithoutGil, {0, 1}, "m");
  Diagnostic e3 = MakeDiagnostic(Kind::PythonObjectWithoutGil, {2, 3}, "m");
  Diagnostic w = MakeDiagnostic(Kind::UnusedVariable, {0, 1}, "m");
  CHECK(ExplainHint({}).empty());
  CHECK(ExplainHint({w}) == "For more information about this warning, try `pyxx explain PX401`.\n");
  CHECK(ExplainHint({w, e1}) == "For more information about this error, try `pyxx explain PX204`.\n");
  CHECK(ExplainHint({e1, e2, e3, w}) ==
        "Some errors have detailed explanations: PX201, PX204.\n"
        "For more information about an error, try `pyxx explain PX201`.\n");
  // A warning made an error by -Werror counts as an error.
  Diagnostic promoted = w;
  promoted.severity = Severity::Error;
  CHECK(ExplainHint({promoted}) == "For more information about this error, try `pyxx explain PX401`.\n");
  std::string rendered = Render(source, {e1, e2}, {.show_explain_hint = false});
  CHECK(rendered.find("pyxx explain") == std::string::npos);
}

TEST_CASE("text: summary line", "[diag][text]") {
  CHECK(Summary(0, 0).empty());
  CHECK(Summary(1, 0) == "1 error generated.");
  CHECK(Summary(0, 1) == "1 warning generated.");
  CHECK(Summary(2, 1) == "2 errors, 1 warning generated.");
  CHECK(Summary(1, 3) == "1 error, 3 warnings generated.");
}

}  // namespace
}  // namespace pyxx::diag
