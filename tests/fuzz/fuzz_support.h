// Shared by the libFuzzer targets: the input as a source file, and the
// invariants every phase must keep. A violated invariant prints what went
// wrong and aborts, so libFuzzer saves the input as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"

namespace pyxx::fuzz {

// The bytes as a file named `fuzz.pyx` (module `fuzz`), as the CLI would load it.
auto SourceFrom(const uint8_t* data, size_t size) -> base::SourceBuffer;

[[noreturn]] void Violation(const std::string& what);

// Every range (diagnostic, note, fix-it) is well-formed and inside the file.
void RequireRangesInside(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics);

// Renders the diagnostics as text and JSON (what the CLI prints);
// exercises line/column mapping of every range on arbitrary bytes.
void RenderAll(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics);

// Two diagnostic lists are the same (kind, severity, range, message, notes, fix-its).
auto SameDiagnostics(const std::vector<diag::Diagnostic>& a, const std::vector<diag::Diagnostic>& b) -> bool;

}  // namespace pyxx::fuzz
