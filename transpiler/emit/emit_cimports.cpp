// C functions shared between pyxx modules (runtime/pyxx/cimport.hpp): the
// trampolines and `__pyxx_capi__` table of the functions a module exports, and
// the slots and wrappers of the functions it cimports from other modules.
#include <fmt/format.h>

#include <algorithm>

#include "emit/emitter_impl.h"

namespace pyxx::emit {

namespace {

auto CapiTypeOk(const Type& t) -> bool {
  // Memoryviews, extension types and cpython.array's `array.array` (whose type
  // object an importer would have to load) stay inside their module for now;
  // the declarations file leaves such functions and fields out.
  return t.IsNumeric() || t.IsComplex() || (t.IsObject() && !t.IsExtension() && !checked::IsArrayArray(t));
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

// The C++ type a cimported function's wrapper returns.
auto WrapperResultCpp(const Type& t) -> std::string {
  return t.IsVoid() ? "void" : t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t);
}

// How a cimported function's wrapper ends: the trampoline called through its
// slot (`args`: its arguments, each followed by ", "), its error thrown again
// here, its result returned.
auto TrampolineCall(const std::string& slot, const std::string& args, const checked::FunctionInfo& fn) -> std::string {
  const bool returns = !fn.return_type.IsVoid();
  std::string out;
  if (returns) {
    out += fmt::format("  {} pyxx_result{{}};\n", CapiCpp(fn.return_type));
  }
  out += "  pyxx::ForeignError pyxx_error;\n";
  std::string call = fmt::format("{}({}{}&pyxx_error)", slot, args, returns ? "&pyxx_result, " : "");
  if (fn.can_raise) {
    out += fmt::format("  if ({} != 0) {{\n    pyxx::rethrow_foreign_error(pyxx_error);\n  }}\n", call);
  } else {
    out += fmt::format("  static_cast<void>({});  // cannot raise\n", call);
  }
  if (returns) {
    out += fn.return_type.IsObject() ? "  return pyxx::Ref::steal(pyxx_result);\n" : "  return pyxx_result;\n";
  }
  return out + "}\n\n";
}

}  // namespace

namespace {

// What a function and a C method both need to cross the capsule table: a plain
// C function (no generator, fused type, decorator or closure), no `*args` or
// `**kwargs` (nor `*` / `/` markers where `markers` is false: a method's
// declaration spells none), parameters from `first` on and the result of types
// that cross (C numbers, Python objects).
auto CrossesCapi(const checked::FunctionInfo& fn, size_t first, bool markers) -> bool {
  if (fn.is_generator || fn.syntax->fused_group >= 0 || !fn.decorators.empty() || !fn.closure_sources.empty()) {
    return false;
  }
  for (const auto& p : fn.syntax->params) {
    if (p.kind != syntax::Param::Kind::Normal || (!markers && (p.keyword_only || p.positional_only))) {
      return false;
    }
  }
  for (size_t i = first; i < fn.param_types.size(); ++i) {
    if (!CapiTypeOk(fn.param_types[i])) {
      return false;
    }
  }
  return fn.return_type.IsVoid() || CapiTypeOk(fn.return_type);
}

}  // namespace

auto IsExported(const checked::FunctionInfo& fn) -> bool {
  return fn.kind != checked::FunctionKind::Def && fn.kind != checked::FunctionKind::Numba && !fn.nested &&
         !fn.method && CrossesCapi(fn, 0, true);
}

auto IsExportedField(const checked::CClassField& field) -> bool {
  return CapiTypeOk(field.type);
}

// The instance is lent (its first parameter is borrowed), as every call of a C method lends it.
auto IsExportedMethod(const checked::FunctionInfo& fn) -> bool {
  // An override that adds parameters is not exported: other modules call the base's slot, which runs it.
  // Nor is a fused one (its specialisations have no declaration to write yet).
  // Nor one whose slots fill in defaults (they take a mask of the arguments passed).
  return (fn.kind == checked::FunctionKind::CFunc || fn.kind == checked::FunctionKind::CCall) && fn.extends < 0 &&
         fn.syntax->fused_group < 0 && !fn.callee_defaults &&
         !fn.param_types.empty() && fn.borrows_param(0) && CrossesCapi(fn, 1, false);
}

// A type derived from a cimported one stays inside its module for now (its
// layout is known only at run time; a declarations file names no other module's type).
auto IsExportedType(const checked::CheckedModule& module, const checked::CClassInfo& cls) -> bool {
  return !cls.IsForeign() && module.CimportedBase(cls.name) == nullptr;
}

auto MethodsDefinedBy(const checked::CClassInfo& cls) -> std::vector<int> {
  std::vector<int> methods;
  for (const auto& entry : cls.c_method_index) {
    methods.push_back(entry.second);
  }
  std::sort(methods.begin(), methods.end());  // function indexes are in source order
  return methods;
}

namespace {

// `self_type`: how a method's first parameter is spelled (the type's name in its
// own module, on both sides), or empty for a function.
auto SignatureOf(const std::string& name, const checked::FunctionInfo& fn, const std::string& self_type = {})
    -> std::string {
  std::string params;
  for (size_t i = 0; i < fn.param_types.size(); ++i) {
    params += (i == 0 ? "" : ", ") + (i == 0 && !self_type.empty() ? self_type : checked::SpellPyxx(fn.param_types[i]));
  }
  return fmt::format("{} {}({}) -> {}{}{}", "pyxx-capi-1", name, params, checked::SpellPyxx(fn.return_type),
                     fn.nogil ? " nogil" : "", fn.can_raise ? "" : " noexcept");
}

}  // namespace

auto CapiSignature(const checked::FunctionInfo& fn) -> std::string { return SignatureOf(fn.name(), fn); }

auto CapiMethodSignature(const std::string& cls, const checked::FunctionInfo& fn) -> std::string {
  return SignatureOf(cls + "." + fn.name(), fn, cls);
}

auto CapiTypeSignature(const checked::CClassInfo& cls) -> std::string {
  return fmt::format("pyxx-capi-1 class {}({}){}", cls.IsForeign() ? cls.foreign_name : cls.name,
                     cls.IsForeign() && !cls.base.empty() ? cls.base.substr(cls.foreign_module.size() + 1) : cls.base,
                     cls.final ? " final" : "");
}

auto CapiFieldSignature(const std::string& cls, const checked::CClassField& field) -> std::string {
  return fmt::format("pyxx-capi-1 field {}.{}: {}", cls, field.name, checked::SpellPyxx(field.type));
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
  // Extension types: the type object's variable (the type is made when its class
  // statement runs), each exported field's offset, each exported C method's trampoline.
  for (const auto& cls : module_.cclasses) {
    if (!IsExportedType(module_, cls)) {
      continue;
    }
    table += fmt::format("    {{{}, {}, reinterpret_cast<void*>(&{})}},\n", CppStringLiteral(cls.name),
                         CppStringLiteral(CapiTypeSignature(cls)), CClassTypeVar(cls.name));
    ++n;
    for (const auto& f : cls.fields) {
      if (!IsExportedField(f)) {
        continue;
      }
      const std::string offset = fmt::format("pyxx_capi_offset{}", n++);
      out += fmt::format("const Py_ssize_t {} = offsetof({}, {});\n", offset, CClassStruct(cls.name),
                         CClassFieldMember(f.name));
      table += fmt::format("    {{{}, {}, reinterpret_cast<void*>(const_cast<Py_ssize_t*>(&{}))}},\n",
                           CppStringLiteral(cls.name + "." + f.name), CppStringLiteral(CapiFieldSignature(cls.name, f)),
                           offset);
    }
    for (int index : MethodsDefinedBy(cls)) {
      const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(index)];
      if (!IsExportedMethod(m)) {
        continue;
      }
      const std::string trampoline = fmt::format("pyxx_capi{}", n++);
      out += MethodTrampoline(cls, index, trampoline);
      table += fmt::format("    {{{}, {}, reinterpret_cast<void*>(&{})}},\n", CppStringLiteral(cls.name + "." + m.name()),
                           CppStringLiteral(CapiMethodSignature(cls.name, m)), trampoline);
    }
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

// `cls.m` for other pyxx modules: the instance (never None: the caller tested it)
// is lent without a reference; the call is the one a typed call in this module
// makes (a ccall method's override included); errors cross as a ForeignError.
auto Emitter::MethodTrampoline(const checked::CClassInfo& cls, int index, const std::string& name) -> std::string {
  const checked::FunctionInfo& m = module_.functions[static_cast<size_t>(index)];
  std::string params = "PyObject* pyxx_self, ";
  std::string args;
  for (size_t i = 1; i < m.param_types.size(); ++i) {
    params += fmt::format("{} pyxx_p{}, ", CapiCpp(m.param_types[i]), i);
    args += m.param_types[i].IsObject() ? fmt::format(", pyxx::Ref::steal(pyxx_p{})", i) : fmt::format(", pyxx_p{}", i);
  }
  const bool returns = !m.return_type.IsVoid();
  if (returns) {
    params += CapiCpp(m.return_type) + "* pyxx_result, ";
  }
  const std::string site =
      fmt::format("pyxx::Site{{{}, {}}}", CppStringLiteral(m.name()), source_.Locate(m.syntax->name_range.begin).line);
  std::string call = CMethodCall(m, "pyxx_self", "pyxx_capi_module", "pyxx_lent.get()", site, args);
  if (returns) {
    call = fmt::format("*pyxx_result = {}{}", call, m.return_type.IsObject() ? ".release()" : "");
  }
  std::string out = fmt::format("// `{}.{}` for other pyxx modules.\n", cls.name, m.name());
  out += fmt::format("int {}({}pyxx::ForeignError* pyxx_error) noexcept {{\n", name, params);
  if (m.can_raise) {
    out += fmt::format(
        "  try {{\n    pyxx::LentRef pyxx_lent(pyxx_self);\n    {};\n    return 0;\n  }} catch (...) {{\n"
        "    pyxx::capture_foreign_error(*pyxx_error, pyxx_source_file);\n    return -1;\n  }}\n}}\n\n",
        call);
  } else {
    out += fmt::format("  static_cast<void>(pyxx_error);  // cannot raise\n  pyxx::LentRef pyxx_lent(pyxx_self);\n"
                       "  {};\n  return 0;\n}}\n\n",
                       call);
  }
  return out;
}

auto Emitter::CimportDeclarations() -> std::string {
  std::string out;
  for (size_t c = 0; c < module_.cclasses.size(); ++c) {
    const checked::CClassInfo& cls = module_.cclasses[c];
    if (!cls.IsForeign()) {
      continue;
    }
    out += fmt::format("// Extension type `{}`: its type object and field offsets, taken from `__pyxx_capi__`.\n",
                       cls.name);
    out += Shared() + fmt::format("void* {} = nullptr;  // PyTypeObject* const*\n", ForeignTypeSlot(c));
    for (size_t i = 0; i < cls.fields.size(); ++i) {
      out += Shared() + fmt::format("void* {} = nullptr;  // const Py_ssize_t*: `{}`\n", ForeignFieldSlot(c, i), cls.fields[i].name);
    }
  }
  for (size_t k = 0; k < module_.foreign_functions.size(); ++k) {
    const checked::ForeignFunction& f = module_.foreign_functions[k];
    const checked::FunctionInfo& fn = f.info;
    if (!f.method_of.empty()) {
      out += ForeignMethodWrapper(k);
      continue;
    }
    out += fmt::format("// `{}` of module `{}`: its trampoline, taken from `__pyxx_capi__` by pyxx_exec.\n",
                       fn.name(), f.module);
    out += Shared() + CapiPointerDeclaration(fn, ForeignSlot(k)) + " = nullptr;\n";
    std::string params;
    std::string args;
    for (size_t i = 0; i < fn.param_types.size(); ++i) {
      const Type& t = fn.param_types[i];
      params += fmt::format("{}{} pyxx_p{}", i == 0 ? "" : ", ", t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t), i);
      args += fmt::format("pyxx_p{}{}, ", i, t.IsObject() ? ".release()" : "");
    }
    out += Shared() + fmt::format("{} {}({}){} {{\n", WrapperResultCpp(fn.return_type), ForeignName(k), params,
                       fn.can_raise ? "" : " noexcept");
    out += TrampolineCall(ForeignSlot(k), args, fn);
  }
  return out;
}

// A C method of a cimported extension type: the trampoline's slot, and the
// function calls go to. The instance is lent to the trampoline (the caller holds
// it); None is tested here, as the module's own C methods test it.
auto Emitter::ForeignMethodWrapper(size_t k) -> std::string {
  const checked::ForeignFunction& f = module_.foreign_functions[k];
  const checked::FunctionInfo& fn = f.info;
  std::string slot_params = "PyObject*, ";
  std::string params = "const pyxx::Ref& pyxx_p0, pyxx::Site pyxx_site";
  std::string args = "pyxx_p0.get(), ";
  for (size_t i = 1; i < fn.param_types.size(); ++i) {
    const Type& t = fn.param_types[i];
    slot_params += CapiCpp(t) + ", ";
    params += fmt::format(", {} pyxx_p{}", t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t), i);
    args += fmt::format("pyxx_p{}{}, ", i, t.IsObject() ? ".release()" : "");
  }
  if (!fn.return_type.IsVoid()) {
    slot_params += CapiCpp(fn.return_type) + "*, ";
  }
  std::string out = fmt::format("// `{}.{}` of module `{}`: its trampoline, taken from `__pyxx_capi__` by pyxx_exec.\n",
                                f.method_of, fn.name(), f.module);
  out += Shared() + fmt::format("int (*{})({}pyxx::ForeignError*) noexcept = nullptr;\n", ForeignSlot(k), slot_params);
  out += Shared() + fmt::format("{} {}({}) {{\n", WrapperResultCpp(fn.return_type), ForeignName(k), params);
  out += fmt::format("  if (pyxx_p0.get() == Py_None) {{\n    pyxx::raise_c(PyExc_AttributeError, {}, pyxx_site);\n  }}\n",
                     CppStringLiteral(fmt::format("'NoneType' object has no attribute '{}'", fn.name())));
  return out + TrampolineCall(ForeignSlot(k), args, fn);
}

auto Emitter::EmitForeignMethodCall(const Expr& e, size_t k) -> CppExpr {
  const checked::FunctionInfo& m = module_.foreign_functions[k].info;
  std::vector<CppExpr> v;
  std::vector<std::string> by_param = EmitBoundArguments(e, m, {ReceiverOperand(e.callee().object())}, v);
  std::string args;
  for (size_t i = 1; i < by_param.size(); ++i) {
    args += ", " + by_param[i];
  }
  CppExpr out;
  out.effect = kWrites | kRaises;  // None is an AttributeError; the method may raise
  for (const auto& x : v) {
    out.effect |= x.effect;
  }
  out.pending = kWrites | kRaises;
  out.text = fmt::format("{}({}, {}{})", ForeignName(k), by_param[0], Site(e.range), args);
  return out;
}

auto Emitter::CapiExecSetup() -> std::string {
  std::string out;
  if (module_.array_type_used) {
    out += fmt::format("  if (!pyxx::load_array_type({})) {{\n    return -1;\n  }}\n",
                       CClassTypeVar(std::string(checked::kArrayArray)));
  }
  // Exports first: two modules that cimport from each other find each
  // other's table while the other one is still being initialised.
  const bool exports =
      std::any_of(module_.functions.begin(), module_.functions.end(), IsExported) ||
      std::any_of(module_.cclasses.begin(), module_.cclasses.end(),
                  [this](const auto& c) { return IsExportedType(module_, c); });
  if (ExportsUseModule()) {
    out += "  if (pyxx_capi_module == nullptr) {\n    Py_INCREF(pyxx_module);\n    pyxx_capi_module = pyxx_module;\n  }\n";
  }
  if (exports) {
    out += "  if (!pyxx::export_capi(pyxx_module, pyxx_capi)) {\n    return -1;\n  }\n";
  }
  // The cimported modules, each imported once, in order of first use.
  std::vector<std::string> modules;
  auto add_module = [&modules](const std::string& m) {
    if (std::find(modules.begin(), modules.end(), m) == modules.end()) {
      modules.push_back(m);
    }
  };
  for (const auto& c : module_.cclasses) {
    if (c.IsForeign()) {
      add_module(c.foreign_module);
    }
  }
  for (const auto& f : module_.foreign_functions) {
    add_module(f.module);
  }
  auto entry = [](const std::string& name, const std::string& signature, const std::string& slot) {
    return fmt::format("          {{{}, {}, reinterpret_cast<void**>(&{})}},\n", CppStringLiteral(name),
                       CppStringLiteral(signature), slot);
  };
  for (const std::string& m : modules) {
    std::string entries;
    std::string types;
    for (size_t c = 0; c < module_.cclasses.size(); ++c) {
      const checked::CClassInfo& cls = module_.cclasses[c];
      if (cls.foreign_module != m) {
        continue;
      }
      entries += entry(cls.foreign_name, CapiTypeSignature(cls), ForeignTypeSlot(c));
      for (size_t i = 0; i < cls.fields.size(); ++i) {
        entries += entry(cls.foreign_name + "." + cls.fields[i].name, CapiFieldSignature(cls.foreign_name, cls.fields[i]),
                         ForeignFieldSlot(c, i));
      }
      types += fmt::format("  if (!pyxx::take_foreign_type({}, {}, {}, {})) {{\n    return -1;\n  }}\n", ForeignTypeSlot(c),
                           CClassTypeVar(cls.name), CppStringLiteral(m), CppStringLiteral(cls.foreign_name));
    }
    for (size_t k = 0; k < module_.foreign_functions.size(); ++k) {
      const checked::ForeignFunction& f = module_.foreign_functions[k];
      if (f.module != m) {
        continue;
      }
      entries += f.method_of.empty() ? entry(f.info.name(), CapiSignature(f.info), ForeignSlot(k))
                                     : entry(f.method_of + "." + f.info.name(),
                                             CapiMethodSignature(f.method_of, f.info), ForeignSlot(k));
    }
    out += fmt::format("  if (!pyxx::import_capi({}, {{\n{}      }})) {{\n    return -1;\n  }}\n", CppStringLiteral(m),
                       entries);
    out += types;
  }
  return out;
}

auto Emitter::ExportsUseModule() -> bool {
  // A C method takes the module first: every exported one needs it.
  return std::any_of(module_.functions.begin(), module_.functions.end(), [this](const checked::FunctionInfo& fn) {
    return (IsExported(fn) && fn.uses_module) ||
           (fn.cclass >= 0 && IsExportedType(module_, module_.cclasses[static_cast<size_t>(fn.cclass)]) &&
            IsExportedMethod(fn));
  });
}

auto Emitter::ForeignSlot(size_t k) -> std::string { return fmt::format("pyxx_cimport{}", k); }
auto Emitter::ForeignTypeSlot(size_t c) -> std::string { return fmt::format("pyxx_cimport_type{}", c); }
auto Emitter::ForeignFieldSlot(size_t c, size_t i) -> std::string { return fmt::format("pyxx_cimport_field{}_{}", c, i); }
auto Emitter::ForeignName(size_t k) -> std::string { return fmt::format("pyxx_cimported{}", k); }

}  // namespace pyxx::emit
