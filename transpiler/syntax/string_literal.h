// Decoding the text of Python string literals (escapes, raw strings, bytes,
// the doubled braces of f-strings) into the bytes of the value.
#pragma once

#include <string>
#include <string_view>

namespace pyxx::syntax {

struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool formatted = false;
  size_t quote_length = 1;  // 1 or 3
};

// Reads the prefix letters and quote of a literal's opening (`rb"`, `f'''`).
auto ParseStringPrefix(std::string_view opening) -> StringPrefix;

// Decodes literal characters (between the quotes, outside interpolations).
// str values are UTF-8; bytes values hold the byte values. `\N{name}` escapes
// are kept as written (pyxx has no Unicode name table).
auto DecodeStringText(std::string_view text, const StringPrefix& prefix) -> std::string;

// Where the literal whose opening quote is at `quote` ends in `text`: `end` is
// just past its closing quote(s). A backslash escapes the next character (in
// raw literals too, as far as where the literal ends). An unterminated
// one-line literal stops before its newline, a triple-quoted one at the end of
// the text; `closed` is false for both.
struct LiteralExtent {
  size_t end = 0;
  bool closed = false;
};
auto StringLiteralExtent(std::string_view text, size_t quote) -> LiteralExtent;

}  // namespace pyxx::syntax
