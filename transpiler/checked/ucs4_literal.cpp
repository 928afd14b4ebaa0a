#include "checked/ucs4_literal.h"

#include <fmt/format.h>

#include "diagnostics/utf8.h"

namespace pyxx::checked {

auto StrLiteralCodePoints(std::string_view text) -> std::optional<std::u32string> {
  std::u32string out;
  for (size_t at = 0; at < text.size();) {
    diag::Utf8Char c = diag::DecodeUtf8(text, at);
    if (!c.valid) {
      return std::nullopt;
    }
    out.push_back(c.code_point);
    at += c.length;
  }
  return out;
}

auto Ucs4Constant(char32_t code) -> std::string {
  return fmt::format("static_cast<pyxx::ucs4>(0x{:X}u)", static_cast<uint32_t>(code));
}

}  // namespace pyxx::checked
