// Collects the diagnostics of one source file. Phases report through it:
//
//   sink.Report(Kind::NestedNogil, with_range)
//       .AddNote(Kind::GilReleasedHere, outer_range)
//       .AddFixIt(with_range, "")
//       ;                                  // emitted when the builder dies
#pragma once

#include <fmt/format.h>

#include <optional>
#include <utility>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace pyxx::diag {

class DiagnosticSink;

// Builds one diagnostic; hands it to the sink when destroyed.
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(DiagnosticSink& sink, Diagnostic diagnostic)
      : sink_(&sink), diagnostic_(std::move(diagnostic)) {}
  // Amends the sink's diagnostic number `index` instead of adding one.
  DiagnosticBuilder(DiagnosticSink& sink, Diagnostic diagnostic, size_t index)
      : sink_(&sink), diagnostic_(std::move(diagnostic)), amends_(index) {}
  DiagnosticBuilder(const DiagnosticBuilder&) = delete;
  auto operator=(const DiagnosticBuilder&) -> DiagnosticBuilder& = delete;
  ~DiagnosticBuilder();

  template <typename... Args>
  auto AddNote(Kind note, base::SourceRange range, Args&&... args) -> DiagnosticBuilder& {
    diagnostic_.notes.push_back(
        {note, range, fmt::format(fmt::runtime(Info(note).format), std::forward<Args>(args)...)});
    return *this;
  }
  // A note that points into another file than the diagnostic (which must outlive the diagnostic).
  template <typename... Args>
  auto AddNoteIn(const base::SourceBuffer& source, Kind note, base::SourceRange range, Args&&... args)
      -> DiagnosticBuilder& {
    AddNote(note, range, std::forward<Args>(args)...);
    diagnostic_.notes.back().source = &source;
    return *this;
  }
  auto AddFixIt(base::SourceRange range, std::string replacement) -> DiagnosticBuilder& {
    diagnostic_.fixits.push_back({range, std::move(replacement)});
    return *this;
  }

 private:
  DiagnosticSink* sink_;
  Diagnostic diagnostic_;
  std::optional<size_t> amends_;
};

class DiagnosticSink {
 public:
  template <typename... Args>
  auto Report(Kind kind, base::SourceRange range, Args&&... args) -> DiagnosticBuilder {
    const KindInfo& info = Info(kind);
    return DiagnosticBuilder(
        *this, Diagnostic{kind, info.severity, range,
                          fmt::format(fmt::runtime(info.format), std::forward<Args>(args)...),
                          {}, {}});
  }

  void Add(Diagnostic diagnostic);

  // More notes and fix-its for a diagnostic reported earlier (index into
  // diagnostics()), when what they say is known only later.
  auto Amend(size_t index) -> DiagnosticBuilder { return DiagnosticBuilder(*this, diagnostics_.at(index), index); }

  [[nodiscard]] auto HasErrors() const -> bool { return error_count_ > 0; }
  [[nodiscard]] auto diagnostics() const -> const std::vector<Diagnostic>& { return diagnostics_; }

  // The final list: warnings made errors when asked, sorted by position
  // (stable, so causes stay before consequences on one spot), duplicates dropped.
  [[nodiscard]] auto Finish(bool warnings_as_errors) const -> std::vector<Diagnostic>;

 private:
  friend class DiagnosticBuilder;
  void Replace(size_t index, Diagnostic diagnostic) { diagnostics_.at(index) = std::move(diagnostic); }

  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

}  // namespace pyxx::diag
