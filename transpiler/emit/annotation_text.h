// The value a class body's annotation gets in `__annotations__`.
#pragma once

#include <string>
#include <string_view>

#include "syntax/tree.h"

namespace pyxx::emit {

// Does the module start with `from __future__ import annotations` (PEP 563)?
auto PostponesAnnotations(const syntax::Module& module) -> bool;

// `written` is the annotation's source text. A string literal (`"int"`,
// `'a' "b"`) is what CPython stores: its value, or under PEP 563 the value's
// repr (CPython unparses the literal). Other annotations stay source text.
auto AnnotationText(std::string_view written, bool postponed) -> std::string;

}  // namespace pyxx::emit
