#include "driver/build_stamp.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "driver/files.h"
#include "driver/tools.h"

namespace pyxx::driver {
namespace {

constexpr const char* kStampHeader = "pyxx build stamp 1\n";

// "size mtime_ns inode" of a file, or "missing".
auto Identity(const std::string& path) -> std::string {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    return "missing";
  }
  long long mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return std::to_string(st.st_size) + " " + std::to_string(mtime) + " " + std::to_string(st.st_ino);
}

// The program a command word runs: itself when it names a file, else the first
// executable of that name on PATH; empty for a word that is neither (a flag).
auto ProgramFile(const std::string& word) -> std::string {
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

// The real file behind a path (compilers are often symlinks: g++ -> g++-12).
auto RealPath(const std::string& path) -> std::string {
  char* real = realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    return path;
  }
  std::string result = real;
  std::free(real);
  return result;
}

auto ReadText(const std::string& path, std::string& text) -> bool {
  std::string error;
  return ReadRegularFile(path, kMaxInputBytes, text, error);
}

}  // namespace

auto StampPathFor(const std::string& module_path) -> std::string { return module_path + ".pyxx-stamp"; }

auto ToolchainFingerprint(const std::vector<std::string>& cxx, const std::string& runtime_include) -> std::string {
  std::string text;
  for (const std::string& word : cxx) {
    std::string program = ProgramFile(word);
    if (!program.empty()) {
      std::string real = RealPath(program);
      text += "tool " + QuoteWord(real) + " " + Identity(real) + "\n";
    }
  }
  std::string dir = runtime_include + "/pyxx";
  std::vector<std::string> headers;
  if (DIR* d = opendir(dir.c_str()); d != nullptr) {
    while (dirent* entry = readdir(d)) {
      std::string name = entry->d_name;
      if (name != "." && name != "..") {
        headers.push_back(name);
      }
    }
    closedir(d);
  }
  std::sort(headers.begin(), headers.end());
  for (const std::string& name : headers) {
    text += "runtime " + QuoteWord(name) + " " + Identity(dir + "/" + name) + "\n";
  }
  return text;
}

auto StampText(const std::vector<std::string>& command, const std::string& toolchain,
               const std::vector<std::string>& outputs) -> std::string {
  std::string text = kStampHeader;
  text += "command";
  for (const std::string& word : command) {
    text += " " + QuoteWord(word);
  }
  text += "\n" + toolchain;
  for (const std::string& output : outputs) {
    text += "output " + QuoteWord(output) + " " + Identity(output) + "\n";
  }
  return text;
}

auto IsUpToDate(const std::string& module_path, const std::string& cpp_path, const std::string& declarations_path,
                const std::vector<std::string>& command, const std::string& toolchain, const std::string& cpp,
                const std::string& declarations) -> bool {
  std::string stamp;
  std::string on_disk;
  return ReadText(StampPathFor(module_path), stamp) &&
         stamp == StampText(command, toolchain, {cpp_path, declarations_path, module_path}) &&
         ReadText(cpp_path, on_disk) && on_disk == cpp && ReadText(declarations_path, on_disk) &&
         on_disk == declarations;
}

}  // namespace pyxx::driver
