// bytes -> parse -> check: no crash, every diagnostic (and note and fix-it)
// inside the file, the diagnostics render in every output format, and the
// checked-model dump works on whatever the checker accepted.
#include <cstddef>
#include <cstdint>

#include "driver/pipeline.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pyxx;
  base::SourceBuffer source = fuzz::SourceFrom(data, size);
  driver::TranslateResult result = driver::Translate(source, driver::TranslateOptions{}, /*emit=*/false);
  fuzz::RequireRangesInside(source, result.diagnostics);
  if (result.cpp) {
    fuzz::Violation("a check-only translation produced output");
  }
  fuzz::RenderAll(source, result.diagnostics);
  if (!result.HasErrors()) {
    (void)driver::Dump(source, "checked", driver::TranslateOptions{});
  }
  return 0;
}
