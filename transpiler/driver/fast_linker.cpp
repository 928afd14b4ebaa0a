#include "driver/fast_linker.h"

#include <unistd.h>

#include "driver/cache_dir.h"
#include "driver/compiler_family.h"
#include "driver/files.h"
#include "driver/interrupts.h"
#include "driver/tools.h"

namespace pyxx::driver {
namespace {

auto ChoosesLinker(const std::vector<std::string>& words) -> bool {
  for (const std::string& word : words) {
    if (word.rfind("-fuse-ld=", 0) == 0) {
      return true;
    }
  }
  return false;
}

// Links an empty shared library with gold; true when the compiler could.
auto CanLinkWithGold(const CompilerSettings& settings, const std::string& dir, int timeout_seconds) -> bool {
  TemporaryFile library;
  int fd = library.Create(dir + "/.linker-probe.pyxx-XXXXXX", 0);
  if (fd < 0) {
    return false;
  }
  close(fd);
  std::vector<std::string> argv = settings.cxx;
  for (const char* word : {"-x", "c++", "/dev/null", "-fPIC", "-shared", kGoldLinkerFlag, "-o"}) {
    argv.emplace_back(word);
  }
  argv.push_back(library.path());
  return RunCommand(argv, timeout_seconds).exit_code == 0;
}

}  // namespace

auto CanUseGoldLinker(const CompilerSettings& settings, const std::string& toolchain, int timeout_seconds,
                      std::string& why) -> bool {
  if (ChoosesLinker(settings.cxx) || ChoosesLinker(settings.cxxflags) || ChoosesLinker(settings.ldflags)) {
    why = "the command or the flags choose the linker";
    return false;
  }
  if (CompilerFamilyOf(settings.cxx) == CompilerFamily::kOther) {
    why = "the compiler is neither GCC nor Clang";
    return false;
  }
  const std::string cache = CacheDir();
  if (cache.empty()) {
    why = "no cache directory to keep the linker probe's answer in";
    return false;
  }
  std::string key = "pyxx linker answer 1\ncompiler";
  for (const std::string& word : settings.cxx) {
    key += " " + QuoteWord(word);
  }
  key += "\n";
  // Only the compiler's files matter (the toolchain also lists the runtime's).
  for (size_t start = 0, end; start < toolchain.size(); start = end + 1) {
    end = toolchain.find('\n', start);
    end = end == std::string::npos ? toolchain.size() : end;
    if (toolchain.compare(start, 5, "tool ") == 0) {
      key += toolchain.substr(start, end - start) + "\n";
    }
  }
  const std::string entry = cache + "/linker-" + KeyName(key) + ".txt";
  std::string cached;
  std::string error;
  if (!ReadRegularFile(entry, kMaxInputBytes, cached, error) || cached.rfind(key, 0) != 0) {
    if (!MakeDirectories(cache, error)) {
      why = "cannot create " + cache + ": " + error;
      return false;
    }
    cached = key + (CanLinkWithGold(settings, cache, timeout_seconds) ? "gold\n" : "default\n");
    WriteFileAtomically(entry, cached, error);  // a cache: failing to write it costs only time
  }
  if (cached.substr(key.size()) != "gold\n") {
    why = "the compiler cannot link with gold";
    return false;
  }
  return true;
}

}  // namespace pyxx::driver
