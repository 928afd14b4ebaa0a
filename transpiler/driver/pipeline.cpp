#include "driver/pipeline.h"

#include <fmt/format.h>

#include <algorithm>

#include "check/checker.h"
#include "check/limited_api.h"
#include "driver/cimported_types.h"
#include "driver/cimports.h"
#include "driver/files.h"
#include "checked/dump.h"
#include "diagnostics/diagnostic_sink.h"
#include "emit/emitter.h"
#include "syntax/augment.h"
#include "syntax/identifier.h"
#include "syntax/parse.h"

namespace pyxx::driver {

auto TranslateResult::HasErrors() const -> bool {
  for (const auto* list : {&diagnostics, &pxd_diagnostics}) {
    for (const auto& d : *list) {
      if (d.severity == diag::Severity::Error) {
        return true;
      }
    }
  }
  return false;
}

auto AugmentingPxdPath(const std::string& source_path) -> std::string {
  size_t slash = source_path.find_last_of('/');
  size_t dot = source_path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return {};
  }
  std::string extension = source_path.substr(dot);
  return extension == ".py" || extension == ".pyx" ? source_path.substr(0, dot) + ".pxd" : std::string();
}

auto LoadAugmentingPxd(const std::string& source_path, const std::string& display_name, TranslateOptions& options,
                       std::string& error) -> bool {
  options.pxd.reset();
  options.pxd_path.clear();
  const std::string path = AugmentingPxdPath(source_path);
  if (path.empty() || !FileExists(path)) {
    return true;
  }
  std::string text;
  if (!ReadRegularFile(path, kMaxInputBytes, text, error)) {
    error = "cannot read " + path + ": " + error;
    return false;
  }
  std::string name = AugmentingPxdPath(display_name);
  options.pxd = std::make_shared<const base::SourceBuffer>(name.empty() ? path : name, std::move(text));
  options.pxd_path = path;
  return true;
}

auto FileStem(const std::string& path) -> std::string {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  size_t dot = base.find('.');
  // `import ﬁle` looks for `file`: Python normalises the name it imports (PEP 3131).
  return syntax::NormalizeIdentifier(dot == std::string::npos ? base : base.substr(0, dot));
}

namespace {

auto IsPackage(const std::string& dir) -> bool {
  return FileExists(dir + "/__init__.py") || FileExists(dir + "/__init__.pyx");
}

// The last component of a directory path ("a/b" -> "b"), empty for "." or "/".
auto LastComponent(const std::string& dir) -> std::string {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') {
    d.pop_back();
  }
  size_t slash = d.find_last_of('/');
  std::string last = slash == std::string::npos ? d : d.substr(slash + 1);
  return last == "." || last == ".." || last == "/" ? std::string() : last;
}

}  // namespace

auto ModuleNameFor(const std::string& path) -> std::string {
  std::string name = FileStem(path);
  std::string dir = DirectoryOf(path);
  if (name == "__init__") {
    // A package's own module is named after its directory.
    std::string package = IsPackage(dir) ? syntax::NormalizeIdentifier(LastComponent(dir)) : std::string();
    if (package.empty() || !IsIdentifier(package)) {
      return name;
    }
    name = package;
    dir = DirectoryOf(dir);
  }
  // Up through the packages around the file (a bounded walk: no symlink loops).
  for (int depth = 0; depth < 64 && IsPackage(dir); ++depth) {
    std::string package = syntax::NormalizeIdentifier(LastComponent(dir));
    if (package.empty() || !IsIdentifier(package)) {
      break;
    }
    name = package + "." + name;
    std::string parent = DirectoryOf(dir);
    if (parent == dir) {
      break;
    }
    dir = parent;
  }
  return name;
}

auto IsModuleName(const std::string& name) -> bool {
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    if (!IsIdentifier(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) {
      return false;
    }
    if (dot == std::string::npos) {
      return true;
    }
    start = dot + 1;
  }
}

auto IncludePath(const std::vector<std::string>& include_dirs, const std::string& source_path,
                 const std::string& module_name) -> std::vector<std::string> {
  std::vector<std::string> dirs = include_dirs;
  std::string root = DirectoryOf(source_path);
  const bool init = FileStem(source_path) == "__init__";
  size_t levels = static_cast<size_t>(std::count(module_name.begin(), module_name.end(), '.')) + (init ? 1 : 0);
  for (size_t i = 0; i < levels; ++i) {
    root = DirectoryOf(root);
  }
  dirs.push_back(root);
  dirs.emplace_back(".");
  return dirs;
}

auto DeclarationsPathFor(const std::string& cpp_path) -> std::string {
  size_t slash = cpp_path.find_last_of('/');
  size_t dot = cpp_path.find_last_of('.');
  bool has_extension = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
  return (has_extension ? cpp_path.substr(0, dot) : cpp_path) + ".pyxd";
}

auto IsIdentifier(const std::string& name) -> bool {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (char c : name) {
    // Non-ASCII characters are accepted: CPython imports such a module through
    // PyInitU_ + punycode (PEP 489), whatever the characters are.
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          static_cast<unsigned char>(c) >= 0x80)) {
      return false;
    }
  }
  return true;
}

auto Translate(const base::SourceBuffer& source, const TranslateOptions& options, bool emit) -> TranslateResult {
  TranslateResult result;
  result.module_name = options.module_name.empty() ? ModuleNameFor(source.name()) : options.module_name;
  diag::DiagnosticSink sink;
  diag::DiagnosticSink pxd_sink;
  // A module with an augmenting .pxd reads no declarations-only .pxd (PX120 below).
  CimportedTypes types;
  syntax::Module module = options.pxd ? syntax::ParseAugmented(source, *options.pxd, result.module_name, sink, pxd_sink)
                                      : ParseWithCimportedTypes(source, result.module_name, options.include_dirs, sink, types);
  result.dependency_files.insert(result.dependency_files.end(), types.pxd_files.begin(), types.pxd_files.end());
  result.note_sources = types.buffers;
  if (options.pxd) {
    result.pxd = options.pxd;
    result.dependency_files.push_back(options.pxd_path.empty() ? options.pxd->name() : options.pxd_path);
  }
  // Type spellings the syntax phase rejected leave <error> types behind, which
  // the checker tolerates; only real syntax errors (PX0xx) stop here.
  bool syntax_errors = false;
  for (const auto& d : sink.diagnostics()) {
    syntax_errors |= d.severity == diag::Severity::Error && d.code().substr(0, 3) == "PX0";
  }
  result.pxd_diagnostics = pxd_sink.Finish(options.warnings_as_errors);
  // A .pxd that could not be read completely says nothing certain about the module.
  if (!syntax_errors && !pxd_sink.HasErrors() && !types.failed) {
    Cimports cimports = LoadCimports(module, options.include_dirs, sink, types.modules);
    for (const auto& file : cimports.files) {
      result.dependency_files.push_back(file->source.name());
    }
    check::CheckedModule checked = check::Check(module, source, sink, &cimports.modules);
    if (options.limited_api != 0 && !sink.HasErrors()) {
      check::CheckLimitedApi(checked, options.limited_api, sink);
    }
    result.diagnostics = sink.Finish(options.warnings_as_errors);
    if (emit && !result.HasErrors()) {
      emit::EmitOptions emit_options{result.module_name, options.line_directives, options.part_lines};
      result.cpp = emit::EmitModule(checked, source, emit_options);
      result.declarations = emit::EmitDeclarations(checked, emit_options);
    }
    return result;
  }
  result.diagnostics = sink.Finish(options.warnings_as_errors);
  return result;
}

auto Dump(const base::SourceBuffer& source, const std::string& what, const TranslateOptions& options)
    -> std::optional<std::string> {
  diag::DiagnosticSink sink;
  diag::DiagnosticSink pxd_sink;
  std::string name = options.module_name.empty() ? ModuleNameFor(source.name()) : options.module_name;
  CimportedTypes types;
  syntax::Module module = options.pxd ? syntax::ParseAugmented(source, *options.pxd, name, sink, pxd_sink)
                                      : ParseWithCimportedTypes(source, name, options.include_dirs, sink, types);
  if (what == "syntax") {
    return syntax::Dump(module, source);
  }
  if (what == "checked") {
    Cimports cimports = LoadCimports(module, options.include_dirs, sink, types.modules);
    check::CheckedModule checked = check::Check(module, source, sink, &cimports.modules);
    if (options.limited_api != 0 && !sink.HasErrors()) {
      check::CheckLimitedApi(checked, options.limited_api, sink);
    }
    return checked::Dump(checked, source);
  }
  return std::nullopt;
}

}  // namespace pyxx::driver
