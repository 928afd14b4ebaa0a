// The text of one input file, with the display name it was given on the
// command line and the offsets of its line starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_range.h"

namespace pyxx::base {

class SourceBuffer {
 public:
  // `display_name` is printed in diagnostics and #line directives exactly as
  // given (never made absolute, so outputs do not depend on the machine).
  SourceBuffer(std::string display_name, std::string text);

  [[nodiscard]] auto name() const -> const std::string& { return name_; }
  [[nodiscard]] auto text() const -> std::string_view { return text_; }
  [[nodiscard]] auto Slice(SourceRange r) const -> std::string_view;

  [[nodiscard]] auto LineCount() const -> uint32_t { return static_cast<uint32_t>(line_starts_.size()); }
  // 1-based line and byte column of an offset (offset == size() is allowed).
  [[nodiscard]] auto Locate(uint32_t offset) const -> LineColumn;
  // The text of a 1-based line, without its line terminator.
  [[nodiscard]] auto LineText(uint32_t line) const -> std::string_view;
  [[nodiscard]] auto LineStart(uint32_t line) const -> uint32_t;

  // Offset of the first byte that is not valid UTF-8, if any.
  [[nodiscard]] auto FirstInvalidUtf8() const -> std::optional<uint32_t>;

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace pyxx::base
