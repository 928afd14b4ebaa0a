#include "diagnostics/source_snippet.h"

#include <fmt/format.h>

#include <algorithm>

#include "diagnostics/utf8.h"

namespace pyxx::diag {
namespace {

// Characters a terminal would not show as themselves, or that reorder the text
// around them (the "Trojan Source" bidirectional controls).
auto ShownAsCodePoint(char32_t c) -> bool {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0xFEFF;
}

}  // namespace

DisplayLine::DisplayLine(std::string_view raw, uint32_t tab_width) {
  columns_.reserve(raw.size() + 1);
  uint32_t column = 0;
  size_t i = 0;
  while (i < raw.size()) {
    Utf8Char c = DecodeUtf8(raw, i);
    std::string shown;
    uint32_t width = 1;
    if (!c.valid) {
      shown = fmt::format("<{:02X}>", static_cast<unsigned char>(raw[i]));
      width = static_cast<uint32_t>(shown.size());
    } else if (c.code_point == '\t') {
      width = tab_width - column % tab_width;
      shown.assign(width, ' ');
    } else if (ShownAsCodePoint(c.code_point)) {
      shown = fmt::format("<U+{:04X}>", static_cast<uint32_t>(c.code_point));
      width = static_cast<uint32_t>(shown.size());
    } else {
      shown = raw.substr(i, c.length);
    }
    for (uint32_t k = 0; k < c.length; ++k) {
      columns_.push_back(column);
    }
    text_ += shown;
    column += width;
    i += c.length;
  }
  columns_.push_back(column);
}

auto DisplayLine::ColumnOf(uint32_t byte_offset) const -> uint32_t {
  if (byte_offset < columns_.size()) {
    return columns_[byte_offset];
  }
  return columns_.back() + (byte_offset - static_cast<uint32_t>(columns_.size() - 1));
}

auto MarkerLine(const DisplayLine& line, uint32_t begin, uint32_t end) -> std::string {
  uint32_t first = line.ColumnOf(begin);
  uint32_t last = std::max(line.ColumnOf(std::max(begin, end)), first + 1);
  std::string marker(first, ' ');
  marker += '^';
  marker.append(last - first - 1, '~');
  return marker;
}

}  // namespace pyxx::diag
