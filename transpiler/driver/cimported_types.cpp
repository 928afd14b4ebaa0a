#include "driver/cimported_types.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "driver/cimports.h"
#include "driver/files.h"
#include "syntax/augment.h"
#include "syntax/parse.h"
#include "syntax/pxd_shadow.h"
#include "syntax/walk.h"

namespace pyxx::driver {
namespace {

constexpr std::string_view kOnlyTypes =
    "a .pxd cimported without a .pyxd may declare only C structs, unions, enums, typedefs and functions of the "
    "standard C headers pyxx knows";

auto FindPxd(const std::string& module, const std::vector<std::string>& include_dirs) -> std::string {
  std::string relative = module;
  std::replace(relative.begin(), relative.end(), '.', '/');
  for (const std::string& dir : include_dirs) {
    if (std::string candidate = dir + "/" + relative + ".pxd"; FileExists(candidate)) {
      return candidate;
    }
  }
  return {};
}

// `P = cython.struct(...)` / `cython.union` / `cython.typedef`: the name declared, else empty.
auto DeclaredType(const syntax::Stmt& s) -> std::string {
  if (s.kind != syntax::Stmt::Kind::Assign || s.targets.size() != 1 || s.targets[0]->kind != syntax::Expr::Kind::Name ||
      !s.value || s.value->kind != syntax::Expr::Kind::Call ||
      s.value->callee().kind != syntax::Expr::Kind::DialectRef) {
    return {};
  }
  const std::string& path = s.value->callee().dialect_path;
  return path == "cython.struct" || path == "cython.union" || path == "cython.typedef" ? s.targets[0]->name
                                                                                        : std::string();
}

auto WhatIs(const syntax::Stmt& s) -> std::string {
  switch (s.kind) {
    case syntax::Stmt::Kind::Function: return fmt::format("the function declaration `{}`", s.function->name);
    case syntax::Stmt::Kind::Class: return fmt::format("the `cdef class {}`", s.name);
    case syntax::Stmt::Kind::AnnAssign:
    case syntax::Stmt::Kind::Assign: return "a variable declaration";
    default: return "this declaration";
  }
}

// A .pxd read for its C types.
struct TypesPxd {
  std::string path;
  syntax::Module declared;     // its pure-mode spelling, parsed
  std::set<std::string> names;  // the types it declares
  std::vector<syntax::ExternFunction> externs;  // the C functions of its extern blocks
  std::vector<syntax::CEnum> enums;             // its C enums (the named ones' types are in `names`)
  std::vector<syntax::FusedTypeDef> fused;      // its fused types (`ctypedef fused`; also in `names`)
  std::shared_ptr<const base::SourceBuffer> buffer;  // the .pxd's text (their notes point into it)
  std::string error;            // why it cannot be cimported ("dishes.pxd:3: ..."), or empty
};

auto ReadTypesPxd(const std::string& module, const std::string& path) -> TypesPxd {
  TypesPxd out{path, {}, {}, {}, {}, {}, {}, {}};
  std::string text;
  if (!ReadRegularFile(path, kMaxInputBytes, text, out.error)) {
    return out;
  }
  out.buffer = std::make_shared<const base::SourceBuffer>(path, std::move(text));
  const base::SourceBuffer& pxd = *out.buffer;
  // `what`: a construct of the .pxd other than a type, or (`hint` false) an error reading it.
  auto located = [&](size_t offset, const std::string& what, bool hint = true) {
    return fmt::format("{}:{}: {}{}{}", path, pxd.Locate(static_cast<uint32_t>(offset)).line, what,
                       hint ? "; " : "", hint ? kOnlyTypes : "");
  };
  diag::DiagnosticSink pxd_sink;
  const syntax::PxdShadow shadow = syntax::MakePxdShadow(pxd, pxd_sink);
  if (!shadow.rejected.empty()) {
    out.error = located(shadow.rejected[0].first.begin, shadow.rejected[0].second);
    return out;
  }
  for (const syntax::ExternFunction& f : shadow.externs) {
    if (std::find(shadow.wrappers.begin(), shadow.wrappers.end(), f.local) != shadow.wrappers.end()) {
      // Its Python wrapper would be an attribute of a module this .pxd does not have.
      out.error = located(f.pxd_range.begin, fmt::format("the `cpdef` extern function `{}`", f.local));
      return out;
    }
    out.externs.push_back(f);
    out.externs.back().pxd = out.buffer.get();
  }
  for (const syntax::CEnum& e : shadow.enums) {
    if (e.cpdef) {
      // Its Python enum class (or values) would be attributes of a module this .pxd does not have.
      out.error = located(e.declared.begin, fmt::format("the `cpdef enum`{}{}", e.name.empty() ? "" : " ", e.name));
      return out;
    }
  }
  out.enums = shadow.enums;
  for (const auto& d : pxd_sink.diagnostics()) {
    if (d.severity == diag::Severity::Error) {  // not UTF-8
      out.error = located(d.range.begin, fmt::format("{} [{}]", d.message, d.code()), false);
      return out;
    }
  }
  const base::SourceBuffer shadow_buffer(path, shadow.text);
  // The .pxd offset a range of the shadow module was made from.
  auto origin = [&](base::SourceRange range) -> size_t {
    uint32_t line = shadow_buffer.Locate(range.begin).line;
    return line >= 1 && line <= shadow.origins.size() ? shadow.origins[line - 1].begin : 0;
  };
  diag::DiagnosticSink shadow_sink;
  out.declared = syntax::Parse(shadow_buffer, module, shadow_sink);
  for (const auto& d : shadow_sink.diagnostics()) {
    if (d.severity == diag::Severity::Error) {
      out.error = located(origin(d.range), fmt::format("{} [{}]", d.message, d.code()), false);
      return out;
    }
  }
  for (syntax::FusedTypeDef def : out.declared.fused_types) {
    // A fused type is a compile-time name: cimported, the module's functions use it as their own.
    def.range = {0, 0};
    for (syntax::TypeExpr& member : def.members) member.range = {0, 0};
    out.names.insert(def.name);
    out.fused.push_back(std::move(def));
  }
  for (const auto& s : out.declared.body) {
    std::string name = DeclaredType(*s);
    if (!name.empty()) {
      out.names.insert(std::move(name));
      continue;
    }
    const bool harmless = s->kind == syntax::Stmt::Kind::Import || s->kind == syntax::Stmt::Kind::Pass ||
                          (s->kind == syntax::Stmt::Kind::Expr && s->value &&
                           s->value->kind == syntax::Expr::Kind::String);  // the shadow's imports, docstrings
    if (!harmless) {
      out.error = located(origin(s->range), WhatIs(*s));
      return out;
    }
  }
  return out;
}

// The enumerator `name` of one of `enums` (with its own name as `local`), or nullopt.
auto FindEnumConstant(const std::vector<syntax::CEnum>& enums, const std::string& name)
    -> std::optional<syntax::EnumConstant> {
  for (const syntax::CEnum& e : enums) {
    for (const auto& [constant, value] : e.constants) {
      if (constant == name) return syntax::EnumConstant{constant, e.name, e.is_unsigned, value};
    }
  }
  return std::nullopt;
}

// Every name the module writes (bound or read, at any depth): a type of the
// .pxd that the module did not cimport must not meet one of them.
void CollectNames(const syntax::Stmt& s, std::set<std::string>& names);

void CollectNames(const syntax::Expr& e, std::set<std::string>& names) {
  if (e.kind == syntax::Expr::Kind::Name) names.insert(e.name);
  syntax::ForEachChild(e, [&](const syntax::Expr& child) { CollectNames(child, names); });
}

void CollectNames(const syntax::Stmt& s, std::set<std::string>& names) {
  names.insert(s.name);
  if (s.function) names.insert(s.function->name);
  for (const auto& i : s.imports) {
    names.insert(i.alias.empty() ? (i.name.empty() ? i.module.substr(0, i.module.find('.')) : i.name) : i.alias);
  }
  for (const auto& n : s.names) names.insert(n);
  syntax::ForEachChild(s, syntax::Overloaded{[&](const syntax::Expr& e) { CollectNames(e, names); },
                                             [&](const syntax::Stmt& child) { CollectNames(child, names); }});
}

}  // namespace

auto ParseWithCimportedTypes(const base::SourceBuffer& source, const std::string& module_name,
                             const std::vector<std::string>& include_dirs, diag::DiagnosticSink& sink,
                             CimportedTypes& types) -> syntax::Module {
  diag::DiagnosticSink first_sink;
  syntax::Module module = syntax::Parse(source, module_name, first_sink);
  bool syntax_errors = false;
  for (const auto& d : first_sink.diagnostics()) {
    syntax_errors |= d.severity == diag::Severity::Error && d.code().substr(0, 3) == "PX0";
  }
  std::map<std::string, TypesPxd> pxds;  // by module
  std::vector<std::pair<const syntax::DialectImport*, std::string>> uses;
  for (const auto& import : module.dialect_imports) {
    if (syntax_errors || !import.cimport || IsLibraryCimport(import.path)) {
      continue;
    }
    // As LoadCimports: a module with a declarations file is a pyxx module.
    const std::string& name = import.cimport_module;
    if (name == module_name || (!name.empty() && !FindDeclarations(name, include_dirs).empty()) ||
        !FindDeclarations(import.path, include_dirs).empty()) {
      continue;
    }
    std::string pxd = name.empty() ? std::string() : FindPxd(name, include_dirs);
    if (pxd.empty()) {
      if (std::string whole = FindPxd(import.path, include_dirs); !whole.empty()) {
        sink.Report(diag::Kind::CimportFailed, import.range, import.path,
                    fmt::format("`{}` has no .pyxd: cimport the C types its .pxd declares by name "
                                "(`from cython.cimports.{} import T`)",
                                whole, import.path));
        types.failed = true;
        types.modules.push_back(import.path);
        types.pxd_files.push_back(whole);
      }
      continue;
    }
    if (pxds.count(name) == 0) {
      pxds.emplace(name, ReadTypesPxd(name, pxd));
      types.pxd_files.push_back(pxd);
      types.modules.push_back(name);
    }
    uses.emplace_back(&import, name);
  }
  if (uses.empty() && !types.failed) {
    for (auto d : first_sink.diagnostics()) sink.Add(std::move(d));
    return module;
  }
  std::set<std::string> written;
  for (const auto& s : module.body) CollectNames(*s, written);
  std::set<std::string> imported;  // "dishes.spamdish"
  for (const auto& [import, name] : uses) imported.insert(import->path);
  syntax::AugmentingNames names;
  std::map<std::string, std::string> declared_by;  // type -> module
  std::vector<syntax::EnumConstant> constants;     // the enumerators cimported, under their local names
  std::set<std::string> reported;                  // modules
  for (const auto& use : uses) {
    const auto& import = use.first;  // a plain variable: lambdas cannot capture a structured binding in C++17
    const auto& name = use.second;
    TypesPxd& pxd = pxds.at(name);
    auto fail = [&](const std::string& why) {
      sink.Report(diag::Kind::CimportFailed, import->range, import->path, why);
      types.failed = true;
    };
    if (!pxd.error.empty()) {
      if (reported.insert(name).second) fail(pxd.error);
      continue;
    }
    if (reported.insert(name).second) {
      for (const std::string& type : pxd.names) {
        auto [it, fresh] = declared_by.emplace(type, name);
        if (!fresh) {
          fail(fmt::format("`{}` declares `{}`, which `{}` declares too", pxd.path, type, it->second));
        } else if (imported.count(name + "." + type) == 0 && written.count(type) != 0) {
          fail(fmt::format("`{}` declares `{}`, a name this module uses without cimporting it from there "
                           "(its types are placed in this module: cimport it, or rename one)",
                           pxd.path, type));
        }
      }
    }
    const std::string type = import->path.substr(name.size() + 1);
    if (auto constant = FindEnumConstant(pxd.enums, type)) {
      // An enumerator: a compile-time constant the module names `local`.
      constants.push_back(*constant);
      constants.back().local = import->local;
      constants.back().cimported_at = import->range;
      names.cimported_c_types.insert(import->path);
      continue;
    }
    auto function = std::find_if(pxd.externs.begin(), pxd.externs.end(),
                                 [&](const syntax::ExternFunction& f) { return f.local == type; });
    if (function != pxd.externs.end()) {
      // A C function of a standard header: the import binds it (under any name), as a cimport of libc would.
      names.cimported_functions.emplace(import->path, static_cast<int>(names.extern_functions.size()));
      names.extern_functions.push_back(*function);
      types.buffers.push_back(pxd.buffer);
    } else if (pxd.names.count(type) == 0) {
      fail(fmt::format("`{}` declares no C struct, union, enum, enum value, typedef, fused type or extern "
                       "function `{}`",
                       pxd.path, type));
    } else if (import->local != type) {
      fail(fmt::format("renaming a C type of a .pxd (`as {}`): cimport it under its own name", import->local));
    } else if (auto fused = std::find_if(pxd.fused.begin(), pxd.fused.end(),
                                         [&](const syntax::FusedTypeDef& def) { return def.name == type; });
               fused != pxd.fused.end()) {
      // Known to the lowering before the module's own fused types, as an augmenting .pxd's are.
      names.fused_types.push_back(*fused);
      names.cimported_c_types.insert(import->path);
    } else {
      names.c_types.insert(type);
      names.cimported_c_types.insert(import->path);
    }
  }
  if (types.failed) {
    for (auto d : first_sink.diagnostics()) sink.Add(std::move(d));
    return module;
  }
  syntax::ParseOptions options;
  options.augmenting = &names;
  module = syntax::Parse(source, module_name, sink, options);
  syntax::Block declarations;
  for (auto& [name, pxd] : pxds) {
    for (auto& s : pxd.declared.body) {
      if (!DeclaredType(*s).empty()) declarations.push_back(std::move(s));
    }
    for (auto& e : pxd.enums) module.c_enums.push_back(std::move(e));
  }
  module.enum_constants = std::move(constants);
  syntax::FoldDeclarations(module, std::move(declarations));
  return module;
}

}  // namespace pyxx::driver
