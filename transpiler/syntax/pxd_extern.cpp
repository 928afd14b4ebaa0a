#include "syntax/pxd_extern.h"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "syntax/libc_functions.h"
#include "syntax/libc_math.h"
#include "syntax/text_scan.h"

namespace pyxx::syntax {
namespace {

// "const char*s" -> {"const", "char", "*", "s"}; nullopt for other characters.
auto Tokens(std::string_view text) -> std::optional<std::vector<std::string>> {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '*') {
      out.emplace_back("*");
      ++i;
    } else if (IsIdentStart(c)) {
      size_t j = i;
      while (j < text.size() && IsIdentChar(text[j])) ++j;
      out.emplace_back(text.substr(i, j - i));
      i = j;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

auto Join(const std::vector<std::string>& tokens, size_t from, size_t to) -> std::string {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    out += (out.empty() ? "" : " ") + tokens[i];
  }
  return out;
}

// Words that are part of a C type, never a declared name.
auto IsTypeWord(std::string_view word) -> bool {
  for (std::string_view w : {"const", "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
                             "size_t"}) {
    if (word == w) return true;
  }
  return false;
}

// A declarator "T name" or "T" -> (normalised type "const char *", name or empty).
auto SplitDeclarator(std::string_view text) -> std::optional<std::pair<std::string, std::string>> {
  auto tokens = Tokens(text);
  if (!tokens || tokens->empty()) return std::nullopt;
  size_t end = tokens->size();
  std::string name;
  if (end >= 2 && tokens->back() != "*" && !IsTypeWord(tokens->back())) {
    name = tokens->back();
    --end;
  }
  return std::pair{Join(*tokens, 0, end), name};
}

// The C spellings of the one-letter codes of libc_functions.h.
auto ParamTypeMatches(char code, const std::string& type) -> bool {
  switch (code) {
    case 'p': return type == "void *" || type == "const void *";
    case 'c': return type == "const char *";
    case 'w': return type == "char *";
    case 'z': return type == "size_t";
    case 'i': return type == "int";
    default: return false;
  }
}

auto ParamTypeText(char code) -> std::string_view {
  switch (code) {
    case 'p': return "void *";
    case 'c': return "const char *";
    case 'w': return "char *";
    case 'z': return "size_t";
    case 'i': return "int";
    default: return "?";
  }
}

auto ResultTypeText(char code) -> std::string_view {
  switch (code) {
    case 'p': return "void *";
    case 's': return "char *";
    case 'v': return "void";
    case 'l': return "long";
    case 'd': return "double";
    case 'i': return "int";
    case 'z': return "size_t";
    default: return "?";
  }
}

// pyxx's declaration of `path`: result and parameter C types; false when it has none.
auto KnownSignature(const std::string& path, std::string& result, std::vector<std::string>& params) -> bool {
  constexpr std::string_view kMath = "libc.math.";
  if (path.rfind(kMath, 0) == 0) {
    const std::string name = path.substr(kMath.size());
    const int arity = LibcMathArity(name);
    if (arity < 0) return false;  // the predicates (isnan, ...) are macros in C
    result = "double";
    params.assign(static_cast<size_t>(arity), "double");
    return true;
  }
  const LibcFunction* f = FindLibcFunction(path);
  if (f == nullptr || f->needs_gil) return false;
  result = std::string(ResultTypeText(f->result));
  params.clear();
  for (char code : f->params) params.emplace_back(ParamTypeText(code));
  return true;
}

auto SignatureText(const std::string& result, const std::string& name, const std::vector<std::string>& params)
    -> std::string {
  std::string text = result + (result.back() == '*' ? "" : " ") + name + "(";
  for (size_t i = 0; i < params.size(); ++i) text += (i == 0 ? "" : ", ") + params[i];
  return text + ")";
}

auto DeclaredMatches(const std::string& path, const std::string& result, const std::vector<std::string>& params)
    -> bool {
  if (path.rfind("libc.math.", 0) == 0) {
    std::string r;
    std::vector<std::string> known;
    KnownSignature(path, r, known);
    return result == r && params == known;
  }
  const LibcFunction* f = FindLibcFunction(path);
  if (result != ResultTypeText(f->result) || params.size() != f->params.size()) return false;
  for (size_t i = 0; i < params.size(); ++i) {
    if (!ParamTypeMatches(f->params[i], params[i])) return false;
  }
  return true;
}

// The pure-mode type of a C number the wrapper of a `cpdef` function converts, or empty.
auto WrapperType(const std::string& c_type) -> std::string {
  if (c_type == "double") return "cython.double";
  if (c_type == "int") return "cython.int";
  if (c_type == "long") return "cython.long";
  if (c_type == "size_t") return "cython.size_t";
  return {};
}

}  // namespace

auto LibcModuleOfHeader(std::string_view header) -> std::string_view {
  if (header.size() > 2 && header.front() == '<' && header.back() == '>') {
    header = header.substr(1, header.size() - 2);
  }
  if (header == "math.h") return "libc.math";
  if (header == "stdlib.h") return "libc.stdlib";
  if (header == "string.h") return "libc.string";
  return {};
}

auto ReadExternDeclaration(std::string_view line, std::string_view libc_module, bool block_nogil,
                           std::string& error) -> std::optional<ExternDeclaration> {
  ExternDeclaration out;
  std::string_view rest = Trim(line);
  if (StartsWithWord(rest, "cpdef")) {
    out.cpdef = true;
    rest = Trim(rest.substr(5));
  } else if (StartsWithWord(rest, "cdef")) {
    rest = Trim(rest.substr(4));
  }
  const size_t open = rest.find('(');
  const size_t close = rest.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open ||
      rest.find('(', open + 1) < close) {
    error = fmt::format("`{}` (only C function declarations are read from an extern block)", line);
    return std::nullopt;
  }
  std::string_view head = Trim(rest.substr(0, open));
  std::string c_name;
  if (!head.empty() && (head.back() == '"' || head.back() == '\'')) {
    // `double _sin "sin" (double x)`: the C name, then the name in Cython.
    const size_t quote = head.find(head.back());
    if (quote == head.size() - 1) {
      error = fmt::format("`{}`", line);
      return std::nullopt;
    }
    c_name = std::string(head.substr(quote + 1, head.size() - quote - 2));
    head = Trim(head.substr(0, quote));
    if (!IsIdentifier(c_name)) {
      error = fmt::format("the C name \"{}\" (a C function's name is read, not an expression)", c_name);
      return std::nullopt;
    }
  }
  auto declarator = SplitDeclarator(head);
  if (!declarator || declarator->second.empty() || declarator->first.empty()) {
    error = fmt::format("`{}`", line);
    return std::nullopt;
  }
  const auto& [result, local] = *declarator;
  out.local = local;
  if (c_name.empty()) c_name = local;
  out.path = fmt::format("{}.{}", libc_module, c_name);
  std::vector<std::string> params;
  std::vector<std::string> names;
  std::string_view param_text = Trim(rest.substr(open + 1, close - open - 1));
  if (!param_text.empty() && param_text != "void") {
    while (true) {
      const size_t comma = param_text.find(',');
      auto param = SplitDeclarator(param_text.substr(0, comma));
      if (!param || param->first.empty()) {
        error = fmt::format("the parameter `{}` of `{}`", Trim(param_text.substr(0, comma)), local);
        return std::nullopt;
      }
      params.push_back(param->first);
      names.push_back(param->second);
      if (comma == std::string_view::npos) break;
      param_text = param_text.substr(comma + 1);
    }
  }
  out.nogil = block_nogil;
  std::string_view suffix = Trim(rest.substr(close + 1));
  while (!suffix.empty()) {
    if (StartsWithWord(suffix, "nogil")) {
      out.nogil = true;
      suffix = Trim(suffix.substr(5));
    } else if (StartsWithWord(suffix, "noexcept")) {
      suffix = Trim(suffix.substr(8));  // what an extern function is anyway
    } else {
      error = fmt::format("`{}` after the declaration of `{}` (an extern function of a standard header "
                          "takes only `nogil` and `noexcept`)",
                          suffix, local);
      return std::nullopt;
    }
  }
  std::string known_result;
  std::vector<std::string> known_params;
  if (!KnownSignature(out.path, known_result, known_params)) {
    error = fmt::format("the C function `{}` of the extern block (pyxx knows these functions of {}: {})", c_name,
                        libc_module,
                        libc_module == "libc.math" ? "the functions of `cython.cimports.libc.math`"
                                                   : KnownLibcFunctions());
    return std::nullopt;
  }
  if (!DeclaredMatches(out.path, result, params)) {
    error = fmt::format("the declaration `{}`, which does not match the C library's `{}` ({}'s declaration)",
                        SignatureText(result, local, params), SignatureText(known_result, c_name, known_params),
                        libc_module);
    return std::nullopt;
  }
  if (out.cpdef) {
    // Unnamed parameters make every parameter positional-only, so the invented names are never keywords.
    bool unnamed = false;
    for (const auto& n : names) unnamed |= n.empty();
    out.wrapper_result = WrapperType(result);
    for (size_t i = 0; i < params.size(); ++i) {
      std::string type = WrapperType(params[i]);
      std::string name = unnamed ? fmt::format("arg{}", i) : names[i];
      if (type.empty() || out.wrapper_result.empty()) {
        error = fmt::format("the `cpdef` declaration of `{}` (a Python wrapper converts only C numbers)", local);
        return std::nullopt;
      }
      if (name == local) {
        error = fmt::format("the parameter `{}` of the `cpdef` function `{}` (named like the function)", name, local);
        return std::nullopt;
      }
      out.wrapper_params += fmt::format("{}{}: {}", i == 0 ? "" : ", ", name, type);
      out.wrapper_args += fmt::format("{}{}", i == 0 ? "" : ", ", name);
    }
    if (out.wrapper_result.empty()) {
      error = fmt::format("the `cpdef` declaration of `{}` (a Python wrapper converts only C numbers)", local);
      return std::nullopt;
    }
    if (unnamed) out.wrapper_params += ", /";
  }
  return out;
}

}  // namespace pyxx::syntax
