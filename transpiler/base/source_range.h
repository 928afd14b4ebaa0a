// Byte ranges into a SourceBuffer. Every syntax node and diagnostic carries one.
#pragma once

#include <cstdint>

namespace pyxx::base {

// Half-open byte range [begin, end) into the text of one SourceBuffer.
struct SourceRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  [[nodiscard]] auto empty() const -> bool { return begin == end; }
  [[nodiscard]] auto size() const -> uint32_t { return end - begin; }
  friend auto operator==(const SourceRange&, const SourceRange&) -> bool = default;
};

// The smallest range covering both.
inline auto Join(SourceRange a, SourceRange b) -> SourceRange {
  return {a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
}

// A 1-based line and 1-based byte column, as GCC and Clang print them.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

}  // namespace pyxx::base
