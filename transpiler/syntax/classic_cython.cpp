#include "syntax/classic_cython.h"

#include <cctype>
#include <vector>

#include "syntax/scalar_names.h"
#include "syntax/string_literal.h"
#include "syntax/text_scan.h"

namespace pyxx::syntax {
namespace {

constexpr int kMaxClassicReports = 100;

// Splits on `separator` outside brackets and string literals.
auto SplitTopLevel(std::string_view text, char separator) -> std::vector<std::string_view> {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (c == separator && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// Index of the `)` matching the `(` at `open`, or npos.
auto MatchingParen(std::string_view text, size_t open) -> size_t {
  int depth = 0;
  char quote = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (--depth == 0) return i;
    }
  }
  return std::string_view::npos;
}

// "unsigned long fib" -> type "unsigned long", name "fib". The name is the last
// identifier; a `*` anywhere makes it a pointer (not mechanical).
struct Declarator {
  std::string type;  // normalised: words joined by one space, `[...]` kept
  std::string name;
};

auto SplitDeclarator(std::string_view text) -> std::optional<Declarator> {
  text = Trim(text);
  size_t end = text.size();
  size_t begin = end;
  while (begin > 0 && IsIdentChar(text[begin - 1])) --begin;
  if (begin == end || !IsIdentStart(text[begin])) return std::nullopt;
  Declarator d;
  d.name = std::string(text.substr(begin));
  std::string_view type = Trim(text.substr(0, begin));
  std::string normal;
  bool space = false;
  for (char c : type) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !normal.empty() && IsIdentChar(c) && IsIdentChar(normal.back())) normal += ' ';
    space = false;
    normal += c;
    if (c == ',') normal += ' ';  // `double[:, ::1]` keeps its usual spacing
  }
  d.type = normal;
  return d;
}

// How C types are spelled: the PX005 fix-its spell only what is certain from
// the text alone; a .pxd's shadow module (pxd_shadow.cpp) also spells pointers
// and keeps other names (its structs, typedefs and classes), which the parser
// of the shadow resolves or rejects.
enum class TypeMode : uint8_t { FixIt, Pxd };

auto SpellType(std::string_view c_type, TypeMode mode) -> std::optional<std::string> {
  return mode == TypeMode::Pxd ? PxdPureModeType(c_type) : PureModeType(c_type);
}

// A parameter list of a classic signature -> pure mode, or nullopt.
auto PureParameters(std::string_view params, TypeMode mode) -> std::optional<std::string> {
  std::string out;
  if (Trim(params).empty()) return out;
  for (std::string_view raw : SplitTopLevel(params, ',')) {
    std::string_view param = Trim(raw);
    std::string_view default_value;
    std::vector<std::string_view> halves = SplitTopLevel(param, '=');
    if (halves.size() > 1) {
      default_value = Trim(param.substr(halves[0].size() + 1));
      param = Trim(halves[0]);
    }
    std::string piece;
    if (param.empty()) return std::nullopt;
    if (param[0] == '*' || param.find(':') != std::string_view::npos) {
      piece = std::string(param);  // *args, **kwargs, already annotated
    } else {
      auto d = SplitDeclarator(param);
      if (!d) return std::nullopt;
      if (d->type.empty()) {
        piece = d->name;
      } else {
        auto type = SpellType(d->type, mode);
        if (!type) return std::nullopt;
        piece = d->name + ": " + *type;
      }
    }
    if (!default_value.empty()) piece += (piece.find(':') != std::string::npos ? " = " : "=") + std::string(default_value);
    out += (out.empty() ? "" : ", ") + piece;
  }
  return out;
}

// True when a `def` parameter list holds a C-typed parameter; sets `first` to it.
auto FindCTypedParameter(std::string_view params, std::string_view& first) -> bool {
  for (std::string_view raw : SplitTopLevel(params, ',')) {
    std::string_view param = Trim(SplitTopLevel(raw, '=')[0]);
    if (param.empty() || param[0] == '*' || param.find(':') != std::string_view::npos) continue;
    auto d = SplitDeclarator(param);
    if (d && !d->type.empty()) {
      first = param;
      return true;
    }
  }
  return false;
}

// `cdef|cpdef [inline] TYPE name(params) [nogil] [except ...]:` -> decorators + def.
auto PureFunction(std::string_view keyword, std::string_view rest, std::string_view indent, TypeMode mode)
    -> std::optional<std::string> {
  size_t open = rest.find('(');
  size_t close = open == std::string_view::npos ? open : MatchingParen(rest, open);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view suffix = Trim(rest.substr(close + 1));
  if (suffix.empty() || suffix.back() != ':') return std::nullopt;  // a declaration, not a definition
  suffix = Trim(suffix.substr(0, suffix.size() - 1));
  std::vector<std::string> decorators{keyword == "cpdef" ? "@cython.ccall" : "@cython.cfunc"};
  std::string_view head = Trim(rest.substr(0, open));
  if (StartsWithWord(head, "inline")) {
    decorators.emplace_back("@cython.inline");
    head = Trim(head.substr(6));
  }
  auto d = SplitDeclarator(head);
  if (!d) return std::nullopt;
  auto params = PureParameters(rest.substr(open + 1, close - open - 1), mode);
  if (!params) return std::nullopt;
  // Suffix clauses, in any order: nogil, with gil, noexcept, except[?] value, except *.
  while (!suffix.empty()) {
    if (StartsWithWord(suffix, "nogil")) {
      decorators.emplace_back("@cython.nogil");
      suffix = Trim(suffix.substr(5));
    } else if (StartsWithWord(suffix, "with")) {
      std::string_view after = Trim(suffix.substr(4));
      if (!StartsWithWord(after, "gil")) return std::nullopt;
      decorators.emplace_back("@cython.with_gil");
      suffix = Trim(after.substr(3));
    } else if (StartsWithWord(suffix, "noexcept")) {
      decorators.emplace_back("@cython.exceptval(check=False)");
      suffix = Trim(suffix.substr(8));
    } else if (StartsWithWord(suffix, "except")) {
      std::string_view after = Trim(suffix.substr(6));
      bool check = !after.empty() && after[0] == '?';
      if (check) after = Trim(after.substr(1));
      size_t stop = after.find(" nogil");
      std::string_view value = Trim(after.substr(0, stop));
      if (value.empty() || value == "+") return std::nullopt;
      decorators.push_back(value == "*" ? std::string("@cython.exceptval(check=True)")
                                        : "@cython.exceptval(" + std::string(value) + (check ? ", check=True)" : ")"));
      suffix = stop == std::string_view::npos ? std::string_view() : Trim(after.substr(stop));
    } else {
      return std::nullopt;
    }
  }
  std::string out;
  for (const std::string& decorator : decorators) {
    out += decorator + "\n" + std::string(indent);
  }
  out += "def " + d->name + "(" + *params + ")";
  if (!d->type.empty()) {
    auto type = SpellType(d->type, mode);
    if (!type) return std::nullopt;
    out += " -> " + *type;
  }
  return out + ":";
}

// `cdef TYPE a = 0, b = 1` -> `a: cython.T = 0` lines.
auto PureVariables(std::string_view rest, std::string_view indent, TypeMode mode) -> std::optional<std::string> {
  std::vector<std::string_view> items = SplitTopLevel(rest, ',');
  std::string type;
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<std::string_view> halves = SplitTopLevel(items[i], '=');
    std::string_view value = halves.size() > 1 ? Trim(items[i].substr(halves[0].size() + 1)) : std::string_view();
    std::string name;
    if (i == 0) {
      auto d = SplitDeclarator(halves[0]);
      if (!d || d->type.empty()) return std::nullopt;
      auto pure = SpellType(d->type, mode);
      if (!pure) return std::nullopt;
      type = *pure;
      name = d->name;
    } else {
      std::string_view n = Trim(halves[0]);
      if (n.empty() || !IsIdentStart(n[0])) return std::nullopt;
      for (char c : n) {
        if (!IsIdentChar(c)) return std::nullopt;
      }
      name = std::string(n);
    }
    if (i > 0) out += "\n" + std::string(indent);
    out += name + ": " + type;
    if (!value.empty()) out += " = " + std::string(value);
  }
  return out;
}

// `cimport a.b as c`, `from a.b cimport x, y as z`.
auto PureCimport(std::string_view line) -> std::optional<std::string> {
  if (StartsWithWord(line, "cimport")) {
    std::string out;
    for (std::string_view raw : SplitTopLevel(Trim(line.substr(7)), ',')) {
      std::string_view item = Trim(raw);
      std::string_view module = item.substr(0, item.find(' '));
      std::string_view alias = item.size() > module.size() ? Trim(item.substr(module.size())) : std::string_view();
      if (!out.empty()) out += "; ";
      if (module == "cython") {
        out += "import cython";
      } else {
        size_t dot = module.rfind('.');
        std::string parent = dot == std::string_view::npos ? "" : "." + std::string(module.substr(0, dot));
        out += "from cython.cimports" + parent + " import " + std::string(module.substr(dot + 1));
      }
      if (!alias.empty()) out += " " + std::string(alias);
    }
    return out;
  }
  // from X cimport names
  std::string_view rest = Trim(line.substr(4));
  size_t space = rest.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view module = rest.substr(0, space);
  std::string_view names = Trim(Trim(rest.substr(space)).substr(7));
  if (module == "cython") return "from cython import " + std::string(names);
  return "from cython.cimports." + std::string(module) + " import " + std::string(names);
}

// Splits the text into logical lines, skipping string contents and comments.
// Linear in the size of the text.
template <typename Visit>
void ForEachLogicalLine(std::string_view text, Visit visit) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const size_t line_start = i;
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) ++i;
    LogicalLine line{static_cast<uint32_t>(i), static_cast<uint32_t>(i), static_cast<uint32_t>(line_start)};
    int depth = 0;
    bool more = true;
    while (i < n && more) {
      char c = text[i];
      if (c == '#') {
        while (i < n && text[i] != '\n') ++i;
        continue;
      }
      if (c == '\\' && i + 1 < n && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
        i += 2;
        continue;
      }
      if (c == '\n') {
        ++i;
        more = depth > 0;
        continue;
      }
      if (c == '\'' || c == '"') {
        i = StringLiteralExtent(text, i).end;  // an unterminated one: the parser reports it
        line.end = static_cast<uint32_t>(i);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      if (!std::isspace(static_cast<unsigned char>(c))) line.end = static_cast<uint32_t>(i + 1);
      ++i;
    }
    if (line.end > line.begin && !visit(line)) return;
  }
}

}  // namespace

auto PureModeType(std::string_view c_type) -> std::optional<std::string> {
  std::string_view base = c_type;
  std::string_view dims;
  size_t bracket = c_type.find('[');
  if (bracket != std::string_view::npos) {
    base = Trim(c_type.substr(0, bracket));
    dims = c_type.substr(bracket);
  }
  if (base.find('*') != std::string_view::npos || base.find('&') != std::string_view::npos) return std::nullopt;
  static constexpr std::pair<std::string_view, std::string_view> kCNames[] = {
      {"signed char", "schar"},        {"unsigned char", "uchar"},         {"short int", "short"},
      {"signed short", "short"},       {"unsigned short", "ushort"},       {"unsigned short int", "ushort"},
      {"signed int", "int"},           {"signed", "int"},                  {"unsigned int", "uint"},
      {"unsigned", "uint"},            {"long int", "long"},               {"signed long", "long"},
      {"unsigned long", "ulong"},      {"unsigned long int", "ulong"},     {"long long", "longlong"},
      {"signed long long", "longlong"}, {"long long int", "longlong"},     {"unsigned long long", "ulonglong"},
      {"long double", "longdouble"},
  };
  std::string name(base);
  for (const auto& [c_name, cython_name] : kCNames) {
    if (c_name == base) name = std::string(cython_name);
  }
  if (CythonScalar(name)) return "cython." + name + std::string(dims);
  static constexpr std::string_view kObjects[] = {"object", "list", "dict", "str", "tuple", "set", "bytes"};
  for (std::string_view object : kObjects) {
    if (object == base && dims.empty()) return std::string(base);
  }
  return std::nullopt;
}

namespace {

auto SpellLine(std::string_view line, std::string_view indent, TypeMode mode) -> std::optional<std::string> {
  line = Trim(line);
  if (StartsWithWord(line, "cimport") || StartsWithWord(line, "from")) return PureCimport(line);
  if (StartsWithWord(line, "def")) {
    size_t open = line.find('(');
    size_t close = open == std::string_view::npos ? open : MatchingParen(line, open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view suffix = Trim(line.substr(close + 1));
    if (suffix != ":" && suffix.substr(0, 2) != "->") return std::nullopt;  // `nogil` after a def: no pure form
    auto params = PureParameters(line.substr(open + 1, close - open - 1), mode);
    if (!params) return std::nullopt;
    return std::string(line.substr(0, open + 1)) + *params + std::string(line.substr(close));
  }
  const bool cpdef = StartsWithWord(line, "cpdef");
  if (!cpdef && !StartsWithWord(line, "cdef")) return std::nullopt;
  std::string_view rest = Trim(line.substr(cpdef ? 5 : 4));
  if (StartsWithWord(rest, "class")) {
    return "@cython.cclass\n" + std::string(indent) + std::string(rest);
  }
  static constexpr std::string_view kNotMechanical[] = {"extern", "struct", "union", "enum", "fused", "packed",
                                                        "public", "readonly", "api", "const"};
  for (std::string_view word : kNotMechanical) {
    // A .pxd's `cdef const char* name(...)`: the result type is read like a parameter's.
    if (StartsWithWord(rest, word) && !(mode == TypeMode::Pxd && word == "const")) return std::nullopt;
  }
  if (rest.empty() || rest == ":") return std::nullopt;  // a `cdef:` block
  size_t open = rest.find('(');
  size_t equals = rest.find('=');
  if (open != std::string_view::npos && (equals == std::string_view::npos || open < equals)) {
    return PureFunction(cpdef ? "cpdef" : "cdef", rest, indent, mode);
  }
  if (cpdef) return std::nullopt;
  return PureVariables(rest, indent, mode);
}

}  // namespace

auto PureModeSpelling(std::string_view line, std::string_view indent) -> std::optional<std::string> {
  return SpellLine(line, indent, TypeMode::FixIt);
}

auto PxdPureModeSpelling(std::string_view line, std::string_view indent) -> std::optional<std::string> {
  return SpellLine(line, indent, TypeMode::Pxd);
}

auto PxdPureModeType(std::string_view c_type) -> std::optional<std::string> {
  c_type = Trim(c_type);
  if (!c_type.empty() && c_type.back() == '*') {
    std::string_view target_text = Trim(c_type.substr(0, c_type.size() - 1));
    // `const char *` and `char const *`: a pointer to const (the pointer itself may not be const).
    bool is_const = false;
    if (StartsWithWord(target_text, "const") && target_text.find('*') == std::string_view::npos) {
      is_const = true;
      target_text = Trim(target_text.substr(5));
    } else if (target_text.size() > 6 && target_text.substr(target_text.size() - 6) == " const") {
      is_const = true;
      target_text = Trim(target_text.substr(0, target_text.size() - 6));
    }
    auto target = PxdPureModeType(target_text);
    if (!target) return std::nullopt;
    return is_const ? "cython.pointer(cython.const[" + *target + "])" : "cython.pointer(" + *target + ")";
  }
  if (auto known = PureModeType(c_type)) return known;
  // A struct, typedef or extension type name: the shadow module declares it or the parser rejects it.
  if (c_type.empty() || !IsIdentStart(c_type[0])) return std::nullopt;
  for (char c : c_type) {
    if (!IsIdentChar(c)) return std::nullopt;
  }
  return std::string(c_type);
}

auto LogicalLines(std::string_view text) -> std::vector<LogicalLine> {
  std::vector<LogicalLine> lines;
  ForEachLogicalLine(text, [&](const LogicalLine& line) {
    lines.push_back(line);
    return true;
  });
  return lines;
}

auto ReportClassicCython(const base::SourceBuffer& source, diag::DiagnosticSink& sink) -> bool {
  const std::string_view text = source.text();
  int reports = 0;
  ForEachLogicalLine(text, [&](const LogicalLine& line) {
    std::string_view code = text.substr(line.begin, line.end - line.begin);
    std::string_view construct;
    base::SourceRange range{line.begin, line.begin};
    auto word_range = [&](size_t offset, size_t length) {
      range = {static_cast<uint32_t>(line.begin + offset), static_cast<uint32_t>(line.begin + offset + length)};
    };
    if (StartsWithWord(code, "cdef")) {
      std::string_view rest = Trim(code.substr(4));
      construct = StartsWithWord(rest, "class") ? "cdef class" : "cdef";
      word_range(0, construct == "cdef class" ? code.find("class") + 5 : 4);
    } else if (StartsWithWord(code, "cpdef")) {
      construct = "cpdef";
      word_range(0, 5);
    } else if (StartsWithWord(code, "ctypedef")) {
      construct = "ctypedef";
      word_range(0, 8);
    } else if (StartsWithWord(code, "cimport")) {
      construct = "cimport";
      word_range(0, 7);
    } else if (StartsWithWord(code, "from")) {
      std::string_view rest = Trim(code.substr(4));
      size_t space = rest.find_first_of(" \t");
      if (space != std::string_view::npos && StartsWithWord(Trim(rest.substr(space)), "cimport")) {
        construct = "cimport";
        size_t at = code.find("cimport");
        word_range(at, 7);
      }
    } else if (StartsWithWord(code, "def")) {
      size_t open = code.find('(');
      size_t close = open == std::string_view::npos ? open : MatchingParen(code, open);
      if (close != std::string_view::npos) {
        std::string_view first;
        std::string_view suffix = Trim(code.substr(close + 1));
        if (FindCTypedParameter(code.substr(open + 1, close - open - 1), first)) {
          construct = first;
          word_range(static_cast<size_t>(first.data() - code.data()), first.size());
        } else if (!suffix.empty() && suffix != ":" && suffix.substr(0, 2) != "->" &&
                   (StartsWithWord(suffix, "nogil") || StartsWithWord(suffix, "with") ||
                    StartsWithWord(suffix, "except") || StartsWithWord(suffix, "noexcept"))) {
          construct = Trim(suffix.substr(0, suffix.size() - (suffix.back() == ':' ? 1 : 0)));
          word_range(static_cast<size_t>(construct.data() - code.data()), construct.size());
        }
      }
    }
    if (construct.empty()) {
      return true;
    }
    auto builder = sink.Report(diag::Kind::ClassicCythonSyntax, range, construct);
    std::string_view indent = text.substr(line.line_start, line.begin - line.line_start);
    if (auto pure = PureModeSpelling(code, indent)) {
      builder.AddFixIt({line.begin, line.end}, *pure);
    }
    return ++reports < kMaxClassicReports;
  });
  return reports > 0;
}

}  // namespace pyxx::syntax
