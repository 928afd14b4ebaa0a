#include "diagnostics/json_renderer.h"

#include <algorithm>

namespace pyxx::diag {
namespace {

// Adds file, line, column, end_line and end_column for `range`.
auto Located(const base::SourceBuffer& source, base::SourceRange range) -> JsonValue {
  base::LineColumn begin = source.Locate(range.begin);
  base::LineColumn end = source.Locate(std::max(range.begin, range.end));
  JsonValue object = JsonValue::Object();
  object.Set("file", source.name())
      .Set("line", begin.line)
      .Set("column", begin.column)
      .Set("end_line", end.line)
      .Set("end_column", end.column);
  return object;
}

}  // namespace

auto SeverityName(Severity severity) -> std::string_view {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

auto DiagnosticToJson(const base::SourceBuffer& source, const Diagnostic& diagnostic) -> JsonValue {
  JsonValue object = Located(source, diagnostic.range);
  object.Set("severity", SeverityName(diagnostic.severity))
      .Set("code", diagnostic.code())
      .Set("name", Info(diagnostic.kind).name)
      .Set("message", diagnostic.message);
  JsonValue notes = JsonValue::Array();
  for (const Note& note : diagnostic.notes) {
    JsonValue json = Located(note.source != nullptr ? *note.source : source, note.range);
    json.Set("severity", "note").Set("name", Info(note.kind).name).Set("message", note.message);
    notes.Push(std::move(json));
  }
  object.Set("notes", std::move(notes));
  JsonValue fixits = JsonValue::Array();
  for (const FixIt& fixit : diagnostic.fixits) {
    JsonValue json = Located(source, fixit.range);
    json.Set("replacement", fixit.replacement);
    fixits.Push(std::move(json));
  }
  object.Set("fixits", std::move(fixits));
  return object;
}

void RenderJson(std::ostream& out, const base::SourceBuffer& source,
                const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    DiagnosticToJson(source, diagnostic).Write(out);
    out << '\n';
  }
}

}  // namespace pyxx::diag
