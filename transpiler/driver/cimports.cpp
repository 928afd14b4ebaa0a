#include "driver/cimports.h"

#include <fmt/format.h>

#include <algorithm>

#include "check/checker.h"
#include "driver/files.h"
#include "driver/pipeline.h"
#include "syntax/dialect_names.h"
#include "syntax/parse.h"

namespace pyxx::driver {

auto IsLibraryCimport(const std::string& module) -> bool { return syntax::IsLibraryDialectPath(module); }

auto FindDeclarations(const std::string& module, const std::vector<std::string>& include_dirs) -> std::string {
  std::string relative = module;
  std::replace(relative.begin(), relative.end(), '.', '/');
  for (const std::string& dir : include_dirs) {
    for (const std::string& candidate : {dir + "/" + relative + ".pyxd", dir + "/" + relative + "/__init__.pyxd"}) {
      if (FileExists(candidate)) {
        return candidate;
      }
    }
  }
  return {};
}

namespace {

// Reads and checks one declarations file; on failure says why in `error`.
auto ReadDeclarations(const std::string& module, const std::string& path, std::string& error)
    -> std::unique_ptr<DeclarationsFile> {
  std::string text;
  if (!ReadRegularFile(path, kMaxInputBytes, text, error)) {
    return nullptr;
  }
  auto file = std::make_unique<DeclarationsFile>(DeclarationsFile{base::SourceBuffer(path, std::move(text)), {}, {}});
  diag::DiagnosticSink sink;
  file->syntax = syntax::Parse(file->source, module, sink);
  if (!sink.HasErrors()) {
    file->checked = check::Check(file->syntax, file->source, sink);
  }
  for (const auto& d : sink.diagnostics()) {
    if (d.severity == diag::Severity::Error) {
      error = fmt::format("{}:{}: {} [{}] (translate `{}` again to rewrite it)", path,
                          file->source.Locate(d.range.begin).line, d.message, d.code(), module);
      return nullptr;
    }
  }
  return file;
}

}  // namespace

auto LoadCimports(const syntax::Module& module, const std::vector<std::string>& include_dirs,
                  diag::DiagnosticSink& sink, const std::vector<std::string>& skipped) -> Cimports {
  Cimports out;
  for (const auto& import : module.dialect_imports) {
    if (!import.cimport || IsLibraryCimport(import.path)) {
      continue;
    }
    // `from cython.cimports.pkg import mod` cimports the module `pkg.mod` unless
    // `pkg` itself has declarations (then `mod` is one of its names).
    std::string name = import.cimport_module;
    std::string path = name.empty() ? std::string() : FindDeclarations(name, include_dirs);
    if (path.empty()) {
      std::string whole = FindDeclarations(import.path, include_dirs);
      if (!whole.empty() || name.empty()) {
        name = import.path;
        path = whole;
      }
    }
    if (name == module.name || std::find(skipped.begin(), skipped.end(), name) != skipped.end()) {
      continue;
    }
    auto seen = std::find_if(out.modules.begin(), out.modules.end(), [&](const auto& m) { return m.name == name; });
    if (seen != out.modules.end()) {
      continue;
    }
    checked::CimportedModule cimported{name, nullptr};
    std::string relative = name;
    std::replace(relative.begin(), relative.end(), '.', '/');
    if (path.empty()) {
      sink.Report(diag::Kind::CimportFailed, import.range, import.path,
                  fmt::format("found no declarations file `{}.pyxd` (pyxx writes it beside the C++ of `{}`; "
                              "pass the directory that holds it with -I)",
                              relative, name));
    } else {
      std::string error;
      auto file = ReadDeclarations(name, path, error);
      if (file == nullptr) {
        sink.Report(diag::Kind::CimportFailed, import.range, import.path, error);
      } else {
        cimported.declarations = &file->checked;
        out.files.push_back(std::move(file));
      }
    }
    out.modules.push_back(std::move(cimported));
  }
  return out;
}

}  // namespace pyxx::driver
