#include "driver/tools.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "driver/interrupts.h"

extern char** environ;

namespace pyxx::driver {
namespace {

// After an interrupt the tool gets SIGTERM; if it is still there this much
// later (it ignores SIGTERM), its group gets SIGKILL.
constexpr int kGraceMillis = 2000;
constexpr int kPollMillis = 100;
using Clock = std::chrono::steady_clock;

auto Spawn(const std::vector<std::string>& argv, int out_fd, pid_t& pid) -> int {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group: an interrupt stops the compiler driver and every
  // process it started (cc1plus, as, ld) with one kill().
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  int rc = posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

// One started tool: its pipe until end of output, then until reaped.
struct Running {
  size_t index = 0;
  pid_t pid = 0;
  int fd = -1;  // -1 once its output ended
  std::string output;
  Clock::time_point deadline;
  bool has_deadline = false;
  bool term_sent = false;  // SIGTERM after its deadline
  bool killed = false;     // SIGKILL after the grace period
  bool timed_out = false;
  Clock::time_point term_time;
};

auto Millis(Clock::duration d) -> int {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}

// Starts argv with its output on a new pipe; false + `message` when it cannot.
auto Start(const std::vector<std::string>& argv, Running& run, std::string& message) -> bool {
  if (argv.empty() || argv[0].empty()) {
    message = "no command to run";
    return false;
  }
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    message = std::string("cannot create a pipe: ") + std::strerror(errno);
    return false;
  }
  int rc = 0;
  {
    InterruptsBlocked blocked;  // the group is registered before a handler can run
    rc = Spawn(argv, pipe_fds[1], run.pid);
    if (rc == 0) {
      AddRunningToolGroup(run.pid);
    }
  }
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    message = "cannot run " + argv[0] + ": " + std::strerror(rc);
    return false;
  }
  if (Interrupted()) {
    kill(-run.pid, SIGTERM);  // the interrupt came before this group was registered
  }
  run.fd = pipe_fds[0];
  return true;
}

// Sends the signals a tool is due: SIGTERM at its deadline or on interrupt,
// SIGKILL a grace period later. Returns how long until the next check (ms).
auto Escalate(Running& run, Clock::time_point now, Clock::time_point interrupt_time) -> int {
  int wait = -1;
  if (!run.term_sent && run.has_deadline) {
    if (now >= run.deadline) {
      kill(-run.pid, SIGTERM);
      run.term_sent = true;
      run.timed_out = true;
      run.term_time = now;
    } else {
      wait = Millis(run.deadline - now) + 1;
    }
  }
  if (Interrupted() && !run.term_sent) {
    run.term_sent = true;  // the handler sent SIGTERM to every group
    run.term_time = interrupt_time;
  }
  if (run.term_sent && !run.killed) {
    auto kill_time = run.term_time + std::chrono::milliseconds(kGraceMillis);
    if (now >= kill_time) {
      kill(-run.pid, SIGKILL);
      run.killed = true;
    } else {
      int until = std::max(1, std::min(Millis(kill_time - now) + 1, kPollMillis));
      wait = wait < 0 ? until : std::min(wait, until);
    }
  }
  return wait;
}

}  // namespace

void RunCommands(size_t count, int jobs, int timeout_seconds,
                 const std::function<std::optional<std::vector<std::string>>(size_t)>& start,
                 const std::function<void(size_t, CommandResult)>& done,
                 const std::function<bool(size_t)>& ready) {
  jobs = std::clamp(jobs, 1, kMaxRunningTools);
  std::vector<Running> running;
  size_t next = 0;
  Clock::time_point interrupt_time{};
  bool interrupt_seen = false;
  while (next < count || !running.empty()) {
    while (!Interrupted() && static_cast<int>(running.size()) < jobs && next < count) {
      if (ready && !running.empty() && !ready(next)) {
        break;  // it waits for commands still running
      }
      size_t index = next++;
      std::optional<std::vector<std::string>> argv = start(index);
      if (!argv) {
        continue;
      }
      Running run;
      run.index = index;
      std::string message;
      if (!Start(*argv, run, message)) {
        CommandResult failed;
        failed.output = message;
        done(index, std::move(failed));
        continue;
      }
      if (timeout_seconds > 0) {
        run.has_deadline = true;
        run.deadline = Clock::now() + std::chrono::seconds(timeout_seconds);
      }
      running.push_back(std::move(run));
    }
    if (running.empty()) {
      if (Interrupted()) {
        DieOfInterrupt();
      }
      continue;
    }
    Clock::time_point now = Clock::now();
    if (Interrupted() && !interrupt_seen) {
      interrupt_seen = true;
      interrupt_time = now;
    }
    int wait = -1;
    std::vector<struct pollfd> fds;
    std::vector<size_t> owners;
    for (size_t i = 0; i < running.size(); ++i) {
      int w = Escalate(running[i], now, interrupt_time);
      wait = w < 0 ? wait : wait < 0 ? w : std::min(wait, w);
      if (running[i].fd >= 0) {
        fds.push_back({running[i].fd, POLLIN, 0});
        owners.push_back(i);
      } else {
        // Output ended but the tool has not exited yet: look again soon.
        wait = wait < 0 ? kPollMillis : std::min(wait, kPollMillis);
      }
    }
    int ready = poll(fds.data(), fds.size(), wait);
    if (ready < 0 && errno != EINTR) {
      wait = kPollMillis;  // cannot happen with valid fds; do not spin
    }
    char buffer[4096];
    for (size_t k = 0; ready > 0 && k < fds.size(); ++k) {
      if (fds[k].revents == 0) {
        continue;
      }
      Running& run = running[owners[k]];
      ssize_t n = read(run.fd, buffer, sizeof buffer);
      if (n > 0) {
        run.output.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(run.fd);
        run.fd = -1;
      }
    }
    // Reaps the tools whose output ended and that exited.
    for (size_t i = 0; i < running.size();) {
      Running& run = running[i];
      int status = 0;
      pid_t reaped = run.fd >= 0 ? 0 : waitpid(run.pid, &status, WNOHANG);
      if (reaped == 0 || (reaped < 0 && errno == EINTR)) {
        ++i;
        continue;
      }
      RemoveRunningToolGroup(run.pid);
      kill(-run.pid, SIGKILL);  // whatever of the group outlived its leader
      CommandResult result;
      result.output = std::move(run.output);
      if (run.timed_out) {
        result.timed_out = true;
        result.output += "\n(stopped after the time limit of " + std::to_string(timeout_seconds) + " s)";
      } else if (reaped == run.pid) {
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      size_t index = run.index;
      running.erase(running.begin() + static_cast<long>(i));
      if (!Interrupted()) {
        done(index, std::move(result));
      }
    }
    if (Interrupted() && running.empty()) {
      DieOfInterrupt();
    }
  }
}

auto RunCommand(const std::vector<std::string>& argv, int timeout_seconds) -> CommandResult {
  CommandResult result;
  RunCommands(
      1, 1, timeout_seconds, [&](size_t) { return std::optional<std::vector<std::string>>(argv); },
      [&](size_t, CommandResult r) { result = std::move(r); });
  return result;
}

auto SplitWords(const std::string& text, std::vector<std::string>& words, std::string& error) -> bool {
  words.clear();
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(word);
        word.clear();
        in_word = false;
      }
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (i + 1 < text.size() && text[i + 1] != '\n') {
        word += text[++i];
      } else {
        ++i;  // backslash-newline joins lines; a trailing backslash is dropped
      }
    } else if (c == '\'') {
      size_t end = text.find('\'', i + 1);
      if (end == std::string::npos) {
        error = "unterminated ' in `" + text + "`";
        return false;
      }
      word += text.substr(i + 1, end - i - 1);
      i = end;
    } else if (c == '"') {
      size_t j = i + 1;
      for (; j < text.size() && text[j] != '"'; ++j) {
        if (text[j] == '\\' && j + 1 < text.size() && std::strchr("\"\\$`", text[j + 1]) != nullptr) {
          ++j;
        }
        word += text[j];
      }
      if (j >= text.size()) {
        error = "unterminated \" in `" + text + "`";
        return false;
      }
      i = j;
    } else {
      word += c;
    }
  }
  if (in_word) {
    words.push_back(word);
  }
  return true;
}

auto QuoteWord(const std::string& word) -> std::string {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                              "@%+=:,./-_") == std::string::npos) {
    return word;
  }
  std::string quoted = "'";
  for (char c : word) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

}  // namespace pyxx::driver
