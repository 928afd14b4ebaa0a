// The value a class body's annotation gets in `__annotations__`.
#pragma once

#include <string>
#include <string_view>

namespace pyxx::emit {

// `written` is the annotation's source text. A string literal (`"int"`,
// `'a' "b"`) is what CPython stores: its value, or under PEP 563 the value's
// repr (CPython unparses the literal). Other annotations stay source text.
auto AnnotationText(std::string_view written, bool postponed) -> std::string;

}  // namespace pyxx::emit
