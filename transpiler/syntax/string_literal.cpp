#include "syntax/string_literal.h"

#include <cctype>
#include <cstdint>

namespace pyxx::syntax {
namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

auto HexValue(char c) -> int {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `digits` hex digits at text[i...]; -1 when they are not there.
auto ReadHex(std::string_view text, size_t i, size_t digits) -> int64_t {
  if (i + digits > text.size()) {
    return -1;
  }
  int64_t value = 0;
  for (size_t k = 0; k < digits; ++k) {
    int h = HexValue(text[i + k]);
    if (h < 0) {
      return -1;
    }
    value = value * 16 + h;
  }
  return value;
}

}  // namespace

auto ParseStringPrefix(std::string_view opening) -> StringPrefix {
  StringPrefix prefix;
  size_t i = 0;
  for (; i < opening.size() && opening[i] != '\'' && opening[i] != '"'; ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(opening[i])));
    prefix.raw |= c == 'r';
    prefix.bytes |= c == 'b';
    prefix.formatted |= c == 'f';
  }
  prefix.quote_length = opening.size() - i >= 3 ? 3 : 1;
  return prefix;
}

auto DecodeStringText(std::string_view text, const StringPrefix& prefix) -> std::string {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\r') {  // newlines inside literals are always \n
      out += '\n';
      i += (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (prefix.formatted && (c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      i += 2;
      continue;
    }
    if (c != '\\' || i + 1 >= text.size()) {
      out += c;
      ++i;
      continue;
    }
    if (prefix.raw) {
      // A raw string keeps the backslash, but it still escapes a quote.
      out += c;
      out += text[i + 1];
      i += 2;
      continue;
    }
    char e = text[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;
      case '\r': if (i < text.size() && text[i] == '\n') ++i; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        int64_t value = ReadHex(text, i, 2);
        if (value < 0) {
          out += "\\x";  // invalid escape: Python rejects it; keep it visible
          break;
        }
        i += 2;
        if (prefix.bytes) {
          out += static_cast<char>(value);
        } else {
          AppendUtf8(out, static_cast<uint32_t>(value));
        }
        break;
      }
      case 'u':
      case 'U': {
        const size_t digits = e == 'u' ? 4 : 8;
        int64_t value = prefix.bytes ? -1 : ReadHex(text, i, digits);
        if (value < 0 || value > 0x10FFFF) {
          out += '\\';
          out += e;
          break;
        }
        i += digits;
        AppendUtf8(out, static_cast<uint32_t>(value));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          uint32_t value = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i < text.size() && text[i] >= '0' && text[i] <= '7'; ++k, ++i) {
            value = value * 8 + static_cast<uint32_t>(text[i] - '0');
          }
          if (prefix.bytes) {
            out += static_cast<char>(value & 0xFF);
          } else {
            AppendUtf8(out, value);
          }
        } else {
          out += '\\';  // unknown escapes (and \N{...}) stay as written, as Python does for unknown ones
          out += e;
        }
    }
  }
  return out;
}

auto StringLiteralExtent(std::string_view text, size_t quote) -> LiteralExtent {
  const char c = text[quote];
  const bool triple = quote + 2 < text.size() && text[quote + 1] == c && text[quote + 2] == c;
  const size_t quote_len = triple ? 3 : 1;
  size_t i = quote + quote_len;
  while (i < text.size()) {
    if (text[i] == '\\') {
      i += 2;
    } else if (text[i] == c && (!triple || text.compare(i, 3, std::string_view(&text[quote], 3)) == 0)) {
      return {i + quote_len, true};
    } else if (text[i] == '\n' && !triple) {
      return {i, false};
    } else {
      ++i;
    }
  }
  return {text.size(), false};
}

}  // namespace pyxx::syntax
