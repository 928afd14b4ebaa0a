// `pyxx check --verify FILE`, like `clang -verify`: the file states the
// diagnostics it expects in comments, and the check passes only when the
// reported diagnostics and the expected ones are the same.
//
//   x = obj + 1          # expected-error PX201
//   # expected-error@+1 PX202: needs the GIL
//   print(n)
//   y = 1                # expected-warning PX401
//   @cython.nogil        # expected-note: the GIL is released here
//
// A directive is `expected-error`, `expected-warning` or `expected-note`,
// then optionally:
//   @+N / @-N / @N   the line it is about: N lines below / above the comment,
//                    or line N; without it, the comment's own line
//   N                a count: exactly N such diagnostics (default 1)
//   PXnnn            the code (not for notes); without it any code matches
//   : text           text that must occur in the message (case-sensitive);
//                    it runs to the end of the comment or the next directive
// `# expected-no-diagnostics` says the file must produce none.
//
// Rules:
// - Every reported error and warning must match a directive, and every
//   directive must be matched (a directive with a count, that many times).
//   A diagnostic matches on its first line, severity, code and text.
// - Notes are verified only in files with at least one `expected-note`;
//   then every note must be expected too. Otherwise notes are ignored.
// - One comment may hold several directives, each starting with `expected-`
//   (`# expected-error PX201 expected-note: released here`), and directives
//   in comments on consecutive lines can point at one line with @+N / @-N.
// - A file with no directive at all is a failure (a forgotten expectation
//   would otherwise pass silently).
// - Directives are found by a small scanner that knows comments and string
//   literals (also triple-quoted ones), not by the parser, so files that do
//   not parse can be verified. Text in a string literal is never a directive;
//   limitation: an unterminated triple-quoted string hides the directives
//   after it, and prose containing " expected-" ends a `: text`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"

namespace pyxx::diag {

struct ExpectedDiagnostic {
  uint32_t written_on = 0;  // the line of the comment
  uint32_t line = 0;        // the line the diagnostic is expected on
  Severity severity = Severity::Error;
  std::string code;         // upper case; empty matches any code
  std::string text;         // empty matches any message
  uint32_t count = 1;
};

struct Directives {
  std::vector<ExpectedDiagnostic> expected;
  bool no_diagnostics = false;        // `expected-no-diagnostics` was written
  std::vector<std::string> problems;  // malformed directives, as "file:line: ..."
};

// One `#` comment: its line and its text after the `#`.
struct Comment {
  uint32_t line = 0;
  std::string_view text;
};

// The comments of a Python source, skipping `#` inside string literals.
auto FindComments(std::string_view source) -> std::vector<Comment>;

// Every directive of the file (used by Verify and by the catalog coverage test).
auto ScanDirectives(const base::SourceBuffer& source) -> Directives;

struct VerifyResult {
  bool ok = false;
  // Human-readable lines, sorted by line:
  //   "file.pyx:7: expected error PX203 was not reported"
  //   "file.pyx:9: unexpected error PX201: <message>"
  std::vector<std::string> problems;
};

// `elsewhere`: diagnostics of another file (the module of an augmenting .pxd)
// whose notes may point into `source`; those notes are verified here.
auto Verify(const base::SourceBuffer& source, const std::vector<Diagnostic>& diagnostics,
            const std::vector<Diagnostic>& elsewhere = {}) -> VerifyResult;

}  // namespace pyxx::diag
