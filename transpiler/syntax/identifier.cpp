// NFKC normalisation (Unicode Standard Annex #15): full compatibility
// decomposition, canonical ordering, canonical composition; Hangul syllables
// are decomposed and composed algorithmically, everything else from the
// tables of nfkc_data.cpp.
#include "syntax/identifier.h"

#include <algorithm>
#include <vector>

#include "diagnostics/utf8.h"
#include "syntax/nfkc_data.h"

namespace pyxx::syntax {

namespace {

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

auto CombiningClassOf(char32_t c) -> uint32_t {
  const auto* end = nfkc::kCombiningClasses + nfkc::kCombiningClassesSize;
  const auto* it = std::upper_bound(nfkc::kCombiningClasses, end, c,
                                    [](char32_t v, const nfkc::CombiningClass& r) { return v < r.first; });
  if (it == nfkc::kCombiningClasses) {
    return 0;
  }
  --it;
  return c <= it->last ? it->combining_class : 0;
}

void Decompose(char32_t c, std::vector<char32_t>& out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    char32_t s = c - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) {
      out.push_back(kTBase + s % kTCount);
    }
    return;
  }
  const auto* end = nfkc::kDecompositions + nfkc::kDecompositionsSize;
  const auto* it = std::lower_bound(nfkc::kDecompositions, end, c,
                                    [](const nfkc::Decomposition& d, char32_t v) { return d.code_point < v; });
  if (it != end && it->code_point == c) {
    out.insert(out.end(), nfkc::kDecompositionPool + it->offset, nfkc::kDecompositionPool + it->offset + it->length);
  } else {
    out.push_back(c);
  }
}

// The primary composite of `first` + `second`, or 0.
auto Compose(char32_t first, char32_t second) -> char32_t {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount) {
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  }
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 && second > kTBase &&
      second < kTBase + kTCount) {
    return first + (second - kTBase);
  }
  const auto* end = nfkc::kCompositions + nfkc::kCompositionsSize;
  const auto* it = std::lower_bound(nfkc::kCompositions, end, std::pair{first, second},
                                    [](const nfkc::Composition& c, std::pair<char32_t, char32_t> v) {
                                      return std::pair{c.first, c.second} < v;
                                    });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
}

}  // namespace

auto NormalizeIdentifier(std::string_view text) -> std::string {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);
  }
  std::vector<char32_t> chars;
  for (size_t i = 0; i < text.size();) {
    diag::Utf8Char c = diag::DecodeUtf8(text, i);
    if (!c.valid) {
      return std::string(text);  // not an identifier the parser accepts; leave it to the diagnostics
    }
    Decompose(c.code_point, chars);
    i += c.length;
  }
  // Canonical ordering: a stable sort of each run of non-starters by class.
  for (size_t i = 0; i < chars.size();) {
    if (CombiningClassOf(chars[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < chars.size() && CombiningClassOf(chars[j]) != 0) {
      ++j;
    }
    std::stable_sort(chars.begin() + static_cast<std::ptrdiff_t>(i), chars.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return CombiningClassOf(a) < CombiningClassOf(b); });
    i = j;
  }
  // Canonical composition: each character joins the last starter unless a
  // character in between blocks it (same or higher class, or a starter).
  std::vector<char32_t> composed;
  size_t starter = SIZE_MAX;
  uint32_t last_class = 0;
  for (char32_t c : chars) {
    uint32_t cls = CombiningClassOf(c);
    if (starter != SIZE_MAX) {
      bool blocked = composed.size() - 1 != starter && (last_class == 0 || last_class >= cls);
      if (!blocked) {
        if (char32_t joined = Compose(composed[starter], c); joined != 0) {
          composed[starter] = joined;
          continue;
        }
      }
    }
    if (cls == 0) {
      starter = composed.size();
    }
    composed.push_back(c);
    last_class = cls;
  }
  std::string out;
  for (char32_t c : composed) {
    diag::AppendUtf8(out, c);
  }
  return out;
}

}  // namespace pyxx::syntax
