// Running external tools (Python, the C++ compiler) without a shell, each in
// its own process group so that an interrupted pyxx can stop all of it.
#pragma once

#include <string>
#include <vector>

namespace pyxx::driver {

struct CommandResult {
  int exit_code = -1;   // -1 when the command could not be started
  std::string output;   // stdout and stderr, interleaved
};

// Runs argv[0] (looked up on PATH) with the arguments. If pyxx is interrupted
// meanwhile, the tool's process group is stopped and pyxx dies of the signal
// (after removing its temporaries); this function then does not return.
auto RunCommand(const std::vector<std::string>& argv) -> CommandResult;

// Splits a command or flag list as a POSIX shell splits words, without any
// expansion: blanks separate words; '...' keeps everything; "..." keeps all but
// \" \\ \$ \` (backslash escapes); outside quotes a backslash keeps the next
// character. False + `error` on an unterminated quote.
auto SplitWords(const std::string& text, std::vector<std::string>& words, std::string& error) -> bool;

}  // namespace pyxx::driver
