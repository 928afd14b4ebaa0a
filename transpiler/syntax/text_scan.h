// Character classes and trimming for the text scanners of the syntax layer
// (classic Cython declarations, extern blocks of .pxd files), which read
// source lines before or beside tree-sitter.
#pragma once

#include <cctype>
#include <string_view>

namespace pyxx::syntax {

// Bytes of non-ASCII characters count as identifier characters (`Ωmega` is one name).
inline auto IsIdentStart(char c) -> bool {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
inline auto IsIdentChar(char c) -> bool {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// `s` is one whole identifier (`red`, not `2x`, `a b` or ``).
inline auto IsIdentifier(std::string_view s) -> bool {
  if (s.empty() || !IsIdentStart(s[0])) return false;
  for (char c : s) {
    if (!IsIdentChar(c)) return false;
  }
  return true;
}

inline auto Trim(std::string_view s) -> std::string_view {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// `text` begins with the whole word `word` (not a longer identifier).
inline auto StartsWithWord(std::string_view text, std::string_view word) -> bool {
  return text.substr(0, word.size()) == word && (text.size() == word.size() || !IsIdentChar(text[word.size()]));
}

}  // namespace pyxx::syntax
