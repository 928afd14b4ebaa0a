// tree-sitter-python 0.25 misreads some valid Python. The one shape found in
// practice: a one-line `def` with a return annotation whose body starts with a
// subscript, `def f(a) -> list: a[0] = 7; return a`, where `list: a[0]` is taken
// for a constrained type (PEP 695 syntax) and the whole definition becomes an
// ERROR. Recovery re-parses a copy of the text with `-> list` blanked out (the
// same length, so every offset stays that of the real file) and parses the
// annotation on its own; a patch that does not remove the error is dropped, so
// real syntax errors are reported as before.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/source_buffer.h"
#include "syntax/ts_wrappers.h"

namespace pyxx::syntax {

struct RecoveredParse {
  std::optional<Tree> tree;  // the re-parse of the patched text; empty when nothing was recovered
  // Return annotations taken out of the text: the start of their `def` (or
  // `async def`) -> the annotation's expression, a node of one of `fragments`.
  std::unordered_map<uint32_t, Node> return_annotations;
  std::vector<Tree> fragments;
};

auto RecoverMisparses(const base::SourceBuffer& source, Node root, Parser& parser, uint64_t max_operations)
    -> RecoveredParse;

}  // namespace pyxx::syntax
