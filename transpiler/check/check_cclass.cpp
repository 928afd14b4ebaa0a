// Extension types (`@cython.cclass`): a module-level class whose instances keep
// declared fields in a C struct. Its body runs as a plain class body (methods,
// properties, class attributes), except the field declarations, which make the
// layout; `self` of its methods is typed as the class, so `self.x` is C access.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

auto IsDeclareCall(const Expr* e) -> bool {
  return e != nullptr && e->kind == Expr::Kind::Call && e->callee().kind == Expr::Kind::DialectRef &&
         e->callee().dialect == syntax::DialectName::CythonDeclare;
}

auto DecoratorPath(const Expr& d) -> std::string {
  const Expr& head = d.kind == Expr::Kind::Call ? d.callee() : d;
  return head.kind == Expr::Kind::DialectRef ? head.dialect_path : std::string();
}

}  // namespace

auto Checker::IsCClassStatement(const Stmt& s) -> bool {
  if (s.kind != Stmt::Kind::Class) {
    return false;
  }
  for (const auto& d : s.decorators) {
    if (d->kind == Expr::Kind::DialectRef && d->dialect_path == "cython.cclass") {
      return true;
    }
  }
  return false;
}

auto Checker::FieldVisibilityOf(const Expr& call, bool& ok) -> FieldVisibility {
  for (const auto& kw : call.keywords) {
    if (kw.name != "visibility") {
      continue;
    }
    if (kw.value->kind == Expr::Kind::String && !kw.value->is_bytes) {
      if (kw.value->text == "public") {
        return FieldVisibility::Public;
      }
      if (kw.value->text == "readonly") {
        return FieldVisibility::ReadOnly;
      }
      if (kw.value->text == "private") {
        return FieldVisibility::Private;
      }
    }
    Report(Kind::InvalidTypeUse, kw.value->range,
           std::string("`visibility` is one of 'public', 'readonly' or 'private'"));
    ok = false;
  }
  return FieldVisibility::Private;
}

void Checker::DeclareCClassField(CClassInfo& cls, const std::string& name, Type t, FieldVisibility visibility,
                                 SourceRange where, SourceRange type_range) {
  if (t.IsError()) {
    return;
  }
  if (t.IsVoid()) {
    Report(Kind::InvalidTypeUse, type_range, std::string("a field cannot have type `cython.void`"));
    return;
  }
  if (t.IsMemoryView() || t.IsComplex() || t.kind == TypeKind::LongDouble) {
    Report(Kind::UnsupportedType, type_range,
           fmt::format("a field of type {} in an extension type", Describe(t)));
    return;
  }
  if (auto it = cls.field_index.find(name); it != cls.field_index.end()) {
    Report(Kind::Redefinition, where, name).AddNote(Kind::PreviousDefinition, cls.fields[it->second].declared, name);
    return;
  }
  cls.field_index.emplace(name, static_cast<int>(cls.fields.size()));
  cls.fields.push_back(checked::CClassField{name, std::move(t), visibility, where});
}

void Checker::DeclareCClasses() {
  for (const auto& top : module_.body) {
    const Stmt& s = *top;
    if (!IsCClassStatement(s)) {
      // Elsewhere (in a function, a block, a class): CheckClass rejects it.
      continue;
    }
    CClassInfo cls;
    cls.name = s.name;
    cls.syntax = &s;
    bool ok = true;
    for (const auto& d : s.decorators) {
      const std::string path = DecoratorPath(*d);
      if (path == "cython.cclass" && d->kind == Expr::Kind::DialectRef) {
        continue;
      }
      if (path == "cython.final" && d->kind == Expr::Kind::DialectRef) {
        cls.final = true;
        continue;
      }
      Report(Kind::UnsupportedDecorator, d->range, Text(d->range))
          .AddNote(Kind::FixItHint, d->range, "an extension type takes `@cython.cclass` and `@cython.final`");
      ok = false;
    }
    for (const auto& b : s.bases) {
      if (b->kind == Expr::Kind::Name && b->name == "object") {
        continue;
      }
      Report(Kind::UnsupportedStatement, b->range, std::string("a base class of an extension type"));
      ok = false;
    }
    for (const auto& k : s.class_keywords) {
      Report(Kind::UnsupportedStatement, k.value->range, std::string("class keywords of an extension type"));
      ok = false;
    }
    if (out_.cclass_index.count(s.name) != 0) {
      Report(Kind::Redefinition, s.head_range, s.name)
          .AddNote(Kind::PreviousDefinition, out_.cclasses[out_.cclass_index.at(s.name)].syntax->head_range, s.name);
      ok = false;
    }
    // The fields: declarations directly in the body.
    for (const auto& member : s.blocks[0]) {
      const Stmt& m = *member;
      if (m.kind == Stmt::Kind::AnnAssign && m.annotation && !m.targets.empty() &&
          m.targets[0]->kind == Expr::Kind::Name) {
        cclass_fields_.insert(&m);
        if (m.value) {
          Report(Kind::InvalidTypeUse, m.value->range,
                 fmt::format("field `{}` of an extension type cannot have a value in the class body: assign it in "
                             "`__init__` or `__cinit__`",
                             m.targets[0]->name));
          ok = false;
          continue;
        }
        DeclareCClassField(cls, m.targets[0]->name, AnnotationType(*m.annotation, false), FieldVisibility::Private,
                           m.targets[0]->range, m.annotation->range);
      } else if (m.kind == Stmt::Kind::Assign && m.targets.size() == 1 && m.targets[0]->kind == Expr::Kind::Name &&
                 IsDeclareCall(m.value.get()) && !m.value->args.empty()) {
        // `x = cython.declare(T, visibility='public')`
        cclass_fields_.insert(&m);
        const Expr& call = *m.value;
        if (call.args.size() > 1) {
          Report(Kind::InvalidTypeUse, call.args[1]->range,
                 fmt::format("field `{}` of an extension type cannot have a value in the class body: assign it in "
                             "`__init__` or `__cinit__`",
                             m.targets[0]->name));
          ok = false;
          continue;
        }
        FieldVisibility vis = FieldVisibilityOf(call, ok);
        std::optional<Type> t = TypeFromExpr(*call.args[0]);
        if (!t) {
          Report(Kind::UnknownType, call.args[0]->range, Text(call.args[0]->range));
          ok = false;
          continue;
        }
        DeclareCClassField(cls, m.targets[0]->name, *t, vis, m.targets[0]->range, call.args[0]->range);
      } else if (m.kind == Stmt::Kind::Expr && IsDeclareCall(m.value.get()) && m.value->args.empty()) {
        // `cython.declare(x=T, y=U, visibility='readonly')`
        cclass_fields_.insert(&m);
        const Expr& call = *m.value;
        FieldVisibility vis = FieldVisibilityOf(call, ok);
        for (const auto& kw : call.keywords) {
          if (kw.name.empty() || kw.name == "visibility") {
            continue;
          }
          std::optional<Type> t = TypeFromExpr(*kw.value);
          if (!t) {
            Report(Kind::UnknownType, kw.value->range, Text(kw.value->range));
            ok = false;
            continue;
          }
          DeclareCClassField(cls, kw.name, *t, vis, kw.name_range, kw.value->range);
        }
      } else if (m.kind == Stmt::Kind::Function && (m.function->name == "__new__")) {
        Report(Kind::UnsupportedStatement, m.function->name_range,
               std::string("`__new__` in an extension type (write `__cinit__`, which runs when the object is made)"));
        ok = false;
      } else if (m.kind == Stmt::Kind::Assign && m.targets.size() == 1 && m.targets[0]->kind == Expr::Kind::Name &&
                 (m.targets[0]->name == "__slots__")) {
        Report(Kind::UnsupportedStatement, m.targets[0]->range,
               std::string("`__slots__` in an extension type (its fields are its storage)"));
        ok = false;
      }
    }
    for (const auto& f : cls.fields) {
      if (f.name == "__dict__" || f.name == "__weakref__") {
        Report(Kind::UnsupportedStatement, f.declared, fmt::format("a `{}` field of an extension type", f.name));
        ok = false;
      }
    }
    if (!ok) {
      rejected_cclasses_.insert(&s);
    }
    if (out_.cclass_index.count(s.name) == 0) {
      out_.cclass_index.emplace(s.name, static_cast<int>(out_.cclasses.size()));
      cclass_statements_.emplace(&s, static_cast<int>(out_.cclasses.size()));
      out_.cclasses.push_back(std::move(cls));
    }
    // Its methods: `self` is an instance of the class.
    for (const auto& member : s.blocks[0]) {
      if (member->kind == Stmt::Kind::Function) {
        cclass_methods_.emplace(member->function.get(), s.name);
      }
    }
  }
}

void Checker::TypeCClassMethod(const syntax::Function& fn, FunctionInfo& info) {
  auto it = cclass_methods_.find(&fn);
  if (it == cclass_methods_.end() || fn.params.empty()) {
    return;
  }
  for (const auto& d : fn.attrs.unknown_decorators) {
    // A static method has no `self`; a class method's first parameter is the class.
    if (d->kind == Expr::Kind::Name && (d->name == "staticmethod" || d->name == "classmethod")) {
      return;
    }
  }
  const syntax::Param& self = fn.params[0];
  if (self.kind != syntax::Param::Kind::Normal || self.annotation || self.default_value || self.keyword_only) {
    return;
  }
  info.param_types[0] = Type::Instance(it->second);
  checked::ParamTypeTest test;
  test.type_name = it->second;
  test.instance = true;
  info.param_type_tests[0] = test;
}

auto Checker::CheckCClassAttribute(const Expr& e, const Type& object) -> std::optional<Type> {
  const CClassInfo& cls = out_.CClass(object.extension);
  const checked::CClassField* field = cls.Field(e.name);
  if (field == nullptr && cls.CMethod(e.name) >= 0 &&
      out_.functions[static_cast<size_t>(cls.CMethod(e.name))].kind == FunctionKind::CFunc) {
    // Not an attribute Python code sees: only a call reaches it.
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("the `@cython.cfunc` method `{}` of `{}` used as a value (only calls reach it)", e.name,
                       cls.name));
    return Type::Error();
  }
  if (field == nullptr) {
    return std::nullopt;  // a method, property or class attribute: looked up as Python does
  }
  out_.Write(e).resolution =
      Resolution{Resolution::Kind::CClassField, cls.field_index.at(e.name), cls.name};
  // A C field is C data: read and written without the GIL. An object field is
  // a Python object, as any other.
  if (field->type.IsObject()) {
    NoteGilNeed(Kind::PythonObjectWithoutGil, e.range, -1);
    if (InNogil()) {
      if (!gil_reported_in_stmt_) {
        gil_reported_in_stmt_ = true;
        auto b = Report(Kind::PythonObjectWithoutGil, e.range,
                        fmt::format("Python-object field `{}` of extension type `{}` used", e.name, cls.name));
        AddReleaseNote(b);
        b.AddNote(Kind::FieldDeclaredHere, field->declared, e.name, Describe(field->type));
      }
      return Type::Error();
    }
  }
  MarkRaises();  // None has no fields: AttributeError
  return field->type;
}

auto Checker::PeekInstanceType(const Expr& e) const -> std::optional<Type> {
  if (e.kind == Expr::Kind::Name) {
    for (const auto& scope : comprehension_scopes_) {
      if (scope.count(e.name) != 0) {
        return std::nullopt;
      }
    }
    const int idx = LookupLocal(e.name);
    if (idx < 0 || IsClassBodyName(e.name)) {
      return std::nullopt;
    }
    const Type& t = out_.functions[current_fn_].locals[idx].type;
    return t.IsExtension() ? std::optional<Type>(t) : std::nullopt;
  }
  if (e.kind == Expr::Kind::Attribute) {
    // `self.other.m()`: a field typed as an extension type.
    std::optional<Type> owner = PeekInstanceType(e.object());
    if (!owner) {
      return std::nullopt;
    }
    const checked::CClassField* field = out_.CClass(owner->extension).Field(e.name);
    return field != nullptr && field->type.IsExtension() ? std::optional<Type>(field->type) : std::nullopt;
  }
  return std::nullopt;
}

auto Checker::PeekCClassMethod(const Expr& call) const -> int {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute) {
    return -1;
  }
  std::optional<Type> t = PeekInstanceType(callee.object());
  return t ? out_.CClass(t->extension).CMethod(callee.name) : -1;
}

auto Checker::CheckBorrowedInstance(const Expr& e) -> bool {
  if (e.kind == Expr::Kind::Name && current_fn_ >= 0) {
    const int idx = LookupLocal(e.name);
    if (idx >= 0 && !out_.functions[current_fn_].locals[idx].in_cell()) {
      return true;
    }
  }
  if (!gil_reported_in_stmt_) {
    gil_reported_in_stmt_ = true;
    auto b = Report(Kind::PythonObjectWithoutGil, e.range,
                    std::string("an extension type instance that is no local variable passed"));
    AddReleaseNote(b);
  }
  return false;
}

auto Checker::CheckCClassMethodCall(const Expr& e, int method) -> Type {
  const Expr& callee = e.callee();
  const FunctionInfo& fn = out_.functions[static_cast<size_t>(method)];
  Type object = CheckExpr(callee.object());
  Record(callee, Type::Error());  // a C method is no value of its own
  if (object.IsError()) {
    for (const auto& a : e.args) {
      CheckExpr(*a);
    }
    for (const auto& k : e.keywords) {
      CheckExpr(*k.value);
    }
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CClassMethod, method, object.extension};
  if (InNogil() && fn.nogil && !CheckBorrowedInstance(callee.object())) {
    return Type::Error();
  }
  // None has no methods (AttributeError); a ccall method may run a Python override.
  MarkRaises();
  return CheckCallToFunction(e, method, &callee.object());
}

void Checker::RejectReboundInstanceParams(const syntax::Function& fn, const FunctionInfo& info) {
  // The caller's reference is lent for the call: the function cannot keep another object in its place.
  std::set<std::string> instances;
  for (size_t i = 0; i < fn.params.size() && i < info.param_types.size(); ++i) {
    if (info.param_types[i].IsExtension()) {
      instances.insert(fn.params[i].name);
    }
  }
  if (instances.empty()) {
    return;
  }
  syntax::ForEachStmtIn(fn.body, [&](const Stmt& s) {
    syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange where) {
      if (instances.erase(std::string(name)) != 0) {
        Report(Kind::UnsupportedStatement, where,
               fmt::format("binding the extension type parameter `{}` again in a nogil function", name));
      }
    });
  });
}

}  // namespace pyxx::check
