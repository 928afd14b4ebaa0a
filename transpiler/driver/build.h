// `pyxx build` of one module: the compiler command, and the outputs (NAME.cpp,
// NAME.pyxd, NAME<EXT_SUFFIX> and its stamp) made under temporary names and
// published together. build_batch.h runs many of these at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "driver/interrupts.h"
#include "driver/python_config.h"

namespace pyxx::driver {

// Where the runtime headers are: $PYXX_RUNTIME_INCLUDE, `<prefix>/include` of an
// installed pyxx (`<prefix>/bin/pyxx`), or the source tree pyxx was built from.
auto RuntimeIncludeDir() -> std::string;

// How the C++ compiler is run, the same for every module of a build.
struct CompilerSettings {
  std::vector<std::string> cxx;       // the compiler command, split into words
  std::string optimization = "2";     // -O<this>
  bool debug_info = false;            // -g
  std::vector<std::string> cxxflags;  // after pyxx's own flags (so they win)
  std::vector<std::string> ldflags;   // after the output
  bool gold_linker = false;           // -fuse-ld=gold (fast_linker.h)
  std::string runtime_include;        // RuntimeIncludeDir()
  PythonConfig python;
};

// pyxx's own compile flags (-std=c++17 -O2 ... -I<runtime> -I<python>), before
// CXXFLAGS; `pyxx config --cxxflags` prints them too.
auto CompileFlags(const CompilerSettings& settings) -> std::vector<std::string>;

struct ModuleOutputs {
  std::string out_dir;    // exists
  std::string file_stem;  // NAME of NAME.cpp and NAME<EXT_SUFFIX> (`mod` of `pkg.mod`)
  [[nodiscard]] auto CppPath() const -> std::string { return out_dir + "/" + file_stem + ".cpp"; }
  [[nodiscard]] auto DeclarationsPath() const -> std::string { return out_dir + "/" + file_stem + ".pyxd"; }
  [[nodiscard]] auto ModulePath(const PythonConfig& python) const -> std::string {
    return out_dir + "/" + file_stem + python.ext_suffix;
  }
};

// The command that compiles `outputs` in place (the stamp records it).
auto PublishedCompileCommand(const ModuleOutputs& outputs, const CompilerSettings& settings)
    -> std::vector<std::string>;

// One module being built: its outputs' temporaries and the compiler command.
class PendingBuild {
 public:
  // Resolves the outputs, writes the C++ and declarations to temporaries and
  // makes the command. `toolchain`: ToolchainFingerprint(), for the stamp.
  // `speedup_flags` go to the compiler but not into the stamp: they must not
  // change the module (the precompiled header). False + `error` on failure
  // (nothing is left then).
  auto Prepare(const ModuleOutputs& outputs, const CompilerSettings& settings, const std::string& cpp,
               const std::string& declarations, const std::string& toolchain,
               const std::vector<std::string>& speedup_flags, std::string& error) -> bool;
  // A module of one part: the command that compiles and links it.
  [[nodiscard]] auto command() const -> const std::vector<std::string>& { return command_; }
  // A module of several parts (emit/parts.h): the command that compiles each
  // to an object, then the one that links them; no command() then.
  [[nodiscard]] auto part_commands() const -> const std::vector<std::vector<std::string>>& { return part_commands_; }
  [[nodiscard]] auto link_command() const -> const std::vector<std::string>& { return link_command_; }
  // After the compiler succeeded: sets the modes, then under a lock on the
  // directory renames the outputs into place together (concurrent builds never
  // mix or delete each other's files), then writes the stamp.
  // False + `error` on failure: then no part of the new set is left.
  auto Publish(std::string& error) -> bool;
  [[nodiscard]] auto module_path() const -> const std::string& { return module_path_; }

 private:
  std::string out_dir_;
  std::string cpp_path_, declarations_path_, module_path_;
  std::string cpp_target_, declarations_target_, module_target_, stamp_target_;
  // The compiler reads WORK_DIR/NAME.cpp and writes WORK_DIR/NAME<EXT_SUFFIX>:
  // the names it records in the module are the same in every build.
  TemporaryFile work_dir_, work_cpp_;
  TemporaryFile cpp_temp_, declarations_temp_, module_temp_;
  std::vector<std::unique_ptr<TemporaryFile>> part_objects_;  // WORK_DIR/NAME.partK.o
  std::vector<std::string> command_, published_command_;
  std::vector<std::vector<std::string>> part_commands_;
  std::vector<std::string> link_command_;
  std::string toolchain_;
};

}  // namespace pyxx::driver
