// bytes -> parse -> lower (the syntax phase): no crash, no hang beyond the
// parser's operation budget, every syntax diagnostic inside the file, and the
// syntax tree dump (which slices the source by every node's range) works.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "syntax/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pyxx;
  base::SourceBuffer source = fuzz::SourceFrom(data, size);
  diag::DiagnosticSink sink;
  syntax::Module module = syntax::Parse(source, "fuzz", sink);
  fuzz::RequireRangesInside(source, sink.diagnostics());
  (void)syntax::Dump(module, source);
  return 0;
}
