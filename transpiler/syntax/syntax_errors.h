// tree-sitter's ERROR and MISSING nodes -> PX002 / PX003 / PX006, one per
// error region, at a precise place, capped so a broken file stays readable.
#pragma once

#include <optional>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/ts_wrappers.h"

namespace pyxx::syntax {

inline constexpr int kMaxSyntaxErrors = 20;

void ReportSyntaxErrors(Node root, const base::SourceBuffer& source, diag::DiagnosticSink& sink);

// The first node deeper than `max_depth` (iterative walk), if any.
auto FindTooDeepNode(Node root, uint32_t max_depth) -> std::optional<Node>;

}  // namespace pyxx::syntax
