#include "syntax/printf_format.h"

#include <fmt/format.h>

#include <string_view>

namespace pyxx::syntax {

auto ParseFormat(const std::string& format, std::vector<FormatConversion>& out) -> std::optional<std::string> {
  // C would stop at a NUL byte (and C++ compilers warn of one in a format).
  if (format.find('\0') != std::string::npos) {
    return std::string("a NUL byte");
  }
  const std::string_view text(format);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      continue;
    }
    const size_t start = i++;
    if (i < text.size() && text[i] == '%') {
      continue;  // `%%`
    }
    FormatConversion c;
    while (i < text.size() && std::string_view("-+ #0").find(text[i]) != std::string_view::npos) {
      ++i;
    }
    auto number_or_star = [&] {
      if (i < text.size() && text[i] == '*') {
        c.args.push_back(FormatArg::Int);
        ++i;
        return;
      }
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
      }
    };
    number_or_star();
    if (i < text.size() && text[i] == '.') {
      ++i;
      number_or_star();
    }
    std::string length;
    while (i < text.size() && std::string_view("hlzjtL").find(text[i]) != std::string_view::npos) {
      length += text[i++];
    }
    if (i >= text.size()) {
      return fmt::format("the format ends inside the conversion `{}`", std::string(text.substr(start)));
    }
    const char conv = text[i];
    c.spelled = std::string(text.substr(start, i - start + 1));
    std::optional<FormatArg> w;
    const std::string_view ints = "di";
    const std::string_view unsigneds = "ouxX";
    const std::string_view floats = "fFeEgGaA";
    if (ints.find(conv) != std::string_view::npos || unsigneds.find(conv) != std::string_view::npos) {
      const bool is_signed = ints.find(conv) != std::string_view::npos;
      if (length.empty() || length == "h" || length == "hh") {
        w = is_signed ? FormatArg::Int : FormatArg::UInt;
      } else if (length == "l" || length == "j") {
        w = is_signed ? FormatArg::Long : FormatArg::ULong;  // intmax_t is long on LP64
      } else if (length == "ll") {
        w = is_signed ? FormatArg::LongLong : FormatArg::ULongLong;
      } else if (length == "z") {
        w = is_signed ? FormatArg::SSize : FormatArg::Size;
      }
    } else if (floats.find(conv) != std::string_view::npos) {
      if (length.empty() || length == "l") {
        w = FormatArg::Double;
      } else if (length == "L") {
        w = FormatArg::LongDouble;
      }
    } else if (conv == 'c' && length.empty()) {
      w = FormatArg::Int;
    } else if (conv == 's' && length.empty()) {
      w = FormatArg::CString;
    } else if (conv == 'p' && length.empty()) {
      w = FormatArg::Pointer;
    } else if (conv == 'n') {
      return std::string("the conversion `%n` (it writes through a pointer argument)");
    }
    if (!w) {
      return fmt::format("the conversion `{}`", c.spelled);
    }
    c.args.push_back(*w);
    out.push_back(std::move(c));
  }
  return std::nullopt;
}

auto FormatInteger(FormatArg arg) -> std::optional<ScalarKind> {
  switch (arg) {
    case FormatArg::Int: return ScalarKind::Int;
    case FormatArg::UInt: return ScalarKind::UInt;
    case FormatArg::Long: return ScalarKind::Long;
    case FormatArg::ULong: return ScalarKind::ULong;
    case FormatArg::LongLong: return ScalarKind::LongLong;
    case FormatArg::ULongLong: return ScalarKind::ULongLong;
    case FormatArg::SSize: return ScalarKind::SSizeT;
    case FormatArg::Size: return ScalarKind::SizeT;
    default: return std::nullopt;
  }
}

}  // namespace pyxx::syntax
