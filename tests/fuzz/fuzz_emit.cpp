// bytes -> parse -> check -> emit (the whole translation):
//   errors => no output, and no errors => output;
//   emit reports nothing: the diagnostics are exactly those of check alone,
//   and no emitter fallback for a rejected construct is reached;
//   translation is deterministic: a second run gives the same bytes;
//   every diagnostic inside the file; no crash and no internal error.
// Whether the output compiles is checked outside libFuzzer (too slow per
// input): tests/fuzz/compile_translations.py.
#include <cstddef>
#include <cstdint>

#include "driver/pipeline.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pyxx;
  base::SourceBuffer source = fuzz::SourceFrom(data, size);
  driver::TranslateOptions options;
  driver::TranslateResult first = driver::Translate(source, options, /*emit=*/true);
  fuzz::RequireRangesInside(source, first.diagnostics);
  if (first.HasErrors() && first.cpp) {
    fuzz::Violation("a translation with errors produced output");
  }
  if (!first.HasErrors() && (!first.cpp || first.cpp->empty())) {
    fuzz::Violation("a translation without errors produced no output");
  }
  // The emitter's fallbacks for what the checker should have rejected leave this
  // text: reaching one means a user error got past check into emit.
  if (first.cpp && first.cpp->find("rejected by the checker") != std::string::npos) {
    fuzz::Violation("emit met a construct the checker should have rejected");
  }
  driver::TranslateResult checked_only = driver::Translate(source, options, /*emit=*/false);
  if (!fuzz::SameDiagnostics(first.diagnostics, checked_only.diagnostics)) {
    fuzz::Violation("emitting changed the diagnostics (emit must not report anything)");
  }
  driver::TranslateResult second = driver::Translate(source, options, /*emit=*/true);
  if (first.cpp != second.cpp || !fuzz::SameDiagnostics(first.diagnostics, second.diagnostics)) {
    fuzz::Violation("two translations of the same input differ");
  }
  if (first.cpp) {
    // --no-line-directives: the same translation, without a #line line.
    options.line_directives = false;
    driver::TranslateResult plain = driver::Translate(source, options, /*emit=*/true);
    if (!plain.cpp || plain.cpp->rfind("#line ", 0) == 0 || plain.cpp->find("\n#line ") != std::string::npos) {
      fuzz::Violation("--no-line-directives gave no output or one with #line directives");
    }
  }
  return 0;
}
