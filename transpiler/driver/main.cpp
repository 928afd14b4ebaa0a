// The pyxx command line (spec §9). Exit status: 0 done (warnings allowed),
// 1 the input has errors, 2 usage or I/O error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "diagnostics/explain.h"
#include "diagnostics/json_renderer.h"
#include "diagnostics/sarif_renderer.h"
#include "diagnostics/text_renderer.h"
#include "diagnostics/verify.h"
#include "driver/build.h"
#include "driver/depfile.h"
#include "driver/files.h"
#include "driver/interrupts.h"
#include "driver/pipeline.h"
#include "driver/tools.h"

namespace pyxx::driver {
namespace {

constexpr int kOk = 0;
constexpr int kInputErrors = 1;
constexpr int kUsageError = 2;

auto UseColor() -> bool {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDERR_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
}

auto Load(const std::string& path) -> std::optional<base::SourceBuffer> {
  std::string text;
  std::string error;
  if (!ReadRegularFile(path, kMaxInputBytes, text, error)) {
    std::cerr << "pyxx: error: cannot read " << path << ": " << error << "\n";
    return std::nullopt;
  }
  return base::SourceBuffer(path, std::move(text));
}

void PrintText(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  diag::TextOptions options;
  options.color = UseColor();
  diag::RenderText(std::cerr, source, diagnostics, options);
}

auto CountErrors(const std::vector<diag::Diagnostic>& diagnostics, int& errors, int& warnings) -> void {
  for (const auto& d : diagnostics) {
    errors += d.severity == diag::Severity::Error ? 1 : 0;
    warnings += d.severity == diag::Severity::Warning ? 1 : 0;
  }
}

struct CommonOptions {
  std::string module_name;
  std::vector<std::string> include_dirs;  // -I: declarations files of cimported modules
  bool no_line_directives = false;
  bool werror = false;
};

auto ModuleOptions(const CommonOptions& common, const base::SourceBuffer& source, TranslateOptions& options) -> bool {
  options.module_name = common.module_name.empty() ? ModuleNameFor(source.name()) : common.module_name;
  options.line_directives = !common.no_line_directives;
  options.warnings_as_errors = common.werror;
  options.include_dirs = IncludePath(common.include_dirs, source.name(), options.module_name);
  if (!IsModuleName(options.module_name)) {
    std::cerr << "pyxx: error: module name `" << options.module_name
              << "` is not a Python identifier (or dotted identifiers); rename the file or pass --module-name\n";
    return false;
  }
  return true;
}

auto RunTranslate(const std::string& input, const std::string& output, const std::string& depfile,
                  const std::string& dump, const CommonOptions& common) -> int {
  auto source = Load(input);
  if (!source) {
    return kUsageError;
  }
  TranslateOptions options;
  if (!ModuleOptions(common, *source, options)) {
    return kUsageError;
  }
  if (!dump.empty()) {
    auto text = Dump(*source, dump, options);
    if (!text) {
      std::cerr << "pyxx: error: unknown dump `" << dump << "` (use syntax or checked)\n";
      return kUsageError;
    }
    std::cout << *text;
    return kOk;
  }
  TranslateResult result = Translate(*source, options, true);
  PrintText(*source, result.diagnostics);
  if (!result.cpp) {
    return kInputErrors;
  }
  std::string out_path = output.empty() ? FileStem(input) + ".cpp" : output;
  // The declarations file goes beside the C++ (none when the C++ goes to stdout).
  std::string declarations_path = out_path == "-" ? std::string() : DeclarationsPathFor(out_path);
  std::string error;
  std::string dependencies;
  if (!depfile.empty() && !DepfileText(out_path, input, result.cimported_files, dependencies, error)) {
    std::cerr << "pyxx: error: cannot write " << depfile << ": " << error << "\n";
    return kUsageError;
  }
  // Every output is checked before any is written: on error none is left.
  std::string resolved;
  for (const std::string& path : {out_path == "-" ? std::string() : out_path, declarations_path, depfile}) {
    if (!path.empty() && !ResolveOutputPath(path, resolved, error)) {
      std::cerr << "pyxx: error: cannot write " << path << ": " << error << "\n";
      return kUsageError;
    }
  }
  if (out_path == "-") {
    std::cout << *result.cpp;
  } else if (!WriteFileAtomically(out_path, *result.cpp, error)) {
    std::cerr << "pyxx: error: cannot write " << out_path << ": " << error << "\n";
    return kUsageError;
  }
  std::vector<std::pair<std::string, const std::string*>> rest = {{declarations_path, &*result.declarations},
                                                                   {depfile, &dependencies}};
  std::vector<std::string> written = {out_path == "-" ? std::string() : out_path};
  for (const auto& [path, text] : rest) {
    if (path.empty()) {
      continue;
    }
    if (!WriteFileAtomically(path, *text, error)) {
      std::cerr << "pyxx: error: cannot write " << path << ": " << error << "\n";
      for (const std::string& done : written) {
        if (!done.empty()) {
          std::remove(done.c_str());  // no part of the outputs is left
        }
      }
      return kUsageError;
    }
    written.push_back(path);
  }
  return kOk;
}

auto RunCheck(const std::vector<std::string>& inputs, const std::string& format, bool verify,
              const CommonOptions& common) -> int {
  std::vector<base::SourceBuffer> sources;
  for (const auto& input : inputs) {
    auto source = Load(input);
    if (!source) {
      return kUsageError;
    }
    sources.push_back(std::move(*source));
  }
  int errors = 0;
  int warnings = 0;
  bool verify_ok = true;
  std::vector<diag::FileDiagnostics> all;
  std::vector<diag::Diagnostic> every;
  for (const auto& source : sources) {
    TranslateOptions options;
    options.module_name = common.module_name.empty() ? ModuleNameFor(source.name()) : common.module_name;
    options.warnings_as_errors = common.werror;
    options.include_dirs = IncludePath(common.include_dirs, source.name(), options.module_name);
    TranslateResult result = Translate(source, options, false);
    CountErrors(result.diagnostics, errors, warnings);
    if (verify) {
      diag::VerifyResult v = diag::Verify(source, result.diagnostics);
      for (const auto& problem : v.problems) {
        std::cerr << problem << "\n";
      }
      verify_ok &= v.ok;
      continue;
    }
    if (format == "json") {
      diag::RenderJson(std::cout, source, result.diagnostics);
    } else if (format == "text") {
      diag::TextOptions text_options;
      text_options.color = UseColor();
      text_options.show_explain_hint = false;
      diag::RenderText(std::cerr, source, result.diagnostics, text_options);
      every.insert(every.end(), result.diagnostics.begin(), result.diagnostics.end());
    }
    all.push_back({&source, result.diagnostics});
  }
  if (verify) {
    return verify_ok ? kOk : kInputErrors;
  }
  if (format == "sarif") {
    diag::RenderSarif(std::cout, all);
  } else if (format == "text") {
    std::string hint = diag::ExplainHint(every, UseColor());
    if (!hint.empty()) {
      std::cerr << hint;
    }
    std::string summary = diag::Summary(errors, warnings);
    if (!summary.empty()) {
      std::cerr << summary << "\n";
    }
  }
  return errors > 0 ? kInputErrors : kOk;
}

// The compiler command (--cxx, else $CXX, else c++) and $CXXFLAGS, each split
// into words as a shell would (no expansion): CXX="ccache g++" works.
auto CompilerCommand(const std::string& cxx_option, std::vector<std::string>& cxx, std::vector<std::string>& flags)
    -> bool {
  const char* env_cxx = std::getenv("CXX");
  std::string command = !cxx_option.empty()                         ? cxx_option
                        : env_cxx != nullptr && *env_cxx != '\0' ? env_cxx
                                                                  : "c++";
  const char* env_flags = std::getenv("CXXFLAGS");
  std::string error;
  if (!SplitWords(command, cxx, error) || !SplitWords(env_flags != nullptr ? env_flags : "", flags, error)) {
    std::cerr << "pyxx: error: cannot split the compiler command: " << error << "\n";
    return false;
  }
  if (cxx.empty()) {
    std::cerr << "pyxx: error: the compiler command is empty (--cxx or $CXX)\n";
    return false;
  }
  return true;
}

auto RunBuild(const std::string& input, const std::string& out_dir, const std::string& python, std::string cxx,
              const CommonOptions& common) -> int {
  auto source = Load(input);
  if (!source) {
    return kUsageError;
  }
  TranslateOptions options;
  if (!ModuleOptions(common, *source, options)) {
    return kUsageError;
  }
  std::string dir = out_dir.empty() ? "." : out_dir;
  // Modules built into the same directory before: their declarations files.
  options.include_dirs.insert(options.include_dirs.begin() + static_cast<long>(common.include_dirs.size()), dir);
  TranslateResult result = Translate(*source, options, true);
  PrintText(*source, result.diagnostics);
  if (!result.cpp) {
    return kInputErrors;
  }
  // `pkg.sub.mod` goes to DIR/pkg/sub/, where Python looks for it; a package's
  // own module is DIR/pkg/__init__<EXT_SUFFIX>.
  std::string package_dir = dir;
  std::string stem = result.module_name;
  for (size_t dot = stem.find('.'); dot != std::string::npos; dot = stem.find('.')) {
    package_dir += "/" + stem.substr(0, dot);
    stem = stem.substr(dot + 1);
  }
  if (FileStem(input) == "__init__") {
    package_dir += "/" + stem;
    stem = "__init__";
  }
  std::vector<std::string> cxx_words;
  std::vector<std::string> cxxflags;
  if (!CompilerCommand(cxx, cxx_words, cxxflags)) {
    return kUsageError;
  }
  PythonConfig config;
  std::string error;
  if (!QueryPython(python, config, error)) {
    std::cerr << "pyxx: error: " << error << "\n";
    return kUsageError;
  }
  if (!MakeDirectories(package_dir, error)) {
    std::cerr << "pyxx: error: cannot create " << package_dir << ": " << error << "\n";
    return kUsageError;
  }
  CompileRequest request{*result.cpp, *result.declarations, package_dir, stem, cxx_words, cxxflags, config};
  if (!BuildExtension(request, error)) {
    std::cerr << "pyxx: error: " << error << "\n";
    return kUsageError;
  }
  return kOk;
}

// Output sent to a full disk or a closed pipe is an I/O error, not success.
auto FlushStandardOutput() -> bool {
  errno = 0;
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0) {
    int saved = errno;
    std::cerr << "pyxx: error: cannot write standard output: "
              << (saved != 0 ? std::strerror(saved) : "write failed") << "\n";
    return false;
  }
  return true;
}

auto RunExplain(const std::string& code) -> int {
  auto text = diag::Explanation(code);
  if (!text) {
    std::cerr << "pyxx: error: no diagnostic has the code `" << code << "` (codes look like PX203)\n";
    return kUsageError;
  }
  std::cout << *text;
  if (!text->empty() && text->back() != '\n') {
    std::cout << "\n";
  }
  return kOk;
}

}  // namespace
}  // namespace pyxx::driver

int main(int argc, char** argv) {
  using namespace pyxx::driver;
  InstallInterruptHandlers();
  CLI::App app{"pyxx: annotated Python (Cython pure mode, Numba decorators) to C++ extension modules,\n"
               "with GIL safety proved at compile time"};
  app.set_version_flag("--version", std::string("pyxx ") + PYXX_VERSION);
  app.require_subcommand(1);
  CommonOptions common;

  std::string input;
  std::string output;
  std::string depfile;
  std::string dump;
  auto* translate = app.add_subcommand("translate", "translate a source file (.py or .pyx) to C++");
  translate->add_option("input", input, "the source file (.py or .pyx)")->required();
  translate->add_option("-o,--output", output, "the C++ file to write (default NAME.cpp; - for stdout)");
  translate->add_option("--module-name", common.module_name, "the module name (default: the file stem, inside its packages)");
  translate->add_option("-I,--include-dir", common.include_dirs, "where declarations files (.pyxd) of cimported modules are");
  translate->add_option("--depfile", depfile, "also write a Makefile-style dependency file");
  translate->add_flag("--no-line-directives", common.no_line_directives, "omit #line directives");
  translate->add_option("--dump", dump, "print a phase's tree instead (syntax, checked)");
  translate->add_flag("--Werror", common.werror, "treat warnings as errors");

  std::vector<std::string> inputs;
  std::string format = "text";
  bool verify = false;
  auto* check = app.add_subcommand("check", "check files and report diagnostics");
  check->add_option("inputs", inputs, "the source files (.py or .pyx)")->required();
  check->add_option("--diagnostics-format", format, "text, json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  check->add_flag("--verify", verify, "compare diagnostics with `# expected-error ...` comments in the files");
  check->add_flag("--Werror", common.werror, "treat warnings as errors");
  check->add_option("--module-name", common.module_name, "the module name (default: the file stem, inside its packages)");
  check->add_option("-I,--include-dir", common.include_dirs, "where declarations files (.pyxd) of cimported modules are");

  std::string out_dir;
  std::string python = "python3";
  std::string cxx;
  auto* build = app.add_subcommand("build", "translate and compile an importable extension module");
  build->add_option("input", input, "the source file (.py or .pyx)")->required();
  build->add_option("-o,--output-dir", out_dir, "directory for NAME<EXT_SUFFIX> and NAME.cpp (default .)");
  build->add_option("--python", python, "the Python to build for (default: python3 on PATH)");
  build->add_option("--cxx", cxx, "the C++ compiler (default: $CXX, else c++)");
  build->add_option("--module-name", common.module_name, "the module name (default: the file stem, inside its packages)");
  build->add_option("-I,--include-dir", common.include_dirs, "where declarations files (.pyxd) of cimported modules are");
  build->add_flag("--Werror", common.werror, "treat warnings as errors");

  std::string code;
  auto* explain = app.add_subcommand("explain", "explain a diagnostic code, e.g. PX203");
  explain->add_option("code", code, "the code")->required();

  // GCC spells it `-Werror`; CLI11 only takes long options with two dashes.
  std::vector<std::string> args;
  for (int i = argc - 1; i >= 1; --i) {
    args.emplace_back(std::string(argv[i]) == "-Werror" ? "--Werror" : argv[i]);
  }
  try {
    app.parse(args);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  int status = kOk;
  if (translate->parsed()) {
    status = RunTranslate(input, output, depfile, dump, common);
  } else if (check->parsed()) {
    status = RunCheck(inputs, format, verify, common);
  } else if (build->parsed()) {
    status = RunBuild(input, out_dir, python, cxx, common);
  } else {
    status = RunExplain(code);
  }
  return FlushStandardOutput() ? status : kUsageError;
}
