#include "driver/interrupts.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "emit/emitter.h"

namespace pyxx::driver {
namespace {

// Fixed storage: the handler may not allocate. A module's build needs five
// temporaries and one object per part, and up to kMaxRunningTools modules
// build at once (one more while a module's last parts end).
constexpr int kSlots = (5 + emit::kMaxParts) * (kMaxRunningTools + 1) + 16;
char temp_paths[kSlots][PATH_MAX];
volatile sig_atomic_t temp_used[kSlots];
volatile sig_atomic_t tool_groups[kMaxRunningTools];
volatile sig_atomic_t tools_running = 0;
volatile sig_atomic_t received_signal = 0;

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

auto InterruptSet() -> sigset_t {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kSignals) {
    sigaddset(&set, s);
  }
  return set;
}

// Async-signal-safe: unlink() and rmdir() only. Files first, then the
// (then empty) temporary directories that held some of them.
void RemoveTemporaries() {
  for (int i = kSlots - 1; i >= 0; --i) {
    if (temp_used[i] != 0 && unlink(temp_paths[i]) == 0) {
      temp_used[i] = 0;
    }
  }
  for (int i = kSlots - 1; i >= 0; --i) {
    if (temp_used[i] != 0) {
      rmdir(temp_paths[i]);
      temp_used[i] = 0;
    }
  }
}

void OnInterrupt(int sig) {
  received_signal = sig;
  if (tools_running > 0) {
    // The tools are stopped first; the main flow waits for them, removes the
    // temporaries (a tool may still be writing one) and then dies.
    for (int i = 0; i < kMaxRunningTools; ++i) {
      if (tool_groups[i] > 0) {
        kill(-static_cast<pid_t>(tool_groups[i]), SIGTERM);
      }
    }
    return;
  }
  RemoveTemporaries();
  signal(sig, SIG_DFL);
  raise(sig);  // delivered when the handler returns: pyxx ends "killed by sig"
}

}  // namespace

void InstallInterruptHandlers() {
  for (int s : kSignals) {
    struct sigaction old {};
    sigaction(s, nullptr, &old);
    if (old.sa_handler == SIG_IGN) {
      continue;  // started with the signal ignored (nohup): keep it so
    }
    struct sigaction action {};
    action.sa_handler = &OnInterrupt;
    sigfillset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns EINTR
    sigaction(s, &action, nullptr);
  }
}

auto TemporaryFile::Create(const std::string& pattern, int suffix_length) -> int {
  Remove();
  InterruptsBlocked blocked;
  std::string path = pattern;
  int fd = mkstemps(path.data(), suffix_length);
  if (fd < 0) {
    return -1;
  }
  Track(path);
  return fd;
}

auto TemporaryFile::CreateDirectory(const std::string& pattern) -> bool {
  Remove();
  InterruptsBlocked blocked;
  std::string path = pattern;
  if (mkdtemp(path.data()) == nullptr) {
    return false;
  }
  Track(path);
  return true;
}

void TemporaryFile::Track(const std::string& path) {
  Remove();
  InterruptsBlocked blocked;
  path_ = path;
  for (int i = 0; i < kSlots; ++i) {
    if (temp_used[i] == 0 && path_.size() < PATH_MAX) {
      std::memcpy(temp_paths[i], path_.c_str(), path_.size() + 1);
      temp_used[i] = 1;
      slot_ = i;
      break;
    }
  }
}

TemporaryFile::~TemporaryFile() { Remove(); }

void TemporaryFile::Release() {
  if (slot_ >= 0) {
    temp_used[slot_] = 0;
    slot_ = -1;
  }
  path_.clear();
}

void TemporaryFile::Remove() {
  if (!path_.empty()) {
    InterruptsBlocked blocked;
    if (unlink(path_.c_str()) != 0 && (errno == EISDIR || errno == EPERM)) {
      rmdir(path_.c_str());
    }
    Release();
  }
}

auto AddRunningToolGroup(pid_t group) -> bool {
  InterruptsBlocked blocked;
  for (int i = 0; i < kMaxRunningTools; ++i) {
    if (tool_groups[i] == 0) {
      tool_groups[i] = group;
      tools_running = tools_running + 1;
      return true;
    }
  }
  return false;
}

void RemoveRunningToolGroup(pid_t group) {
  InterruptsBlocked blocked;
  for (int i = 0; i < kMaxRunningTools; ++i) {
    if (tool_groups[i] == group) {
      tool_groups[i] = 0;
      tools_running = tools_running - 1;
      return;
    }
  }
}

auto Interrupted() -> bool { return received_signal != 0; }

void DieOfInterrupt() {
  InterruptsBlocked blocked;
  for (int i = 0; i < kMaxRunningTools; ++i) {
    if (tool_groups[i] > 0) {
      kill(-static_cast<pid_t>(tool_groups[i]), SIGKILL);
    }
  }
  RemoveTemporaries();
  int sig = received_signal != 0 ? received_signal : SIGTERM;
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  raise(sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);  // the pending signal ends pyxx here
  _exit(128 + sig);
}

InterruptsBlocked::InterruptsBlocked() {
  sigset_t set = InterruptSet();
  sigprocmask(SIG_BLOCK, &set, &saved_);
}

InterruptsBlocked::~InterruptsBlocked() { sigprocmask(SIG_SETMASK, &saved_, nullptr); }

}  // namespace pyxx::driver
