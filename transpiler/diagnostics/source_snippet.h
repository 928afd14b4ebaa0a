// How a source line is shown under a diagnostic: tabs expanded to tab stops,
// control characters, bidirectional overrides and invalid bytes made visible
// (`<U+202E>`, `<FF>`, as Clang does), and carets placed by character, so a
// caret lines up under the same character the terminal shows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyxx::diag {

inline constexpr uint32_t kTabWidth = 8;

class DisplayLine {
 public:
  explicit DisplayLine(std::string_view raw, uint32_t tab_width = kTabWidth);

  [[nodiscard]] auto text() const -> const std::string& { return text_; }
  // The 0-based display column of the character holding byte `byte_offset`
  // of the raw line; offsets past its end continue one column per byte.
  [[nodiscard]] auto ColumnOf(uint32_t byte_offset) const -> uint32_t;

 private:
  std::string text_;
  std::vector<uint32_t> columns_;  // one per raw byte, plus one for the end
};

// `^` under the first character of [begin, end) (byte offsets in the raw
// line) and `~` under the rest; an empty range is a lone caret.
auto MarkerLine(const DisplayLine& line, uint32_t begin, uint32_t end) -> std::string;

}  // namespace pyxx::diag
