// What a SIGINT, SIGTERM or SIGHUP must undo: temporaries to delete and the
// running tools (C++ compilers, `-j`) whose whole process groups must be stopped.
// A killed pyxx leaves nothing behind and then dies of the same signal.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <string>

namespace pyxx::driver {

// Installs the handlers; call once at start-up.
void InstallInterruptHandlers();

// A uniquely named temporary file, deleted when this object is destroyed or
// pyxx is interrupted, unless Release()d after it was renamed into place.
class TemporaryFile {
 public:
  TemporaryFile() = default;
  ~TemporaryFile();
  // mkstemps(pattern, suffix_length) with the interrupt signals blocked, so that
  // the file is tracked from the moment it exists. Returns the open fd, or -1
  // with errno set.
  auto Create(const std::string& pattern, int suffix_length) -> int;
  // mkdtemp(pattern), tracked the same way (removed once empty: track the
  // files made inside it with objects destroyed before this one). False with
  // errno set on failure.
  auto CreateDirectory(const std::string& pattern) -> bool;
  // Tracks `path`, which this process (or a tool it runs) is about to create.
  void Track(const std::string& path);
  [[nodiscard]] auto path() const -> const std::string& { return path_; }
  TemporaryFile(const TemporaryFile&) = delete;
  auto operator=(const TemporaryFile&) -> TemporaryFile& = delete;
  // Stops tracking without deleting (the file was renamed into place).
  void Release();
  // Deletes the file now (if it exists) and stops tracking it.
  void Remove();

 private:
  std::string path_;
  int slot_ = -1;
};

// At most this many tools run at once (`pyxx build -j`).
constexpr int kMaxRunningTools = 64;
// Registers / forgets the process group of a running tool; signals block while
// the registry changes. Add returns false when kMaxRunningTools already run.
auto AddRunningToolGroup(pid_t group) -> bool;
void RemoveRunningToolGroup(pid_t group);
// True once SIGINT/SIGTERM/SIGHUP arrived while tools were running; the caller
// stops the tools, then calls DieOfInterrupt().
auto Interrupted() -> bool;
// Kills what is left of the registered tool groups, deletes the registered
// temporaries and ends pyxx with the signal received.
[[noreturn]] void DieOfInterrupt();

// Blocks the interrupt signals for the lifetime of the object (used around
// spawning a tool so that its group is known before a handler can run).
class InterruptsBlocked {
 public:
  InterruptsBlocked();
  ~InterruptsBlocked();
  InterruptsBlocked(const InterruptsBlocked&) = delete;
  auto operator=(const InterruptsBlocked&) -> InterruptsBlocked& = delete;

 private:
  sigset_t saved_;
};

}  // namespace pyxx::driver
