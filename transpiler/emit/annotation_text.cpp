// A class body's annotation as CPython stores it: a string literal's value
// (or, under `from __future__ import annotations`, the repr CPython's
// unparser writes), never the quotes of the source.
#include "emit/annotation_text.h"

#include <optional>

#include "syntax/string_literal.h"

namespace pyxx::emit {

namespace {

auto IsSpace(char c) -> bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\\'; }

auto Trim(std::string_view text) -> std::string_view {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// The value of `text` when it is only str literals (adjacent ones concatenated,
// in parentheses or not); nullopt otherwise (bytes and f-strings included).
auto StrLiteralsValue(std::string_view text) -> std::optional<std::string> {
  text = Trim(text);
  while (text.size() >= 2 && text.front() == '(' && text.back() == ')') text = Trim(text.substr(1, text.size() - 2));
  std::string value;
  bool any = false;
  while (!text.empty()) {
    size_t i = 0;
    while (i < text.size() && (text[i] == 'r' || text[i] == 'R' || text[i] == 'u' || text[i] == 'U')) ++i;
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return std::nullopt;
    const syntax::LiteralExtent extent = syntax::StringLiteralExtent(text, i);
    if (!extent.closed) return std::nullopt;
    const bool triple = text.substr(i, 3) == std::string(3, text[i]);
    const syntax::StringPrefix prefix = syntax::ParseStringPrefix(text.substr(0, i + (triple ? 3 : 1)));
    const size_t open = i + prefix.quote_length;
    value += syntax::DecodeStringText(text.substr(open, extent.end - prefix.quote_length - open), prefix);
    any = true;
    text = Trim(text.substr(extent.end));
  }
  return any ? std::optional<std::string>(value) : std::nullopt;
}

// Python's repr() of a str (UTF-8): its quote choice and escapes. Characters
// beyond Latin-1 are taken as printable.
auto PythonRepr(const std::string& value) -> std::string {
  const bool single = value.find('\'') != std::string::npos;
  const char quote = single && value.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, quote);
  static const char* const kHex = "0123456789abcdef";
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
    } else if (c == 0xc2 && i + 1 < value.size() &&
               (static_cast<unsigned char>(value[i + 1]) <= 0xa0 || static_cast<unsigned char>(value[i + 1]) == 0xad)) {
      // U+0080..U+00A0 and U+00AD are not printable: \x escapes, as Python's.
      const auto low = static_cast<unsigned char>(value[++i]);
      out += {'\\', 'x', kHex[low >> 4], kHex[low & 15]};
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

}  // namespace

auto AnnotationText(std::string_view written, bool postponed) -> std::string {
  std::optional<std::string> value = StrLiteralsValue(written);
  if (!value) return std::string(written);
  return postponed ? PythonRepr(*value) : *value;
}

}  // namespace pyxx::emit
