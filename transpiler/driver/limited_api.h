// `--limited-api X.Y`: the module is checked for, and compiled against, the
// limited API of CPython X.Y (Py_LIMITED_API), and built as an abi3 module that
// every CPython X.Y or later imports.
#pragma once

#include <string>

namespace pyxx::driver {

// "3.9" ... "3.13" -> 0x03090000 ... 0x030D0000 (Py_LIMITED_API's value).
// False + `error` for anything else.
auto ParseLimitedApi(const std::string& text, int& version, std::string& error) -> bool;

// The file name suffix of an abi3 extension module (importlib's EXTENSION_SUFFIXES).
inline constexpr const char* kAbi3Suffix = ".abi3.so";

// Whether a Python of `python_version` ("3.11") can build for `version`: its
// headers must know that limited API, so it must be as new. False + `error`.
auto PythonBuildsLimitedApi(const std::string& python_version, int version, std::string& error) -> bool;

}  // namespace pyxx::driver
