// Tests of `pyxx explain`: lookup by code and the page helpers SARIF uses.
#include <catch2/catch.hpp>

#include <string>

#include "diagnostics/diagnostic.h"
#include "diagnostics/explain.h"

namespace pyxx::diag {
namespace {

TEST_CASE("explain: pages are found by code, case-insensitively", "[diag][explain]") {
  std::optional<std::string> page = Explanation("PX203");
  REQUIRE(page.has_value());
  CHECK(page->starts_with("# PX203: "));
  CHECK(page->find("PyEval_SaveThread: NULL tstate") != std::string::npos);
  CHECK(Explanation("px203") == page);
  CHECK_FALSE(Explanation("PX999").has_value());
  CHECK_FALSE(Explanation("").has_value());
  CHECK_FALSE(Explanation("PX20").has_value());
  CHECK_FALSE(Explanation("GilReleasedHere").has_value());
}

TEST_CASE("explain: every catalog code has its embedded page", "[diag][explain]") {
  for (const KindInfo& info : AllKinds()) {
    if (info.code.empty()) {
      continue;
    }
    INFO(info.code);
    std::string file = std::string(info.code) + ".md";
    CHECK(Explanation(info.code) == std::string(EmbeddedExplanation(file)));
  }
  CHECK(EmbeddedExplanation("PX999.md").empty());
}

TEST_CASE("explain: title summary and first paragraph", "[diag][explain]") {
  std::string page =
      "# PX123: something went wrong\n"
      "\n"
      "First line of the\n"
      "first paragraph.\n"
      "\n"
      "Second paragraph.\n";
  CHECK(ExplanationSummary(page) == "something went wrong");
  CHECK(ExplanationFirstParagraph(page) == "First line of the first paragraph.");
  CHECK(ExplanationSummary("no title\n").empty());
  CHECK(ExplanationFirstParagraph("# PX1: t\n\n## Erroneous example\n").empty());
  CHECK(ExplanationFirstParagraph("").empty());
}

}  // namespace
}  // namespace pyxx::diag
