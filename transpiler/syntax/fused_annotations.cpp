#include "syntax/fused_annotations.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "syntax/scalar_names.h"
#include "syntax/string_literal.h"

namespace pyxx::syntax {
namespace {

auto IsNameChar(char c) -> bool { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Which bytes of `text` are inside a string literal or a comment: a scan for
// annotations must not touch those (blanking there would change a string).
auto StringsAndComments(std::string_view text) -> std::vector<bool> {
  std::vector<bool> inside(text.size(), false);
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') inside[i++] = true;
      continue;
    }
    if (c != '\'' && c != '"') {
      ++i;
      continue;
    }
    const size_t j = StringLiteralExtent(text, i).end;
    for (size_t k = i; k < j; ++k) inside[k] = true;
    i = j;
  }
  return inside;
}

}  // namespace

auto BlankFusedViewAnnotations(std::string_view text, std::string& patched)
    -> std::unordered_map<uint32_t, BlankedViewAnnotation> {
  std::unordered_map<uint32_t, BlankedViewAnnotation> found;
  const std::vector<bool> in_literal = StringsAndComments(text);
  for (size_t mark = text.find_first_of(":>"); mark != std::string_view::npos;
       mark = text.find_first_of(":>", mark + 1)) {
    if (in_literal[mark]) continue;
    // `IDENT: NAME[...]` where IDENT follows `(`, `,` or the indentation of a line:
    // a parameter or a variable annotation (not a dict display or a lambda);
    // or `) -> NAME[...]`, a return annotation.
    const bool arrow = text[mark] == '>';  // the `>` of `->`
    if (arrow && (mark == 0 || text[mark - 1] != '-')) continue;
    if (!arrow) {
      size_t ident_end = mark;
      while (ident_end > 0 && text[ident_end - 1] == ' ') --ident_end;
      size_t ident_begin = ident_end;
      while (ident_begin > 0 && IsNameChar(text[ident_begin - 1])) --ident_begin;
      if (ident_begin == ident_end) continue;
      size_t before = ident_begin;
      while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
      const bool starts =
          before == 0 || text[before - 1] == '\n' || text[before - 1] == '(' || text[before - 1] == ',';
      if (!starts) continue;
    } else {
      size_t before = mark - 1;
      while (before > 0 && text[before - 1] == ' ') --before;
      if (before == 0 || text[before - 1] != ')') continue;
    }
    size_t name_begin = mark + 1;
    while (name_begin < text.size() && text[name_begin] == ' ') ++name_begin;
    size_t name_end = name_begin;
    while (name_end < text.size() && IsNameChar(text[name_end])) ++name_end;
    if (name_end == name_begin || std::isdigit(static_cast<unsigned char>(text[name_begin]))) continue;
    // `double[:]`: a Cython type without `cython.`, which the parser's recovery reports (PX006).
    if (CythonScalar(text.substr(name_begin, name_end - name_begin))) continue;
    size_t open = name_end;
    while (open < text.size() && text[open] == ' ') ++open;
    if (open >= text.size() || text[open] != '[') continue;
    size_t close = text.find(']', open);
    if (close == std::string_view::npos) continue;
    // Only `:` and `::1` dimensions: anything else stays an error for the grammar.
    BlankedViewAnnotation view;
    bool ok = true;
    std::string dim;
    auto finish_dim = [&] {
      if (dim == ":") {
        ++view.ndim;
      } else if (dim == "::1" && view.contiguous_dim < 0) {
        view.contiguous_dim = view.ndim++;
      } else {
        ok = false;
      }
      dim.clear();
    };
    for (size_t i = open + 1; i < close && ok; ++i) {
      char c = text[i];
      if (c == ' ') continue;
      if (c == ',') {
        finish_dim();
      } else if (c == ':' || c == '1') {
        dim += c;
      } else {
        ok = false;
      }
    }
    if (ok) finish_dim();
    // `::1` first (Fortran) or last (C) only, as for `cython.double[:, ::1]`.
    if (!ok || view.ndim == 0 || (view.contiguous_dim > 0 && view.contiguous_dim != view.ndim - 1)) continue;
    view.range = {static_cast<uint32_t>(name_begin), static_cast<uint32_t>(close + 1)};
    for (size_t i = name_end; i <= close; ++i) patched[i] = ' ';
    found.emplace(static_cast<uint32_t>(name_begin), view);
  }
  return found;
}

}  // namespace pyxx::syntax
