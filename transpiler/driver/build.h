// `pyxx build`: translate, then compile into an importable extension module
// for a given Python with the system C++ compiler.
#pragma once

#include <string>
#include <vector>

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
  std::string cpp;                    // the translated module
  std::string declarations;           // its declarations file (NAME.pyxd)
  std::string out_dir;                // exists
  std::string file_stem;              // NAME of NAME.cpp and NAME<EXT_SUFFIX> (`mod` of `pkg.mod`)
  std::vector<std::string> cxx;       // the compiler command, split into words
  std::vector<std::string> cxxflags;  // appended after pyxx's own flags
  PythonConfig python;
};

// Writes OUT_DIR/NAME.cpp and compiles OUT_DIR/NAME<EXT_SUFFIX>. Both are made
// under unique temporary names and renamed into place together, under a lock on
// OUT_DIR, so concurrent builds never mix or delete each other's files; on
// failure (or interrupt) nothing is left. False + `error` on failure.
auto BuildExtension(const CompileRequest& request, std::string& error) -> bool;

}  // namespace pyxx::driver
