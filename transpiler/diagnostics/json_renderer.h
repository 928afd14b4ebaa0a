// `--diagnostics-format=json`: JSON Lines, one object per diagnostic, for
// editors and scripts. Fields (spec §8; consumers must tolerate new ones):
//
//   file, line, column, end_line, end_column   1-based; columns count bytes of
//                                              the UTF-8 line, as the text output;
//                                              end_column is exclusive (one past the range)
//   severity   "error" | "warning" (after -Werror: "error")
//   code       "PX203";  name  the catalog name, e.g. "NestedNogil"
//   message    the message, without the code
//   notes      [{file, line, column, end_line, end_column, severity: "note", name, message}]
//   fixits     [{file, line, column, end_line, end_column, replacement}]
//              (an empty range inserts; an empty replacement removes)
//
// Strings are UTF-8; invalid bytes (say, from a PX001 file) become U+FFFD.
#pragma once

#include <ostream>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/json_value.h"

namespace pyxx::diag {

void RenderJson(std::ostream& out, const base::SourceBuffer& source,
                const std::vector<Diagnostic>& diagnostics);

// The object RenderJson writes for one diagnostic.
auto DiagnosticToJson(const base::SourceBuffer& source, const Diagnostic& diagnostic) -> JsonValue;

// "error" / "warning" / "note".
auto SeverityName(Severity severity) -> std::string_view;

}  // namespace pyxx::diag
