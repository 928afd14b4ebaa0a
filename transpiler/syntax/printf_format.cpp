#include "syntax/printf_format.h"

#include <fmt/format.h>

#include <string_view>

namespace pyxx::syntax {

auto ParseFormat(const std::string& format, std::vector<FormatConversion>& out) -> std::optional<std::string> {
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      continue;
    }
    const size_t start = i++;
    if (i < format.size() && format[i] == '%') {
      continue;  // `%%`
    }
    FormatConversion c;
    while (i < format.size() && std::string_view("-+ #0").find(format[i]) != std::string_view::npos) {
      ++i;
    }
    auto number_or_star = [&] {
      if (i < format.size() && format[i] == '*') {
        c.args.push_back(FormatArg::Int);
        ++i;
        return;
      }
      while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
        ++i;
      }
    };
    number_or_star();
    if (i < format.size() && format[i] == '.') {
      ++i;
      number_or_star();
    }
    std::string length;
    while (i < format.size() && std::string_view("hlzjtL").find(format[i]) != std::string_view::npos) {
      length += format[i++];
    }
    if (i >= format.size()) {
      return fmt::format("the format ends inside the conversion `{}`", format.substr(start));
    }
    const char conv = format[i];
    c.spelled = format.substr(start, i - start + 1);
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
