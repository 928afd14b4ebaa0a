#include "base/source_buffer.h"

#include <algorithm>

namespace pyxx::base {

SourceBuffer::SourceBuffer(std::string display_name, std::string text)
    : name_(std::move(display_name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    }
  }
}

auto SourceBuffer::Slice(SourceRange r) const -> std::string_view {
  auto begin = std::min<size_t>(r.begin, text_.size());
  auto end = std::clamp<size_t>(r.end, begin, text_.size());
  return std::string_view(text_).substr(begin, end - begin);
}

auto SourceBuffer::Locate(uint32_t offset) const -> LineColumn {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<uint32_t>(it - line_starts_.begin());
  return {line, offset - line_starts_[line - 1] + 1};
}

auto SourceBuffer::LineStart(uint32_t line) const -> uint32_t {
  if (line == 0 || line > line_starts_.size()) {
    return static_cast<uint32_t>(text_.size());
  }
  return line_starts_[line - 1];
}

auto SourceBuffer::LineText(uint32_t line) const -> std::string_view {
  if (line == 0 || line > line_starts_.size()) {
    return {};
  }
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view text = std::string_view(text_).substr(begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

auto SourceBuffer::FirstInvalidUtf8() const -> std::optional<uint32_t> {
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  size_t n = text_.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) {
      return static_cast<uint32_t>(i);
    }
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) {
        return static_cast<uint32_t>(i);
      }
    }
    // Reject overlong encodings and surrogates, as Python's decoder does.
    if ((len == 2 && c < 0xC2) || (len == 3 && c == 0xE0 && s[i + 1] < 0xA0) ||
        (len == 3 && c == 0xED && s[i + 1] >= 0xA0) || (len == 4 && c == 0xF0 && s[i + 1] < 0x90) ||
        (len == 4 && c > 0xF4) || (len == 4 && c == 0xF4 && s[i + 1] >= 0x90)) {
      return static_cast<uint32_t>(i);
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace pyxx::base
