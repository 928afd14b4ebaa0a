// File output that never leaves a half-written file behind, and running tools.
#pragma once

#include <string>
#include <vector>

namespace pyxx::driver {

// Writes `contents` to a temporary beside `path`, then renames it over `path`.
// Returns false and sets `error` on failure (no file is left behind).
auto WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error) -> bool;

struct CommandResult {
  int exit_code = -1;   // -1 when the command could not be started
  std::string output;   // stdout and stderr, interleaved
};

// Runs argv[0] (looked up on PATH) with the arguments, without a shell.
auto RunCommand(const std::vector<std::string>& argv) -> CommandResult;

// The directory of the running executable, or empty.
auto ExecutableDir() -> std::string;

auto FileExists(const std::string& path) -> bool;

// mkdir -p; false + `error` on failure.
auto MakeDirectories(const std::string& path, std::string& error) -> bool;

}  // namespace pyxx::driver
