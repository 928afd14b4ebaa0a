// Python's spelling of an identifier: NFKC-normalised, as the Python parser
// does (PEP 3131), so `ﬁ` and `fi` are one name.
#pragma once

#include <string>
#include <string_view>

namespace pyxx::syntax {

// The NFKC form of `text` (UTF-8). ASCII text is returned unchanged; invalid
// UTF-8 bytes are kept as they are.
auto NormalizeIdentifier(std::string_view text) -> std::string;

}  // namespace pyxx::syntax
