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
#include "driver/build_batch.h"
#include "driver/depfile.h"
#include "driver/files.h"
#include "driver/inputs.h"
#include "driver/interrupts.h"
#include "driver/limited_api.h"
#include "driver/pipeline.h"
#include "driver/python_config.h"
#include "driver/source_root.h"
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

// The diagnostics of the augmenting .pxd first (the module's read its declarations), then the module's.
void PrintText(const base::SourceBuffer& source, const TranslateResult& result) {
  diag::TextOptions options;
  options.color = UseColor();
  if (result.pxd && !result.pxd_diagnostics.empty()) {
    options.show_explain_hint = result.diagnostics.empty();
    diag::RenderText(std::cerr, *result.pxd, result.pxd_diagnostics, options);
    options.show_explain_hint = true;
  }
  diag::RenderText(std::cerr, source, result.diagnostics, options);
}

auto CountErrors(const std::vector<diag::Diagnostic>& diagnostics, int& errors, int& warnings) -> void {
  for (const auto& d : diagnostics) {
    errors += d.severity == diag::Severity::Error ? 1 : 0;
    warnings += d.severity == diag::Severity::Warning ? 1 : 0;
  }
}

struct CommonOptions {
  std::string module_name;
  std::string source_root;  // --source-root: names in the output relative to it
  std::vector<std::string> include_dirs;  // -I: declarations files of cimported modules
  bool no_line_directives = false;
  bool werror = false;
  std::string limited_api_text;  // --limited-api X.Y
  int limited_api = 0;           // its Py_LIMITED_API value; 0: the full API
  int part_lines = emit::kDefaultPartLines;  // --part-lines
};

// Reads --limited-api into `common.limited_api`; false (reported) when it is not a version pyxx knows.
auto ParseLimitedApiOption(CommonOptions& common) -> bool {
  if (common.limited_api_text.empty()) {
    return true;
  }
  std::string error;
  if (!ParseLimitedApi(common.limited_api_text, common.limited_api, error)) {
    std::cerr << "pyxx: error: " << error << "\n";
    return false;
  }
  return true;
}

auto ModuleOptions(const CommonOptions& common, const base::SourceBuffer& source, TranslateOptions& options) -> bool {
  options.module_name = common.module_name.empty() ? ModuleNameFor(source.name()) : common.module_name;
  options.line_directives = !common.no_line_directives;
  options.warnings_as_errors = common.werror;
  options.limited_api = common.limited_api;
  options.part_lines = common.part_lines;
  options.include_dirs = IncludePath(common.include_dirs, source.name(), options.module_name);
  if (!IsModuleName(options.module_name)) {
    std::cerr << "pyxx: error: module name `" << options.module_name
              << "` is not a Python identifier (or dotted identifiers); rename the file or pass --module-name\n";
    return false;
  }
  return true;
}

auto RunTranslate(const std::string& input, const std::string& output, const std::string& depfile,
                  const std::string& depfile_target, const std::string& dump, const CommonOptions& common) -> int {
  auto source = Load(input);
  if (!source) {
    return kUsageError;
  }
  TranslateOptions options;
  if (!ModuleOptions(common, *source, options)) {
    return kUsageError;
  }
  // The module name and include path come from the real path (above); the
  // output names the file as the source root has it.
  std::string name;
  std::string root_error;
  if (!NameUnderRoot(input, common.source_root, name, root_error)) {
    std::cerr << "pyxx: error: " << root_error << "\n";
    return kUsageError;
  }
  if (name != source->name()) {
    source.emplace(name, std::string(source->text()));
  }
  if (std::string error; !LoadAugmentingPxd(input, name, options, error)) {
    std::cerr << "pyxx: error: " << error << "\n";
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
  std::string out_path = output.empty() ? FileStem(input) + ".cpp" : output;
  // With the C++ on stdout the depfile cannot name it: the caller must (as -MT).
  if (!depfile.empty() && out_path == "-" && depfile_target.empty()) {
    std::cerr << "pyxx: error: --depfile with -o - needs --depfile-target FILE: the file the C++ goes to\n";
    return kUsageError;
  }
  TranslateResult result = Translate(*source, options, true);
  PrintText(*source, result);
  if (!result.cpp) {
    return kInputErrors;
  }
  // The declarations file goes beside the C++ (none when the C++ goes to stdout).
  std::string declarations_path = out_path == "-" ? std::string() : DeclarationsPathFor(out_path);
  std::string error;
  std::string dependencies;
  if (!depfile.empty() && !DepfileText(depfile_target.empty() ? out_path : depfile_target, input,
                                       result.dependency_files, dependencies, error)) {
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
  // A file that already holds its new contents is left alone (make and ninja
  // then skip the compile that depends on it).
  bool changed = false;
  if (out_path == "-") {
    std::cout << *result.cpp;
  } else if (!WriteFileIfChanged(out_path, *result.cpp, changed, error)) {
    std::cerr << "pyxx: error: cannot write " << out_path << ": " << error << "\n";
    return kUsageError;
  }
  std::vector<std::pair<std::string, const std::string*>> rest = {{declarations_path, &*result.declarations},
                                                                   {depfile, &dependencies}};
  std::vector<std::string> written = {changed ? out_path : std::string()};
  for (const auto& [path, text] : rest) {
    if (path.empty()) {
      continue;
    }
    if (!WriteFileIfChanged(path, *text, changed, error)) {
      std::cerr << "pyxx: error: cannot write " << path << ": " << error << "\n";
      for (const std::string& done : written) {
        if (!done.empty()) {
          std::remove(done.c_str());  // no part of the outputs is left
        }
      }
      return kUsageError;
    }
    written.push_back(changed ? path : std::string());
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
  std::vector<std::shared_ptr<const base::SourceBuffer>> pxd_sources;  // alive until the SARIF log is written
  for (const auto& source : sources) {
    TranslateOptions options;
    options.module_name = common.module_name.empty() ? ModuleNameFor(source.name()) : common.module_name;
    options.warnings_as_errors = common.werror;
    options.limited_api = common.limited_api;
    options.include_dirs = IncludePath(common.include_dirs, source.name(), options.module_name);
    if (std::string error; !LoadAugmentingPxd(source.name(), source.name(), options, error)) {
      std::cerr << "pyxx: error: " << error << "\n";
      return kUsageError;
    }
    TranslateResult result = Translate(source, options, false);
    CountErrors(result.diagnostics, errors, warnings);
    CountErrors(result.pxd_diagnostics, errors, warnings);
    // The augmenting .pxd's diagnostics, then the module's (each list rendered against its own file).
    std::vector<std::pair<const base::SourceBuffer*, std::vector<diag::Diagnostic>>> files;
    pxd_sources.insert(pxd_sources.end(), result.note_sources.begin(), result.note_sources.end());
    if (result.pxd) {
      pxd_sources.push_back(result.pxd);
      files.emplace_back(result.pxd.get(), result.pxd_diagnostics);
    }
    files.emplace_back(&source, result.diagnostics);
    for (const auto& [file, diagnostics] : files) {
      if (verify) {
        // A .pxd with neither diagnostics nor directives has nothing to verify.
        if (file != &source && diagnostics.empty() && diag::ScanDirectives(*file).expected.empty()) {
          continue;
        }
        diag::VerifyResult v = diag::Verify(*file, diagnostics, file != &source ? result.diagnostics
                                                                                 : std::vector<diag::Diagnostic>{});
        for (const auto& problem : v.problems) {
          std::cerr << problem << "\n";
        }
        verify_ok &= v.ok;
        continue;
      }
      if (format == "json") {
        diag::RenderJson(std::cout, *file, diagnostics);
      } else if (format == "text") {
        diag::TextOptions text_options;
        text_options.color = UseColor();
        text_options.show_explain_hint = false;
        diag::RenderText(std::cerr, *file, diagnostics, text_options);
        every.insert(every.end(), diagnostics.begin(), diagnostics.end());
      }
      all.push_back({file, diagnostics});
    }
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

// The compiler command (--cxx, else $CXX, else c++), $CXXFLAGS and $LDFLAGS,
// each split into words as a shell would (no expansion): CXX="ccache g++" works.
auto CompilerCommand(const std::string& cxx_option, CompilerSettings& settings) -> bool {
  const char* env_cxx = std::getenv("CXX");
  std::string command = !cxx_option.empty()                         ? cxx_option
                        : env_cxx != nullptr && *env_cxx != '\0' ? env_cxx
                                                                  : "c++";
  const char* env_flags = std::getenv("CXXFLAGS");
  const char* env_ldflags = std::getenv("LDFLAGS");
  std::string error;
  if (!SplitWords(command, settings.cxx, error) ||
      !SplitWords(env_flags != nullptr ? env_flags : "", settings.cxxflags, error) ||
      !SplitWords(env_ldflags != nullptr ? env_ldflags : "", settings.ldflags, error)) {
    std::cerr << "pyxx: error: cannot split the compiler command or flags: " << error << "\n";
    return false;
  }
  if (settings.cxx.empty()) {
    std::cerr << "pyxx: error: the compiler command is empty (--cxx or $CXX)\n";
    return false;
  }
  return true;
}

// The directory of the runtime headers (holding pyxx/runtime.hpp).
auto FindRuntime(CompilerSettings& settings) -> bool {
  settings.runtime_include = RuntimeIncludeDir();
  if (settings.runtime_include.empty() || !FileExists(settings.runtime_include + "/pyxx/runtime.hpp")) {
    std::cerr << "pyxx: error: cannot find the pyxx runtime headers (set PYXX_RUNTIME_INCLUDE)\n";
    return false;
  }
  return true;
}

// The Python and the runtime headers every build and `pyxx config` needs.
auto FindPythonAndRuntime(const std::string& python, CompilerSettings& settings) -> bool {
  std::string error;
  if (!QueryPython(python, settings.python, error)) {
    std::cerr << "pyxx: error: " << error << "\n";
    return false;
  }
  return FindRuntime(settings);
}

auto RunBuild(const std::vector<std::string>& patterns, const std::string& python, const std::string& cxx,
              BuildOptions options, const CommonOptions& common) -> int {
  std::string error;
  if (!ExpandInputs(patterns, options.inputs, error)) {
    std::cerr << "pyxx: error: " << error << "\n";
    return kUsageError;
  }
  options.module_name = common.module_name;
  options.source_root = common.source_root;
  options.include_dirs = common.include_dirs;
  options.warnings_as_errors = common.werror;
  options.limited_api = common.limited_api;
  options.part_lines = common.part_lines;
  options.print_diagnostics = PrintText;
  if (options.out_dir.empty()) {
    options.out_dir = ".";
  }
  if (!CompilerCommand(cxx, options.compiler) || !FindPythonAndRuntime(python, options.compiler)) {
    return kUsageError;
  }
  if (options.limited_api != 0) {
    if (!PythonBuildsLimitedApi(options.compiler.python.version, options.limited_api, error)) {
      std::cerr << "pyxx: error: " << error << "\n";
      return kUsageError;
    }
    options.compiler.python.ext_suffix = kAbi3Suffix;  // one module for this Python and every later one
  }
  if (!MakeDirectories(options.out_dir, error)) {
    std::cerr << "pyxx: error: cannot create " << options.out_dir << ": " << error << "\n";
    return kUsageError;
  }
  return BuildModules(options);
}

struct ConfigRequest {
  bool includes = false;
  bool cxxflags = false;
  bool ldflags = false;
  bool ext_suffix = false;
  bool runtime_include = false;
};

auto Joined(const std::vector<std::string>& words) -> std::string {
  std::string line;
  for (const std::string& word : words) {
    line += (line.empty() ? "" : " ") + QuoteWord(word);
  }
  return line;
}

// `pyxx config`: what a hand-written build needs, one answer a line, in the
// order --cxxflags, --includes, --ldflags, --ext-suffix, --runtime-include.
// --runtime-include alone does not ask the Python.
auto RunConfig(const ConfigRequest& request, const std::string& python, int limited_api) -> int {
  bool needs_python = request.includes || request.cxxflags || request.ldflags || request.ext_suffix;
  if (!needs_python && !request.runtime_include) {
    std::cerr << "pyxx: error: say what to print: --cxxflags, --includes, --ldflags, --ext-suffix or "
                 "--runtime-include\n";
    return kUsageError;
  }
  CompilerSettings settings;
  if (needs_python ? !FindPythonAndRuntime(python, settings) : !FindRuntime(settings)) {
    return kUsageError;
  }
  if (limited_api != 0) {
    std::string error;
    if (needs_python && !PythonBuildsLimitedApi(settings.python.version, limited_api, error)) {
      std::cerr << "pyxx: error: " << error << "\n";
      return kUsageError;
    }
    settings.python.ext_suffix = kAbi3Suffix;
  }
  if (request.cxxflags) {
    std::cout << Joined(CompileFlags(settings)) << "\n";
  }
  if (request.includes) {
    std::cout << Joined({"-I" + settings.runtime_include, "-I" + settings.python.include_dir}) << "\n";
  }
  if (request.ldflags) {
    std::cout << "-shared\n";
  }
  if (request.ext_suffix) {
    std::cout << settings.python.ext_suffix << "\n";
  }
  if (request.runtime_include) {
    std::cout << settings.runtime_include << "\n";  // as is, for meson's run_command().stdout().strip()
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
  std::string depfile_target;
  std::string dump;
  auto* translate = app.add_subcommand("translate", "translate a source file (.py or .pyx) to C++");
  translate->add_option("input", input, "the source file (.py or .pyx)")->required();
  translate->add_option("-o,--output", output, "the C++ file to write (default NAME.cpp; - for stdout)");
  translate->add_option("--module-name", common.module_name, "the module name (default: the file stem, inside its packages)");
  translate->add_option("-I,--include-dir", common.include_dirs, "where declarations files (.pyxd) of cimported modules are");
  translate->add_option("--depfile", depfile, "also write a Makefile-style dependency file");
  translate->add_option("--depfile-target", depfile_target,
                        "the target the depfile names (default: the -o file; required with -o -)");
  translate->add_flag("--no-line-directives", common.no_line_directives, "omit #line directives");
  translate->add_option("--source-root", common.source_root,
                        "name the source relative to this directory in #line, tracebacks and diagnostics");
  translate->add_option("--dump", dump, "print a phase's tree instead (syntax, checked)");
  translate->add_flag("--Werror", common.werror, "treat warnings as errors");
  translate->add_option("--part-lines", common.part_lines,
                        "split a module of more source lines into parts compiled in parallel (0: never)")
      ->check(CLI::NonNegativeNumber);
  translate->add_option("--limited-api", common.limited_api_text,
                   "X.Y: for the limited API of CPython X.Y and later (an abi3 module; 3.9 ... 3.13)");

  std::vector<std::string> inputs;
  std::string format = "text";
  bool verify = false;
  auto* check = app.add_subcommand("check", "check files and report diagnostics");
  check->add_option("inputs", inputs, "the source files (.py or .pyx)")->required();
  check->add_option("--diagnostics-format", format, "text, json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  check->add_flag("--verify", verify, "compare diagnostics with `# expected-error ...` comments in the files");
  check->add_flag("--Werror", common.werror, "treat warnings as errors");
  check->add_option("--limited-api", common.limited_api_text,
                   "X.Y: also report what the limited API of CPython X.Y cannot compile (PX306)");
  check->add_option("--module-name", common.module_name, "the module name (default: the file stem, inside its packages)");
  check->add_option("-I,--include-dir", common.include_dirs, "where declarations files (.pyxd) of cimported modules are");

  std::vector<std::string> patterns;
  std::string python = "python3";
  std::string cxx;
  BuildOptions build_options;
  bool quiet = false;
  bool verbose = false;
  auto* build = app.add_subcommand("build", "translate and compile importable extension modules (as cythonize -i)");
  build->add_option("inputs", patterns, "the source files (.py or .pyx) or glob patterns ('src/**/*.py')")
      ->required();
  build->add_option("-o,--output-dir", build_options.out_dir,
                    "directory for NAME<EXT_SUFFIX>, NAME.cpp and NAME.pyxd (default .)");
  build->add_option("--python", python, "the Python to build for (default: python3 on PATH)");
  build->add_option("--cxx", cxx, "the C++ compiler command, e.g. 'ccache g++' (default: $CXX, else c++)");
  build->add_option("-j,--jobs", build_options.jobs, "compile this many modules at once (default 1)")
      ->check(CLI::Range(1, kMaxRunningTools));
  build->add_option("-O", build_options.compiler.optimization, "optimisation level, -O0 ... -O3, -Os (default -O2)")
      ->check(CLI::IsMember({"0", "1", "2", "3", "s", "z", "g", "fast"}));
  build->add_flag("-g", build_options.compiler.debug_info, "with debug information");
  build->add_flag("-f,--force", build_options.force, "compile even the modules that are up to date");
  build->add_flag("!--no-pch", build_options.precompiled_header,
                  "do not use a precompiled header of Python.h and the runtime (GCC; kept in the cache directory)");
  build->add_flag("-q,--quiet", quiet, "print nothing but errors");
  build->add_flag("-v,--verbose", verbose, "also print each compiler command");
  build->add_option("--timeout", build_options.timeout_seconds,
                    "stop a compiler run after this many seconds (default: no limit)")
      ->check(CLI::Range(1, 86400));
  build->add_option("--module-name", common.module_name, "the module name (default: the file stem, inside its packages)");
  build->add_option("-I,--include-dir", common.include_dirs, "where declarations files (.pyxd) of cimported modules are");
  build->add_flag("--Werror", common.werror, "treat warnings as errors");
  build->add_option("--part-lines", common.part_lines,
                    "split a module of more source lines into parts compiled in parallel (0: never)")
      ->check(CLI::NonNegativeNumber);
  build->add_option("--limited-api", common.limited_api_text,
                   "X.Y: build NAME.abi3.so for the limited API of CPython X.Y, importable into X.Y and later");
  build->add_option("--source-root", common.source_root,
                    "name sources relative to this directory in #line, tracebacks and diagnostics");

  ConfigRequest config_request;
  auto* config = app.add_subcommand("config", "print the flags a hand-written build needs (as python3-config)");
  config->add_flag("--cxxflags", config_request.cxxflags, "pyxx build's compile flags, include directories too");
  config->add_flag("--includes", config_request.includes, "-I for the pyxx runtime and Python.h");
  config->add_flag("--ldflags", config_request.ldflags, "the link flags of an extension module");
  config->add_flag("--ext-suffix", config_request.ext_suffix, "the file name suffix of extension modules");
  config->add_flag("--runtime-include", config_request.runtime_include,
                   "the directory of pyxx's runtime headers, unquoted (for meson)");
  config->add_option("--python", python, "the Python to ask (default: python3 on PATH)");
  config->add_option("--limited-api", common.limited_api_text,
                   "X.Y: for an abi3 module (--ext-suffix prints .abi3.so)");

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
  if (!ParseLimitedApiOption(common)) {
    return kUsageError;
  }
  int status = kOk;
  if (translate->parsed()) {
    status = RunTranslate(input, output, depfile, depfile_target, dump, common);
  } else if (check->parsed()) {
    status = RunCheck(inputs, format, verify, common);
  } else if (build->parsed()) {
    if (quiet && verbose) {
      std::cerr << "pyxx: error: -q and -v contradict each other\n";
      return kUsageError;
    }
    build_options.verbosity = quiet ? Verbosity::Quiet : verbose ? Verbosity::Verbose : Verbosity::Normal;
    status = RunBuild(patterns, python, cxx, build_options, common);
  } else if (config->parsed()) {
    status = RunConfig(config_request, python, common.limited_api);
  } else {
    status = RunExplain(code);
  }
  return FlushStandardOutput() ? status : kUsageError;
}
