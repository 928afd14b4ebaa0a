#include "driver/build_batch.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "driver/build_stamp.h"
#include "driver/fast_linker.h"
#include "driver/files.h"
#include "driver/pipeline.h"
#include "driver/precompiled_header.h"
#include "driver/source_root.h"
#include "driver/tools.h"
#include "emit/emitter.h"

namespace pyxx::driver {
namespace {

constexpr int kInputErrors = 1;
constexpr int kFailure = 2;

// One input's module: where it goes.
struct Target {
  std::string input;
  std::string module_name;
  ModuleOutputs outputs;
};

// One translated module of a wave.
struct Translated {
  size_t target = 0;
  std::optional<base::SourceBuffer> source;
  TranslateResult result;
  std::vector<std::string> command;  // as published (the stamp's)
  bool up_to_date = false;
  bool deferred = false;
};

auto RealPath(const std::string& path) -> std::string {
  char* real = realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    return {};
  }
  std::string result = real;
  std::free(real);
  return result;
}

// `pkg.sub.mod` goes to DIR/pkg/sub/, where Python looks for it; a package's
// own module is DIR/pkg/__init__<EXT_SUFFIX>.
auto OutputsFor(const std::string& out_dir, const std::string& input, const std::string& module_name)
    -> ModuleOutputs {
  std::string package_dir = out_dir;
  std::string stem = module_name;
  for (size_t dot = stem.find('.'); dot != std::string::npos; dot = stem.find('.')) {
    package_dir += "/" + stem.substr(0, dot);
    stem = stem.substr(dot + 1);
  }
  if (FileStem(input) == "__init__") {
    package_dir += "/" + stem;
    stem = "__init__";
  }
  return ModuleOutputs{package_dir, stem};
}

// Errors that another module of this build may cure once it is published.
auto OnlyMissingCimports(const std::vector<diag::Diagnostic>& diagnostics) -> bool {
  bool any = false;
  for (const auto& d : diagnostics) {
    if (d.severity == diag::Severity::Error) {
      if (d.code() != "PX120") {
        return false;
      }
      any = true;
    }
  }
  return any;
}

class Batch {
 public:
  explicit Batch(const BuildOptions& options) : options_(options), compiler_(options.compiler) {}

  auto Run() -> int {
    if (!PlanTargets()) {
      return kFailure;
    }
    toolchain_ = ToolchainFingerprint(compiler_.cxx, compiler_.runtime_include);
    ChooseLinker();
    std::vector<size_t> pending(targets_.size());
    for (size_t i = 0; i < pending.size(); ++i) {
      pending[i] = i;
    }
    while (!pending.empty()) {
      pending = RunWave(pending);
    }
    return status_;
  }

 private:
  auto PlanTargets() -> bool {
    if (!options_.module_name.empty() && options_.inputs.size() != 1) {
      std::cerr << "pyxx: error: --module-name names one module; it cannot be used with "
                << options_.inputs.size() << " inputs\n";
      return false;
    }
    std::map<std::string, std::string> seen;  // module file -> input
    for (const std::string& input : options_.inputs) {
      std::string name = options_.module_name.empty() ? ModuleNameFor(input) : options_.module_name;
      if (!IsModuleName(name)) {
        std::cerr << "pyxx: error: module name `" << name << "` of " << input
                  << " is not a Python identifier (or dotted identifiers); rename the file or pass --module-name\n";
        return false;
      }
      Target target{input, name, OutputsFor(options_.out_dir, input, name)};
      std::string key = target.outputs.ModulePath(compiler_.python);
      auto [it, inserted] = seen.emplace(key, input);
      if (!inserted) {
        std::cerr << "pyxx: error: " << it->second << " and " << input << " both build module `" << name
                  << "` (" << key << ")\n";
        return false;
      }
      targets_.push_back(std::move(target));
    }
    return true;
  }

  void Fail(int status) { status_ = std::max(status_, status); }

  void Progress(const std::string& text) {
    if (options_.verbosity != Verbosity::Quiet) {
      std::cout << "[" << ++finished_ << "/" << targets_.size() << "] " << text << std::endl;
    } else {
      ++finished_;
    }
  }

  auto Translate(size_t index) -> std::optional<Translated> {
    const Target& target = targets_[index];
    Translated t;
    t.target = index;
    std::string text;
    std::string error;
    if (!ReadRegularFile(target.input, kMaxInputBytes, text, error)) {
      std::cerr << "pyxx: error: cannot read " << target.input << ": " << error << "\n";
      return std::nullopt;
    }
    std::string name;
    if (!NameUnderRoot(target.input, options_.source_root, name, error)) {
      std::cerr << "pyxx: error: " << error << "\n";
      return std::nullopt;
    }
    t.source.emplace(name, std::move(text));
    TranslateOptions translate;
    if (!LoadAugmentingPxd(target.input, name, translate, error)) {
      std::cerr << "pyxx: error: " << error << "\n";
      return std::nullopt;
    }
    translate.module_name = target.module_name;
    translate.warnings_as_errors = options_.warnings_as_errors;
    translate.limited_api = options_.limited_api;
    translate.part_lines = options_.part_lines;
    translate.include_dirs = IncludePath(options_.include_dirs, target.input, target.module_name);
    // Modules built into the same directory before: their declarations files.
    translate.include_dirs.insert(translate.include_dirs.begin() + static_cast<long>(options_.include_dirs.size()),
                                  options_.out_dir);
    t.result = driver::Translate(*t.source, translate, true);
    if (t.result.cpp) {
      t.command = PublishedCompileCommand(target.outputs, compiler_);
      const ModuleOutputs& out = target.outputs;
      t.up_to_date = !options_.force &&
                     IsUpToDate(out.ModulePath(compiler_.python), out.CppPath(), out.DeclarationsPath(),
                                t.command, toolchain_, *t.result.cpp, *t.result.declarations);
    }
    return t;
  }

  // Marks the modules that read a declarations file another module of this
  // wave is about to replace: they are translated again in the next wave.
  static void DeferDependents(std::vector<Translated>& wave, const std::vector<std::string>& replaced_by) {
    std::set<std::string> unsettled;
    for (size_t i = 0; i < wave.size(); ++i) {
      if (wave[i].result.cpp && !wave[i].up_to_date && !replaced_by[i].empty()) {
        unsettled.insert(replaced_by[i]);
      }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < wave.size(); ++i) {
        Translated& t = wave[i];
        if (!t.result.cpp || t.deferred) {
          continue;
        }
        for (const std::string& file : t.result.dependency_files) {
          std::string real = RealPath(file);
          if (!real.empty() && real != replaced_by[i] && unsettled.count(real) != 0) {
            t.deferred = true;
            changed = true;
            if (!replaced_by[i].empty()) {
              unsettled.insert(replaced_by[i]);
            }
            break;
          }
        }
      }
    }
  }

  auto RunWave(const std::vector<size_t>& pending) -> std::vector<size_t> {
    std::vector<Translated> wave;
    for (size_t index : pending) {
      std::optional<Translated> t = Translate(index);
      if (!t) {
        Progress(targets_[index].module_name + ": failed");
        Fail(kFailure);
        continue;
      }
      wave.push_back(std::move(*t));
    }
    // Where each module's declarations file is now (empty when there is none yet).
    std::vector<std::string> replaced_by;
    for (const Translated& t : wave) {
      replaced_by.push_back(RealPath(targets_[t.target].outputs.DeclarationsPath()));
    }
    DeferDependents(wave, replaced_by);
    std::vector<Translated*> to_build;
    for (Translated& t : wave) {
      if (t.result.cpp && !t.up_to_date && !t.deferred) {
        to_build.push_back(&t);
      }
    }
    if (to_build.empty()) {
      // Only deferred modules left (cimports in a cycle): build them as they are.
      for (Translated& t : wave) {
        if (t.deferred && !t.up_to_date) {
          t.deferred = false;
          to_build.push_back(&t);
        }
      }
    }
    std::vector<size_t> next;
    for (Translated& t : wave) {
      const Target& target = targets_[t.target];
      if (t.deferred || (!to_build.empty() && !t.result.cpp && OnlyMissingCimports(t.result.diagnostics))) {
        next.push_back(t.target);
        continue;
      }
      options_.print_diagnostics(*t.source, t.result);
      if (!t.result.cpp) {
        Progress(target.module_name + ": not built (errors in " + target.input + ")");
        Fail(kInputErrors);
      } else if (t.up_to_date) {
        Progress(target.module_name + " is up to date");
      }
    }
    Compile(to_build);
    return next;
  }

  void ChooseLinker() {
    std::string why;
    compiler_.gold_linker = CanUseGoldLinker(compiler_, toolchain_, options_.timeout_seconds, why);
    if (!compiler_.gold_linker && options_.verbosity == Verbosity::Verbose) {
      std::cout << "pyxx: the compiler's default linker: " << why << std::endl;
    }
  }

  // The precompiled header for these modules (built now when the cache has
  // none); `prelude`: the generated code it stands for.
  auto SpeedupFlags(const std::vector<Translated*>& modules, std::string& prelude) -> std::vector<std::string> {
    if (!options_.precompiled_header || modules.empty()) {
      return {};
    }
    prelude = GeneratedPrelude(*modules[0]->result.cpp);
    std::string why;
    std::vector<std::string> flags =
        PrecompiledHeaderFlags(compiler_, prelude, toolchain_, options_.timeout_seconds, why);
    if (flags.empty() && options_.verbosity == Verbosity::Verbose) {
      std::cout << "pyxx: no precompiled header: " << why << std::endl;
    }
    return flags;
  }

  // One compiler run: a module's whole compile (`step` -1), one of its parts
  // (0 ... parts-1) or the link of its parts (`step` == parts).
  struct Step {
    size_t module = 0;
    int step = -1;
  };

  void Compile(const std::vector<Translated*>& modules) {
    std::string prelude;
    const std::vector<std::string> pch_flags = SpeedupFlags(modules, prelude);
    std::vector<std::unique_ptr<PendingBuild>> builds(modules.size());
    std::vector<int> part_count(modules.size(), 1);
    std::vector<int> parts_left(modules.size(), 0);
    std::vector<bool> part_failed(modules.size(), false);
    std::vector<Step> steps;
    for (size_t i = 0; i < modules.size(); ++i) {
      const int parts = emit::ModulePartCount(*modules[i]->result.cpp);
      if (parts == 1) {
        steps.push_back({i, -1});
        continue;
      }
      for (int part = 0; part <= parts; ++part) {
        steps.push_back({i, part});
      }
      part_count[i] = parts;
      parts_left[i] = parts;
    }
    auto is_part = [&](const Step& s) { return s.step >= 0 && s.step < part_count[s.module]; };
    auto print_command = [&](const std::vector<std::string>& command) {
      if (options_.verbosity == Verbosity::Verbose) {
        std::string line;
        for (const std::string& word : command) {
          line += (line.empty() ? "" : " ") + QuoteWord(word);
        }
        std::cout << line << std::endl;
      }
    };
    auto prepare = [&](size_t i) -> bool {
      const Target& target = targets_[modules[i]->target];
      const std::string module_path = target.outputs.ModulePath(compiler_.python);
      Progress("compiling " + target.module_name + " (" + target.input + " -> " + module_path + ")");
      std::string error;
      if (!MakeDirectories(target.outputs.out_dir, error)) {
        std::cerr << "pyxx: error: cannot create " << target.outputs.out_dir << ": " << error << "\n";
        Fail(kFailure);
        return false;
      }
      builds[i] = std::make_unique<PendingBuild>();
      const std::string& cpp = *modules[i]->result.cpp;
      const bool same_prelude = !pch_flags.empty() && GeneratedPrelude(cpp) == prelude;
      if (!builds[i]->Prepare(target.outputs, compiler_, cpp, *modules[i]->result.declarations, toolchain_,
                              same_prelude ? pch_flags : std::vector<std::string>(), error)) {
        std::cerr << "pyxx: error: " << error << "\n";
        builds[i].reset();
        Fail(kFailure);
        return false;
      }
      return true;
    };
    auto start = [&](size_t s) -> std::optional<std::vector<std::string>> {
      const auto [i, step] = steps[s];
      if (step <= 0 && !prepare(i)) {
        parts_left[i] = 0;  // its link step is skipped at once
        return std::nullopt;
      }
      if (!builds[i]) {
        return std::nullopt;
      }
      if (step == -1) {
        print_command(builds[i]->command());
        return builds[i]->command();
      }
      if (is_part(steps[s])) {
        print_command(builds[i]->part_commands()[static_cast<size_t>(step)]);
        return builds[i]->part_commands()[static_cast<size_t>(step)];
      }
      if (part_failed[i]) {
        builds[i].reset();  // reported as its part ended
        return std::nullopt;
      }
      print_command(builds[i]->link_command());
      return builds[i]->link_command();
    };
    auto compiler_failed = [&](size_t i, const CommandResult& result) {
      std::cerr << "pyxx: error: " << targets_[modules[i]->target].module_name << ": "
                << (result.exit_code < 0 && !result.timed_out ? "" : "the C++ compiler failed:\n") << result.output
                << (result.output.empty() || result.output.back() == '\n' ? "" : "\n");
      Fail(kFailure);
    };
    auto done = [&](size_t s, CommandResult result) {
      const auto [i, step] = steps[s];
      if (is_part(steps[s])) {
        // One part: the module is linked once every part ended.
        --parts_left[i];
        if (result.exit_code != 0) {
          if (!part_failed[i]) {
            compiler_failed(i, result);
          }
          part_failed[i] = true;
        } else if (options_.verbosity == Verbosity::Verbose && !result.output.empty()) {
          std::cout << result.output << std::flush;
        }
        return;
      }
      std::string error;
      if (result.exit_code != 0) {
        compiler_failed(i, result);
      } else if (!builds[i]->Publish(error)) {
        std::cerr << "pyxx: error: " << error << "\n";
        Fail(kFailure);
      } else if (options_.verbosity == Verbosity::Verbose && !result.output.empty()) {
        std::cout << result.output << std::flush;  // the compiler's warnings
      }
      builds[i].reset();  // removes what is left of its temporaries
    };
    // A link waits for its module's parts.
    auto ready = [&](size_t s) { return steps[s].step < part_count[steps[s].module] || parts_left[steps[s].module] == 0; };
    RunCommands(steps.size(), options_.jobs, options_.timeout_seconds, start, done, ready);
  }

  const BuildOptions& options_;
  CompilerSettings compiler_;  // the options' compiler, linker chosen
  std::vector<Target> targets_;
  std::string toolchain_;
  size_t finished_ = 0;
  int status_ = 0;
};

}  // namespace

auto BuildModules(const BuildOptions& options) -> int { return Batch(options).Run(); }

}  // namespace pyxx::driver
