// The stamp beside a module `pyxx build` made (NAME<EXT_SUFFIX>.pyxx-stamp):
// what it was built from, so that an unchanged module is not compiled again.
// A module is up to date when the C++ and declarations pyxx generates now are
// the files beside it (so the source and every cimported declarations file are
// unchanged in effect), the compiler command (flags, Python, output) is the
// same, the compiler's and runtime headers' files are unchanged, and no output
// was touched since (size, mtime, inode as the stamp recorded them).
#pragma once

#include <string>
#include <vector>

namespace pyxx::driver {

auto StampPathFor(const std::string& module_path) -> std::string;

// The files the compiler command runs (each word of `cxx` that names a file or
// a program on PATH) and the runtime headers, as "path size mtime" lines:
// upgrading the compiler or pyxx's runtime makes every module out of date.
auto ToolchainFingerprint(const std::vector<std::string>& cxx, const std::string& runtime_include) -> std::string;

// The stamp for `command` (with the published paths) and the outputs as they are on disk now.
auto StampText(const std::vector<std::string>& command, const std::string& toolchain,
               const std::vector<std::string>& outputs) -> std::string;

// True when the stamp beside `module_path` matches and `cpp_path` and
// `declarations_path` hold exactly `cpp` and `declarations`.
auto IsUpToDate(const std::string& module_path, const std::string& cpp_path, const std::string& declarations_path,
                const std::vector<std::string>& command, const std::string& toolchain, const std::string& cpp,
                const std::string& declarations) -> bool;

}  // namespace pyxx::driver
