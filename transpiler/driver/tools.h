// Running external tools (Python, the C++ compiler) without a shell, each in
// its own process group so that an interrupted pyxx can stop all of it, with a
// time limit, and several at once (`pyxx build -j`).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pyxx::driver {

struct CommandResult {
  int exit_code = -1;      // -1 when the command could not be started or timed out
  std::string output;      // stdout and stderr, interleaved
  bool timed_out = false;  // stopped after its time limit (output then says so)
};

// Runs argv[0] (looked up on PATH) with the arguments; a tool still running
// after `timeout_seconds` (0: no limit) is stopped (SIGTERM, then SIGKILL).
// If pyxx is interrupted meanwhile, the tool's process group is stopped and
// pyxx dies of the signal (after removing its temporaries); this function then
// does not return.
auto RunCommand(const std::vector<std::string>& argv, int timeout_seconds = 0) -> CommandResult;

// Runs `count` commands, at most `jobs` at a time (1..kMaxRunningTools), each
// under the time limit. `start(i)` gives command i's argv just before it runs
// (nullopt: skip it; the caller reported why); `done(i, result)` is called as
// it ends, in the order they end. `ready(i)`, when given, holds command i (and
// those after it) back until it returns true; it must, once every command
// before i has ended. Interrupts as RunCommand.
void RunCommands(size_t count, int jobs, int timeout_seconds,
                 const std::function<std::optional<std::vector<std::string>>(size_t)>& start,
                 const std::function<void(size_t, CommandResult)>& done,
                 const std::function<bool(size_t)>& ready = nullptr);

// Splits a command or flag list as a POSIX shell splits words, without any
// expansion: blanks separate words; '...' keeps everything; "..." keeps all but
// \" \\ \$ \` (backslash escapes); outside quotes a backslash keeps the next
// character. False + `error` on an unterminated quote.
auto SplitWords(const std::string& text, std::vector<std::string>& words, std::string& error) -> bool;

// A word quoted for a POSIX shell when it needs to be ("a b" -> 'a b'); the
// inverse of SplitWords, for commands pyxx prints (`-v`, `pyxx config`).
auto QuoteWord(const std::string& word) -> std::string;

}  // namespace pyxx::driver
