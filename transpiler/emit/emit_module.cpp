// The module skeleton: declarations, functions, wrappers, the method table
// and the module's top-level code, put into templates/module.cpp.tmpl.
#include <fmt/format.h>

#include "emit/emitter_impl.h"
#include "emit/parts.h"
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
  parts_ = PartCount(source_.LineCount(), options_.part_lines);
  // The cpdef enums' classes first: a struct's conversion to a dict may use one.
  std::string declarations = CpdefEnumDeclarations() + StructDefinitions() + CimportDeclarations();
  // Module-level C variables: zero until their declaration runs, as Cython's.
  for (const auto& g : module_.c_globals) {
    // A memoryview holds a buffer: never released by a C++ destructor, which
    // would run after the interpreter is gone (c_global.hpp, ModuleView).
    declarations += Shared();
    declarations += g.type.IsMemoryView() ? fmt::format("pyxx::ModuleView<{}> {};\n", checked::SpellCpp(g.type), CGlobalName(g.name))
                    : g.type.IsObject()   ? fmt::format("pyxx::ModuleObject {};\n", CGlobalName(g.name))
                                          : fmt::format("{} {}{{}};\n", checked::SpellCpp(g.type), CGlobalName(g.name));
  }
  for (const auto& fn : module_.functions) {
    if (!LocalToItsPart(fn)) {
      declarations += Signature(fn) + ";\n";
    }
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

  // Each function's code and its wrapper's, then the part each goes to.
  std::vector<std::string> function_code(module_.functions.size());
  std::vector<std::string> wrapper_code(module_.functions.size());
  std::string methods;
  for (size_t i = 0; i < module_.functions.size(); ++i) {
    out_.clear();
    EmitFunction(module_.functions[i]);
    function_code[i] = out_ + "\n";
  }
  for (size_t i = 0; i < module_.functions.size(); ++i) {
    const checked::FunctionInfo& fn = module_.functions[i];
    if (!fn.python_visible() || fn.syntax->genexpr) {
      continue;  // a generator expression's function is only called by its expression
    }
    out_.clear();
    if (LocalToItsPart(fn)) {
      // Declared where its part begins to use it: internal linkage, so GCC can
      // inline it into its wrapper and emit no copy of its own.
      std::string signature = Signature(fn);
      const size_t after_attributes = signature.rfind("[[", 0) == 0 ? signature.find("]] ") + 3 : 0;
      out_ += signature.insert(after_attributes, "static ") + ";\n";
    }
    EmitWrapper(fn);
    wrapper_code[i] = out_ + "\n";
    if (fn.made_at_def() || fn.syntax->fused_group >= 0) {
      continue;  // made by its `def` or `lambda` when that runs (EmitDef); a specialisation: its dispatcher
    }
    methods += fmt::format("    {{{}, {}, {}}},\n", CppStringLiteral(fn.name()), DefEntry(WrapperName(fn)),
                           MethodDoc(fn));
  }
  if (parts_ > 1) {
    // The method table (part 0) names every wrapper, wherever it is defined.
    for (const auto& fn : module_.functions) {
      if (fn.python_visible() && !fn.syntax->genexpr && !fn.called_in_module) {
        declarations +=
            fmt::format("PyObject* {}(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);\n", WrapperName(fn));
      }
    }
  }

  // Part 0's own code: the fused dispatchers, the C-API exports (then the
  // method table, the module definition and the exec function).
  std::string main_wrappers;

  for (const auto& group : module_.syntax->fused_functions) {
    const checked::FunctionInfo& first = module_.functions[module_.specialisation_index.at(group.specialisations[0])];
    if (!first.python_visible()) {
      continue;
    }
    out_.clear();
    fn_ = nullptr;
    EmitFusedDispatcher(group);
    main_wrappers += out_ + "\n";
    if (first.nested) {
      continue;  // a method: its class statement makes its function object (EmitDef)
    }
    methods += fmt::format("    {{{}, PYXX_FASTCALL({}), METH_FASTCALL | METH_KEYWORDS, {}}},\n",
                           CppStringLiteral(group.name), DispatcherName(group), MethodDoc(first));
  }

  main_wrappers += CapiExports();

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

  std::vector<size_t> sizes;
  for (size_t i = 0; i < module_.functions.size(); ++i) {
    sizes.push_back(function_code[i].size() + wrapper_code[i].size());
  }
  const std::vector<int> part_of =
      AssignParts(sizes, parts_, main_wrappers.size() + module_body.size());
  std::string functions = InParts(function_code, part_of);
  std::string wrappers = InParts(wrapper_code, part_of);
  wrappers += parts_ > 1 ? PartBegin(0) + main_wrappers + PartEnd() : main_wrappers;

  const std::string source_literal = CppStringLiteral(source_.name());
  const std::string source_escaped = source_literal.substr(1, source_literal.size() - 2);
  const bool split = parts_ > 1;
  return RenderTemplate(EmbeddedTemplate("module.cpp.tmpl"),
                        {
                            {"version", PYXX_VERSION},
                            {"part_count", split ? PartCountLine(parts_) : ""},
                            {"part_macros", split ? PartMacros(options_.module_name, parts_) : ""},
                            {"open_namespace", split ? "PYXX_MODULE_NAMESPACE {" : "namespace {"},
                            {"main_begin", split ? PartBegin(0) : ""},
                            {"main_end", split ? PartEnd() : ""},
                            {"use_namespace", split ? "PYXX_USE_MODULE_NAMESPACE\n" : ""},
                            {"limited_api", LimitedApiDefine(module_.limited_api)},
                            // Outside the precompiled prelude: only modules that use a vector pay for <vector>.
                            {"cpp_includes", std::string(module_.uses_cpp_vector ? "#include \"pyxx/cpp_vector.hpp\"\n" : "") +
                                                 (module_.uses_cpp_string ? "#include \"pyxx/cpp_string.hpp\"\n" : "") +
                                                 (module_.uses_cpp_algorithm ? "#include \"pyxx/cpp_algorithm.hpp\"\n" : "") +
                                                 (module_.uses_cpp_pair ? "#include \"pyxx/cpp_pair.hpp\"\n" : "") +
                                                 (module_.uses_cpp_map ? "#include \"pyxx/cpp_map.hpp\"\n" : "") +
                                                 (module_.uses_cpp_set ? "#include \"pyxx/cpp_set.hpp\"\n" : "")},
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
                            {"exec_setup", CapiExecSetup() + CpdefEnumSetup()},
                            {"module_body", module_body},
                        });
}

// The code of each function in order; with several parts, each run of one part's
// functions under its guard.
auto Emitter::InParts(const std::vector<std::string>& code, const std::vector<int>& part_of) const -> std::string {
  std::string out;
  int open = -1;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i].empty()) {
      continue;
    }
    if (parts_ > 1 && part_of[i] != open) {
      out += open >= 0 ? PartEnd() : "";
      open = part_of[i];
      out += PartBegin(open);
    }
    out += code[i];
  }
  return open >= 0 ? out + PartEnd() : out;
}

// In a module of several parts, a `def` function that only its own wrapper calls
// (no direct call from the module's code, no C method or buffer slot of an
// extension type, no specialisation or generator) has internal linkage in the
// part that holds both.
auto Emitter::LocalToItsPart(const checked::FunctionInfo& fn) const -> bool {
  return parts_ > 1 && fn.kind == checked::FunctionKind::Def && fn.cclass < 0 && fn.buffer_slot_of < 0 &&
         !fn.called_in_module && !fn.is_generator && fn.syntax->fused_group < 0 && !fn.syntax->genexpr;
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
