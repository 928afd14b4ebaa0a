// `x: my_type[:, ::1]` and `-> my_type[:]`, a memoryview whose element is a
// bare name: a fused type declared by `my_type = cython.fused_type(...)`, a
// typedef (`my_type = cython.typedef(cython.uchar)`), a struct, a cimported
// type or an alias (`from cython import int as cint`): the stock grammar reads
// a bare name with a subscript of slices as a generic type and gives an ERROR. Before parsing,
// such annotations are found in the text and their `[...]` blanked (same
// length, so every offset stays that of the real file); the lowerer makes the
// memoryview type from what was taken out (Lowerer::LowerAnnotationExpression).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/source_range.h"

namespace pyxx::syntax {

struct BlankedViewAnnotation {
  base::SourceRange range;  // `my_type[:, ::1]`
  int ndim = 0;
  int contiguous_dim = -1;  // as TypeExpr: -1 or the index of the `::1` dimension
};

// The annotations blanked in `patched` (a copy of `text`), by the start of their name.
auto BlankFusedViewAnnotations(std::string_view text, std::string& patched)
    -> std::unordered_map<uint32_t, BlankedViewAnnotation>;

}  // namespace pyxx::syntax
