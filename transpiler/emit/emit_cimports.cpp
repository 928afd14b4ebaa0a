// C functions shared between pyxx modules (runtime/pyxx/cimport.hpp): the
// trampolines and `__pyxx_capi__` table of the functions a module exports, and
// the slots and wrappers of the functions it cimports from other modules.
#include <fmt/format.h>

#include <algorithm>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto CapiTypeOk(const Type& t) -> bool {
  // Memoryviews and extension types stay inside their module for now; the
  // declarations file leaves such functions out.
  return t.IsNumeric() || t.IsComplex() || (t.IsObject() && !t.IsExtension());
}

// The C++ type a value of type `t` crosses the module boundary as (objects:
// a new reference, owned by the receiver).
auto CapiCpp(const Type& t) -> std::string { return t.IsObject() ? "PyObject*" : checked::SpellCpp(t); }

// A pointer variable `name` to a trampoline: int (params..., result*, error*).
auto CapiPointerDeclaration(const checked::FunctionInfo& fn, const std::string& name) -> std::string {
  std::string params;
  for (const Type& t : fn.param_types) {
    params += CapiCpp(t) + ", ";
  }
  if (!fn.return_type.IsVoid()) {
    params += CapiCpp(fn.return_type) + "*, ";
  }
  return fmt::format("int (*{})({}pyxx::ForeignError*) noexcept", name, params);
}

}  // namespace

auto IsExported(const checked::FunctionInfo& fn) -> bool {
  if (fn.kind == checked::FunctionKind::Def || fn.kind == checked::FunctionKind::Numba || fn.nested || fn.method ||
      fn.is_generator || fn.syntax->fused_group >= 0 || !fn.decorators.empty() || !fn.closure_sources.empty()) {
    return false;
  }
  for (const auto& p : fn.syntax->params) {
    if (p.kind != syntax::Param::Kind::Normal) {
      return false;  // *args, **kwargs
    }
  }
  for (const Type& t : fn.param_types) {
    if (!CapiTypeOk(t)) {
      return false;
    }
  }
  return fn.return_type.IsVoid() || CapiTypeOk(fn.return_type);
}

auto CapiSignature(const checked::FunctionInfo& fn) -> std::string {
  std::string params;
  for (const Type& t : fn.param_types) {
    params += (params.empty() ? "" : ", ") + checked::SpellPyxx(t);
  }
  return fmt::format("{} {}({}) -> {}{}{}", "pyxx-capi-1", fn.name(), params, checked::SpellPyxx(fn.return_type),
                     fn.nogil ? " nogil" : "", fn.can_raise ? "" : " noexcept");
}

auto Emitter::CapiExports() -> std::string {
  std::string out;
  std::string table;
  int n = 0;
  for (const auto& fn : module_.functions) {
    if (!IsExported(fn)) {
      continue;
    }
    const std::string trampoline = fmt::format("pyxx_capi{}", n++);
    std::string params;
    std::string args = fn.uses_module ? "pyxx_capi_module" : "";
    for (size_t i = 0; i < fn.param_types.size(); ++i) {
      params += fmt::format("{} pyxx_p{}, ", CapiCpp(fn.param_types[i]), i);
      std::string arg = fn.param_types[i].IsObject() ? fmt::format("pyxx::Ref::steal(pyxx_p{})", i)
                                                     : fmt::format("pyxx_p{}", i);
      args += (args.empty() ? "" : ", ") + arg;
    }
    const bool returns = !fn.return_type.IsVoid();
    if (returns) {
      params += CapiCpp(fn.return_type) + "* pyxx_result, ";
    }
    std::string call = fmt::format("{}({})", NativeName(fn), args);
    if (returns) {
      call = fmt::format("*pyxx_result = {}{}", call, fn.return_type.IsObject() ? ".release()" : "");
    }
    out += fmt::format("// `{}` for other pyxx modules: errors cross as a ForeignError.\n", fn.name());
    out += fmt::format("int {}({}pyxx::ForeignError* pyxx_error) noexcept {{\n", trampoline, params);
    if (fn.can_raise) {
      out += fmt::format(
          "  try {{\n    {};\n    return 0;\n  }} catch (...) {{\n"
          "    pyxx::capture_foreign_error(*pyxx_error, pyxx_source_file);\n    return -1;\n  }}\n}}\n\n",
          call);
    } else {
      out += fmt::format("  static_cast<void>(pyxx_error);  // cannot raise\n  {};\n  return 0;\n}}\n\n", call);
    }
    table += fmt::format("    {{{}, {}, reinterpret_cast<void*>(&{})}},\n", CppStringLiteral(fn.name()),
                         CppStringLiteral(CapiSignature(fn)), trampoline);
  }
  if (n == 0) {
    return "";
  }
  const std::string module_slot =
      ExportsUseModule() ? "// The module whose globals the exported functions read (made once, kept: see pyxx_exec).\n"
                           "PyObject* pyxx_capi_module = nullptr;\n\n"
                         : "";
  return module_slot + out + "const pyxx::CapiExport pyxx_capi[] = {\n" + table + "};\n\n";
}

auto Emitter::CimportDeclarations() -> std::string {
  std::string out;
  for (size_t k = 0; k < module_.foreign_functions.size(); ++k) {
    const checked::ForeignFunction& f = module_.foreign_functions[k];
    const checked::FunctionInfo& fn = f.info;
    out += fmt::format("// `{}` of module `{}`: its trampoline, taken from `__pyxx_capi__` by pyxx_exec.\n",
                       fn.name(), f.module);
    out += CapiPointerDeclaration(fn, ForeignSlot(k)) + " = nullptr;\n";
    std::string params;
    std::string args;
    for (size_t i = 0; i < fn.param_types.size(); ++i) {
      const Type& t = fn.param_types[i];
      params += fmt::format("{}{} pyxx_p{}", i == 0 ? "" : ", ", t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t), i);
      args += fmt::format("pyxx_p{}{}, ", i, t.IsObject() ? ".release()" : "");
    }
    const bool returns = !fn.return_type.IsVoid();
    const std::string ret = returns ? (fn.return_type.IsObject() ? "pyxx::Ref" : checked::SpellCpp(fn.return_type)) : "void";
    out += fmt::format("{} {}({}){} {{\n", ret, ForeignName(k), params, fn.can_raise ? "" : " noexcept");
    if (returns) {
      out += fmt::format("  {} pyxx_result{{}};\n", CapiCpp(fn.return_type));
    }
    out += "  pyxx::ForeignError pyxx_error;\n";
    std::string call = fmt::format("{}({}{}&pyxx_error)", ForeignSlot(k), args, returns ? "&pyxx_result, " : "");
    if (fn.can_raise) {
      out += fmt::format("  if ({} != 0) {{\n    pyxx::rethrow_foreign_error(pyxx_error);\n  }}\n", call);
    } else {
      out += fmt::format("  static_cast<void>({});  // cannot raise\n", call);
    }
    if (returns) {
      out += fn.return_type.IsObject() ? "  return pyxx::Ref::steal(pyxx_result);\n" : "  return pyxx_result;\n";
    }
    out += "}\n\n";
  }
  return out;
}

auto Emitter::CapiExecSetup() -> std::string {
  std::string out;
  // Exports first: two modules that cimport from each other find each
  // other's table while the other one is still being initialised.
  const bool exports = std::any_of(module_.functions.begin(), module_.functions.end(), IsExported);
  if (ExportsUseModule()) {
    out += "  if (pyxx_capi_module == nullptr) {\n    Py_INCREF(pyxx_module);\n    pyxx_capi_module = pyxx_module;\n  }\n";
  }
  if (exports) {
    out += "  if (!pyxx::export_capi(pyxx_module, pyxx_capi)) {\n    return -1;\n  }\n";
  }
  // The cimported modules, each imported once, in order of first use.
  std::vector<std::string> modules;
  for (const auto& f : module_.foreign_functions) {
    if (std::find(modules.begin(), modules.end(), f.module) == modules.end()) {
      modules.push_back(f.module);
    }
  }
  for (const std::string& m : modules) {
    std::string entries;
    for (size_t k = 0; k < module_.foreign_functions.size(); ++k) {
      const checked::ForeignFunction& f = module_.foreign_functions[k];
      if (f.module == m) {
        entries += fmt::format("          {{{}, {}, reinterpret_cast<void**>(&{})}},\n", CppStringLiteral(f.info.name()),
                               CppStringLiteral(CapiSignature(f.info)), ForeignSlot(k));
      }
    }
    out += fmt::format("  if (!pyxx::import_capi({}, {{\n{}      }})) {{\n    return -1;\n  }}\n", CppStringLiteral(m),
                       entries);
  }
  return out;
}

auto Emitter::ExportsUseModule() -> bool {
  return std::any_of(module_.functions.begin(), module_.functions.end(),
                     [](const checked::FunctionInfo& fn) { return IsExported(fn) && fn.uses_module; });
}

auto Emitter::ForeignSlot(size_t k) -> std::string { return fmt::format("pyxx_cimport{}", k); }
auto Emitter::ForeignName(size_t k) -> std::string { return fmt::format("pyxx_cimported{}", k); }

}  // namespace pyxx::emit
