// Reading inputs and writing outputs safely: inputs only from regular files and
// with a size limit; outputs written atomically (temporary + rename), never over
// a directory, FIFO or device, with the mode a newly created file gets.
// Every error message names the OS reason (strerror).
#pragma once

#include <cstddef>
#include <string>

namespace pyxx::driver {

// The largest input pyxx reads (the parser's limit, syntax::ParseOptions).
constexpr size_t kMaxInputBytes = size_t{32} << 20;

// Reads a regular file of at most `max_bytes` bytes. A directory, FIFO, socket
// or device is refused without blocking on it. False + `error` on failure.
auto ReadRegularFile(const std::string& path, size_t max_bytes, std::string& contents, std::string& error) -> bool;

// Where an output for `path` must be written: `path` itself, or the regular file
// a symlink at `path` points to. False + `error` when something other than a
// regular file (a directory, FIFO, device, dangling link) is in the way.
auto ResolveOutputPath(const std::string& path, std::string& resolved, std::string& error) -> bool;

// Writes `contents` to a unique temporary beside `path`, then renames it over
// `path`; the file gets mode 0666 & ~umask. False + `error` on failure, and then
// no file is left behind.
auto WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error) -> bool;

// As WriteFileAtomically, but leaves `path` alone (its time too) when it
// already holds exactly `contents`: build tools that compare times (make, ninja
// with `restat`) then skip what depends on it. `written` says which happened.
auto WriteFileIfChanged(const std::string& path, const std::string& contents, bool& written, std::string& error)
    -> bool;

// The program a command word runs: the word itself when it holds a '/' (and
// exists), else the first executable of that name on PATH; empty otherwise.
auto FindProgram(const std::string& word) -> std::string;

// The process's file-creation mask.
auto ProcessUmask() -> unsigned;

// The directory of the running executable, or empty.
auto ExecutableDir() -> std::string;

auto FileExists(const std::string& path) -> bool;

// mkdir -p (new directories get 0777 & ~umask); false + `error` on failure.
auto MakeDirectories(const std::string& path, std::string& error) -> bool;

// The directory part of a path ("." when there is none).
auto DirectoryOf(const std::string& path) -> std::string;

// `path` made safe to pass as an operand to a tool: "./-x" for "-x".
auto AsOperand(const std::string& path) -> std::string;

}  // namespace pyxx::driver
