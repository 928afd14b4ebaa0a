#include "diagnostics/utf8.h"

#include <algorithm>

namespace pyxx::diag {

auto DecodeUtf8(std::string_view text, size_t offset) -> Utf8Char {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(offset);
  if (lead < 0x80) {
    return {lead, 1, true};
  }
  uint32_t length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || offset + length > text.size()) {
    return {0xFFFD, 1, false};
  }
  char32_t code_point = lead & (0x7F >> length);
  for (uint32_t k = 1; k < length; ++k) {
    unsigned char next = byte(offset + k);
    if ((next & 0xC0) != 0x80) {
      return {0xFFFD, 1, false};
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kSmallest[length] || (code_point >= 0xD800 && code_point <= 0xDFFF) ||
      code_point > 0x10FFFF) {
    return {0xFFFD, 1, false};
  }
  return {code_point, length, true};
}

auto Utf16Column(std::string_view line, uint32_t byte_column) -> uint32_t {
  size_t wanted = byte_column == 0 ? 0 : byte_column - 1;
  size_t end = std::min(wanted, line.size());
  uint32_t units = 0;
  size_t i = 0;
  while (i < end) {
    Utf8Char c = DecodeUtf8(line, i);
    units += c.valid && c.code_point >= 0x10000 ? 2 : 1;
    i += c.length;
  }
  // A column past the end of the line (the newline, or end of file) keeps its distance.
  return units + 1 + static_cast<uint32_t>(wanted - end);
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

auto ValidUtf8(std::string_view text) -> std::string {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    Utf8Char c = DecodeUtf8(text, i);
    if (c.valid) {
      out.append(text.substr(i, c.length));
    } else {
      AppendUtf8(out, 0xFFFD);
    }
    i += c.length;
  }
  return out;
}

}  // namespace pyxx::diag
