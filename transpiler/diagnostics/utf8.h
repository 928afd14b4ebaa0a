// UTF-8 helpers for the renderers: decoding one character at a time, counting
// columns in the units other tools expect, and making text safe for JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pyxx::diag {

// One decoded character. `valid` is false for a byte that does not start a
// well-formed UTF-8 sequence; such a byte is consumed alone (`length` 1).
struct Utf8Char {
  char32_t code_point = 0;
  uint32_t length = 1;
  bool valid = true;
};

// Decodes the character starting at `text[offset]` (offset < text.size()).
auto DecodeUtf8(std::string_view text, size_t offset) -> Utf8Char;

// The 1-based column of byte column `byte_column` (1-based) of `line`, counted
// in UTF-16 code units (SARIF's default `columnKind`). An invalid byte counts as one.
auto Utf16Column(std::string_view line, uint32_t byte_column) -> uint32_t;

// `text` with every invalid byte replaced by U+FFFD, so it can go into JSON.
auto ValidUtf8(std::string_view text) -> std::string;

// Appends the UTF-8 encoding of `code_point`.
void AppendUtf8(std::string& out, char32_t code_point);

}  // namespace pyxx::diag
