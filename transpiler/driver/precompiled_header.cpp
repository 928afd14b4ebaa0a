#include "driver/precompiled_header.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "driver/cache_dir.h"
#include "driver/compiler_family.h"
#include "driver/cache_eviction.h"
#include "driver/files.h"
#include "driver/interrupts.h"
#include "driver/tools.h"

namespace pyxx::driver {
namespace {

constexpr const char* kRuntimeInclude = "#include \"pyxx/runtime.hpp\"";

auto ReadText(const std::string& path) -> std::string {
  std::string text;
  std::string ignored;
  return ReadRegularFile(path, kMaxInputBytes, text, ignored) ? text : std::string();
}

}  // namespace

auto GeneratedPrelude(const std::string& cpp) -> std::string {
  std::string prelude;
  size_t start = 0;
  while (start < cpp.size()) {
    size_t end = cpp.find('\n', start);
    std::string line = cpp.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? cpp.size() : end + 1;
    if (line.rfind("//", 0) == 0) {
      continue;
    }
    prelude += line + "\n";
    if (line == kRuntimeInclude) {
      return prelude;
    }
  }
  return {};
}

auto PrecompiledHeaderFlags(const CompilerSettings& settings, const std::string& prelude,
                            const std::string& toolchain, int timeout_seconds, std::string& why)
    -> std::vector<std::string> {
  std::string cache = CacheDir();
  if (cache.empty()) {
    why = "no cache directory (PYXX_CACHE_DIR=off, or neither XDG_CACHE_HOME nor HOME is set)";
    return {};
  }
  if (prelude.empty()) {
    why = "the generated code does not start with the runtime include";
    return {};
  }
  // Everything the compiled header depends on: it is only valid for these.
  std::vector<std::string> flags = CompileFlags(settings);
  flags.insert(flags.end(), settings.cxxflags.begin(), settings.cxxflags.end());
  std::string key = "pyxx precompiled header 1\ncompiler";
  for (const std::string& word : settings.cxx) {
    key += " " + QuoteWord(word);
  }
  key += "\nflags";
  for (const std::string& flag : flags) {
    key += " " + QuoteWord(flag);
  }
  key += "\n" + toolchain;
  for (const char* header : {"Python.h", "pyconfig.h", "patchlevel.h"}) {
    key += "python " + std::string(header) + " " + FileIdentity(settings.python.include_dir + "/" + header) + "\n";
  }
  key += "prelude\n" + prelude;
  const std::string dir = cache + "/pch-" + KeyName(key);
  const std::string header = dir + "/prelude.hpp";
  const std::string compiled = header + ".gch";
  // key.txt is written last: when it matches, the compiled header is complete.
  if (ReadText(dir + "/key.txt") == key && FileExists(compiled)) {
    TouchCacheEntry(dir);
    return {"-include", header};
  }
  if (CompilerFamilyOf(settings.cxx) != CompilerFamily::kGcc) {
    why = "the compiler is not GCC";
    return {};
  }
  std::string error;
  if (!MakeDirectories(dir, error) || !WriteFileAtomically(header, prelude, error)) {
    why = "cannot write " + header + ": " + error;
    return {};
  }
  // Built beside its final name and renamed into place: a concurrent build
  // sees either no compiled header (and parses the text) or a whole one.
  TemporaryFile temp;
  int fd = temp.Create(dir + "/.prelude.hpp.gch.pyxx-XXXXXX", 0);
  if (fd < 0) {
    why = "cannot create a temporary file in " + dir + ": " + std::strerror(errno);
    return {};
  }
  close(fd);
  std::vector<std::string> argv = settings.cxx;
  argv.insert(argv.end(), flags.begin(), flags.end());
  for (const std::string& word : {std::string("-x"), std::string("c++-header"), header, std::string("-o"),
                                  temp.path()}) {
    argv.push_back(word);
  }
  CommandResult r = RunCommand(argv, timeout_seconds);
  if (r.exit_code != 0) {
    why = "the compiler could not precompile " + header + ": " + r.output;
    return {};
  }
  if (rename(temp.path().c_str(), compiled.c_str()) != 0) {
    why = "cannot write " + compiled + ": " + std::strerror(errno);
    return {};
  }
  temp.Release();
  if (!WriteFileAtomically(dir + "/key.txt", key, error)) {
    why = "cannot write " + dir + "/key.txt: " + error;
    return {};
  }
  EvictCacheEntries(cache, dir);
  return {"-include", header};
}

}  // namespace pyxx::driver
