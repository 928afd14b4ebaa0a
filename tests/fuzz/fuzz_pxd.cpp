// bytes -> an augmenting .pxd beside a module -> parse, fold, check: no crash,
// every diagnostic inside its own file (notes may point into the other one),
// and the diagnostics of both files render. The input is the .pxd; an input
// holding the line `#--pxd--` is the module before it and the .pxd after it,
// so the fuzzer also varies the definitions the .pxd must match.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "driver/pipeline.h"
#include "fuzz_support.h"

namespace {

// Definitions for the declarations real augmenting .pxd files make most.
constexpr std::string_view kDefaultModule =
    "import cython\n"
    "counter = 0\n"
    "def f(x, y=2):\n    return x + y\n"
    "def _helper(a):\n    return a * 2.0\n"
    "class A:\n"
    "    def __init__(self, a=0):\n        self.a = a\n"
    "    def foo(self, x):\n        return x\n"
    "class B(A):\n"
    "    def foo(self, x):\n        return -x\n";

constexpr std::string_view kSeparator = "\n#--pxd--\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pyxx;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find(kSeparator);
  const std::string module_text = split == std::string::npos ? std::string(kDefaultModule) : input.substr(0, split);
  const std::string pxd_text = split == std::string::npos ? input : input.substr(split + kSeparator.size());
  base::SourceBuffer source("fuzz.py", module_text);
  driver::TranslateOptions options;
  options.pxd = std::make_shared<const base::SourceBuffer>("fuzz.pxd", pxd_text);
  options.pxd_path = "fuzz.pxd";
  driver::TranslateResult result = driver::Translate(source, options, /*emit=*/false);
  fuzz::RequireRangesInside(source, result.diagnostics);
  if (result.pxd) {
    fuzz::RequireRangesInside(*result.pxd, result.pxd_diagnostics);
    fuzz::RenderAll(*result.pxd, result.pxd_diagnostics);
  }
  if (result.cpp) {
    fuzz::Violation("a check-only translation produced output");
  }
  fuzz::RenderAll(source, result.diagnostics);
  return 0;
}
