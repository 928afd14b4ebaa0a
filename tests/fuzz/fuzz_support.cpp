#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "diagnostics/json_renderer.h"
#include "diagnostics/text_renderer.h"

namespace pyxx::fuzz {

auto SourceFrom(const uint8_t* data, size_t size) -> base::SourceBuffer {
  return base::SourceBuffer("fuzz.pyx", std::string(reinterpret_cast<const char*>(data), size));
}

void Violation(const std::string& what) {
  std::fprintf(stderr, "pyxx fuzz: invariant violated: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

namespace {

void RequireInside(const base::SourceBuffer& source, base::SourceRange range, const std::string& what) {
  const size_t size = source.text().size();
  if (range.begin > range.end || range.end > size) {
    Violation(what + " range [" + std::to_string(range.begin) + ", " + std::to_string(range.end) +
              ") is not inside the file of " + std::to_string(size) + " bytes");
  }
}

auto SameRange(base::SourceRange a, base::SourceRange b) -> bool { return a == b; }

}  // namespace

void RequireRangesInside(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    const std::string code(d.code());
    RequireInside(source, d.range, "diagnostic " + code);
    for (const auto& note : d.notes) {
      RequireInside(note.source != nullptr ? *note.source : source, note.range, "a note of " + code);
    }
    for (const auto& fixit : d.fixits) {
      RequireInside(source, fixit.range, "a fix-it of " + code);
    }
  }
}

void RenderAll(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  std::ostringstream out;
  diag::RenderText(out, source, diagnostics, diag::TextOptions{});
  diag::RenderJson(out, source, diagnostics);
  // Not SARIF: its log lists every rule with its help page, which would make
  // each run several times slower (its columns are covered by unit tests).
}

auto SameDiagnostics(const std::vector<diag::Diagnostic>& a, const std::vector<diag::Diagnostic>& b) -> bool {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i];
    const auto& y = b[i];
    if (x.kind != y.kind || x.severity != y.severity || !SameRange(x.range, y.range) || x.message != y.message ||
        x.notes.size() != y.notes.size() || x.fixits.size() != y.fixits.size()) {
      return false;
    }
    for (size_t n = 0; n < x.notes.size(); ++n) {
      if (x.notes[n].kind != y.notes[n].kind || !SameRange(x.notes[n].range, y.notes[n].range) ||
          x.notes[n].message != y.notes[n].message) {
        return false;
      }
    }
    for (size_t f = 0; f < x.fixits.size(); ++f) {
      if (!SameRange(x.fixits[f].range, y.fixits[f].range) || x.fixits[f].replacement != y.fixits[f].replacement) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace pyxx::fuzz
