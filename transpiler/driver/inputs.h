// The source files a `pyxx build` names: paths and glob patterns, expanded as
// cythonize does (`*`, `?`, `[...]` within a name, `**` for any number of
// directories), so that `pyxx build 'src/**/*.pyx'` works without a shell.
#pragma once

#include <string>
#include <vector>

namespace pyxx::driver {

// A pattern is a path holding `*`, `?` or `[`.
auto IsGlobPattern(const std::string& text) -> bool;

// Expands every pattern (its matches sorted; names starting with '.' only match
// a pattern component that starts with '.') and keeps plain paths as they are;
// a file named twice is kept once, where it came first; an argument that is an
// existing file is that file, whatever characters its name holds. False +
// `error` when a pattern matches no file.
auto ExpandInputs(const std::vector<std::string>& args, std::vector<std::string>& files, std::string& error) -> bool;

}  // namespace pyxx::driver
