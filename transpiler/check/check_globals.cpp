// Module-level C variables: `x: cython.int = 0`, `x = cython.declare(T, v)` and
// `cython.declare(x=T, ...)` at the top level of the module declare C globals
// of the extension (not module attributes), read and written from any code of
// the module, nogil code included.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

auto IsDeclareCall(const Expr* e) -> bool {
  return e != nullptr && e->kind == Expr::Kind::Call && e->callee().kind == Expr::Kind::DialectRef &&
         e->callee().dialect == syntax::DialectName::CythonDeclare;
}

}  // namespace

void Checker::DeclareCGlobal(const std::string& name, Type t, SourceRange where, SourceRange type_range, const Stmt& s) {
  if (t.IsError()) {
    rejected_c_declarations_.insert(&s);
    return;
  }
  if (t.IsObject()) {
    return;  // a Python global, as any other (Cython ignores module-level annotations)
  }
  const char* unsupported = t.IsMemoryView()                    ? "a module-level memoryview variable"
                            : t.kind == TypeKind::LongDouble     ? "a module-level C variable of type `long double`"
                            : t.IsVoid()                         ? "a variable of type `cython.void`"
                                                                 : nullptr;
  if (unsupported != nullptr) {
    Report(t.IsVoid() ? Kind::InvalidTypeUse : Kind::UnsupportedType, type_range, std::string(unsupported));
    rejected_c_declarations_.insert(&s);
    return;
  }
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

void Checker::DeclareCGlobals() {
  for (const auto& top : module_.body) {
    const Stmt& s = *top;
    if (s.kind == Stmt::Kind::AnnAssign && s.annotation && !s.targets.empty() &&
        s.targets[0]->kind == Expr::Kind::Name && s.annotation->kind != syntax::TypeExpr::Kind::Object) {
      // `x: T = v` with a C type; the value may be `cython.declare(T, v)` too.
      DeclareCGlobal(s.targets[0]->name, AnnotationType(*s.annotation, false), s.targets[0]->range,
                     s.annotation->range, s);
    } else if (s.kind == Stmt::Kind::Assign && s.targets.size() == 1 && s.targets[0]->kind == Expr::Kind::Name &&
               IsDeclareCall(s.value.get()) && !s.value->args.empty()) {
      // `x = cython.declare(T)` / `x = cython.declare(T, v)`.
      std::optional<Type> t = TypeFromExpr(*s.value->args[0]);
      if (t) {
        DeclareCGlobal(s.targets[0]->name, *t, s.targets[0]->range, s.value->args[0]->range, s);
      }
    } else if (s.kind == Stmt::Kind::Expr && IsDeclareCall(s.value.get()) && s.value->args.empty()) {
      // `cython.declare(x=T, y=U)`.
      for (const auto& kw : s.value->keywords) {
        if (kw.name.empty()) continue;
        std::optional<Type> t = TypeFromExpr(*kw.value);
        if (!t) {
          Report(Kind::UnknownType, kw.value->range, Text(kw.value->range));
          rejected_c_declarations_.insert(&s);
          continue;
        }
        if (t->IsObject()) {
          Report(Kind::UnsupportedType, kw.value->range,
                 fmt::format("a module-level `cython.declare` of a Python object type (bind `{}` as a plain global)",
                             kw.name));
          continue;
        }
        DeclareCGlobal(kw.name, *t, kw.name_range, kw.value->range, s);
      }
    }
  }
  if (out_.c_globals.empty()) {
    return;
  }
  // An import or a class statement binds an object: not to a C variable's name.
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

auto Checker::LookupCGlobal(const std::string& name) const -> int {
  auto it = out_.c_global_index.find(name);
  return it == out_.c_global_index.end() ? -1 : it->second;
}

}  // namespace pyxx::check
