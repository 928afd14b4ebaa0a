// Classic Cython (`cdef`, `cpdef`, `cimport`, `ctypedef`, C-typed `def`
// parameters, `nogil` after a signature) found by a cheap scan of logical
// lines BEFORE parsing: long runs of it make tree-sitter's error recovery slow,
// and the pure-mode spelling makes a better answer than a syntax error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"

namespace pyxx::syntax {

// One logical line of the file (continuation lines and bracketed lines joined).
struct LogicalLine {
  uint32_t begin = 0;  // first non-blank character
  uint32_t end = 0;    // end of the code (before a trailing comment and blanks)
  uint32_t line_start = 0;
};

// The logical lines of a Python-like text (comments and blank lines skipped).
auto LogicalLines(std::string_view text) -> std::vector<LogicalLine>;

// Reports PX005 (with the pure-mode spelling as a fix-it where it is
// mechanical) for each classic line, up to a cap; true when any was found.
auto ReportClassicCython(const base::SourceBuffer& source, diag::DiagnosticSink& sink) -> bool;

// The pure-mode spelling of a C type written in classic Cython:
// "unsigned long" -> "cython.ulong", "double[:, ::1]" -> "cython.double[:, ::1]",
// "object" -> "object"; nullopt for pointers and unknown names.
auto PureModeType(std::string_view c_type) -> std::optional<std::string>;

// The pure-mode spelling of one classic logical line (without its indentation
// and trailing comment); later lines of the result start with `indent`.
// nullopt when the translation is not mechanical (pointers, structs, extern blocks).
auto PureModeSpelling(std::string_view line, std::string_view indent) -> std::optional<std::string>;

// The same for a declaration line of an augmenting .pxd, whose types may also
// be pointers (`double *` -> `cython.pointer(cython.double)`) and names the
// .pxd declares (structs, typedefs, classes), kept as written.
auto PxdPureModeSpelling(std::string_view line, std::string_view indent) -> std::optional<std::string>;
auto PxdPureModeType(std::string_view c_type) -> std::optional<std::string>;

}  // namespace pyxx::syntax
