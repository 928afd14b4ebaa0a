// `--source-root DIR`: the name a source file goes by in what pyxx writes
// (#line directives, the path in tracebacks, diagnostics) is its path
// relative to DIR, so the generated C++ and the built module do not depend on
// where the project is checked out or from where pyxx runs (wheels need
// that). Without a root a file goes by the path it was given.
#pragma once

#include <string>

namespace pyxx::driver {

// `path` relative to `root` ("/a/proj/src/m.py", "/a/proj" -> "src/m.py"),
// both resolved through symlinks; `path` itself when `root` is empty. False +
// `error` when the file is not inside the root.
auto NameUnderRoot(const std::string& path, const std::string& root, std::string& name, std::string& error) -> bool;

}  // namespace pyxx::driver
