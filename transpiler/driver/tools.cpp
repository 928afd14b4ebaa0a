#include "driver/tools.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "driver/interrupts.h"

extern char** environ;

namespace pyxx::driver {
namespace {

// After an interrupt the tool gets SIGTERM; if it is still there this much
// later (it ignores SIGTERM), its group gets SIGKILL.
constexpr int kGraceMillis = 2000;
constexpr int kPollMillis = 100;

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

}  // namespace

auto RunCommand(const std::vector<std::string>& argv) -> CommandResult {
  CommandResult result;
  if (argv.empty() || argv[0].empty()) {
    result.output = "no command to run";
    return result;
  }
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    result.output = std::string("cannot create a pipe: ") + std::strerror(errno);
    return result;
  }
  pid_t pid = 0;
  int rc = 0;
  {
    InterruptsBlocked blocked;  // the group is registered before a handler can run
    rc = Spawn(argv, pipe_fds[1], pid);
    if (rc == 0) {
      SetRunningToolGroup(pid);
    }
  }
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    result.output = "cannot run " + argv[0] + ": " + std::strerror(rc);
    return result;
  }
  int waited_millis = 0;
  bool killed = false;
  char buffer[4096];
  for (;;) {
    if (Interrupted() && !killed && waited_millis >= kGraceMillis) {
      kill(-pid, SIGKILL);
      killed = true;
    }
    struct pollfd p {pipe_fds[0], POLLIN, 0};
    int ready = poll(&p, 1, Interrupted() && !killed ? kPollMillis : -1);
    if (ready == 0) {
      waited_millis += kPollMillis;
      continue;
    }
    if (ready < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0) {
      result.output.append(buffer, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  for (;;) {
    // After an interrupt, do not wait forever for a tool that ignores SIGTERM
    // (it may have closed its output and still run).
    pid_t done = waitpid(pid, &status, Interrupted() && !killed ? WNOHANG : 0);
    if (done == pid || (done < 0 && errno != EINTR)) {
      break;
    }
    if (done == 0) {
      if (waited_millis >= kGraceMillis) {
        kill(-pid, SIGKILL);
        killed = true;
      }
      usleep(kPollMillis * 1000);
      waited_millis += kPollMillis;
    }
  }
  SetRunningToolGroup(0);
  if (Interrupted()) {
    kill(-pid, SIGKILL);  // whatever of the group outlived its leader
    DieOfInterrupt();
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
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

}  // namespace pyxx::driver
