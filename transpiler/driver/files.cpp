#include "driver/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "driver/interrupts.h"

namespace pyxx::driver {
namespace {

auto KindOf(mode_t mode) -> std::string {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

auto NotRegular(mode_t mode) -> std::string {
  std::string kind = KindOf(mode);
  return kind == "not a regular file" ? kind : "not a regular file (it is " + kind + ")";
}

auto TooLarge(size_t max_bytes) -> std::string {
  return "file is larger than " + std::to_string(max_bytes) + " bytes, the most pyxx reads";
}

}  // namespace

auto ReadRegularFile(const std::string& path, size_t max_bytes, std::string& contents, std::string& error) -> bool {
  // stat first: opening a FIFO or a device can block or have effects.
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = NotRegular(st.st_mode);
    return false;
  }
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  // The path may have been replaced between stat and open: check what was opened.
  if (fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    close(fd);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = NotRegular(st.st_mode);
    close(fd);
    return false;
  }
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    error = TooLarge(max_bytes);
    close(fd);
    return false;
  }
  contents.clear();
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      error = std::strerror(errno);
      close(fd);
      return false;
    }
    if (n == 0) {
      break;
    }
    if (contents.size() + static_cast<size_t>(n) > max_bytes) {  // the file grew while being read
      error = TooLarge(max_bytes);
      close(fd);
      return false;
    }
    contents.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

auto ResolveOutputPath(const std::string& path, std::string& resolved, std::string& error) -> bool {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      resolved = path;
      return true;
    }
    error = std::strerror(errno);
    return false;
  }
  if (S_ISLNK(st.st_mode)) {
    struct stat target {};
    if (stat(path.c_str(), &target) != 0) {
      error = std::string("it is a symbolic link that cannot be followed: ") + std::strerror(errno);
      return false;
    }
    if (!S_ISREG(target.st_mode)) {
      error = "it is a symbolic link to " + KindOf(target.st_mode) + "; pyxx only replaces regular files";
      return false;
    }
    char* real = realpath(path.c_str(), nullptr);
    if (real == nullptr) {
      error = std::strerror(errno);
      return false;
    }
    resolved = real;  // the link is kept; the file it names gets the output
    std::free(real);
    return true;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "it is " + KindOf(st.st_mode) + "; pyxx only replaces regular files";
    return false;
  }
  resolved = path;
  return true;
}

auto WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error) -> bool {
  std::string target;
  if (!ResolveOutputPath(path, target, error)) {
    return false;
  }
  std::string dir = DirectoryOf(target);
  std::string base = target.substr(target.find_last_of('/') == std::string::npos ? 0 : target.find_last_of('/') + 1);
  TemporaryFile temp;
  int fd = temp.Create(dir + "/." + base + ".pyxx-XXXXXX", 0);
  if (fd < 0) {
    error = std::string("cannot create a temporary file in ") + dir + ": " + std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      error = std::strerror(errno);
      close(fd);
      return false;  // `temp` deletes the file
    }
    written += static_cast<size_t>(n);
  }
  // mkstemp creates 0600; a normal file creation gives 0666 & ~umask.
  if (fchmod(fd, 0666 & ~ProcessUmask()) != 0 || close(fd) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (rename(temp.path().c_str(), target.c_str()) != 0) {
    error = std::strerror(errno);
    return false;
  }
  temp.Release();
  return true;
}

auto WriteFileIfChanged(const std::string& path, const std::string& contents, bool& written, std::string& error)
    -> bool {
  std::string target;
  if (!ResolveOutputPath(path, target, error)) {
    return false;
  }
  struct stat st {};
  std::string existing;
  std::string ignored;
  // Only a file of the same size is read (no second read of a large output).
  if (stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == contents.size() &&
      ReadRegularFile(target, contents.size(), existing, ignored) && existing == contents) {
    written = false;
    return true;
  }
  written = true;
  return WriteFileAtomically(path, contents, error);
}

auto FindProgram(const std::string& word) -> std::string {
  if (word.empty() || word[0] == '-') {
    return {};
  }
  if (word.find('/') != std::string::npos) {
    return FileExists(word) ? word : std::string();
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + word;
    if (access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return {};
}

auto ProcessUmask() -> unsigned {
  static const unsigned mask = [] {
    mode_t old = umask(0);  // the only portable way to read it; pyxx is single-threaded
    umask(old);
    return static_cast<unsigned>(old);
  }();
  return mask;
}

auto ExecutableDir() -> std::string {
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) {
    return {};
  }
  std::string path(buffer, static_cast<size_t>(n));
  return path.substr(0, path.find_last_of('/'));
}

auto FileExists(const std::string& path) -> bool {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

auto MakeDirectories(const std::string& path, std::string& error) -> bool {
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    std::string partial = path.substr(0, pos);
    struct stat st {};
    if (partial.empty() || partial.back() == '/') {
      continue;
    }
    if (stat(partial.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        error = partial + " is " + KindOf(st.st_mode) + ", not a directory";
        return false;
      }
      continue;
    }
    if (mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
      error = partial + ": " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

auto DirectoryOf(const std::string& path) -> std::string {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

auto AsOperand(const std::string& path) -> std::string { return !path.empty() && path[0] == '-' ? "./" + path : path; }

}  // namespace pyxx::driver
