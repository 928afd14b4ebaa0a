#include "diagnostics/explain.h"

#include <fmt/format.h>

#include "diagnostics/diagnostic.h"

namespace pyxx::diag {
namespace {

auto Trim(std::string_view text) -> std::string_view {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

auto Explanation(std::string_view code) -> std::optional<std::string> {
  std::optional<Kind> kind = FindByCode(code);
  if (!kind) {
    return std::nullopt;
  }
  const KindInfo& info = Info(*kind);
  std::string_view page = EmbeddedExplanation(fmt::format("{}.md", info.code));
  if (!page.empty()) {
    return std::string(page);
  }
  // The coverage test forbids this; still answer with what the catalog knows.
  return fmt::format("# {}: {}\n\nThe {} `{}` has no long explanation yet. Its message reads:\n\n    {}\n",
                     info.code, info.name, info.severity == Severity::Warning ? "warning" : "error",
                     info.name, info.format);
}

auto ExplanationSummary(std::string_view page) -> std::string_view {
  std::string_view title = page.substr(0, page.find('\n'));
  if (!title.starts_with("# ")) {
    return {};
  }
  size_t colon = title.find(": ");
  return colon == std::string_view::npos ? std::string_view{} : Trim(title.substr(colon + 2));
}

auto ExplanationFirstParagraph(std::string_view page) -> std::string {
  size_t newline = page.find('\n');
  if (newline == std::string_view::npos) {
    return {};
  }
  std::string_view rest = page.substr(newline + 1);
  std::string paragraph;
  while (!rest.empty()) {
    newline = rest.find('\n');
    std::string_view line = Trim(rest.substr(0, newline));
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    if (line.empty()) {
      if (!paragraph.empty()) {
        break;
      }
      continue;
    }
    if (line.starts_with("#") || line.starts_with("```")) {
      break;  // a heading or an example: the prose paragraph is over
    }
    paragraph += paragraph.empty() ? "" : " ";
    paragraph += line;
  }
  return paragraph;
}

}  // namespace pyxx::diag
