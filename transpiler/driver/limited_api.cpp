#include "driver/limited_api.h"

namespace pyxx::driver {

namespace {

constexpr int kOldestMinor = 9;   // pyxx supports CPython 3.9 and later
constexpr int kNewestMinor = 13;  // the newest limited API pyxx was tested with

// "3.11" -> 11, or -1.
auto MinorOf(const std::string& text) -> int {
  if (text.size() < 3 || text.size() > 4 || text.compare(0, 2, "3.") != 0) {
    return -1;
  }
  int minor = 0;
  for (size_t i = 2; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    minor = minor * 10 + (text[i] - '0');
  }
  return text.size() == 4 && text[2] == '0' ? -1 : minor;
}

}  // namespace

auto ParseLimitedApi(const std::string& text, int& version, std::string& error) -> bool {
  const int minor = MinorOf(text);
  if (minor < kOldestMinor || minor > kNewestMinor) {
    error = "--limited-api takes a CPython version from 3." + std::to_string(kOldestMinor) + " to 3." +
            std::to_string(kNewestMinor) + " (the oldest Python the module must import into), not `" + text + "`";
    return false;
  }
  version = 0x03000000 | (minor << 16);
  return true;
}

auto PythonBuildsLimitedApi(const std::string& python_version, int version, std::string& error) -> bool {
  const int wanted = (version >> 16) & 0xFF;
  // python_version is "3.X" as the interpreter answered.
  const int minor = MinorOf(python_version);
  if (minor >= 0 && minor < wanted) {
    error = "--limited-api 3." + std::to_string(wanted) + " needs the headers of Python 3." + std::to_string(wanted) +
            " or newer; this Python is " + python_version + " (choose another with --python)";
    return false;
  }
  return true;
}

}  // namespace pyxx::driver
