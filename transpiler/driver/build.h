// `pyxx build`: translate, then compile into an importable extension module
// for a given Python with the system C++ compiler.
#pragma once

#include <string>

namespace pyxx::driver {

struct PythonConfig {
  std::string include_dir;
  std::string ext_suffix;  // ".cpython-311-x86_64-linux-gnu.so"
};

// Asks `python` for its headers and extension suffix; false + `error` on failure.
auto QueryPython(const std::string& python, PythonConfig& config, std::string& error) -> bool;

// Where the runtime headers are: $PYXX_RUNTIME_INCLUDE, `<prefix>/include` of an
// installed pyxx (`<prefix>/bin/pyxx`), or the source tree pyxx was built from.
auto RuntimeIncludeDir() -> std::string;

struct CompileRequest {
  std::string cpp_path;
  std::string output_path;
  std::string cxx;
  PythonConfig python;
};

// Compiles to a temporary and renames it to output_path; false + compiler output on failure.
auto CompileExtension(const CompileRequest& request, std::string& error) -> bool;

}  // namespace pyxx::driver
