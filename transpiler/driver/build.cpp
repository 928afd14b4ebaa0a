#include "driver/build.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "driver/files.h"
#include "driver/interrupts.h"
#include "driver/tools.h"

namespace pyxx::driver {

auto QueryPython(const std::string& python, PythonConfig& config, std::string& error) -> bool {
  // The answer comes tagged: the command's output also holds its stderr, where
  // an interpreter may print warnings (a broken LD_PRELOAD, a site hook) first.
  CommandResult r = RunCommand({python, "-c",
                                "import sysconfig; print('pyxx-include=' + sysconfig.get_paths()['include']); "
                                "print('pyxx-ext-suffix=' + sysconfig.get_config_var('EXT_SUFFIX'))"});
  if (r.exit_code != 0) {
    error = "cannot query Python `" + python + "`: " + r.output;
    return false;
  }
  bool have_include = false;
  bool have_suffix = false;
  size_t start = 0;
  while (start < r.output.size()) {
    size_t end = r.output.find('\n', start);
    std::string line = r.output.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? r.output.size() : end + 1;
    constexpr std::string_view kInclude = "pyxx-include=";
    constexpr std::string_view kSuffix = "pyxx-ext-suffix=";
    if (line.rfind(kInclude, 0) == 0) {
      config.include_dir = line.substr(kInclude.size());
      have_include = true;
    } else if (line.rfind(kSuffix, 0) == 0) {
      config.ext_suffix = line.substr(kSuffix.size());
      have_suffix = true;
    }
  }
  if (!have_include || !have_suffix) {
    error = "unexpected answer from `" + python + "`: " + r.output;
    return false;
  }
  if (!FileExists(config.include_dir + "/Python.h")) {
    error = "Python.h not found in " + config.include_dir + " (install the Python development headers, "
            "e.g. `apt-get install python3-dev`)";
    return false;
  }
  return true;
}

auto RuntimeIncludeDir() -> std::string {
  if (const char* env = std::getenv("PYXX_RUNTIME_INCLUDE"); env != nullptr && *env != '\0') {
    return env;
  }
  std::string exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    std::string installed = exe_dir + "/../include";
    if (FileExists(installed + "/pyxx/runtime.hpp")) {
      return installed;
    }
  }
#ifdef PYXX_SOURCE_RUNTIME_INCLUDE
  return PYXX_SOURCE_RUNTIME_INCLUDE;
#else
  return {};
#endif
}

namespace {

// A temporary beside `target` that keeps its suffix (the compiler picks the
// language from ".cpp"); the fd is closed. Empty + `error` on failure.
auto CreateTemporaryBeside(const std::string& target, const std::string& stem, const std::string& suffix,
                           TemporaryFile& temp, std::string& error) -> bool {
  std::string dir = DirectoryOf(target);
  int fd = temp.Create(dir + "/." + stem + ".pyxx-XXXXXX" + suffix, static_cast<int>(suffix.size()));
  if (fd < 0) {
    error = "cannot create a temporary file in " + dir + ": " + std::strerror(errno);
    return false;
  }
  close(fd);
  return true;
}

auto WriteAll(const std::string& path, const std::string& contents, std::string& error) -> bool {
  int fd = open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      error = "cannot write " + path + ": " + std::strerror(errno);
      close(fd);
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (close(fd) != 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

// Holds an exclusive flock on a directory while it lives: the renames that
// publish one build's pair of files are not interleaved with another's.
class DirectoryLock {
 public:
  explicit DirectoryLock(const std::string& dir) : fd_(open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ >= 0) {
      while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
  }
  ~DirectoryLock() {
    if (fd_ >= 0) {
      close(fd_);  // releases the lock
    }
  }
  DirectoryLock(const DirectoryLock&) = delete;
  auto operator=(const DirectoryLock&) -> DirectoryLock& = delete;

 private:
  int fd_;
};

}  // namespace

auto BuildExtension(const CompileRequest& request, std::string& error) -> bool {
  std::string runtime = RuntimeIncludeDir();
  if (runtime.empty() || !FileExists(runtime + "/pyxx/runtime.hpp")) {
    error = "cannot find the pyxx runtime headers (set PYXX_RUNTIME_INCLUDE)";
    return false;
  }
  const std::string stem = request.file_stem;
  const std::string cpp_path = request.out_dir + "/" + stem + ".cpp";
  const std::string module_path = request.out_dir + "/" + stem + request.python.ext_suffix;
  const std::string declarations_path = request.out_dir + "/" + stem + ".pyxd";
  std::string cpp_target;
  std::string module_target;
  std::string declarations_target;
  if (!ResolveOutputPath(cpp_path, cpp_target, error)) {
    error = "cannot write " + cpp_path + ": " + error;
    return false;
  }
  if (!ResolveOutputPath(module_path, module_target, error)) {
    error = "cannot write " + module_path + ": " + error;
    return false;
  }
  if (!ResolveOutputPath(declarations_path, declarations_target, error)) {
    error = "cannot write " + declarations_path + ": " + error;
    return false;
  }
  TemporaryFile cpp_temp;
  TemporaryFile module_temp;
  TemporaryFile declarations_temp;
  if (!CreateTemporaryBeside(cpp_target, stem, ".cpp", cpp_temp, error) ||
      !CreateTemporaryBeside(module_target, stem, request.python.ext_suffix, module_temp, error) ||
      !CreateTemporaryBeside(declarations_target, stem, ".pyxd", declarations_temp, error) ||
      !WriteAll(cpp_temp.path(), request.cpp, error) ||
      !WriteAll(declarations_temp.path(), request.declarations, error)) {
    return false;
  }
  std::vector<std::string> argv = request.cxx;
  for (const char* flag : {"-std=c++17", "-O2", "-ffp-contract=off", "-fPIC", "-shared", "-fvisibility=hidden"}) {
    argv.emplace_back(flag);
  }
  argv.push_back("-I" + runtime);
  argv.push_back("-I" + request.python.include_dir);
  argv.insert(argv.end(), request.cxxflags.begin(), request.cxxflags.end());
  // Operands that start with '-' (an output directory "-out") get "./".
  argv.push_back(AsOperand(cpp_temp.path()));
  argv.emplace_back("-o");
  argv.push_back(AsOperand(module_temp.path()));
  CommandResult r = RunCommand(argv);
  if (r.exit_code != 0) {
    error = r.exit_code < 0 ? r.output : "the C++ compiler failed:\n" + r.output;
    return false;
  }
  // The modes a normal creation gives: 0666 for the source, 0777 for the module
  // (as the linker makes it), both less the umask.
  const unsigned mask = ProcessUmask();
  if (chmod(cpp_temp.path().c_str(), 0666 & ~mask) != 0 || chmod(declarations_temp.path().c_str(), 0666 & ~mask) != 0 ||
      chmod(module_temp.path().c_str(), 0777 & ~mask) != 0) {
    error = "cannot set the mode of " + module_temp.path() + ": " + std::strerror(errno);
    return false;
  }
  DirectoryLock lock(request.out_dir);
  if (rename(cpp_temp.path().c_str(), cpp_target.c_str()) != 0) {
    error = "cannot write " + cpp_path + ": " + std::strerror(errno);
    return false;
  }
  cpp_temp.Release();
  if (rename(module_temp.path().c_str(), module_target.c_str()) != 0) {
    error = "cannot write " + module_path + ": " + std::strerror(errno);
    unlink(cpp_target.c_str());  // no half of the pair is left
    return false;
  }
  module_temp.Release();
  if (rename(declarations_temp.path().c_str(), declarations_target.c_str()) != 0) {
    error = "cannot write " + declarations_path + ": " + std::strerror(errno);
    unlink(cpp_target.c_str());  // no part of the set is left
    unlink(module_target.c_str());
    return false;
  }
  declarations_temp.Release();
  return true;
}

}  // namespace pyxx::driver
