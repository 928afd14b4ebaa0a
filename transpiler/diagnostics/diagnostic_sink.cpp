#include "diagnostics/diagnostic_sink.h"

#include <algorithm>

namespace pyxx::diag {

DiagnosticBuilder::~DiagnosticBuilder() {
  if (amends_) {
    sink_->Replace(*amends_, std::move(diagnostic_));
  } else {
    sink_->Add(std::move(diagnostic_));
  }
}

void DiagnosticSink::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error) {
    ++error_count_;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

auto DiagnosticSink::Finish(bool warnings_as_errors) const -> std::vector<Diagnostic> {
  std::vector<Diagnostic> result = diagnostics_;
  if (warnings_as_errors) {
    for (auto& d : result) {
      if (d.severity == Severity::Warning) {
        d.severity = Severity::Error;
      }
    }
  }
  std::stable_sort(result.begin(), result.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.range.begin < b.range.begin;
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.kind == b.kind && a.range == b.range && a.message == b.message;
  };
  result.erase(std::unique(result.begin(), result.end(), same), result.end());
  return result;
}

}  // namespace pyxx::diag
