// C++ spellings of Python names and strings.
//
// The scheme (docs/design-choices.md, "Names in the generated C++"):
// - every name pyxx invents starts with `pyxx_` followed by a lower-case stem
//   that does not start with `u_` (temporaries, wrappers, module objects);
// - a user identifier is written as it is when it is "plain": lower-case ASCII
//   letters, digits and single underscores, starting with a letter, not
//   starting with `pyxx`, and not in kNotPlain (C++ keywords and alternative
//   tokens, lower-case macros of libc/Python.h, names the generated code uses
//   unqualified, functions of the runtime that argument-dependent lookup finds);
// - every other identifier becomes `pyxx_u_` + EscapeIdentifier(name).
// Plain names never start with `pyxx`, so they meet neither invented nor mangled
// names; mangled names differ from invented ones by the `u_`; EscapeIdentifier
// is injective, so two different Python names never get one C++ name.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

#include "diagnostics/utf8.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

// Lower-case identifiers that must not be written as they are. Upper-case
// names are never plain, so the many upper-case macros need no list.
const std::set<std::string, std::less<>>& NotPlain() {
  static const std::set<std::string, std::less<>> names = {
      // C++20 keywords, alternative tokens and identifiers with special meaning.
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
      "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "final", "float",
      "for", "friend", "goto", "if", "import", "inline", "int", "long", "module", "mutable", "namespace", "new",
      "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "override", "private", "protected",
      "public", "register", "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true", "try",
      "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t",
      "while", "xor", "xor_eq",
      // Lower-case macros of libc and Python.h (glibc, musl, macOS), and the
      // predefined macros of GNU modes; C's macro spellings of C++ keywords.
      "alloca", "assert", "assert_perror", "errno", "offsetof", "setjmp", "sigsetjmp", "longjmp", "va_arg",
      "va_copy", "va_end", "va_start", "stdin", "stdout", "stderr", "getc", "putc", "getchar", "putchar",
      "fileno", "major", "minor", "makedev", "htonl", "htons", "ntohl", "ntohs", "htobe16", "htobe32", "htobe64",
      "htole16", "htole32", "htole64", "be16toh", "be32toh", "be64toh", "le16toh", "le32toh", "le64toh",
      "math_errhandling", "isnan", "isinf", "isfinite", "isnormal", "signbit", "fpclassify", "isgreater",
      "isgreaterequal", "isless", "islessequal", "islessgreater", "isunordered", "issubnormal", "iszero",
      "issignaling", "iscanonical", "st_atime", "st_ctime", "st_mtime", "st_birthtime", "sched_priority",
      "sa_handler", "sa_sigaction", "si_pid", "si_uid", "si_status", "si_addr", "si_band", "si_value", "si_int",
      "si_ptr", "si_fd", "si_timerid", "si_overrun", "si_utime", "si_stime", "h_errno", "strdupa", "strndupa",
      "timeradd", "timersub", "timerclear", "timercmp", "timerisset", "pthread_cleanup_push",
      "pthread_cleanup_pop", "pthread_cleanup_push_defer_np", "pthread_cleanup_pop_restore_np", "linux", "unix",
      "i386", "sun", "sparc", "mips", "vax", "noreturn", "complex", "imaginary",
      // Names the generated code uses unqualified.
      "std", "main", "size_t",
      // Functions and types of namespace pyxx (runtime/include/pyxx): a call of a
      // user function with a pyxx::Ref argument would find them by argument-
      // dependent lookup. The names test calls a user function of each name the
      // headers declare.
      "abs", "acquire", "add_caller", "as_c", "bound", "call", "call_kw", "cdiv", "check", "check_status",
      "cmod", "delete_attr", "delete_global", "exception_matches", "exec_slot", "fastcall_function", "floordiv", "fmod",
      "from_python", "fstring", "get_attr", "get_builtin", "get_global", "get_iter", "handle_exception",
      "handle_exception_int", "import_from", "import_module", "ipow", "len", "make_bytes", "make_dict", "make_int",
      "make_list", "make_set", "make_str", "make_tuple", "mod", "next", "raise_c", "raise_python", "range_len",
      "richcompare", "set_attr", "set_global", "shl", "shr", "slice", "to_object", "to_python", "truediv",
      "truth", "unbind", "unpack", "unpack_args", "wrap_abs", "wrap_add", "wrap_mul", "wrap_neg", "wrap_sub",
      "write_unraisable", "contains", "catch_exception", "set_exception", "rethrow", "borrow", "steal", "length",
      "detail", "new_list", "new_dict", "new_set", "list_append", "list_extend", "list_to_tuple", "set_add",
      "set_update", "dict_set", "dict_update", "call_keyword", "call_merge", "call_unpacked", "unpack_starred",
      "unpack_call", "state_slots", "state_size", "store_default", "default_value", "stored_default", "traverse_slots", "clear_slots",
      "c_global_load", "c_global_store",
  };
  return names;
}

auto IsAsciiLower(char c) -> bool { return c >= 'a' && c <= 'z'; }
auto IsAsciiDigit(char c) -> bool { return c >= '0' && c <= '9'; }
auto IsAsciiAlnum(char c) -> bool { return IsAsciiLower(c) || IsAsciiDigit(c) || (c >= 'A' && c <= 'Z'); }

}  // namespace

auto IsPlainName(std::string_view name) -> bool {
  if (name.empty() || !IsAsciiLower(name[0]) || name.rfind("pyxx", 0) == 0) {
    return false;
  }
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = IsAsciiLower(c) || IsAsciiDigit(c) || (c == '_' && name[i - 1] != '_');
    if (!ok) {
      return false;
    }
  }
  return NotPlain().count(name) == 0;
}

// ASCII letters and digits stand for themselves except `Q`, the escape letter:
// `QQ` is a `Q`, `Q_` an underscore that would otherwise follow another one (or
// start the result), `Qu` + 4 or `QU` + 8 hex digits a non-ASCII character.
// The result never contains `__` nor starts with `_`, and decodes uniquely.
auto EscapeIdentifier(std::string_view name) -> std::string {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c == 'Q') {
        out += "QQ";
      } else if (c == '_') {
        out += out.empty() || out.back() == '_' ? "Q_" : "_";
      } else if (IsAsciiAlnum(static_cast<char>(c))) {
        out += static_cast<char>(c);
      } else {
        out += fmt::format("Qu{:04x}", c);  // not in an identifier; kept injective anyway
      }
      ++i;
      continue;
    }
    diag::Utf8Char decoded = diag::DecodeUtf8(name, i);
    char32_t cp = decoded.valid ? decoded.code_point : c;
    out += cp <= 0xFFFF ? fmt::format("Qu{:04x}", static_cast<uint32_t>(cp))
                        : fmt::format("QU{:08x}", static_cast<uint32_t>(cp));
    i += decoded.length;
  }
  return out;
}

auto CppName(const std::string& name) -> std::string {
  return IsPlainName(name) ? name : "pyxx_u_" + EscapeIdentifier(name);
}

auto Punycode(std::string_view text) -> std::string {
  constexpr uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
  std::vector<char32_t> input;
  for (size_t i = 0; i < text.size();) {
    diag::Utf8Char c = diag::DecodeUtf8(text, i);
    input.push_back(c.valid ? c.code_point : static_cast<unsigned char>(text[i]));
    i += c.length;
  }
  auto adapt = [&](uint32_t delta, uint32_t points, bool first) {
    delta = first ? delta / kDamp : delta / 2;
    delta += delta / points;
    uint32_t k = 0;
    while (delta > ((kBase - kTMin) * kTMax) / 2) {
      delta /= kBase - kTMin;
      k += kBase;
    }
    return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
  };
  auto digit = [](uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); };
  std::string out;
  for (char32_t c : input) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    }
  }
  const auto basic = static_cast<uint32_t>(out.size());
  if (basic > 0) {
    out += '-';
  }
  uint32_t n = 0x80, delta = 0, bias = 72, handled = basic;
  while (handled < input.size()) {
    char32_t m = 0x10FFFF + 1;
    for (char32_t c : input) {
      if (c >= n && c < m) m = c;
    }
    delta += (m - n) * (handled + 1);
    n = m;
    for (char32_t c : input) {
      if (c < n) {
        ++delta;
      } else if (c == n) {
        uint32_t q = delta;
        for (uint32_t k = kBase;; k += kBase) {
          uint32_t t = k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
          if (q < t) break;
          out += digit(t + (q - t) % (kBase - t));
          q = (q - t) / (kBase - t);
        }
        out += digit(q);
        bias = adapt(delta, handled + 1, handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return out;
}

auto ModuleDefinition(const std::string& module_name, const std::string& doc, const std::string& exec,
                      const std::string& constants, int state_slots) -> std::string {
  // Python finds PyInit_ + the module's last name (`mod` of `pkg.sub.mod`).
  const std::string last = module_name.substr(module_name.find_last_of('.') == std::string::npos
                                                  ? 0
                                                  : module_name.find_last_of('.') + 1);
  bool ascii = std::all_of(last.begin(), last.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string slots = state_slots > 0 ? fmt::format(", {}", state_slots) : "";
  const char* suffix = state_slots > 0 ? "_SLOTS" : "";
  if (ascii && last == module_name) {
    return fmt::format("PYXX_GENERATED_MODULE{}({}, {}, {}, {}{})", suffix, module_name, doc, exec, constants, slots);
  }
  if (ascii) {
    return fmt::format("PYXX_GENERATED_MODULE_IN_PACKAGE{}({}, {}, {}, {}, {}{})", suffix, last,
                       CppStringLiteral(module_name), doc, exec, constants, slots);
  }
  std::string hook = Punycode(last);
  std::replace(hook.begin(), hook.end(), '-', '_');
  return fmt::format("PYXX_GENERATED_MODULE_UNICODE{}({}, {}, {}, {}, {}{})", suffix, hook,
                     CppStringLiteral(module_name), doc, exec, constants, slots);
}

auto WithoutOuterParens(const std::string& condition) -> std::string {
  if (condition.size() < 2 || condition.front() != '(' || condition.back() != ')') {
    return condition;
  }
  // The first parenthesis must close at the last character (skipping literals).
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < condition.size(); ++i) {
    const char c = condition[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0 && i + 1 != condition.size()) {
      return condition;  // `(a) && (b)`
    }
  }
  return WithoutOuterParens(condition.substr(1, condition.size() - 2));  // `((a == b))` too
}

auto CppStringLiteral(std::string_view bytes) -> std::string {
  std::string out = "\"";
  for (unsigned char c : bytes) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '?': out += "\\?"; break;  // no trigraphs
      default:
        if (c < 0x20 || c >= 0x7F) {
          out += fmt::format("\\{:03o}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace pyxx::emit
