// The catalog's promises, checked (after Carbon's coverage_test and rustc's
// tidy error-code check). For every code in diagnostic_kinds.def:
//   (a) an explanation page with an erroneous and a fixed example,
//   (b) a failing test: a tests/check file (or the .pxd beside one) with `expected-error CODE`
//       (`expected-warning CODE` for warnings),
//   (c) a passing test: a tests/check file whose `# ok-for: ...` line names the
//       code and that expects no diagnostics (the allowed neighbour of the rule),
//   (d) a real use: `Kind::Name` appears in transpiler/ sources,
// and no page exists for a code that is not in the catalog.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/explain.h"
#include "diagnostics/verify.h"

namespace pyxx::diag {
namespace {

namespace fs = std::filesystem;

auto ReadFile(const fs::path& path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

auto Trim(std::string_view text) -> std::string_view {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

auto Upper(std::string_view text) -> std::string {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// What tests/check says about each code.
struct CheckTests {
  std::map<std::string, std::set<std::string>> failing;  // "error PX201" -> files
  std::map<std::string, std::set<std::string>> passing;  // "PX201" -> files
  std::vector<std::string> problems;                      // ok-for files that expect diagnostics
};

auto ScanCheckTests() -> const CheckTests& {
  static const CheckTests tests = [] {
    CheckTests result;
    fs::path root = fs::path(PYXX_TESTS_DIR) / "check";
    if (!fs::exists(root)) {
      return result;
    }
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      fs::path path = entry.path();
      // A check test's augmenting .pxd (NAME.pxd beside NAME.pyx) expects its own diagnostics.
      if (!entry.is_regular_file() ||
          (path.extension() != ".pyx" && path.extension() != ".py" && path.extension() != ".pxd")) {
        continue;
      }
      std::string name = fs::relative(path, root).generic_string();
      base::SourceBuffer source(name, ReadFile(path));
      Directives directives = ScanDirectives(source);
      for (const ExpectedDiagnostic& expected : directives.expected) {
        if (!expected.code.empty()) {
          std::string_view severity = expected.severity == Severity::Warning ? "warning" : "error";
          result.failing[std::string(severity) + " " + expected.code].insert(name);
        }
      }
      for (const Comment& comment : FindComments(source.text())) {
        std::string_view text = Trim(comment.text);
        if (!text.starts_with("ok-for:")) {
          continue;
        }
        if (!directives.no_diagnostics || !directives.expected.empty()) {
          result.problems.push_back(name + " has `# ok-for:` but does not say `# expected-no-diagnostics`");
        }
        std::istringstream codes{std::string(text.substr(7))};
        std::string code;
        while (codes >> code) {
          result.passing[Upper(code)].insert(name);
        }
      }
    }
    return result;
  }();
  return tests;
}

// Every C++ source of the transpiler, concatenated with its path.
auto TranspilerSources() -> const std::string& {
  static const std::string sources = [] {
    std::string all;
    fs::path root = fs::path(PYXX_SOURCE_DIR) / "transpiler";
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".cpp" || extension == ".h")) {
        all += ReadFile(entry.path());
        all += '\n';
      }
    }
    return all;
  }();
  return sources;
}

// `Kind::Name` as a whole word (so `Kind::SyntaxError` does not count for `Kind::Syntax`).
auto UsesKind(std::string_view name) -> bool {
  const std::string& sources = TranspilerSources();
  std::string needle = "Kind::" + std::string(name);
  for (size_t at = sources.find(needle); at != std::string::npos; at = sources.find(needle, at + 1)) {
    size_t after = at + needle.size();
    if (after == sources.size() || !(std::isalnum(static_cast<unsigned char>(sources[after])) || sources[after] == '_')) {
      return true;
    }
  }
  return false;
}

// The ```python block after the heading that contains `heading`, or empty.
auto ExampleAfter(std::string_view page, std::string_view heading) -> std::string_view {
  size_t at = 0;
  while (true) {
    at = page.find(heading, at);
    if (at == std::string_view::npos) {
      return {};
    }
    size_t line_start = page.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (page.substr(line_start).starts_with("#")) {
      break;  // a Markdown heading, not prose mentioning it
    }
    ++at;
  }
  size_t open = page.find("```python\n", at);
  if (open == std::string_view::npos) {
    return {};
  }
  open += 10;
  size_t close = page.find("\n```", open - 1);
  return close == std::string_view::npos ? std::string_view{} : page.substr(open, close + 1 - open);
}

TEST_CASE("catalog: every code has an explanation with an erroneous and a fixed example",
          "[diag][catalog]") {
  for (const KindInfo& info : AllKinds()) {
    if (info.code.empty()) {
      continue;
    }
    INFO("explain/" << info.code << ".md");
    std::string_view page = EmbeddedExplanation(std::string(info.code) + ".md");
    REQUIRE_FALSE(page.empty());
    CHECK(page.starts_with("# " + std::string(info.code) + ": "));
    CHECK_FALSE(ExplanationSummary(page).empty());
    std::string_view wrong = ExampleAfter(page, "Erroneous example");
    std::string_view right = ExampleAfter(page, "Fixed example");
    CHECK_FALSE(wrong.empty());
    CHECK_FALSE(right.empty());
    CHECK(wrong != right);
  }
}

TEST_CASE("catalog: no explanation page for a code that is not in the catalog", "[diag][catalog]") {
  fs::path folder = fs::path(PYXX_SOURCE_DIR) / "transpiler" / "diagnostics" / "explain";
  REQUIRE(fs::exists(folder));
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    std::string file = entry.path().filename().string();
    INFO(file);
    REQUIRE(entry.path().extension() == ".md");
    std::string code = entry.path().stem().string();
    std::optional<Kind> kind = FindByCode(code);
    REQUIRE(kind.has_value());
    CHECK(Info(*kind).code == code);  // upper case, as in the catalog
    CHECK(ReadFile(entry.path()).starts_with("# " + code + ": "));
  }
}

TEST_CASE("catalog: every code has a failing test under tests/check", "[diag][catalog]") {
  const CheckTests& tests = ScanCheckTests();
  for (const KindInfo& info : AllKinds()) {
    if (info.code.empty()) {
      continue;
    }
    std::string key = std::string(info.severity == Severity::Warning ? "warning " : "error ") +
                      std::string(info.code);
    INFO("no tests/check file has `# expected-" << key << "`");
    CHECK(tests.failing.count(key) == 1);
  }
}

TEST_CASE("catalog: every code has a passing test under tests/check", "[diag][catalog]") {
  const CheckTests& tests = ScanCheckTests();
  for (const std::string& problem : tests.problems) {
    INFO(problem);
    CHECK(false);
  }
  for (const KindInfo& info : AllKinds()) {
    if (info.code.empty()) {
      continue;
    }
    INFO("no tests/check file has `# ok-for:` naming " << info.code);
    CHECK(tests.passing.count(std::string(info.code)) == 1);
  }
}

TEST_CASE("catalog: every kind is emitted somewhere in transpiler/", "[diag][catalog]") {
  for (const KindInfo& info : AllKinds()) {
    INFO("`Kind::" << info.name << "` (" << (info.code.empty() ? "note" : info.code)
                   << ") is not used in transpiler/; emit it or retire it");
    CHECK(UsesKind(info.name));
  }
}

}  // namespace
}  // namespace pyxx::diag
