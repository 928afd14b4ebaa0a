#include "syntax/fused_annotations.h"

#include <cctype>
#include <set>

namespace pyxx::syntax {
namespace {

auto IsNameChar(char c) -> bool { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Names bound by `name = cython.fused_type(`, `cython.typedef(`, `cython.struct(`
// or `cython.union(` at the start of a line: element types the grammar cannot
// subscript with slices.
auto ElementTypeNames(std::string_view text) -> std::set<std::string, std::less<>> {
  std::set<std::string, std::less<>> names;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    size_t n = 0;
    while (n < line.size() && IsNameChar(line[n])) ++n;
    if (n == 0 || std::isdigit(static_cast<unsigned char>(line[0]))) continue;
    size_t i = n;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size() || line[i] != '=') continue;
    ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    if (line.substr(i, 18) == "cython.fused_type(" || line.substr(i, 15) == "cython.typedef(" ||
        line.substr(i, 14) == "cython.struct(" || line.substr(i, 13) == "cython.union(") {
      names.insert(std::string(line.substr(0, n)));
    }
  }
  return names;
}

}  // namespace

auto BlankFusedViewAnnotations(std::string_view text, std::string& patched)
    -> std::unordered_map<uint32_t, BlankedViewAnnotation> {
  std::unordered_map<uint32_t, BlankedViewAnnotation> found;
  const auto names = ElementTypeNames(text);
  if (names.empty()) {
    return found;
  }
  for (size_t mark = text.find_first_of(":>"); mark != std::string_view::npos;
       mark = text.find_first_of(":>", mark + 1)) {
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
    if (names.count(text.substr(name_begin, name_end - name_begin)) == 0) continue;
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
