#include "driver/build_stamp.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "driver/cache_dir.h"
#include "driver/files.h"
#include "driver/tools.h"

namespace pyxx::driver {
namespace {

constexpr const char* kStampHeader = "pyxx build stamp 1\n";

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
    std::string program = FindProgram(word);
    if (!program.empty()) {
      std::string real = RealPath(program);
      text += "tool " + QuoteWord(real) + " " + FileIdentity(real) + "\n";
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
    text += "runtime " + QuoteWord(name) + " " + FileIdentity(dir + "/" + name) + "\n";
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
    text += "output " + QuoteWord(output) + " " + FileIdentity(output) + "\n";
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
