#include "syntax/augment.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "syntax/fused.h"
#include "syntax/parse.h"
#include "syntax/pxd_shadow.h"
#include "syntax/walk.h"

namespace pyxx::syntax {
namespace {

auto IsDocstring(const Stmt& s) -> bool {
  return s.kind == Stmt::Kind::Expr && s.value && s.value->kind == Expr::Kind::String;
}

auto IsCClassDecorator(const Expr& d) -> bool {
  return d.kind == Expr::Kind::DialectRef && d.dialect_path == "cython.cclass";
}

// Where declarations go into a block: after its docstring (and, in a module,
// its `from __future__` imports), which must stay first.
auto InsertionPoint(const Block& block) -> size_t {
  size_t at = 0;
  if (at < block.size() && IsDocstring(*block[at])) ++at;
  while (at < block.size() && block[at]->kind == Stmt::Kind::Import && !block[at]->imports.empty() &&
         block[at]->imports[0].module == "__future__") {
    ++at;
  }
  return at;
}

// A type written in the module that says what the .pxd declares (nullopt: an object).
auto SameType(const TypeExpr& written, const std::optional<TypeExpr>& declared) -> bool {
  if (!declared) {
    return written.kind == TypeExpr::Kind::Object && written.object_name == "object";
  }
  if (written.kind != declared->kind) return false;
  switch (written.kind) {
    case TypeExpr::Kind::Scalar: return written.scalar == declared->scalar;
    case TypeExpr::Kind::Object: return written.object_name == declared->object_name;
    case TypeExpr::Kind::CName: return written.c_name == declared->c_name;
    case TypeExpr::Kind::Fused: return written.fused == declared->fused;  // the module's indices begin with the .pxd's
    case TypeExpr::Kind::Pointer:
      return written.target && declared->target && SameType(*written.target, *declared->target);
    default: return false;  // memoryviews, arrays: declare them in one place
  }
}

// The names the shadow module declares, which the .py's lowering must know.
auto DeclaredNames(const Module& declared) -> AugmentingNames {
  AugmentingNames names;
  for (const DialectImport& import : declared.dialect_imports) {
    if (import.local != "cython" && import.local != "*") {  // `cython`: the shadow's own import
      names.dialect_bindings.emplace_back(import.local, import.path);
    }
  }
  for (const auto& s : declared.body) {
    if (s->kind == Stmt::Kind::Class) {
      names.extension_types.insert(s->name);
    } else if (s->kind == Stmt::Kind::Assign && s->targets.size() == 1 && s->targets[0]->kind == Expr::Kind::Name &&
               s->value && s->value->kind == Expr::Kind::Call && s->value->callee().kind == Expr::Kind::DialectRef) {
      const std::string& path = s->value->callee().dialect_path;
      if (path == "cython.struct" || path == "cython.union" || path == "cython.typedef") {
        names.c_types.insert(s->targets[0]->name);
      }
    }
  }
  return names;
}

class Merger {
 public:
  Merger(Module& module, Module& declared, const base::SourceBuffer& shadow, const PxdShadow& origins,
         const base::SourceBuffer& pxd, diag::DiagnosticSink& sink, diag::DiagnosticSink& pxd_sink)
      : module_(module), declared_(declared), shadow_(shadow), origins_(origins), pxd_(pxd), sink_(sink),
        pxd_sink_(pxd_sink) {}

  void Run() {
    std::map<std::string, Stmt*> functions;
    std::map<std::string, Stmt*> classes;
    for (auto& s : module_.body) {
      if (s->kind == Stmt::Kind::Function) functions.emplace(s->function->name, s.get());
      if (s->kind == Stmt::Kind::Class) classes.emplace(s->name, s.get());
    }
    Block prelude;
    Block wrappers;  // after the declarations, whose types they may use
    std::set<std::string> seen;
    std::set<std::string> externs;  // extern functions' names: nothing else of the .pxd may have one
    for (const ExternFunction& f : origins_.externs) externs.insert(f.local);
    for (auto& s : declared_.body) {
      if (const std::string* name = DeclaredName(*s);
          name != nullptr && externs.count(*name) != 0 &&
          !(s->kind == Stmt::Kind::Function && IsWrapper(*name))) {
        pxd_sink_.Report(diag::Kind::PxdMismatch, Origin(s->range), fmt::format("`{}` is declared twice", *name));
        continue;
      }
      if ((s->kind == Stmt::Kind::Function || s->kind == Stmt::Kind::Class) &&
          !seen.insert(s->kind == Stmt::Kind::Class ? s->name : s->function->name).second) {
        const std::string& name = s->kind == Stmt::Kind::Class ? s->name : s->function->name;
        pxd_sink_.Report(diag::Kind::PxdMismatch, Origin(s->range), fmt::format("`{}` is declared twice", name));
        continue;
      }
      switch (s->kind) {
        case Stmt::Kind::Function: {
          auto it = functions.find(s->function->name);
          if (IsWrapper(s->function->name)) {
            // The Python wrapper of a `cpdef` extern function: defined by the .pxd itself.
            if (it != functions.end()) {
              Mismatch(it->second->function->name_range,
                       fmt::format("`{}` is declared in an extern block of the .pxd: the module cannot define it",
                                   s->function->name),
                       s->function->name, s->range);
            } else {
              Adopt(*s, {0, 0});
              Function& f = *s->function;
              f.range = f.name_range = f.def_range = {0, 0};
              for (Param& p : f.params) {
                p.range = {0, 0};
                if (p.annotation) p.annotation = Relocated(*p.annotation, {0, 0});
              }
              if (f.return_type) f.return_type = Relocated(*f.return_type, {0, 0});
              wrappers.push_back(std::move(s));
            }
            break;
          }
          if (it == functions.end()) {
            NotDefined("function", s->function->name, s->function->range);
          } else {
            MergeFunction(*it->second->function, *s->function);
          }
          break;
        }
        case Stmt::Kind::Class: {
          auto it = classes.find(s->name);
          if (it == classes.end()) {
            NotDefined("class", s->name, s->range);
          } else {
            MergeClass(*it->second, *s);
          }
          break;
        }
        case Stmt::Kind::AnnAssign:
        case Stmt::Kind::Assign:
          // A module variable, struct, union or typedef: declared before the module's code.
          Adopt(*s, {0, 0});
          prelude.push_back(std::move(s));
          break;
        case Stmt::Kind::Expr:
        case Stmt::Kind::Pass:
        case Stmt::Kind::Import:
          break;  // docstrings, `pass`, the shadow's imports
        default:
          pxd_sink_.Report(diag::Kind::UnsupportedPxdConstruct, Origin(s->range), "this declaration");
          break;
      }
    }
    prelude.insert(prelude.end(), std::make_move_iterator(wrappers.begin()), std::make_move_iterator(wrappers.end()));
    module_.body.insert(module_.body.begin() + static_cast<long>(InsertionPoint(module_.body)),
                        std::make_move_iterator(prelude.begin()), std::make_move_iterator(prelude.end()));
  }

 private:
  // The name a declaration of the shadow module binds, or nullptr.
  auto DeclaredName(const Stmt& s) const -> const std::string* {
    if (s.kind == Stmt::Kind::Function) return &s.function->name;
    if (s.kind == Stmt::Kind::Class) return &s.name;
    if ((s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign) && s.targets.size() == 1) {
      const Expr& target = *s.targets[0];
      if (target.kind == Expr::Kind::Name) return &target.name;
      if (target.extern_function >= 0) {  // the shadow reads an extern function's name as the function
        return &origins_.externs[static_cast<size_t>(target.extern_function)].local;
      }
    }
    return nullptr;
  }

  auto IsWrapper(const std::string& name) const -> bool {
    return std::find(origins_.wrappers.begin(), origins_.wrappers.end(), name) != origins_.wrappers.end();
  }

  // The .pxd range a range of the shadow module was made from.
  auto Origin(base::SourceRange range) const -> base::SourceRange {
    uint32_t line = shadow_.Locate(range.begin).line;
    return line >= 1 && line <= origins_.origins.size() ? origins_.origins[line - 1] : base::SourceRange{0, 0};
  }

  void NotDefined(std::string_view what, const std::string& name, base::SourceRange range) {
    pxd_sink_.Report(diag::Kind::PxdMismatch, Origin(range),
                     fmt::format("{} `{}` is declared here but not defined in the module", what, name));
  }

  void Mismatch(base::SourceRange at, const std::string& message, const std::string& name, base::SourceRange decl) {
    sink_.Report(diag::Kind::PxdMismatch, at, message).AddNoteIn(pxd_, diag::Kind::PxdDeclaredHere, Origin(decl), name);
  }

  void MergeFunction(Function& def, Function& decl) {
    const std::string& name = def.unmangled_name.empty() ? def.name : def.unmangled_name;
    const base::SourceRange at = def.name_range;
    // The definition may spell C typing too (Cython's own examples do), if it says what the .pxd says.
    const bool kind_conflict = (def.attrs.cfunc && !decl.attrs.cfunc) || (def.attrs.ccall && !decl.attrs.ccall);
    if (kind_conflict || def.attrs.has_exceptval || def.attrs.returns) {
      Mismatch(at,
               fmt::format("`{}` is declared in the .pxd; its definition cannot make it another kind of function "
                           "or give it its own `@cython.exceptval` or `@cython.returns`",
                           name),
               name, decl.range);
      return;
    }
    // Cython gives the function the .pxd's type: a definition that adds `nogil`
    // (or `with gil`, which may also be called without the GIL) differs from it
    // ("Function signature does not match previous declaration"), and callers
    // would need the GIL.
    if ((def.attrs.nogil || def.attrs.with_gil) && !decl.attrs.nogil && !decl.attrs.with_gil) {
      Mismatch(at,
               fmt::format("`{}` is declared without `{}` in the .pxd; its definition cannot add `@cython.{}` "
                           "(declare it `{}` in the .pxd)",
                           name, def.attrs.nogil ? "nogil" : "with gil", def.attrs.nogil ? "nogil" : "with_gil",
                           def.attrs.nogil ? "nogil" : "with gil"),
               name, decl.range);
      def.attrs.nogil = false;  // checked as the .pxd declares it
      def.attrs.with_gil = false;
    }
    if (def.return_type && !SameType(*def.return_type, decl.return_type)) {
      Mismatch(def.return_type->range,
               fmt::format("the return type of `{}` differs from its .pxd declaration", name), name, decl.range);
      return;
    }
    for (size_t i = 0; i < def.params.size() && i < decl.params.size(); ++i) {
      const Param& p = def.params[i];
      if (p.annotation && !SameType(*p.annotation, decl.params[i].annotation)) {
        Mismatch(p.annotation->range,
                 fmt::format("the type of parameter `{}` of `{}` differs from its .pxd declaration", p.name, name),
                 name, decl.range);
        return;
      }
    }
    std::string difference;
    if (def.params.size() != decl.params.size()) {
      difference = fmt::format("{} parameters in the .pxd, {} here", decl.params.size(), def.params.size());
    }
    for (size_t i = 0; difference.empty() && i < def.params.size(); ++i) {
      const Param& d = def.params[i];
      const Param& p = decl.params[i];
      if (d.name != p.name || d.kind != p.kind || d.keyword_only != p.keyword_only ||
          d.positional_only != p.positional_only) {
        difference = fmt::format("parameter {} is `{}` in the .pxd", i + 1, p.name);
      } else if ((d.default_value != nullptr) != (p.default_value != nullptr)) {
        difference = p.default_value ? fmt::format("`{}` has a default (`=*`) in the .pxd but none here", p.name)
                                     : fmt::format("`{}` has a default here but no `=*` in the .pxd", p.name);
      }
    }
    if (!difference.empty()) {
      Mismatch(def.def_range,
               fmt::format("the signature of `{}` does not match its .pxd declaration: {}", name, difference), name,
               decl.range);
      return;
    }
    for (size_t i = 0; i < def.params.size(); ++i) {
      if (decl.params[i].annotation) {
        def.params[i].annotation = Relocated(*decl.params[i].annotation, def.params[i].range);
      }
    }
    if (decl.return_type) {
      def.return_type = Relocated(*decl.return_type, at);
    }
    def.pxd = &pxd_;
    def.pxd_range = Origin(decl.range);
    FunctionAttrs& a = def.attrs;
    FunctionAttrs& d = decl.attrs;
    if ((d.cfunc || d.ccall) && !a.cfunc && !a.ccall) {
      // Cython makes the `def` the .pxd's C function and leaves its Python
      // decorators out: a `@classmethod` one then takes the instance first.
      for (auto it = a.unknown_decorators.begin(); it != a.unknown_decorators.end(); ++it) {
        if ((*it)->kind == Expr::Kind::Name && (*it)->name == "classmethod") {
          a.dropped_classmethod = std::move(*it);
          a.unknown_decorators.erase(it);
          break;
        }
      }
    }
    a.cfunc |= d.cfunc;
    a.ccall |= d.ccall;
    a.nogil |= d.nogil;
    a.with_gil |= d.with_gil;
    for (auto [mine, declared] : {std::pair{&a.boundscheck, &d.boundscheck}, std::pair{&a.wraparound, &d.wraparound},
                                  std::pair{&a.cdivision, &d.cdivision}, std::pair{&a.nonecheck, &d.nonecheck}}) {
      if (!mine->has_value()) *mine = *declared;
    }
    if (d.has_exceptval) {
      a.has_exceptval = true;
      a.exceptval_check = d.exceptval_check;
      a.exceptval_value = std::move(d.exceptval_value);
      if (a.exceptval_value) Adopt(*a.exceptval_value, at);
    }
    for (auto& [local, type] : d.locals) {
      a.locals.emplace_back(local, Relocated(type, at));
    }
    if (d.returns) a.returns = Relocated(*d.returns, at);
    if (d.infer_types != FunctionAttrs::Inference::Full) a.infer_types = d.infer_types;
    for (DecoratorInfo info : d.decorators) {
      info.range = at;
      a.decorators.push_back(std::move(info));
    }
    for (ExprPtr& unknown : d.unknown_decorators) {
      Adopt(*unknown, at);
      a.unknown_decorators.push_back(std::move(unknown));
    }
  }

  void MergeClass(Stmt& def, Stmt& decl) {
    const base::SourceRange at = def.head_range;
    auto base_names = [](const Stmt& s) {
      std::vector<std::string> names;
      for (const auto& b : s.bases) {
        if (b->kind != Expr::Kind::Name || b->name != "object") {  // `class A(object)` is `class A`
          names.push_back(b->kind == Expr::Kind::Name ? b->name : "<expression>");
        }
      }
      return names;
    };
    if (base_names(def) != base_names(decl)) {
      Mismatch(at, fmt::format("the bases of class `{}` do not match its .pxd declaration", def.name), def.name,
               decl.range);
      return;
    }
    const bool already = std::any_of(def.decorators.begin(), def.decorators.end(),
                                     [](const ExprPtr& d) { return d && IsCClassDecorator(*d); });
    for (ExprPtr& d : decl.decorators) {
      if (already && IsCClassDecorator(*d)) continue;
      Adopt(*d, at);
      def.decorators.push_back(std::move(d));
    }
    std::map<std::string, Function*> methods;
    for (auto& m : def.blocks[0]) {
      if (m->kind == Stmt::Kind::Function) methods.emplace(m->function->name, m->function.get());
    }
    Block fields;
    std::set<std::string> seen;
    for (auto& m : decl.blocks[0]) {
      if (m->kind == Stmt::Kind::Function && !seen.insert(m->function->name).second) {
        pxd_sink_.Report(diag::Kind::PxdMismatch, Origin(m->range),
                         fmt::format("`{}` is declared twice", m->function->name));
      } else if (m->kind == Stmt::Kind::Function) {
        auto it = methods.find(m->function->name);
        if (it == methods.end()) {
          NotDefined("method", def.name + "." + m->function->name, m->function->range);
        } else {
          MergeFunction(*it->second, *m->function);
        }
      } else if (m->kind == Stmt::Kind::AnnAssign || m->kind == Stmt::Kind::Assign) {
        Adopt(*m, at);
        fields.push_back(std::move(m));
      } else if (m->kind != Stmt::Kind::Expr && m->kind != Stmt::Kind::Pass) {
        pxd_sink_.Report(diag::Kind::UnsupportedPxdConstruct, Origin(m->range), "this declaration");
      }
    }
    Block& body = def.blocks[0];
    body.insert(body.begin() + static_cast<long>(InsertionPoint(body)), std::make_move_iterator(fields.begin()),
                std::make_move_iterator(fields.end()));
  }

  // A type of the shadow module placed at `at` in the module.
  auto Relocated(TypeExpr type, base::SourceRange at) -> TypeExpr {
    type.range = at;
    if (type.target) {
      type.target = std::make_shared<TypeExpr>(Relocated(*type.target, at));
    }
    return type;
  }

  // Nodes of the shadow module join the module: new ids (the module's are dense), ranges at `at`.
  void Adopt(Expr& e, base::SourceRange at) {
    e.range = at;
    e.args_range = at;
    e.id = ExprId{module_.expr_count++};
    for (Keyword& k : e.keywords) k.name_range = at;
    ForEachChild(e, [&](Expr& child) { Adopt(child, at); });
  }

  void Adopt(Stmt& s, base::SourceRange at) {
    s.range = at;
    s.head_range = at;
    s.id = StmtId{module_.stmt_count++};
    if (s.annotation) s.annotation = Relocated(*s.annotation, at);
    ForEachChild(s, Overloaded{[&](Expr& e) { Adopt(e, at); }, [&](Stmt& child) { Adopt(child, at); }});
  }

  Module& module_;
  Module& declared_;
  const base::SourceBuffer& shadow_;
  const PxdShadow& origins_;
  const base::SourceBuffer& pxd_;
  diag::DiagnosticSink& sink_;
  diag::DiagnosticSink& pxd_sink_;
};

}  // namespace

namespace {

// A type of another module placed at `at` in the module.
auto RelocatedType(TypeExpr type, base::SourceRange at) -> TypeExpr {
  type.range = at;
  if (type.target) {
    type.target = std::make_shared<TypeExpr>(RelocatedType(*type.target, at));
  }
  return type;
}

void AdoptExpr(Module& module, Expr& e, base::SourceRange at) {
  e.range = at;
  e.args_range = at;
  e.id = ExprId{module.expr_count++};
  for (Keyword& k : e.keywords) k.name_range = at;
  ForEachChild(e, [&](Expr& child) { AdoptExpr(module, child, at); });
}

void AdoptStmt(Module& module, Stmt& s, base::SourceRange at) {
  s.range = at;
  s.head_range = at;
  s.id = StmtId{module.stmt_count++};
  if (s.annotation) s.annotation = RelocatedType(*s.annotation, at);
  ForEachChild(s, Overloaded{[&](Expr& e) { AdoptExpr(module, e, at); }, [&](Stmt& child) { AdoptStmt(module, child, at); }});
}

}  // namespace

void FoldDeclarations(Module& module, Block declarations) {
  for (auto& s : declarations) {
    AdoptStmt(module, *s, {0, 0});
  }
  module.body.insert(module.body.begin() + static_cast<long>(InsertionPoint(module.body)),
                     std::make_move_iterator(declarations.begin()), std::make_move_iterator(declarations.end()));
}

auto ParseAugmented(const base::SourceBuffer& source, const base::SourceBuffer& pxd, const std::string& module_name,
                    diag::DiagnosticSink& sink, diag::DiagnosticSink& pxd_sink) -> Module {
  PxdShadow shadow = MakePxdShadow(pxd, pxd_sink);
  for (ExternFunction& f : shadow.externs) f.pxd = &pxd;
  const base::SourceBuffer shadow_buffer(pxd.name(), shadow.text);
  diag::DiagnosticSink shadow_sink;
  AugmentingNames shadow_names;  // the extern functions the wrappers call
  shadow_names.extern_functions = shadow.externs;
  ParseOptions shadow_options;
  shadow_options.augmenting = &shadow_names;
  shadow_options.expand_fused = false;  // its fused declarations type the module's definitions
  Module declared = Parse(shadow_buffer, module_name, shadow_sink, shadow_options);
  // What the parser says of the shadow, said of the .pxd lines it was made from.
  auto origin = [&](base::SourceRange range) {
    uint32_t line = shadow_buffer.Locate(range.begin).line;
    return line >= 1 && line <= shadow.origins.size() ? shadow.origins[line - 1] : base::SourceRange{0, 0};
  };
  for (diag::Diagnostic d : shadow_sink.diagnostics()) {
    d.range = origin(d.range);
    for (diag::Note& note : d.notes) note.range = origin(note.range);
    d.fixits.clear();
    pxd_sink.Add(std::move(d));
  }
  if (pxd_sink.HasErrors()) {
    return Parse(source, module_name, sink);  // the module's own errors still count
  }
  AugmentingNames names = DeclaredNames(declared);
  names.extern_functions = shadow.externs;
  // The module's fused types begin with the shadow's, so that the declarations
  // folded in index the same ones; they have no place in the module's text.
  names.fused_types = declared.fused_types;
  for (FusedTypeDef& def : names.fused_types) {
    def.range = {0, 0};
    for (TypeExpr& member : def.members) member.range = {0, 0};
  }
  ParseOptions options;
  options.augmenting = &names;
  // Specialised once the .pxd's declarations are merged in: a declaration with
  // fused types (`cpdef number twice(number x)`) makes its definition fused.
  options.expand_fused = false;
  Module module = Parse(source, module_name, sink, options);
  for (const auto& d : sink.diagnostics()) {
    if (d.severity == diag::Severity::Error && d.code().substr(0, 3) == "PX0") {
      ExpandFusedFunctions(module, sink);
      return module;  // the syntax errors come first
    }
  }
  Merger(module, declared, shadow_buffer, shadow, pxd, sink, pxd_sink).Run();
  ExpandFusedFunctions(module, sink);
  // The module's own .pxd: every enumerator is a name of the module, as in Cython.
  for (const CEnum& e : shadow.enums) {
    for (const auto& [name, value] : e.constants) {
      module.enum_constants.push_back({name, e.name, e.is_unsigned, value});
    }
  }
  module.c_enums = std::move(shadow.enums);
  return module;
}

}  // namespace pyxx::syntax
