// `--diagnostics-format=sarif`: one SARIF 2.1.0 log for the whole run, for CI
// code-scanning and editors. The tool's rules list every catalog code with its
// explanation page as help; each diagnostic is a result with its region, notes
// as relatedLocations and fix-its as one fix. Columns are UTF-16 code units
// (`columnKind` "utf16CodeUnits", SARIF's default); end columns are exclusive.
// Artifact URIs are the file names as given, percent-encoded where needed.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/json_value.h"

namespace pyxx::diag {

struct FileDiagnostics {
  const base::SourceBuffer* source;
  std::vector<Diagnostic> diagnostics;
};

// Writes the log, pretty-printed, followed by a newline.
void RenderSarif(std::ostream& out, const std::vector<FileDiagnostics>& files);

// The log as a value (what RenderSarif writes).
auto SarifLog(const std::vector<FileDiagnostics>& files) -> JsonValue;

// A file name as a relative URI reference: bytes other than unreserved
// characters and '/' are percent-encoded ("my file.pyx" -> "my%20file.pyx").
auto FileNameToUri(std::string_view name) -> std::string;

}  // namespace pyxx::diag
