// The module skeleton: declarations, functions, wrappers, the method table
// and the module's top-level code, put into templates/module.cpp.tmpl.
#include <fmt/format.h>

#include "emit/emitter_impl.h"
#include "emit/template_engine.h"

namespace pyxx::emit {

auto EmitModule(const check::CheckedModule& module, const base::SourceBuffer& source, const EmitOptions& options)
    -> std::string {
  Emitter emitter(module, source, options);
  return emitter.Run();
}

auto Emitter::Run() -> std::string {
  std::string declarations;
  for (const auto& fn : module_.functions) {
    declarations += Signature(fn) + ";\n";
  }

  std::string functions;
  for (const auto& fn : module_.functions) {
    out_.clear();
    EmitFunction(fn);
    functions += out_ + "\n";
  }

  std::string wrappers;
  std::string methods;
  for (const auto& fn : module_.functions) {
    if (!fn.python_visible()) {
      continue;
    }
    out_.clear();
    EmitWrapper(fn);
    wrappers += out_ + "\n";
    methods += fmt::format("    {{{}, PYXX_FASTCALL({}), METH_FASTCALL | METH_KEYWORDS, nullptr}},\n", CppStringLiteral(fn.name()),
                           WrapperName(fn));
  }

  out_.clear();
  fn_ = nullptr;
  indent_ = 2;
  last_line_ = 0;
  for (const auto& s : module_.syntax->body) {
    if (s->kind != Stmt::Kind::Function) {
      EmitStmt(*s);
    }
  }
  std::string module_body = out_;

  return RenderTemplate(EmbeddedTemplate("module.cpp.tmpl"),
                        {
                            {"version", PYXX_VERSION},
                            {"source", source_.name()},
                            {"source_escaped", CppStringLiteral(source_.name()).substr(1, CppStringLiteral(source_.name()).size() - 2)},
                            {"module_definition", ModuleDefinition(options_.module_name, "pyxx_methods", "pyxx_exec")},
                            {"declarations", declarations},
                            {"functions", functions},
                            {"wrappers", wrappers},
                            {"method_entries", methods},
                            {"module_body", module_body},
                        });
}

void Emitter::Line(const std::string& text) {
  out_.append(static_cast<size_t>(indent_), ' ');
  out_ += text;
  out_ += '\n';
}

void Emitter::LineDirective(syntax::SourceRange r) {
  if (!options_.line_directives) {
    return;
  }
  uint32_t line = source_.Locate(r.begin).line;
  if (line == last_line_) {
    return;
  }
  last_line_ = line;
  out_ += fmt::format("#line {} {}\n", line, CppStringLiteral(source_.name()));
}

auto Emitter::Temp(const char* stem) -> std::string { return fmt::format("pyxx_{}{}", stem, temp_counter_++); }

auto Emitter::LocalName(int index) -> std::string { return CppName(fn_->locals[index].name); }


auto Emitter::Site(const syntax::SourceRange& r) -> std::string {
  std::string function = fn_ != nullptr ? fn_->name() : "<module>";
  return fmt::format("pyxx::Site{{{}, {}}}", CppStringLiteral(function), source_.Locate(r.begin).line);
}

}  // namespace pyxx::emit
