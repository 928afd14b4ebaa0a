#include "driver/build.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <tuple>
#include <utility>

#include "driver/build_stamp.h"
#include "driver/fast_linker.h"
#include "driver/files.h"
#include "driver/interrupts.h"
#include "driver/tools.h"
#include "emit/emitter.h"

namespace pyxx::driver {

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

auto WriteAll(const std::string& path, const std::string& contents, std::string& error, int flags = O_TRUNC)
    -> bool {
  int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC | flags, 0600);
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

// A new file (in a private directory) with these contents.
auto CreateFile(const std::string& path, const std::string& contents, std::string& error) -> bool {
  return WriteAll(path, contents, error, O_CREAT | O_EXCL);
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

auto CompileFlags(const CompilerSettings& settings) -> std::vector<std::string> {
  std::vector<std::string> flags = {"-std=c++17", "-O" + settings.optimization};
  if (settings.debug_info) {
    flags.emplace_back("-g");
  }
  for (const char* flag : {"-ffp-contract=off", "-fPIC", "-fvisibility=hidden"}) {
    flags.emplace_back(flag);
  }
  flags.push_back("-I" + settings.runtime_include);
  flags.push_back("-I" + settings.python.include_dir);
  return flags;
}

namespace {

// The linker choice and LDFLAGS, after the output.
void AddLinkerFlags(const CompilerSettings& settings, const std::string& module, std::vector<std::string>& argv) {
  if (settings.gold_linker) {
    // Without a soname gold writes the output's path into the module (as its
    // version definition's name): every build would differ.
    const std::string file_name = module.substr(module.find_last_of('/') + 1);
    for (const std::string& word : {std::string(kGoldLinkerFlag), std::string("-Xlinker"), std::string("-soname"),
                                    std::string("-Xlinker"), file_name}) {
      argv.push_back(word);
    }
  }
  argv.insert(argv.end(), settings.ldflags.begin(), settings.ldflags.end());
}

auto CompileCommand(const CompilerSettings& settings, const std::string& cpp, const std::string& module,
                    const std::vector<std::string>& speedup_flags = {}) -> std::vector<std::string> {
  std::vector<std::string> argv = settings.cxx;
  std::vector<std::string> flags = CompileFlags(settings);
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), speedup_flags.begin(), speedup_flags.end());
  argv.emplace_back("-shared");
  argv.insert(argv.end(), settings.cxxflags.begin(), settings.cxxflags.end());
  // Operands that start with '-' (an output directory "-out") get "./".
  argv.push_back(AsOperand(cpp));
  argv.emplace_back("-o");
  argv.push_back(AsOperand(module));
  AddLinkerFlags(settings, module, argv);
  return argv;
}

// Part `part` of a module of several parts, compiled to an object (emit/parts.h).
auto PartCommand(const CompilerSettings& settings, const std::string& cpp, int part, const std::string& object,
                 const std::vector<std::string>& speedup_flags) -> std::vector<std::string> {
  std::vector<std::string> argv = settings.cxx;
  std::vector<std::string> flags = CompileFlags(settings);
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), speedup_flags.begin(), speedup_flags.end());
  argv.push_back("-DPYXX_PART=" + std::to_string(part));
  argv.emplace_back("-c");
  argv.insert(argv.end(), settings.cxxflags.begin(), settings.cxxflags.end());
  argv.push_back(AsOperand(cpp));
  argv.emplace_back("-o");
  argv.push_back(AsOperand(object));
  return argv;
}

// The link of a module's part objects, with the flags the one-part command links with.
auto LinkCommand(const CompilerSettings& settings, const std::vector<std::string>& objects, const std::string& module)
    -> std::vector<std::string> {
  std::vector<std::string> argv = settings.cxx;
  for (const std::string& flag : CompileFlags(settings)) {
    if (flag.rfind("-I", 0) != 0) {
      argv.push_back(flag);  // -O, -g, -fPIC...: as the one-part command's link sees them
    }
  }
  argv.emplace_back("-shared");
  argv.insert(argv.end(), settings.cxxflags.begin(), settings.cxxflags.end());
  for (const std::string& object : objects) {
    argv.push_back(AsOperand(object));
  }
  argv.emplace_back("-o");
  argv.push_back(AsOperand(module));
  AddLinkerFlags(settings, module, argv);
  return argv;
}

}  // namespace

auto PublishedCompileCommand(const ModuleOutputs& outputs, const CompilerSettings& settings)
    -> std::vector<std::string> {
  return CompileCommand(settings, outputs.CppPath(), outputs.ModulePath(settings.python));
}

auto PendingBuild::Prepare(const ModuleOutputs& outputs, const CompilerSettings& settings, const std::string& cpp,
                           const std::string& declarations, const std::string& toolchain,
                           const std::vector<std::string>& speedup_flags, std::string& error) -> bool {
  if (settings.runtime_include.empty() || !FileExists(settings.runtime_include + "/pyxx/runtime.hpp")) {
    error = "cannot find the pyxx runtime headers (set PYXX_RUNTIME_INCLUDE)";
    return false;
  }
  const std::string& stem = outputs.file_stem;
  out_dir_ = outputs.out_dir;
  cpp_path_ = outputs.CppPath();
  module_path_ = outputs.ModulePath(settings.python);
  declarations_path_ = outputs.DeclarationsPath();
  for (auto [path, target] : {std::pair{&cpp_path_, &cpp_target_}, std::pair{&module_path_, &module_target_},
                              std::pair{&declarations_path_, &declarations_target_}}) {
    if (!ResolveOutputPath(*path, *target, error)) {
      error = "cannot write " + *path + ": " + error;
      return false;
    }
  }
  if (!ResolveOutputPath(StampPathFor(module_path_), stamp_target_, error)) {
    error = "cannot write " + StampPathFor(module_path_) + ": " + error;
    return false;
  }
  // A private directory beside the module, so that the compiler sees the same
  // file names in every build (they end up in the module: its symbol table,
  // debug information), not a temporary's random name.
  const std::string module_dir = DirectoryOf(module_target_);
  if (!work_dir_.CreateDirectory(module_dir + "/." + stem + ".pyxx-XXXXXX")) {
    error = "cannot create a temporary directory in " + module_dir + ": " + std::strerror(errno);
    return false;
  }
  const std::string work_cpp = work_dir_.path() + "/" + stem + ".cpp";
  const std::string work_module = work_dir_.path() + "/" + stem + settings.python.ext_suffix;
  work_cpp_.Track(work_cpp);
  module_temp_.Track(work_module);
  if (!CreateTemporaryBeside(cpp_target_, stem, ".cpp", cpp_temp_, error) ||
      !CreateTemporaryBeside(declarations_target_, stem, ".pyxd", declarations_temp_, error) ||
      !CreateFile(work_cpp, cpp, error) || !WriteAll(cpp_temp_.path(), cpp, error) ||
      !WriteAll(declarations_temp_.path(), declarations, error)) {
    return false;
  }
  std::vector<std::string> unstamped = speedup_flags;
  if (settings.debug_info) {
    // Debug information names the compiled file's directory: the final one.
    unstamped.push_back("-ffile-prefix-map=" + work_dir_.path() + "=" + DirectoryOf(cpp_path_));
  }
  const int parts = emit::ModulePartCount(cpp);
  if (parts == 1) {
    command_ = CompileCommand(settings, work_cpp, work_module, unstamped);
  } else {
    std::vector<std::string> objects;
    for (int part = 0; part < parts; ++part) {
      objects.push_back(work_dir_.path() + "/" + stem + ".part" + std::to_string(part) + ".o");
      part_objects_.push_back(std::make_unique<TemporaryFile>());
      part_objects_.back()->Track(objects.back());
      part_commands_.push_back(PartCommand(settings, work_cpp, part, objects.back(), unstamped));
    }
    link_command_ = LinkCommand(settings, objects, work_module);
  }
  published_command_ = PublishedCompileCommand(outputs, settings);
  toolchain_ = toolchain;
  return true;
}

auto PendingBuild::Publish(std::string& error) -> bool {
  // The modes a normal creation gives: 0666 for the source, 0777 for the module
  // (as the linker makes it), both less the umask.
  const unsigned mask = ProcessUmask();
  if (chmod(cpp_temp_.path().c_str(), 0666 & ~mask) != 0 ||
      chmod(declarations_temp_.path().c_str(), 0666 & ~mask) != 0 ||
      chmod(module_temp_.path().c_str(), 0777 & ~mask) != 0) {
    error = "cannot set the mode of " + module_temp_.path() + ": " + std::strerror(errno);
    return false;
  }
  DirectoryLock lock(out_dir_);
  // The old stamp goes first: a set left half-replaced is never taken as up to date.
  if (unlink(stamp_target_.c_str()) != 0 && errno != ENOENT) {
    error = "cannot replace " + StampPathFor(module_path_) + ": " + std::strerror(errno);
    return false;
  }
  std::vector<std::string> published;
  auto undo = [&published] {
    for (const std::string& done : published) {
      unlink(done.c_str());  // no part of the new set is left
    }
  };
  for (auto [temp, target, path] :
       {std::tuple{&cpp_temp_, &cpp_target_, &cpp_path_}, std::tuple{&module_temp_, &module_target_, &module_path_},
        std::tuple{&declarations_temp_, &declarations_target_, &declarations_path_}}) {
    if (rename(temp->path().c_str(), target->c_str()) != 0) {
      error = "cannot write " + *path + ": " + std::strerror(errno);
      undo();
      return false;
    }
    temp->Release();
    published.push_back(*target);
  }
  std::string stamp = StampText(published_command_, toolchain_, {cpp_path_, declarations_path_, module_path_});
  if (!WriteFileAtomically(stamp_target_, stamp, error)) {
    error = "cannot write " + StampPathFor(module_path_) + ": " + error;
    undo();
    return false;
  }
  return true;
}

}  // namespace pyxx::driver
