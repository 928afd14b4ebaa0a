// Module-level C variables: `x = cython.declare(T)`, `x = cython.declare(T, v)`
// and `cython.declare(x=T, ...)` at the top level of the module declare C
// globals of the extension (not module attributes), read and written from any
// code of the module, nogil code included. As in Cython 3, a module-level
// annotation (`x: cython.int = 0`) declares nothing: `x` stays a Python global.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

auto IsDeclareCall(const Expr* e) -> bool {
  return e != nullptr && e->kind == Expr::Kind::Call && e->callee().kind == Expr::Kind::DialectRef &&
         e->callee().dialect == syntax::DialectName::CythonDeclare;
}

// `x = cython.declare(T[, v])`: the call, or null.
auto AssignedDeclare(const Stmt& s) -> const Expr* {
  if (s.kind == Stmt::Kind::Assign && s.targets.size() == 1 && s.targets[0]->kind == Expr::Kind::Name &&
      IsDeclareCall(s.value.get()) && !s.value->args.empty()) {
    return s.value.get();
  }
  return nullptr;
}

// `cython.declare(x=T, ...)`: the call, or null.
auto KeywordDeclare(const Stmt& s) -> const Expr* {
  if (s.kind == Stmt::Kind::Expr && IsDeclareCall(s.value.get()) && s.value->args.empty()) {
    return s.value.get();
  }
  return nullptr;
}

}  // namespace

// What a module-level C variable cannot hold: every access is a relaxed atomic
// one on a scalar leaf (runtime c_global.hpp), and an array or struct is
// copied leaf by leaf. A `long double` is 16 bytes (no lock-free atomic
// access); which member of a union is live is not known, so it has no leaves.
auto Checker::CGlobalUnstorable(const Type& t) const -> std::string {
  if (t.kind == TypeKind::LongDouble || t.kind == TypeKind::LongDoubleComplex) {
    return "a `long double` type";
  }
  if (t.IsArray()) {
    return CGlobalUnstorable(*t.target);
  }
  if (t.IsCppClass()) {
    // No leaves to load and store atomically.
    return t.IsVector() ? "a C++ `vector` type" : t.IsCppString() ? "a C++ `string`" : "a C++ `" + SpellPyxx(t) + "` type";
  }
  if (t.IsStruct()) {
    const checked::CStruct& st = out_.structs[static_cast<size_t>(t.struct_id)];
    if (st.is_union) {
      return fmt::format("a union (`{}`)", st.name);
    }
    for (const auto& field : st.fields) {
      if (std::string why = CGlobalUnstorable(field.second); !why.empty()) {
        return why;
      }
    }
  }
  return {};
}

void Checker::MarkStructsInCGlobal(const Type& t) {
  if (t.IsArray()) {
    MarkStructsInCGlobal(*t.target);
  } else if (t.IsStruct()) {
    checked::CStruct& st = out_.structs[static_cast<size_t>(t.struct_id)];
    st.in_c_global = true;
    for (const auto& field : st.fields) {
      MarkStructsInCGlobal(field.second);
    }
  }
}

void Checker::DeclareCGlobal(const std::string& name, Type t, SourceRange where, SourceRange type_range, const Stmt& s) {
  if (std::string why = CGlobalUnstorable(t); !why.empty()) {
    Report(Kind::UnsupportedType, type_range,
           fmt::format("a module-level C variable of {}{}", why,
                       t.IsArray() || t.IsStruct() ? fmt::format(" (inside {})", Describe(t)) : std::string()));
    rejected_c_declarations_.insert(&s);
    return;
  }
  MarkStructsInCGlobal(t);
  c_global_declarations_.insert(&s);
  if (auto it = out_.c_global_index.find(name); it != out_.c_global_index.end()) {
    const checked::CGlobal& previous = out_.c_globals[it->second];
    if (!(previous.type == t)) {
      Report(Kind::Redefinition, where, name).AddNote(Kind::PreviousDefinition, previous.declared, name);
    }
    return;
  }
  out_.c_global_index.emplace(name, static_cast<int>(out_.c_globals.size()));
  out_.c_globals.push_back(checked::CGlobal{name, t, where});
  if (module_names_.insert(name).second) {
    module_name_ranges_[name] = where;
  }
}

// `T` names a module-level extension type's class statement (declared after the C globals).
auto Checker::NamesCClassStatement(const Expr& e) const -> bool {
  if (e.kind != Expr::Kind::Name) {
    return false;
  }
  return std::any_of(module_.body.begin(), module_.body.end(), [&](const auto& top) {
    return top->kind == Stmt::Kind::Class && top->name == e.name && IsCClassStatement(*top);
  });
}

void Checker::DeclareCGlobals() {
  for (const auto& top : module_.body) {
    const Stmt& s = *top;
    if (const Expr* call = AssignedDeclare(s)) {
      // `x = cython.declare(T)` / `x = cython.declare(T, v)`. A Python type
      // (`cython.declare(list, [])`) stays a Python global; an unknown type is
      // reported where the call is checked.
      std::optional<Type> t = DeclaredType(*call->args[0]);
      if (t && !t->IsObject()) {
        DeclareCGlobal(s.targets[0]->name, *t, s.targets[0]->range, call->args[0]->range, s);
      } else if (!t && NamesCClassStatement(*call->args[0])) {
        // An extension type: a typed object variable, as `cython.declare(x=T)` below.
        DeclareCGlobal(s.targets[0]->name, Type::Instance(call->args[0]->name), s.targets[0]->range,
                       call->args[0]->range, s);
      }
    } else if (const Expr* call = KeywordDeclare(s)) {
      // `cython.declare(x=T, y=U)`.
      for (const auto& kw : call->keywords) {
        if (kw.name.empty()) {
          continue;
        }
        std::optional<Type> t = DeclaredType(*kw.value);
        if (!t && NamesCClassStatement(*kw.value)) {
          // As Cython's `cdef T x` at module level: a typed object variable of the
          // extension (None until stored), not a module attribute; used with the GIL.
          DeclareCGlobal(kw.name, Type::Instance(kw.value->name), kw.name_range, kw.value->range, s);
          continue;
        }
        if (!t) {
          Report(Kind::UnknownType, kw.value->range, Text(kw.value->range));
          rejected_c_declarations_.insert(&s);
          continue;
        }
        if (t->IsObject()) {
          // Cython makes a hidden object variable that starts as None; pyxx has none.
          Report(Kind::UnsupportedType, kw.value->range,
                 fmt::format("a module-level `cython.declare` of a Python object type (bind `{}` as a plain global)",
                             kw.name));
          rejected_c_declarations_.insert(&s);
          continue;
        }
        DeclareCGlobal(kw.name, *t, kw.name_range, kw.value->range, s);
      }
    } else if (s.kind == Stmt::Kind::AnnAssign && s.annotation && !s.targets.empty() &&
               s.targets[0]->kind == Expr::Kind::Name && s.annotation->kind != syntax::TypeExpr::Kind::Object &&
               s.annotation->kind != syntax::TypeExpr::Kind::Invalid) {
      // Ignored, as by Cython; remembered for the hint when nogil code uses the name.
      c_annotated_globals_.emplace(s.targets[0]->name, s.annotation->range);
    }
  }
  // A `cython.declare` of a C type in a block of the module's code: Cython
  // allows C declarations only at the top level of a module.
  for (const auto& top : module_.body) {
    if (top->kind == Stmt::Kind::Function || top->kind == Stmt::Kind::Class) {
      continue;
    }
    syntax::ForEachStmtIn(*top, [&](const Stmt& s) {
      if (&s == top.get()) {
        return;
      }
      const Expr* call = AssignedDeclare(s);
      const Expr* type = call != nullptr ? call->args[0].get() : nullptr;
      if (const Expr* kw_call = KeywordDeclare(s); kw_call != nullptr && !kw_call->keywords.empty()) {
        type = kw_call->keywords[0].value.get();
      }
      if (type == nullptr) {
        return;
      }
      std::optional<Type> t = DeclaredType(*type);
      if (t && !t->IsObject()) {
        Report(Kind::UnsupportedType, type->range,
               std::string("a C variable declared inside a block of the module's code (declare it at the top level)"));
        rejected_c_declarations_.insert(&s);
      }
    });
  }
  if (out_.c_globals.empty()) {
    return;
  }
  // An import, a class or a function binds an object: not to a C variable's name.
  for (const auto& top : module_.body) {
    if (top->kind == Stmt::Kind::Function) {
      continue;
    }
    syntax::ForEachStmtIn(*top, [&](const Stmt& s) {
      if (s.kind != Stmt::Kind::Import && s.kind != Stmt::Kind::Class) {
        return;
      }
      syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange r) {
        if (int g = LookupCGlobal(std::string(name)); g >= 0) {
          Report(Kind::Redefinition, r, std::string(name))
              .AddNote(Kind::PreviousDefinition, out_.c_globals[g].declared, std::string(name));
        }
      });
    });
  }
}

// A module-level memoryview is rebound and released only with the GIL held, so
// a use that holds it sees a whole view, never one half rebound: every use
// (reading it, its elements or attributes, storing to it) needs the GIL.
auto Checker::RequireGilForModuleView(const Expr& name) -> bool {
  const int g = LookupCGlobal(name.name);
  const bool object = g >= 0 && out_.c_globals[static_cast<size_t>(g)].type.IsObject();
  return RequireGil(object ? GilOp::ModuleObject : GilOp::ModuleView, name.range, fmt::format("`{}`", name.name));
}

auto Checker::LookupCGlobal(const std::string& name) const -> int {
  auto it = out_.c_global_index.find(name);
  return it == out_.c_global_index.end() ? -1 : it->second;
}

void Checker::HintAnnotatedGlobal(const std::string& name, size_t diagnostics_before) {
  auto it = c_annotated_globals_.find(name);
  if (it == c_annotated_globals_.end() || sink_->diagnostics().size() <= diagnostics_before) {
    return;
  }
  sink_->Amend(diagnostics_before)
      .AddNote(Kind::FixItHint, it->second,
               fmt::format("a module-level annotation does not make `{}` a C variable (as in Cython, it stays a "
                           "Python global); `{} = cython.declare({}, ...)` does",
                           name, name, Text(it->second)));
}

}  // namespace pyxx::check
