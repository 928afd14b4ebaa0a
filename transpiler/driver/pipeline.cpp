#include "driver/pipeline.h"

#include <fmt/format.h>

#include "check/checker.h"
#include "checked/dump.h"
#include "diagnostics/diagnostic_sink.h"
#include "emit/emitter.h"
#include "syntax/identifier.h"
#include "syntax/parse.h"

namespace pyxx::driver {

auto TranslateResult::HasErrors() const -> bool {
  for (const auto& d : diagnostics) {
    if (d.severity == diag::Severity::Error) {
      return true;
    }
  }
  return false;
}

auto ModuleNameFor(const std::string& path) -> std::string {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  size_t dot = base.find('.');
  // `import ﬁle` looks for `file`: Python normalises the name it imports (PEP 3131).
  return syntax::NormalizeIdentifier(dot == std::string::npos ? base : base.substr(0, dot));
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
  syntax::Module module = syntax::Parse(source, result.module_name, sink);
  // Type spellings the syntax phase rejected leave <error> types behind, which
  // the checker tolerates; only real syntax errors (PX0xx) stop here.
  bool syntax_errors = false;
  for (const auto& d : sink.diagnostics()) {
    syntax_errors |= d.severity == diag::Severity::Error && d.code().substr(0, 3) == "PX0";
  }
  if (!syntax_errors) {
    check::CheckedModule checked = check::Check(module, source, sink);
    result.diagnostics = sink.Finish(options.warnings_as_errors);
    if (emit && !result.HasErrors()) {
      emit::EmitOptions emit_options{result.module_name, options.line_directives};
      result.cpp = emit::EmitModule(checked, source, emit_options);
    }
    return result;
  }
  result.diagnostics = sink.Finish(options.warnings_as_errors);
  return result;
}

auto Dump(const base::SourceBuffer& source, const std::string& what, const TranslateOptions& options)
    -> std::optional<std::string> {
  diag::DiagnosticSink sink;
  std::string name = options.module_name.empty() ? ModuleNameFor(source.name()) : options.module_name;
  syntax::Module module = syntax::Parse(source, name, sink);
  if (what == "syntax") {
    return syntax::Dump(module, source);
  }
  if (what == "checked") {
    check::CheckedModule checked = check::Check(module, source, sink);
    return checked::Dump(checked, source);
  }
  return std::nullopt;
}

}  // namespace pyxx::driver
