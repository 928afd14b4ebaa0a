#include "diagnostics/text_renderer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "diagnostics/source_snippet.h"

namespace pyxx::diag {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kBoldRed = "\x1b[1;31m";
constexpr std::string_view kBoldMagenta = "\x1b[1;35m";
constexpr std::string_view kBoldCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[32m";

// Long or multi-line source text is cut for the one-line fix-it description.
auto Abbreviate(std::string_view text) -> std::string {
  constexpr size_t kMaxBytes = 60;
  if (!text.empty() && text.back() == '\n') {
    text.remove_suffix(1);
  }
  size_t newline = text.find('\n');
  bool cut = newline != std::string_view::npos || text.size() > kMaxBytes;
  text = text.substr(0, std::min(newline, kMaxBytes));
  // Do not cut a character in half.
  while (cut && !text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
    text.remove_suffix(1);
  }
  if (cut && !text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) {
    text.remove_suffix(1);
  }
  return cut ? std::string(text) + "..." : std::string(text);
}

class TextRenderer {
 public:
  TextRenderer(std::ostream& out, const base::SourceBuffer& source, bool color)
      : out_(out), source_(source), color_(color) {}

  void Render(const Diagnostic& diagnostic) {
    std::string message = diagnostic.message;
    if (std::string_view code = diagnostic.code(); !code.empty()) {
      message += fmt::format(" [{}]", code);
    }
    Header(diagnostic.range, diagnostic.severity, message);
    Snippet(diagnostic.range, nullptr);
    for (const FixIt& fixit : diagnostic.fixits) {
      Header(fixit.range, "fix-it", kBold, DescribeFixIt(source_, fixit));
      Snippet(fixit.range, &fixit.replacement);
    }
    for (const Note& note : diagnostic.notes) {
      if (note.source != nullptr && note.source != &source_) {
        TextRenderer(out_, *note.source, color_).RenderNote(note);
        continue;
      }
      RenderNote(note);
    }
  }

  void RenderNote(const Note& note) {
    Header(note.range, Severity::Note, note.message);
    Snippet(note.range, nullptr);
  }

 private:
  void Header(base::SourceRange range, Severity severity, std::string_view message) {
    switch (severity) {
      case Severity::Error: return Header(range, "error", kBoldRed, message);
      case Severity::Warning: return Header(range, "warning", kBoldMagenta, message);
      case Severity::Note: return Header(range, "note", kBoldCyan, message);
    }
  }

  void Header(base::SourceRange range, std::string_view label, std::string_view label_color,
              std::string_view message) {
    base::LineColumn at = source_.Locate(range.begin);
    out_ << Paint(kBold, fmt::format("{}:{}:{}:", source_.name(), at.line, at.column)) << ' '
         << Paint(label_color, fmt::format("{}:", label)) << ' ' << Paint(kBold, message) << '\n';
  }

  // The line holding the start of `range`, the range marked under it and, for a
  // fix-it, the replacement text under the marker.
  void Snippet(base::SourceRange range, const std::string* replacement) {
    auto size = static_cast<uint32_t>(source_.text().size());
    uint32_t begin = std::min(range.begin, size);
    uint32_t end = std::clamp(range.end, begin, size);
    uint32_t line = source_.Locate(begin).line;
    std::string_view raw = source_.LineText(line);
    uint32_t line_start = source_.LineStart(line);
    uint32_t marker_begin = begin - line_start;
    // Clamped to the first line: a multi-line range is underlined to the end of its first line.
    uint32_t marker_end = std::max(std::min(end - line_start, static_cast<uint32_t>(raw.size())),
                                   marker_begin);
    DisplayLine display(raw);
    std::string number = std::to_string(line);
    std::string gutter(std::max<size_t>(5, number.size()), ' ');
    number.insert(0, gutter.size() - number.size(), ' ');
    out_ << number << " |" << (display.text().empty() ? "" : " ") << display.text() << '\n';
    out_ << gutter << " | " << Paint(kGreen, MarkerLine(display, marker_begin, marker_end)) << '\n';
    if (replacement == nullptr || replacement->empty()) {
      return;
    }
    std::string indent(display.ColumnOf(marker_begin), ' ');
    std::string_view rest = *replacement;
    if (rest.back() == '\n') {
      rest.remove_suffix(1);
    }
    while (true) {
      size_t newline = rest.find('\n');
      DisplayLine piece(rest.substr(0, newline));
      out_ << gutter << " | " << indent << Paint(kGreen, piece.text()) << '\n';
      if (newline == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(newline + 1);
    }
  }

  auto Paint(std::string_view color, std::string_view text) const -> std::string {
    return color_ && !text.empty() ? fmt::format("{}{}{}", color, text, kReset) : std::string(text);
  }

  std::ostream& out_;
  const base::SourceBuffer& source_;
  bool color_;
};

}  // namespace

auto DescribeFixIt(const base::SourceBuffer& source, const FixIt& fixit) -> std::string {
  std::string removed = Abbreviate(source.Slice(fixit.range));
  std::string inserted = Abbreviate(fixit.replacement);
  if (fixit.replacement.empty()) {
    return fmt::format("remove `{}`", removed);
  }
  if (fixit.range.empty()) {
    return fmt::format("insert `{}`", inserted);
  }
  return fmt::format("replace `{}` with `{}`", removed, inserted);
}

void RenderText(std::ostream& out, const base::SourceBuffer& source,
                const std::vector<Diagnostic>& diagnostics, const TextOptions& options) {
  TextRenderer renderer(out, source, options.color);
  for (const Diagnostic& diagnostic : diagnostics) {
    renderer.Render(diagnostic);
  }
  if (options.show_explain_hint) {
    out << ExplainHint(diagnostics, options.color);
  }
}

auto ExplainHint(const std::vector<Diagnostic>& diagnostics, bool color) -> std::string {
  std::set<std::string_view> errors;
  std::set<std::string_view> warnings;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (std::string_view code = diagnostic.code(); !code.empty()) {
      (diagnostic.severity == Severity::Error ? errors : warnings).insert(code);
    }
  }
  const bool about_errors = !errors.empty();
  const std::set<std::string_view>& codes = about_errors ? errors : warnings;
  if (codes.empty()) {
    return {};
  }
  std::string_view noun = about_errors ? "error" : "warning";
  std::string text;
  if (codes.size() == 1) {
    text = fmt::format("For more information about this {}, try `pyxx explain {}`.", noun,
                       *codes.begin());
  } else {
    text = fmt::format(
        "Some {}s have detailed explanations: {}.\nFor more information about {} {}, try `pyxx "
        "explain {}`.",
        noun, fmt::join(codes, ", "), about_errors ? "an" : "a", noun, *codes.begin());
  }
  if (color) {
    text = fmt::format("{}{}{}", kBold, text, kReset);
  }
  return text + "\n";
}

auto Summary(int errors, int warnings) -> std::string {
  auto count = [](int n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  if (errors > 0 && warnings > 0) {
    return fmt::format("{}, {} generated.", count(errors, "error"), count(warnings, "warning"));
  }
  if (errors > 0 || warnings > 0) {
    return fmt::format("{} generated.", errors > 0 ? count(errors, "error") : count(warnings, "warning"));
  }
  return {};
}

}  // namespace pyxx::diag
