#include "driver/python_config.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "driver/cache_dir.h"
#include "driver/files.h"
#include "driver/tools.h"

namespace pyxx::driver {
namespace {

// The answer comes tagged: the command's output also holds its stderr, where
// an interpreter may print warnings (a broken LD_PRELOAD, a site hook) first.
// Written for any Python 3 (and a Python 2 fails visibly on the f-less syntax).
constexpr const char* kQuery =
    "import sys, sysconfig\n"
    "print('pyxx-executable=' + sys.executable)\n"
    "print('pyxx-version=%d.%d' % sys.version_info[:2])\n"
    "print('pyxx-include=' + sysconfig.get_paths()['include'])\n"
    "print('pyxx-ext-suffix=' + (sysconfig.get_config_var('EXT_SUFFIX') or ''))\n";

auto Tagged(const std::string& output, std::string_view tag, std::string& value) -> bool {
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    std::string_view line(output.data() + start, (end == std::string::npos ? output.size() : end) - start);
    start = end == std::string::npos ? output.size() : end + 1;
    if (line.size() > tag.size() && line.substr(0, tag.size()) == tag && line[tag.size()] == '=') {
      value = std::string(line.substr(tag.size() + 1));
      return true;
    }
  }
  return false;
}

auto IsElfFile(const std::string& path) -> bool {
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  char head[4] = {};
  ssize_t n = read(fd, head, sizeof head);
  close(fd);
  return n == 4 && std::memcmp(head, "\x7f" "ELF", 4) == 0;
}

// The cache entry for `python`'s answer, with the key it must start with.
// Only a real interpreter binary is cached: a script in its place (a pyenv
// shim, a wrapper) may answer for another interpreter each time it runs.
auto CacheEntry(const std::string& python, std::string& key) -> std::string {
  std::string cache = CacheDir();
  std::string program = FindProgram(python);
  if (cache.empty() || program.empty()) {
    return {};
  }
  if (!IsElfFile(program)) {
    return {};
  }
  const char* home = std::getenv("PYTHONHOME");
  key = "pyxx python answer 1\nprogram " + QuoteWord(program) + " " + FileIdentity(program) +
        "\npythonhome " + QuoteWord(home != nullptr ? home : "") + "\n";
  return cache + "/python-" + KeyName(key) + ".txt";
}

// The tagged answer, from the cache or from the interpreter (then cached).
auto Ask(const std::string& python, std::string& answer, std::string& error) -> bool {
  std::string key;
  std::string entry = CacheEntry(python, key);
  std::string cached;
  std::string ignored;
  if (!entry.empty() && ReadRegularFile(entry, kMaxInputBytes, cached, ignored) && cached.rfind(key, 0) == 0) {
    answer = cached.substr(key.size());
    return true;
  }
  CommandResult r = RunCommand({python, "-c", kQuery}, kPythonTimeoutSeconds);
  if (r.exit_code != 0) {
    error = "cannot query Python `" + python + "`: " + r.output;
    return false;
  }
  answer = r.output;
  if (!entry.empty() && answer.find("pyxx-version=") != std::string::npos &&
      MakeDirectories(DirectoryOf(entry), ignored)) {
    WriteFileAtomically(entry, key + answer, ignored);  // a cache: failing to write it costs only time
  }
  return true;
}

}  // namespace

auto ParseVersion(const std::string& text, int& major, int& minor) -> bool {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool one = text.size() == 3 && digit(text[2]);
  const bool two = text.size() == 4 && text[2] != '0' && digit(text[2]) && digit(text[3]);
  if (!(one || two) || !digit(text[0]) || text[1] != '.') {
    return false;
  }
  major = text[0] - '0';
  minor = one ? text[2] - '0' : (text[2] - '0') * 10 + (text[3] - '0');
  return true;
}

auto QueryPython(const std::string& python, PythonConfig& config, std::string& error) -> bool {
  std::string answer;
  if (!Ask(python, answer, error)) {
    return false;
  }
  CommandResult r;
  r.output = answer;
  if (!Tagged(r.output, "pyxx-executable", config.executable) || !Tagged(r.output, "pyxx-version", config.version) ||
      !Tagged(r.output, "pyxx-include", config.include_dir) || !Tagged(r.output, "pyxx-ext-suffix", config.ext_suffix)) {
    error = "unexpected answer from `" + python + "`: " + r.output;
    return false;
  }
  int major = 0;
  int minor = 0;
  if (!ParseVersion(config.version, major, minor)) {
    error = "unexpected version `" + config.version + "` from `" + python + "`";
    return false;
  }
  if (major != 3 || minor < kMinPythonMinor) {
    error = "`" + python + "` is Python " + config.version + "; pyxx builds for Python 3." +
            std::to_string(kMinPythonMinor) + " or newer (choose one with --python)";
    return false;
  }
  if (config.ext_suffix.empty()) {
    error = "`" + python + "` does not say how its extension modules are named (no EXT_SUFFIX in its sysconfig)";
    return false;
  }
  if (!FileExists(config.include_dir + "/Python.h")) {
    error = "Python.h not found in " + config.include_dir + ": `" + python + "` (Python " + config.version +
            ") has no development headers (install them, e.g. `apt-get install python" + config.version + "-dev`)";
    return false;
  }
  return true;
}

}  // namespace pyxx::driver
