// The code points of a `str` literal, for Py_UCS4 constants (`c == "a"`,
// `c in "aeiou"`): read by the checker and the emitter alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pyxx::checked {

// The literal's characters (its decoded text is UTF-8), or nullopt when a byte
// is not well-formed UTF-8 (a lone surrogate, which pyxx then keeps as an object).
auto StrLiteralCodePoints(std::string_view text) -> std::optional<std::u32string>;

// `static_cast<pyxx::ucs4>(0x61u)`: a code point as a C++ constant of the type.
auto Ucs4Constant(char32_t code) -> std::string;

}  // namespace pyxx::checked
