#include "syntax/pxd_shadow.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "syntax/classic_cython.h"
#include "syntax/text_scan.h"
#include "syntax/pxd_extern.h"

namespace pyxx::syntax {
namespace {

auto FirstWord(std::string_view text) -> std::string_view {
  size_t n = 0;
  while (n < text.size() && IsIdentChar(text[n])) ++n;
  return text.substr(0, n == 0 ? std::min<size_t>(1, text.size()) : n);
}

// `int y=*` / `int y = *`: a default the .py definition gives. The shadow
// writes `...` there (any default would do: only its presence is read).
auto ReplaceStarDefaults(std::string_view code) -> std::string {
  std::string out;
  for (size_t i = 0; i < code.size(); ++i) {
    out += code[i];
    if (code[i] != '=') continue;
    size_t j = i + 1;
    while (j < code.size() && code[j] == ' ') ++j;
    if (j < code.size() && code[j] == '*' && (j + 1 == code.size() || !IsIdentChar(code[j + 1]))) {
      out += "...";
      i = j;
    }
  }
  return out;
}

// "a: T" lines of a variable declaration spelled by PxdPureModeSpelling -> (name, type).
auto NamedTypes(const std::string& spelled) -> std::vector<std::pair<std::string, std::string>> {
  std::vector<std::pair<std::string, std::string>> out;
  size_t start = 0;
  while (start <= spelled.size()) {
    size_t end = spelled.find('\n', start);
    std::string_view line = Trim(std::string_view(spelled).substr(start, end == std::string::npos ? end : end - start));
    size_t colon = line.find(": ");
    if (colon != std::string_view::npos) {
      out.emplace_back(std::string(line.substr(0, colon)), std::string(line.substr(colon + 2)));
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// `cdef a, b` (no type): Python objects, as in Cython; empty unless `names` is only that.
auto UntypedNames(std::string_view names) -> std::vector<std::pair<std::string, std::string>> {
  std::vector<std::pair<std::string, std::string>> out;
  while (!names.empty()) {
    size_t comma = names.find(',');
    std::string_view name = Trim(names.substr(0, comma));
    if (!IsIdentifier(name)) {
      return {};
    }
    out.emplace_back(std::string(name), "object");
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
  }
  return out;
}

// The text of a docstring on one line without escapes (`"..."`, `'''...'''`),
// or nullopt for any other line.
auto OneLineDocstring(std::string_view code) -> std::optional<std::string> {
  for (std::string_view quote : {"\"\"\"", "'''", "\"", "'"}) {
    if (code.size() >= 2 * quote.size() && code.substr(0, quote.size()) == quote &&
        code.substr(code.size() - quote.size()) == quote) {
      std::string_view inner = code.substr(quote.size(), code.size() - 2 * quote.size());
      if (inner.find('\\') != std::string_view::npos || inner.find(quote[0]) != std::string_view::npos) {
        return std::nullopt;
      }
      return std::string(inner);
    }
  }
  return std::nullopt;
}

// The first `,` outside brackets, or npos.
auto TopLevelComma(std::string_view text) -> size_t {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' || text[i] == '[') ++depth;
    if (text[i] == ')' || text[i] == ']') --depth;
    if (text[i] == ',' && depth == 0) return i;
  }
  return std::string_view::npos;
}

// `@cython.locals(x=double, p=int *)`: in a .pxd the types are C type names;
// spelled in pure mode. Other decorators are copied. nullopt: not mechanical.
auto PxdDecorator(std::string_view code) -> std::optional<std::string> {
  constexpr std::string_view kLocals = "@cython.locals(";
  if (code.substr(0, kLocals.size()) != kLocals || code.back() != ')') {
    return std::string(code);
  }
  std::string_view args = code.substr(kLocals.size(), code.size() - kLocals.size() - 1);
  std::string out(kLocals);
  bool first = true;
  while (!Trim(args).empty()) {
    size_t comma = TopLevelComma(args);
    std::string_view item = args.substr(0, comma);
    args = comma == std::string_view::npos ? std::string_view() : args.substr(comma + 1);
    size_t equals = item.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    std::string_view type = Trim(item.substr(equals + 1));
    auto pure = type.find('.') != std::string_view::npos ? std::optional<std::string>(type) : PxdPureModeType(type);
    if (!pure) return std::nullopt;
    out += fmt::format("{}{}={}", first ? "" : ", ", Trim(item.substr(0, equals)), *pure);
    first = false;
  }
  return out + ")";
}

class ShadowWriter {
 public:
  ShadowWriter(const base::SourceBuffer& pxd, diag::DiagnosticSink& sink) : pxd_(pxd), sink_(sink) {}

  auto Run() -> PxdShadow {
    Emit(0, "import cython", {0, 0});
    if (auto bad = pxd_.FirstInvalidUtf8()) {
      sink_.Report(diag::Kind::InvalidUtf8, {*bad, *bad + 1});
      return std::move(shadow_);
    }
    const std::string_view text = pxd_.text();
    for (const LogicalLine& line : LogicalLines(text)) {
      const size_t indent = line.begin - line.line_start;
      std::string_view code = text.substr(line.begin, line.end - line.begin);
      base::SourceRange range{line.begin, line.end};
      if (text.substr(line.line_start, indent).find('\t') != std::string_view::npos) {
        Reject(range, "a tab in the indentation");
        continue;
      }
      if (skipped_block_ && indent > *skipped_block_) {
        continue;  // the body of a rejected block: its head was reported
      }
      skipped_block_.reset();
      while (block_ && indent <= block_->indent) {
        CloseBlock();
      }
      if (indent > 0 && !block_) {
        Reject(range, "an indented line outside a block");
        continue;
      }
      if (block_ && block_->inner_indent == 0) {
        block_->inner_indent = indent;
      } else if (block_ && indent != block_->inner_indent) {
        Reject(range, "a line indented deeper than its block");
        continue;
      }
      const size_t reports = sink_.diagnostics().size();
      Line(code, range);
      if (sink_.diagnostics().size() > reports && code.back() == ':') {
        skipped_block_ = indent;
      }
    }
    while (block_) {
      CloseBlock();
    }
    return std::move(shadow_);
  }

 private:
  struct Block {
    enum class Kind : uint8_t { Class, Struct, Union, Extern, Enum, Fused } kind;
    size_t indent = 0;
    size_t inner_indent = 0;
    std::string name;
    base::SourceRange range;
    bool has_body = false;
    std::vector<std::pair<std::string, std::string>> members;  // struct/union: name, pure-mode type
    std::string libc_module;  // Extern: the module of its header
    bool nogil = false;       // Extern: `cdef extern from "..." nogil:`
    CEnum c_enum;             // Enum: its name (empty: anonymous) and constants so far
  };

  void Line(std::string_view code, base::SourceRange range) {
    const int depth = block_ ? 1 : 0;
    if (block_ && block_->kind == Block::Kind::Extern) {
      ExternLine(code, range);
      return;
    }
    if (block_ && block_->kind == Block::Kind::Enum) {
      EnumLine(code, range);
      return;
    }
    if (block_ && block_->kind == Block::Kind::Fused) {
      FusedMember(code, range);
      return;
    }
    if (block_ && block_->kind != Block::Kind::Class) {
      StructMember(code, range);
      return;
    }
    if (code[0] == '"' || code[0] == '\'' || ((code[0] == 'r' || code[0] == 'u' || code[0] == 'R' || code[0] == 'U') &&
                                              code.size() > 1 && (code[1] == '"' || code[1] == '\''))) {
      Emit(depth, std::string(code), range);  // a docstring
      return;
    }
    if (code == "pass") {
      Emit(depth, "pass", range);
      return;
    }
    if (code[0] == '@') {
      std::string_view decorator = Trim(code.substr(1));
      if (StartsWithWord(decorator, "staticmethod") || StartsWithWord(decorator, "classmethod") ||
          StartsWithWord(decorator, "property")) {
        Reject(range, fmt::format("`@{}`", FirstWord(decorator)));
        return;
      }
      auto pure = PxdDecorator(code);
      if (!pure) {
        Reject(range, fmt::format("the decorator `{}`", code));
        return;
      }
      Emit(depth, *pure, range);
      return;
    }
    if (StartsWithWord(code, "cimport") || StartsWithWord(code, "from") || code == "import cython") {
      Cimport(code, range);
      return;
    }
    if (StartsWithWord(code, "ctypedef")) {
      Typedef(Trim(code.substr(8)), range);
      return;
    }
    if (StartsWithWord(code, "cdef") || StartsWithWord(code, "cpdef")) {
      Declaration(code, range, depth);
      return;
    }
    Reject(range, fmt::format("`{}`", FirstWord(code)));
  }

  void Cimport(std::string_view code, base::SourceRange range) {
    if (code == "cimport cython" || code == "import cython") {
      return;  // the shadow imports cython itself
    }
    if (StartsWithWord(code, "from")) {
      std::string_view rest = Trim(code.substr(4));
      std::string_view module = rest.substr(0, rest.find_first_of(" \t"));
      if (!StartsWithWord(Trim(rest.substr(module.size())), "cimport")) {
        Reject(range, "a Python import");
        return;
      }
      if (module != "cython" && module.substr(0, 5) != "libc." && module.substr(0, 5) != "cpython") {
        // pyxx reads other modules' declarations from their .pyxd, not from a .pxd.
        Reject(range, fmt::format("a cimport from `{}`", module));
        return;
      }
    } else if (!StartsWithWord(Trim(code.substr(7)), "libc")) {
      Reject(range, fmt::format("`{}`", code));
      return;
    }
    auto pure = PureModeSpelling(code, "");
    if (!pure) {
      Reject(range, fmt::format("`{}`", code));
      return;
    }
    Emit(0, *pure, range);
  }

  void Typedef(std::string_view rest, base::SourceRange range) {
    if (block_) {
      Reject(range, "a `ctypedef` inside a class");
      return;
    }
    if (StartsWithWord(rest, "struct") || StartsWithWord(rest, "union")) {
      OpenStruct(rest, range);
      return;
    }
    if (StartsWithWord(rest, "enum")) {
      OpenEnum(Trim(rest.substr(4)), range, true);
      return;
    }
    if (StartsWithWord(rest, "fused")) {
      OpenFused(Trim(rest.substr(5)), range);
      return;
    }
    for (std::string_view word : { "packed", "const", "extern", "public", "class"}) {
      if (StartsWithWord(rest, word)) {
        Reject(range, fmt::format("`ctypedef {}`", word));
        return;
      }
    }
    if (rest.find('(') != std::string_view::npos) {
      Reject(range, "a function pointer `ctypedef`");
      return;
    }
    auto spelled = PxdPureModeSpelling(fmt::format("cdef {}", rest), "");
    auto named = spelled ? NamedTypes(*spelled) : std::vector<std::pair<std::string, std::string>>{};
    if (named.size() != 1) {
      Reject(range, fmt::format("`ctypedef {}`", rest));
      return;
    }
    Emit(0, fmt::format("{} = cython.typedef({})", named[0].first, named[0].second), range);
  }

  void OpenStruct(std::string_view rest, base::SourceRange range) {
    const bool is_union = StartsWithWord(rest, "union");
    std::string_view after = Trim(rest.substr(is_union ? 5 : 6));
    if (after.empty() || after.back() != ':') {
      Reject(range, fmt::format("a {} declared without its fields", is_union ? "union" : "struct"));
      return;
    }
    std::string_view name = Trim(after.substr(0, after.size() - 1));
    if (!IsIdentifier(name)) {
      Reject(range, fmt::format("`{}`", rest));
      return;
    }
    Block block{is_union ? Block::Kind::Union : Block::Kind::Struct, 0, 0, std::string(name), range, false, {}, {}, false, {}};
    block_ = block;
  }

  void StructMember(std::string_view code, base::SourceRange range) {
    if (code == "pass") {
      return;
    }
    auto spelled = StartsWithWord(code, "cdef") ? std::nullopt : PxdPureModeSpelling(fmt::format("cdef {}", code), "");
    auto named = spelled ? NamedTypes(*spelled) : std::vector<std::pair<std::string, std::string>>{};
    if (named.empty() || code.find('=') != std::string_view::npos) {
      Reject(range, fmt::format("the field `{}`", code));
      return;
    }
    for (auto& member : named) {
      for (const auto& [name, type] : block_->members) {
        if (name == member.first) {
          Reject(range, fmt::format("a second field `{}`", name));
          return;
        }
      }
      block_->members.push_back(std::move(member));
    }
  }

  void Declaration(std::string_view code, base::SourceRange range, int depth) {
    const bool cpdef = StartsWithWord(code, "cpdef");
    std::string_view rest = Trim(code.substr(cpdef ? 5 : 4));
    if (!cpdef && StartsWithWord(rest, "class")) {
      if (block_) {
        Reject(range, "a nested `cdef class`");
        return;
      }
      auto pure = PxdPureModeSpelling(code, "");
      if (!pure || code.back() != ':') {
        Reject(range, "a `cdef class` declared without a body");
        return;
      }
      Emit(0, *pure, range);
      std::string_view name = Trim(rest.substr(5));
      block_ = Block{Block::Kind::Class, 0, 0, std::string(FirstWord(name)), range, false, {}, {}, false, {}};
      return;
    }
    if (!cpdef && (StartsWithWord(rest, "struct") || StartsWithWord(rest, "union"))) {
      if (block_) {
        Reject(range, "a struct inside a class");
        return;
      }
      OpenStruct(rest, range);
      return;
    }
    if (!cpdef && StartsWithWord(rest, "extern")) {
      OpenExtern(Trim(rest.substr(6)), range);
      return;
    }
    if (StartsWithWord(rest, "enum")) {
      if (block_) {
        Reject(range, "an enum inside a class");
        return;
      }
      std::string_view after = Trim(rest.substr(4));
      if (cpdef && StartsWithWord(after, "class")) {
        // Cython's scoped enum is a C++ `enum class`: its values are not constants of the module.
        Reject(range, "`cpdef enum class` (a C++ scoped enum; `cpdef enum` is read)");
        return;
      }
      OpenEnum(after, range, false);
      if (block_ && block_->kind == Block::Kind::Enum) block_->c_enum.cpdef = cpdef;
      return;
    }
    for (std::string_view word : {"extern", "cppclass", "packed", "api", "fused", "const", "class"}) {
      if (StartsWithWord(rest, word)) {
        Reject(range, fmt::format("`{} {}`", cpdef ? "cpdef" : "cdef", word));
        return;
      }
    }
    if (rest.empty() || rest[0] == ':') {
      Reject(range, "a `cdef:` block");
      return;
    }
    std::string_view visibility;
    if (!cpdef && (StartsWithWord(rest, "public") || StartsWithWord(rest, "readonly"))) {
      visibility = FirstWord(rest);
      rest = Trim(rest.substr(visibility.size()));
    }
    size_t open = rest.find('(');
    size_t equals = rest.find('=');
    if (open != std::string_view::npos && (equals == std::string_view::npos || open < equals)) {
      if (!visibility.empty()) {
        Reject(range, fmt::format("a `{}` function", visibility));
        return;
      }
      if (code.back() == ':') {
        Reject(range, "a function body");
        return;
      }
      std::string declaration = ReplaceStarDefaults(code) + ":";
      auto pure = PxdPureModeSpelling(declaration, std::string(4 * static_cast<size_t>(depth), ' '));
      if (!pure) {
        Reject(range, fmt::format("the declaration `{}`", code));
        return;
      }
      Emit(depth, *pure + " ...", range);
      return;
    }
    if (cpdef) {
      Reject(range, fmt::format("`{}`", code));
      return;
    }
    if (equals != std::string_view::npos) {
      Reject(range, "a variable with a value");
      return;
    }
    if (!visibility.empty() && !block_) {
      Reject(range, fmt::format("a `cdef {}` module variable", visibility));
      return;
    }
    auto spelled = PxdPureModeSpelling(fmt::format("cdef {}", rest), "");
    auto named = spelled ? NamedTypes(*spelled) : UntypedNames(rest);
    if (named.empty()) {
      Reject(range, fmt::format("the declaration `{}`", code));
      return;
    }
    for (const auto& [name, type] : named) {
      if (visibility.empty()) {
        Emit(depth, fmt::format("{}: {}", name, type), range);
      } else {
        Emit(depth, fmt::format("{} = cython.declare({}, visibility='{}')", name, type, visibility), range);
      }
    }
  }

  // `cdef extern from "math.h" [nogil]:`; other headers, `from *`, one-line
  // extern declarations and namespaces are refused.
  void OpenExtern(std::string_view rest, base::SourceRange range) {
    if (block_) {
      Reject(range, "a `cdef extern` block inside a block");
      return;
    }
    if (!StartsWithWord(rest, "from")) {
      Reject(range, "a `cdef extern` declaration outside a `cdef extern from \"<header>\":` block");
      return;
    }
    std::string_view after = Trim(rest.substr(4));
    std::string_view header;
    if (!after.empty() && (after[0] == '"' || after[0] == '\'')) {
      size_t end = after.find(after[0], 1);
      if (end != std::string_view::npos) {
        header = after.substr(1, end - 1);
        after = Trim(after.substr(end + 1));
      }
    }
    const std::string_view libc_module = LibcModuleOfHeader(header);
    if (libc_module.empty()) {
      Reject(range, fmt::format("`cdef extern from {}` (of extern blocks, only those of math.h, stdlib.h and "
                                "string.h are read)",
                                header.empty() ? std::string(FirstWord(after)) : fmt::format("\"{}\"", header)));
      return;
    }
    bool nogil = false;
    if (StartsWithWord(after, "nogil")) {
      nogil = true;
      after = Trim(after.substr(5));
    }
    if (after != ":") {
      Reject(range, fmt::format("`cdef extern from \"{}\" {}`", header, after));
      return;
    }
    Block block{Block::Kind::Extern, 0, 0, std::string(header), range, false, {}, std::string(libc_module), nogil, {}};
    block_ = block;
  }

  void ExternLine(std::string_view code, base::SourceRange range) {
    block_->has_body = true;  // an empty block is refused, one with refused lines is not refused twice
    if (code == "pass") {
      return;
    }
    std::string error;
    auto declared = ReadExternDeclaration(code, block_->libc_module, block_->nogil, error);
    if (!declared) {
      Reject(range, error);
      return;
    }
    for (const ExternFunction& f : shadow_.externs) {
      if (f.local == declared->local) {
        Reject(range, fmt::format("a second declaration of `{}`", f.local));
        return;
      }
    }
    shadow_.externs.push_back({declared->local, declared->path, declared->nogil, nullptr, range});
    if (declared->cpdef) {
      // The Python wrapper: the name inside it is the C function (bound like a cimport).
      Emit(0, fmt::format("def {}({}) -> {}:", declared->local, declared->wrapper_params, declared->wrapper_result),
           range);
      Emit(1, fmt::format("return {}({})", declared->local, declared->wrapper_args), range);
      shadow_.wrappers.push_back(declared->local);
    }
  }

  // `ctypedef fused number:` and its member types, one a line.
  void OpenFused(std::string_view after, base::SourceRange range) {
    std::string_view name = after.empty() || after.back() != ':' ? std::string_view() : Trim(after.substr(0, after.size() - 1));
    if (!IsIdentifier(name)) {
      Reject(range, fmt::format("`ctypedef fused {}`", after));
      return;
    }
    block_ = Block{Block::Kind::Fused, 0, 0, std::string(name), range, false, {}, {}, false, {}};
  }

  void FusedMember(std::string_view code, base::SourceRange range) {
    block_->has_body = true;  // a member, or a line refused: an empty type is not reported too
    auto pure = code.find_first_of(",=") == std::string_view::npos ? PxdPureModeType(code) : std::nullopt;
    if (!pure) {
      Reject(range, fmt::format("the fused type member `{}`", code));
      return;
    }
    block_->members.emplace_back(std::string(code), *pure);
  }

  // `cdef enum color:` / `ctypedef enum color:` / `cdef enum:` (anonymous, not for ctypedef).
  void OpenEnum(std::string_view after, base::SourceRange range, bool typedef_form) {
    if (after.empty() || after.back() != ':') {
      Reject(range, "an enum declared without its values");
      return;
    }
    std::string_view name = Trim(after.substr(0, after.size() - 1));
    if ((typedef_form || !name.empty()) && !IsIdentifier(name)) {
      Reject(range, fmt::format("`{}enum {}`", typedef_form ? "ctypedef " : "cdef ", after));
      return;
    }
    Block block{Block::Kind::Enum, 0, 0, std::string(name), range, false, {}, {}, false, {}};
    block.c_enum.name = std::string(name);
    block_ = block;
  }

  // `red, green = 5, blue`: names with optional integer values (implicit: the previous one + 1).
  void EnumLine(std::string_view code, base::SourceRange range) {
    if (code == "pass") {
      return;
    }
    if (auto doc = OneLineDocstring(code); doc && !block_->has_body && !block_->c_enum.has_doc) {
      // A docstring: a cpdef enum's Python class's __doc__, as in Cython.
      block_->c_enum.doc = *doc;
      block_->c_enum.has_doc = true;
      return;
    }
    block_->has_body = true;  // values, or a line refused: an empty enum is not reported too
    std::string_view items = code;
    if (!items.empty() && items.back() == ',') items.remove_suffix(1);
    while (true) {
      size_t comma = items.find(',');
      std::string_view item = Trim(items.substr(0, comma));
      std::string_view name = FirstWord(item);
      std::string_view value_text = Trim(item.substr(name.size()));
      std::optional<long long> value;
      if (!IsIdentifier(name)) {
        Reject(range, fmt::format("the enum value `{}`", item));
        return;
      }
      if (value_text.empty()) {
        const auto& constants = block_->c_enum.constants;
        value = constants.empty() ? 0 : constants.back().second + 1;
      } else if (value_text[0] == '=') {
        value = IntegerValue(Trim(value_text.substr(1)));
      }
      if (!value) {
        Reject(range, fmt::format("the enum value `{}` (pyxx reads names and integer literals)", item));
        return;
      }
      if (*value < INT32_MIN || *value > INT32_MAX) {
        Reject(range, fmt::format("the enum value `{}` (a C enumerator must fit an int)", item));
        return;
      }
      if (IsEnumValue(name)) {
        Reject(range, fmt::format("a second enum value `{}`", name));
        return;
      }
      block_->c_enum.constants.emplace_back(std::string(name), *value);
      if (comma == std::string_view::npos) break;
      items = items.substr(comma + 1);
    }
  }

  // A value of an enum read before, or of the one being read.
  auto IsEnumValue(std::string_view name) const -> bool {
    auto in = [&](const CEnum& e) {
      return std::any_of(e.constants.begin(), e.constants.end(), [&](const auto& c) { return c.first == name; });
    };
    return std::any_of(shadow_.enums.begin(), shadow_.enums.end(), in) || in(block_->c_enum);
  }

  // `5`, `-3`, `0x10`: the value of an integer literal, or nullopt.
  static auto IntegerValue(std::string_view text) -> std::optional<long long> {
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      negative = text[0] == '-';
      text = Trim(text.substr(1));
    }
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
      base = 16;
      text.remove_prefix(2);
    } else if (text.size() > 1 && text[0] == '0') {
      return std::nullopt;  // C reads it as octal, Python refuses it: not guessed
    }
    if (text.empty() || text.size() > 12) return std::nullopt;
    long long value = 0;
    for (char c : text) {
      int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                  : base == 16 && std::isxdigit(static_cast<unsigned char>(c))
                      ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                      : -1;
      if (digit < 0) return std::nullopt;
      value = value * base + digit;
    }
    return negative ? -value : value;
  }

  void CloseBlock() {
    Block block = std::move(*block_);
    block_.reset();
    if (block.kind == Block::Kind::Fused) {
      if (block.members.empty()) {
        if (!block.has_body) Reject(block.range, "a fused type without members");
        return;
      }
      std::string members;
      for (const auto& [written, pure] : block.members) {
        members += fmt::format("{}{}", members.empty() ? "" : ", ", pure);
      }
      // Read into the module's fused types (syntax/augment.cpp), as if it were written there.
      Emit(0, fmt::format("{} = cython.fused_type({})", block.name, members), block.range);
      return;
    }
    if (block.kind == Block::Kind::Enum) {
      if (block.c_enum.constants.empty()) {
        if (!block.has_body) Reject(block.range, "an enum without values");
        return;
      }
      CEnum& e = block.c_enum;
      e.declared = block.range;
      if (e.cpdef && !e.name.empty() &&
          std::any_of(e.constants.begin(), e.constants.end(), [](const auto& c) { return c.second < 0; })) {
        // Cython's class is an IntFlag, which Python 3.15 changed for negative values (and Cython with it).
        Reject(block.range, fmt::format("the `cpdef enum {}` with a negative value (its Python class differs "
                                        "between Cython and Python versions; `cdef enum` is read)",
                                        e.name));
        return;
      }
      e.is_unsigned = !e.name.empty() && std::all_of(e.constants.begin(), e.constants.end(),
                                                     [](const auto& c) { return c.second >= 0; });
      if (!e.name.empty()) {
        Emit(0, fmt::format("{} = cython.typedef(cython.{})", e.name, e.is_unsigned ? "uint" : "int"), block.range);
      }
      shadow_.enums.push_back(std::move(e));
      return;
    }
    if (block.kind == Block::Kind::Extern) {
      if (!block.has_body) {
        Reject(block.range, "an extern block without declarations");
      }
      return;
    }
    if (block.kind == Block::Kind::Class) {
      if (!block.has_body) {
        Emit(1, "pass", block.range);
      }
      return;
    }
    if (block.members.empty()) {
      Reject(block.range, fmt::format("a {} without fields", block.kind == Block::Kind::Union ? "union" : "struct"));
      return;
    }
    std::string fields;
    for (const auto& [name, type] : block.members) {
      fields += fmt::format("{}{}={}", fields.empty() ? "" : ", ", name, type);
    }
    Emit(0, fmt::format("{} = cython.{}({})", block.name, block.kind == Block::Kind::Union ? "union" : "struct", fields),
         block.range);
  }

  // Appends `pure` (one or more lines) at `depth` levels of indentation.
  void Emit(int depth, const std::string& pure, base::SourceRange origin) {
    if (depth > 0 && block_) {
      block_->has_body = true;
    }
    const std::string indent(4 * static_cast<size_t>(depth), ' ');
    size_t start = 0;
    bool first = true;
    while (start <= pure.size()) {
      size_t end = pure.find('\n', start);
      std::string_view line = std::string_view(pure).substr(start, end == std::string::npos ? end : end - start);
      // Continuation lines of a docstring are copied as they are; spelled lines carry their indent.
      shadow_.text += (first ? indent : std::string()) + std::string(line) + "\n";
      shadow_.origins.push_back(origin);
      first = false;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }

  void Reject(base::SourceRange range, const std::string& what) {
    sink_.Report(diag::Kind::UnsupportedPxdConstruct, range, what);
    shadow_.rejected.emplace_back(range, what);
  }

  const base::SourceBuffer& pxd_;
  diag::DiagnosticSink& sink_;
  PxdShadow shadow_;
  std::optional<Block> block_;
  // The indentation of a rejected line that opened a block (`cdef extern from ...:`).
  std::optional<size_t> skipped_block_;
};

}  // namespace

auto MakePxdShadow(const base::SourceBuffer& pxd, diag::DiagnosticSink& sink) -> PxdShadow {
  return ShadowWriter(pxd, sink).Run();
}

}  // namespace pyxx::syntax
