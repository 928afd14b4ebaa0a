#include "diagnostics/verify.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace pyxx::diag {
namespace {

constexpr std::string_view kPrefix = "expected-";

auto IsSpace(char c) -> bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

auto Trim(std::string_view text) -> std::string_view {
  while (!text.empty() && IsSpace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && IsSpace(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

// Where directives start in a comment: `expected-` at the start of a word.
auto DirectiveStarts(std::string_view comment) -> std::vector<size_t> {
  std::vector<size_t> starts;
  for (size_t at = comment.find(kPrefix); at != std::string_view::npos;
       at = comment.find(kPrefix, at + 1)) {
    if (at == 0 || IsSpace(comment[at - 1]) || comment[at - 1] == '#') {
      starts.push_back(at);
    }
  }
  return starts;
}

auto AllDigits(std::string_view text) -> bool {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

auto ParseNumber(std::string_view digits) -> std::optional<uint32_t> {
  if (!AllDigits(digits) || digits.size() > 9) {
    return std::nullopt;
  }
  uint32_t value = 0;
  for (char c : digits) {
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  return value;
}

auto LooksLikeCode(std::string_view token) -> bool {
  return token.size() > 2 && std::toupper(static_cast<unsigned char>(token[0])) == 'P' &&
         std::toupper(static_cast<unsigned char>(token[1])) == 'X' && AllDigits(token.substr(2));
}

// Parses one directive: `body` is the text after `expected-` up to the next directive.
class DirectiveParser {
 public:
  DirectiveParser(const base::SourceBuffer& source, uint32_t line, Directives& out)
      : source_(source), line_(line), out_(out) {}

  void Parse(std::string_view body) {
    size_t word_end = 0;
    while (word_end < body.size() && (std::isalpha(static_cast<unsigned char>(body[word_end])) ||
                                      body[word_end] == '-')) {
      ++word_end;
    }
    std::string_view word = body.substr(0, word_end);
    std::string_view rest = body.substr(word_end);
    // A second `#` only separates directives written as separate comments.
    while (!rest.empty() && (IsSpace(rest.back()) || rest.back() == '#')) {
      rest.remove_suffix(1);
    }
    if (word == "no-diagnostics") {
      if (!Trim(rest).empty()) {
        Problem(fmt::format("unexpected `{}` after `expected-no-diagnostics`", Trim(rest)));
      }
      out_.no_diagnostics = true;
      return;
    }
    ExpectedDiagnostic expected;
    if (word == "error") {
      expected.severity = Severity::Error;
    } else if (word == "warning") {
      expected.severity = Severity::Warning;
    } else if (word == "note") {
      expected.severity = Severity::Note;
    } else {
      Problem(fmt::format("unknown directive `expected-{}` (expected-error, expected-warning, "
                          "expected-note or expected-no-diagnostics)",
                          word));
      return;
    }
    expected.written_on = line_;
    expected.line = line_;
    if (!rest.empty() && rest.front() == '@') {
      std::optional<uint32_t> target = ParseLine(rest);
      if (!target) {
        return;
      }
      expected.line = *target;
    }
    if (ParseArguments(rest, expected)) {
      out_.expected.push_back(std::move(expected));
    }
  }

 private:
  // `@+N`, `@-N` or `@N` at the front of `rest`; consumes it.
  auto ParseLine(std::string_view& rest) -> std::optional<uint32_t> {
    size_t end = 1;
    while (end < rest.size() && !IsSpace(rest[end]) && rest[end] != ':') {
      ++end;
    }
    std::string_view spec = rest.substr(1, end - 1);
    rest.remove_prefix(end);
    char sign = !spec.empty() && (spec[0] == '+' || spec[0] == '-') ? spec[0] : '\0';
    std::optional<uint32_t> number = ParseNumber(sign != '\0' ? spec.substr(1) : spec);
    if (!number) {
      Problem(fmt::format("invalid line `@{}` (write @+N, @-N or @N)", spec));
      return std::nullopt;
    }
    int64_t target = sign == '+' ? int64_t{line_} + *number
                     : sign == '-' ? int64_t{line_} - *number
                                   : int64_t{*number};
    if (target < 1 || target > source_.LineCount()) {
      Problem(fmt::format("`@{}` refers to line {}, outside the file", spec, target));
      return std::nullopt;
    }
    return static_cast<uint32_t>(target);
  }

  // [N] [PXnnn] [: text]
  auto ParseArguments(std::string_view rest, ExpectedDiagnostic& expected) -> bool {
    bool have_count = false;
    while (true) {
      rest = Trim(rest);
      if (rest.empty()) {
        return true;
      }
      if (rest.front() == ':') {
        expected.text = std::string(Trim(rest.substr(1)));
        if (expected.text.empty()) {
          Problem("empty text after `:`");
          return false;
        }
        return true;
      }
      size_t end = 0;
      while (end < rest.size() && !IsSpace(rest[end]) && rest[end] != ':') {
        ++end;
      }
      std::string_view token = rest.substr(0, end);
      rest.remove_prefix(end);
      if (AllDigits(token) && !have_count && expected.code.empty()) {
        std::optional<uint32_t> count = ParseNumber(token);
        if (!count || *count == 0) {
          Problem(fmt::format("invalid count `{}` (write a number from 1 up)", token));
          return false;
        }
        expected.count = *count;
        have_count = true;
      } else if (LooksLikeCode(token) && expected.code.empty()) {
        if (expected.severity == Severity::Note) {
          Problem(fmt::format("notes have no code; write `expected-note: text` instead of `{}`",
                              token));
          return false;
        }
        std::optional<Kind> kind = FindByCode(token);
        if (!kind) {
          Problem(fmt::format("unknown diagnostic code `{}`", token));
          return false;
        }
        expected.code = std::string(Info(*kind).code);
      } else {
        Problem(fmt::format("unexpected `{}` in directive (write [count] [PXnnn] [: text])", token));
        return false;
      }
    }
  }

  void Problem(const std::string& what) {
    out_.problems.push_back(fmt::format("{}:{}: {}", source_.name(), line_, what));
  }

  const base::SourceBuffer& source_;
  uint32_t line_;
  Directives& out_;
};

// One reported diagnostic or note, as verification sees it.
struct Reported {
  uint32_t line;
  Severity severity;
  std::string_view code;
  std::string_view message;
};

auto Matches(const ExpectedDiagnostic& expected, const Reported& reported) -> bool {
  return expected.line == reported.line && expected.severity == reported.severity &&
         (expected.code.empty() || expected.code == reported.code) &&
         reported.message.find(expected.text) != std::string_view::npos;
}

auto SeverityWord(Severity severity) -> std::string_view {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// Assigns reported diagnostics to expected ones so that as many as possible
// match (Kuhn's augmenting paths: a greedy pass could let a code-less
// directive take the diagnostic a more specific one needed).
class Matcher {
 public:
  Matcher(const std::vector<ExpectedDiagnostic>& expected, const std::vector<Reported>& reported)
      : expected_(expected), reported_(reported) {
    for (size_t e = 0; e < expected.size(); ++e) {
      for (uint32_t k = 0; k < expected[e].count; ++k) {
        slot_owner_.push_back(e);
      }
    }
    slot_match_.assign(slot_owner_.size(), kNone);
    for (size_t r = 0; r < reported_.size(); ++r) {
      visited_.assign(slot_owner_.size(), false);
      Augment(r);
    }
  }

  // How many times directive `e` was matched.
  [[nodiscard]] auto MatchedCount(size_t e) const -> uint32_t {
    uint32_t n = 0;
    for (size_t s = 0; s < slot_owner_.size(); ++s) {
      n += slot_owner_[s] == e && slot_match_[s] != kNone ? 1 : 0;
    }
    return n;
  }

  [[nodiscard]] auto IsMatched(size_t r) const -> bool {
    return std::find(slot_match_.begin(), slot_match_.end(), r) != slot_match_.end();
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  auto Augment(size_t r) -> bool {
    for (size_t s = 0; s < slot_owner_.size(); ++s) {
      if (visited_[s] || !Matches(expected_[slot_owner_[s]], reported_[r])) {
        continue;
      }
      visited_[s] = true;
      if (slot_match_[s] == kNone || Augment(slot_match_[s])) {
        slot_match_[s] = r;
        return true;
      }
    }
    return false;
  }

  const std::vector<ExpectedDiagnostic>& expected_;
  const std::vector<Reported>& reported_;
  std::vector<size_t> slot_owner_;  // one slot per expected occurrence (counts expanded)
  std::vector<size_t> slot_match_;  // the reported index in each slot
  std::vector<bool> visited_;
};

auto Describe(const ExpectedDiagnostic& expected, bool plural) -> std::string {
  std::string text(SeverityWord(expected.severity));
  if (plural) {
    text += 's';
  }
  if (!expected.code.empty()) {
    text += ' ' + expected.code;
  }
  if (!expected.text.empty()) {
    text += fmt::format(" matching `{}`", expected.text);
  }
  return text;
}

}  // namespace

auto FindComments(std::string_view source) -> std::vector<Comment> {
  std::vector<Comment> comments;
  uint32_t line = 1;
  size_t i = 0;
  const size_t n = source.size();
  auto triple_at = [&](size_t at, char quote) {
    return at + 2 < n && source[at] == quote && source[at + 1] == quote && source[at + 2] == quote;
  };
  while (i < n) {
    char c = source[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '#') {
      size_t end = source.find('\n', i);
      end = end == std::string_view::npos ? n : end;
      std::string_view text = source.substr(i + 1, end - i - 1);
      if (!text.empty() && text.back() == '\r') {
        text.remove_suffix(1);
      }
      comments.push_back({line, text});
      i = end;
    } else if (c == '\'' || c == '"') {
      bool triple = triple_at(i, c);
      i += triple ? 3 : 1;
      // Skip to the closing quote; a one-line string also ends at a line break.
      while (i < n) {
        if (source[i] == '\\' && i + 1 < n) {
          line += source[i + 1] == '\n' ? 1 : 0;
          i += 2;
        } else if (triple ? triple_at(i, c) : source[i] == c) {
          i += triple ? 3 : 1;
          break;
        } else if (source[i] == '\n') {
          if (!triple) {
            break;
          }
          ++line;
          ++i;
        } else {
          ++i;
        }
      }
    } else {
      ++i;
    }
  }
  return comments;
}

auto ScanDirectives(const base::SourceBuffer& source) -> Directives {
  Directives directives;
  for (const Comment& comment : FindComments(source.text())) {
    std::vector<size_t> starts = DirectiveStarts(comment.text);
    for (size_t k = 0; k < starts.size(); ++k) {
      size_t begin = starts[k] + kPrefix.size();
      size_t end = k + 1 < starts.size() ? starts[k + 1] : comment.text.size();
      DirectiveParser(source, comment.line, directives).Parse(comment.text.substr(begin, end - begin));
    }
  }
  return directives;
}

auto Verify(const base::SourceBuffer& source, const std::vector<Diagnostic>& diagnostics,
            const std::vector<Diagnostic>& elsewhere) -> VerifyResult {
  Directives directives = ScanDirectives(source);
  std::vector<std::pair<uint32_t, std::string>> problems;  // (line, text), sorted at the end
  for (std::string& problem : directives.problems) {
    // Malformed directives come first on their line.
    problems.emplace_back(0, std::move(problem));
  }
  if (directives.no_diagnostics && !directives.expected.empty()) {
    problems.emplace_back(0, fmt::format("{}: `expected-no-diagnostics` together with expected "
                                         "diagnostics",
                                         source.name()));
  }
  if (!directives.no_diagnostics && directives.expected.empty() && directives.problems.empty()) {
    problems.emplace_back(0, fmt::format("{}: no expected directives found (write "
                                         "`# expected-no-diagnostics` if none are expected)",
                                         source.name()));
  }

  const bool verify_notes =
      std::any_of(directives.expected.begin(), directives.expected.end(),
                  [](const ExpectedDiagnostic& e) { return e.severity == Severity::Note; });
  std::vector<Reported> reported;
  for (const Diagnostic& diagnostic : diagnostics) {
    reported.push_back({source.Locate(diagnostic.range.begin).line, diagnostic.severity,
                        diagnostic.code(), diagnostic.message});
    if (verify_notes) {
      for (const Note& note : diagnostic.notes) {
        if (note.source != nullptr && note.source != &source) {
          continue;  // a note in another file (an augmenting .pxd): its directives are not here
        }
        reported.push_back({source.Locate(note.range.begin).line, Severity::Note, "", note.message});
      }
    }
  }
  for (const Diagnostic& diagnostic : elsewhere) {
    for (const Note& note : diagnostic.notes) {
      if (verify_notes && note.source == &source) {
        reported.push_back({source.Locate(note.range.begin).line, Severity::Note, "", note.message});
      }
    }
  }

  Matcher matcher(directives.expected, reported);
  for (size_t e = 0; e < directives.expected.size(); ++e) {
    const ExpectedDiagnostic& expected = directives.expected[e];
    uint32_t matched = matcher.MatchedCount(e);
    if (matched == expected.count) {
      continue;
    }
    std::string text =
        expected.count == 1
            ? fmt::format("expected {} was not reported", Describe(expected, false))
            : fmt::format("expected {} {} but {} {} reported", expected.count,
                          Describe(expected, true), matched, matched == 1 ? "was" : "were");
    problems.emplace_back(expected.line, fmt::format("{}:{}: {}", source.name(), expected.line, text));
  }
  for (size_t r = 0; r < reported.size(); ++r) {
    if (matcher.IsMatched(r)) {
      continue;
    }
    const Reported& item = reported[r];
    problems.emplace_back(item.line,
                          fmt::format("{}:{}: unexpected {}{}{}: {}", source.name(), item.line,
                                      SeverityWord(item.severity), item.code.empty() ? "" : " ",
                                      item.code, item.message));
  }

  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  VerifyResult result;
  for (auto& [line, text] : problems) {
    result.problems.push_back(std::move(text));
  }
  result.ok = result.problems.empty();
  return result;
}

}  // namespace pyxx::diag
