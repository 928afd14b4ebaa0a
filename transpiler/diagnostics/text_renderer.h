// Diagnostics as people read them, in the GCC/Clang layout editors and grep
// understand:
//
//   fail_nested.pyx:7:9: error: `with cython.nogil` where the GIL may already be released [PX203]
//       7 |         with cython.nogil:
//         |              ^~~~~~~~~~~~
//   fail_nested.pyx:7:9: fix-it: remove `cython.nogil`
//       ...
//   fail_nested.pyx:4:2: note: the GIL is released here
//       4 | @cython.nogil
//         |  ^~~~~~~~~~~~
//   For more information about this error, try `pyxx explain PX203`.
//
// Line and column numbers are 1-based; the column in the `file:line:col:`
// header counts bytes, as Clang does (and as JSON output does). The caret is
// placed by character, with tabs expanded to 8-column stops. A range spanning
// several lines is underlined on its first line only.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"

namespace pyxx::diag {

struct TextOptions {
  // ANSI colours: bold headers, red errors, magenta warnings, cyan notes,
  // green carets and fix-it text. The driver decides (terminal, NO_COLOR).
  bool color = false;
  // End with the `pyxx explain` hint (see ExplainHint). A driver rendering
  // several files passes false and prints ExplainHint once at the end.
  bool show_explain_hint = true;
};

// Renders `diagnostics` (all from `source`), each followed by its fix-its and notes.
void RenderText(std::ostream& out, const base::SourceBuffer& source,
                const std::vector<Diagnostic>& diagnostics, const TextOptions& options);

// rustc's closing hint naming one code that occurred (the lowest error code, or
// the lowest warning code when there are no errors), e.g.
// "For more information about this error, try `pyxx explain PX203`.\n".
// Empty when nothing has a code. Ends with a newline otherwise.
auto ExplainHint(const std::vector<Diagnostic>& diagnostics, bool color = false) -> std::string;

// "remove `x`", "insert `y`" or "replace `x` with `y`" (long or multi-line text cut with "...").
auto DescribeFixIt(const base::SourceBuffer& source, const FixIt& fixit) -> std::string;

// "2 errors, 1 warning generated." / "1 error generated." / "" when both are 0.
auto Summary(int errors, int warnings) -> std::string;

}  // namespace pyxx::diag
