// What pyxx needs to know about the Python it builds for: its headers, the
// file-name suffix of its extension modules and its version, asked of the
// interpreter itself (its sysconfig).
#pragma once

#include <string>

namespace pyxx::driver {

struct PythonConfig {
  std::string executable;   // sys.executable (a pyenv shim's real interpreter)
  std::string version;      // "3.11"
  std::string include_dir;  // where Python.h is
  std::string ext_suffix;   // ".cpython-311-x86_64-linux-gnu.so"
};

// The oldest Python pyxx builds for.
constexpr int kMinPythonMinor = 9;
// An interpreter that has not answered after this long is stopped.
constexpr int kPythonTimeoutSeconds = 60;

// "3.8" -> {3, 8}, "3.11" -> {3, 11}: one digit, a dot, one or two digits (no
// leading zero); false for anything else (a Python's answer or --limited-api).
auto ParseVersion(const std::string& text, int& major, int& minor) -> bool;

// Asks `python` (a command name or path) for its configuration. Fails with a
// clear `error` when it cannot run, is older than 3.9 or has no Python.h.
auto QueryPython(const std::string& python, PythonConfig& config, std::string& error) -> bool;

}  // namespace pyxx::driver
