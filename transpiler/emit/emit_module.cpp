// The module skeleton: declarations, functions, wrappers, the method table
// and the module's top-level code, put into templates/module.cpp.tmpl.
#include <fmt/format.h>

#include "emit/emitter_impl.h"
#include "emit/template_engine.h"

namespace pyxx::emit {

namespace {

// A docstring as a C string for PyMethodDef/PyModuleDef, or nullptr for none.
auto DocLiteral(const std::string* doc) -> std::string { return doc != nullptr ? CppStringLiteral(*doc) : "nullptr"; }

// Before the runtime is included: the limited API version (nothing for the full API).
auto LimitedApiDefine(int version) -> std::string {
  if (version == 0) {
    return "";
  }
  return fmt::format("// The limited API of CPython {}.{} and later: an abi3 module (pyxx --limited-api).\n"
                     "#define Py_LIMITED_API 0x{:08X}\n",
                     version >> 24, (version >> 16) & 0xFF, version);
}

}  // namespace

auto EmitModule(const checked::CheckedModule& module, const base::SourceBuffer& source, const EmitOptions& options)
    -> std::string {
  Emitter emitter(module, source, options);
  return emitter.Run();
}

auto Emitter::Run() -> std::string {
  std::string declarations = StructDefinitions() + CimportDeclarations();
  // Module-level C variables: zero until their declaration runs, as Cython's.
  for (const auto& g : module_.c_globals) {
    // A memoryview holds a buffer: never released by a C++ destructor, which
    // would run after the interpreter is gone (c_global.hpp, ModuleView).
    declarations += g.type.IsMemoryView()
                        ? fmt::format("pyxx::ModuleView<{}> {};\n", checked::SpellCpp(g.type), CGlobalName(g.name))
                        : fmt::format("{} {}{{}};\n", checked::SpellCpp(g.type), CGlobalName(g.name));
  }
  for (const auto& fn : module_.functions) {
    declarations += Signature(fn) + ";\n";
  }
  // After the functions: the extension types' vtables name their C methods.
  declarations += CClassDeclarations();
  // Callers of a `def` function compare the function its name holds with the one
  // made from its wrapper, so the wrappers they name are declared up front.
  for (const auto& fn : module_.functions) {
    if (fn.called_in_module) {
      declarations +=
          fmt::format("PyObject* {}(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);\n", WrapperName(fn));
    }
  }

  for (const auto& group : module_.syntax->fused_functions) {
    if (module_.functions[module_.specialisation_index.at(group.specialisations[0])].python_visible()) {
      declarations +=
          fmt::format("PyObject* {}(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);\n", DispatcherName(group));
    }
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
    if (!fn.python_visible() || fn.syntax->genexpr) {
      continue;  // a generator expression's function is only called by its expression
    }
    out_.clear();
    EmitWrapper(fn);
    wrappers += out_ + "\n";
    if (fn.made_at_def() || fn.syntax->fused_group >= 0) {
      continue;  // made by its `def` or `lambda` when that runs (EmitDef); a specialisation: its dispatcher
    }
    methods += fmt::format("    {{{}, {}, {}}},\n", CppStringLiteral(fn.name()), DefEntry(WrapperName(fn)),
                           MethodDoc(fn));
  }

  for (const auto& group : module_.syntax->fused_functions) {
    const checked::FunctionInfo& first = module_.functions[module_.specialisation_index.at(group.specialisations[0])];
    if (!first.python_visible()) {
      continue;
    }
    out_.clear();
    fn_ = nullptr;
    EmitFusedDispatcher(group);
    wrappers += out_ + "\n";
    methods += fmt::format("    {{{}, PYXX_FASTCALL({}), METH_FASTCALL | METH_KEYWORDS, {}}},\n",
                           CppStringLiteral(group.name), DispatcherName(group), MethodDoc(first));
  }

  wrappers += CapiExports();

  out_.clear();
  fn_ = nullptr;
  indent_ = 4;
  last_line_ = 0;
  site_local_ = true;
  runtime_line_ = 0;
  for (const auto& s : module_.syntax->body) {
    EmitStmt(*s);  // a `def` evaluates its decorators and stored defaults, if it has any
  }
  site_local_ = false;
  if (out_.find("pyxx_site") != std::string::npos) {
    out_.insert(0, "    pyxx::Site pyxx_site{\"<module>\", 0};\n");
  }
  std::string module_body = out_;

  const std::string source_literal = CppStringLiteral(source_.name());
  const std::string source_escaped = source_literal.substr(1, source_literal.size() - 2);
  return RenderTemplate(EmbeddedTemplate("module.cpp.tmpl"),
                        {
                            {"version", PYXX_VERSION},
                            {"limited_api", LimitedApiDefine(module_.limited_api)},
                            // Outside the precompiled prelude: only modules that use a vector pay for <vector>.
                            {"cpp_includes", module_.uses_cpp_vector ? "#include \"pyxx/cpp_vector.hpp\"\n" : ""},
                            // The path as a string literal's inside, also in the header
                            // comment: a line break in a file name cannot start a line.
                            {"source_escaped", source_escaped},
                            {"module_definition", ModuleDefinition(options_.module_name, DocLiteral(DocstringOf(module_.syntax->body)),
                                                                   "pyxx_exec", "pyxx_constants", module_.state_slots)},
                            {"constants", ConstantDefinitions()},
                            {"declarations", declarations},
                            {"functions", functions},
                            {"wrappers", wrappers},
                            {"method_entries", methods},
                            {"exec_setup", CapiExecSetup()},
                            {"module_body", module_body},
                        });
}

// `ml_meth, ml_flags` of a `def` wrapper's method table entry. The limited API
// spells them with pyxx's macros (pyxx/module.hpp): 3.9 has no METH_FASTCALL.
auto Emitter::DefEntry(const std::string& wrapper) const -> std::string {
  if (module_.limited_api != 0) {
    return fmt::format("PYXX_DEF_FUNCTION({}), PYXX_DEF_FLAGS", wrapper);
  }
  return fmt::format("PYXX_FASTCALL({}), METH_FASTCALL | METH_KEYWORDS", wrapper);
}

// The ml_meth of a `def` wrapper, as DefEntry names it (for is_own_function).
auto Emitter::DefFunction(const std::string& wrapper) const -> std::string {
  if (module_.limited_api != 0) {
    return fmt::format("PYXX_DEF_FUNCTION({})", wrapper);
  }
  return fmt::format("PYXX_FASTCALL({})", wrapper);
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
  uint32_t line = source_.Locate(r.begin).line;
  if (!site_local_) {
    std::string function = fn_ != nullptr ? fn_->name() : "<module>";
    return fmt::format("pyxx::Site{{{}, {}}}", CppStringLiteral(function), line);
  }
  if (stmt_.active && line == stmt_.line && !stmt_.committed) {
    // CommitSite sets the line in front of the statement.
    return "pyxx_site";
  }
  if (line == runtime_line_) {
    return "pyxx_site";
  }
  return fmt::format("pyxx_site.at({})", line);
}

}  // namespace pyxx::emit
