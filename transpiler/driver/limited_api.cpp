#include "driver/limited_api.h"

#include "driver/python_config.h"

namespace pyxx::driver {

namespace {

constexpr int kNewestMinor = 13;  // the newest limited API pyxx was tested with

// "3.11" -> 11, or -1.
auto MinorOf(const std::string& text) -> int {
  int major = 0;
  int minor = 0;
  return ParseVersion(text, major, minor) && major == 3 ? minor : -1;
}

}  // namespace

auto ParseLimitedApi(const std::string& text, int& version, std::string& error) -> bool {
  const int minor = MinorOf(text);
  if (minor < kMinPythonMinor || minor > kNewestMinor) {
    error = "--limited-api takes a CPython version from 3." + std::to_string(kMinPythonMinor) + " to 3." +
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
