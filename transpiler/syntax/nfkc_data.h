// The Unicode tables of NFKC normalisation (generated into nfkc_data.cpp by
// tools/gen_nfkc_data.py). Every table is sorted by its first column.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pyxx::syntax::nfkc {

// `code_point` decomposes fully (compatibility mappings included) into
// kDecompositionPool[offset .. offset + length).
struct Decomposition {
  char32_t code_point;
  uint32_t offset;
  uint32_t length;
};

// Characters first..last have canonical combining class `combining_class`.
struct CombiningClass {
  char32_t first;
  char32_t last;
  uint32_t combining_class;
};

// Canonical composition joins `first` followed by `second` into `composite`.
struct Composition {
  char32_t first;
  char32_t second;
  char32_t composite;
};

extern const char* const kUnicodeVersion;
extern const Decomposition kDecompositions[];
extern const size_t kDecompositionsSize;
extern const char32_t kDecompositionPool[];
extern const size_t kDecompositionPoolSize;
extern const CombiningClass kCombiningClasses[];
extern const size_t kCombiningClassesSize;
extern const Composition kCompositions[];
extern const size_t kCompositionsSize;

}  // namespace pyxx::syntax::nfkc
