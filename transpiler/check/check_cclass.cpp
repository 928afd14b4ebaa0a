// Extension types (`@cython.cclass`): a module-level class whose instances keep
// declared fields in a C struct. Its body runs as a plain class body (methods,
// properties, class attributes), except the field declarations, which make the
// layout; `self` of its methods is typed as the class, so `self.x` is C access.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "check/checker_impl.h"
#include "checked/builtin_bases.h"
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
    if (syntax::IsExtensionTypeDecorator(*d)) {
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

auto Checker::ReportDeclaredView(const std::string& field, const Expr& type) -> bool {
  // `cython.double[:]`, `T[:, ::1]` written as an expression: only annotations give memoryview types.
  if (type.kind != Expr::Kind::Subscript || type.args.empty() ||
      !std::all_of(type.args.begin(), type.args.end(), [](const auto& a) { return a->kind == Expr::Kind::Slice; })) {
    return false;
  }
  Report(Kind::UnsupportedType, type.range,
         fmt::format("a memoryview field declared with `cython.declare` (annotate it instead: `{}: {}`)", field,
                     Text(type.range)));
  return true;
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
  if (t.IsCppClass() && visibility != FieldVisibility::Private) {
    // Python would read and write it through a conversion each time (a new list, ...).
    Report(Kind::UnsupportedType, type_range,
           fmt::format("a public or readonly field of type {} in an extension type", Describe(t)));
    return;
  }
  if (t.kind == TypeKind::LongDouble || t.kind == TypeKind::LongDoubleComplex) {
    Report(Kind::UnsupportedType, type_range,
           fmt::format("a field of type {} in an extension type", Describe(t)));
    return;
  }
  // A struct, union, C array or pointer field is C data in the instance. A public
  // or readonly one is converted at each access from Python (a struct to and from
  // a dict, an array to and from a list), as Cython does; what has no Python value
  // (a pointer, a union, a struct holding one) cannot be exposed (Cython: "Cannot
  // convert ... to Python object").
  if (visibility != FieldVisibility::Private && (t.IsPointer() || t.IsArray() || t.IsStruct()) &&
      (!ConvertibleToObject(t) || (visibility == FieldVisibility::Public && !ConvertibleFromObject(t)))) {
    Report(Kind::TypeMismatch, type_range, Describe(t), std::string("a Python object"))
        .AddNote(Kind::FixItHint, type_range,
                 fmt::format("field `{}` is {}: only a private field can hold it", name,
                             visibility == FieldVisibility::Public ? "public" : "readonly"));
    return;
  }
  if (auto it = cls.field_index.find(name); it != cls.field_index.end()) {
    Report(Kind::Redefinition, where, name).AddNote(Kind::PreviousDefinition, cls.fields[it->second].declared, name);
    return;
  }
  if (!cls.base.empty()) {
    if (auto [owner, index] = out_.FindField(cls.base, name); owner != nullptr) {
      // A base type's field: the derived struct holds it already.
      Report(Kind::Redefinition, where, name)
          .AddNote(Kind::PreviousDefinition, owner->fields[static_cast<size_t>(index)].declared, name);
      return;
    }
  }
  cls.field_index.emplace(name, static_cast<int>(cls.fields.size()));
  cls.fields.push_back(checked::CClassField{name, std::move(t), visibility, where});
}

// `@cython.freelist(n)` with n a positive integer literal, as Cython requires.
auto Checker::IsFreelistDecorator(const Expr& d) const -> bool {
  if (d.kind != Expr::Kind::Call || d.callee().kind != Expr::Kind::DialectRef ||
      d.callee().dialect_path != "cython.freelist") {
    return false;
  }
  if (d.args.size() != 1 || !d.keywords.empty() || d.args[0]->kind != Expr::Kind::Int) {
    return false;
  }
  const std::string& n = d.args[0]->text;
  return n.find_first_not_of("0123456789_") == std::string::npos && n.find_first_not_of("0_") != std::string::npos;
}

// `@cython.collection_type("sequence")` or `("mapping")`: the string literal picks the flag.
auto Checker::CheckCollectionType(const Expr& d, CClassInfo& cls) -> bool {
  if (d.kind == Expr::Kind::Call && d.args.size() == 1 && d.keywords.empty() &&
      d.args[0]->kind == Expr::Kind::String && !d.args[0]->is_bytes && (d.args[0]->text == "sequence" || d.args[0]->text == "mapping")) {
    if (cls.collection != CClassInfo::Collection::None) {
      Report(Kind::InvalidDecorator, d.range, std::string("`@cython.collection_type` is given twice"));
      return false;
    }
    cls.collection =
        d.args[0]->text == "sequence" ? CClassInfo::Collection::Sequence : CClassInfo::Collection::Mapping;
    return true;
  }
  Report(Kind::InvalidDecorator, d.range,
         std::string("`@cython.collection_type` takes one argument, \"sequence\" or \"mapping\""));
  return false;
}

// `@cython.type_version_tag(True)`, or the bare decorator. False would ask for a
// type without a version tag, which CPython 3 no longer has.
auto Checker::IsTypeVersionTagDecorator(const Expr& d) const -> bool {
  if (d.kind == Expr::Kind::DialectRef) {
    return d.dialect_path == "cython.type_version_tag";
  }
  return d.kind == Expr::Kind::Call && d.callee().kind == Expr::Kind::DialectRef &&
         d.callee().dialect_path == "cython.type_version_tag" && d.args.size() == 1 && d.keywords.empty() &&
         d.args[0]->kind == Expr::Kind::Bool && d.args[0]->bool_value;
}

namespace {

constexpr const char* kOrderingMethods[] = {"__lt__", "__le__", "__gt__", "__ge__"};

// The rich comparison methods a class body defines with `def`.
auto ComparisonsDefined(const Stmt& s) -> std::set<std::string> {
  std::set<std::string> defined;
  for (const auto& member : s.blocks[0]) {
    if (member->kind == Stmt::Kind::Function) {
      const std::string& name = member->function->name;
      if (name == "__eq__" || name == "__ne__" || name == "__lt__" || name == "__le__" || name == "__gt__" ||
          name == "__ge__") {
        defined.insert(name);
      }
    }
  }
  return defined;
}

}  // namespace

// `@cython.total_ordering` needs an equality and an ordering method in the class
// body (Cython ignores the decorator otherwise, with a warning: pyxx rejects it),
// and none in a base type (whose methods the made ones would have to reach).
auto Checker::CheckTotalOrdering(const Stmt& s, const Expr& decorator) -> bool {
  const std::set<std::string> defined = ComparisonsDefined(s);
  const bool ordering = std::any_of(std::begin(kOrderingMethods), std::end(kOrderingMethods),
                                    [&](const char* m) { return defined.count(m) != 0; });
  if (!ordering || (defined.count("__eq__") == 0 && defined.count("__ne__") == 0)) {
    Report(Kind::InvalidDecorator, decorator.range,
           std::string("`@cython.total_ordering` needs `__eq__` (or `__ne__`) and one of `__lt__`, `__le__`, "
                       "`__gt__`, `__ge__` defined in the class body"));
    return false;
  }
  for (const auto& b : s.bases) {
    const std::string foreign = ForeignCClassNamed(*b);
    const std::string& name = foreign.empty() ? b->name : foreign;
    auto base = b->kind == Expr::Kind::Name || !foreign.empty() ? out_.cclass_index.find(name) : out_.cclass_index.end();
    for (const std::string* k = base != out_.cclass_index.end() ? &name : nullptr; k != nullptr && !k->empty();
         k = &out_.CClass(*k).base) {
      const CClassInfo& c = out_.CClass(*k);
      if (c.IsForeign()) {
        // Its comparison methods are not in its declarations file.
        Report(Kind::UnsupportedDecorator, decorator.range, Text(decorator.range))
            .AddNote(Kind::FixItHint, b->range,
                     fmt::format("`@cython.total_ordering` on a type derived from the cimported type `{}`", c.name));
        return false;
      }
      if (c.syntax != nullptr && !ComparisonsDefined(*c.syntax).empty()) {
        Report(Kind::UnsupportedDecorator, decorator.range, Text(decorator.range))
            .AddNote(Kind::FixItHint, c.syntax->head_range,
                     fmt::format("`@cython.total_ordering` on a type whose base `{}` defines comparison methods",
                                 c.name));
        return false;
      }
    }
  }
  return true;
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
      if (IsFreelistDecorator(*d)) {
        continue;  // Cython's cache of freed instances: it changes no behaviour, so pyxx needs none
      }
      if (IsDataclassDecorator(*d)) {
        if (cls.dataclass) {
          // Python would make the dataclass again from the one it made; one is what Cython makes.
          Report(Kind::UnsupportedDecorator, d->range, Text(d->range))
              .AddNote(Kind::FixItHint, d->range, "the class is already a dataclass: remove one of the decorators");
          ok = false;
          continue;
        }
        cls.dataclass.emplace();
        ok &= CheckDataclassOptions(*d, dataclass_options_[&s]);
        continue;
      }
      if (path == "cython.total_ordering" && d->kind == Expr::Kind::DialectRef) {
        cls.total_ordering = true;
        ok &= CheckTotalOrdering(s, *d);
        continue;
      }
      if (path == "cython.collection_type") {
        ok &= CheckCollectionType(*d, cls);
        continue;
      }
      if ((path == "cython.no_gc_clear" || path == "cython.no_gc") && d->kind == Expr::Kind::DialectRef) {
        // no_gc: Cython's instances would not be tracked at all; pyxx's still are, so a
        // cycle through them is collected instead of leaked (no other difference).
        cls.no_gc_clear |= path == "cython.no_gc_clear";
        continue;
      }
      if (IsTypeVersionTagDecorator(*d)) {
        continue;  // every type of CPython 3 has a version tag: nothing to ask for
      }
      Report(Kind::UnsupportedDecorator, d->range, Text(d->range))
          .AddNote(Kind::FixItHint, d->range,
                   "an extension type takes `@cython.cclass`, `@cython.final`, `@cython.freelist(n)`, "
                   "`@cython.total_ordering`, `@cython.collection_type(...)`, `@cython.no_gc_clear`, "
                   "`@cython.no_gc` and `@cython.type_version_tag(True)`");
      ok = false;
    }
    for (const auto& b : s.bases) {
      if (b->kind == Expr::Kind::Name && b->name == "object") {
        continue;
      }
      // Single inheritance from an extension type declared above (its struct starts this
      // one's) or cimported from another pyxx module (this type's fields follow its instance).
      const std::string foreign = ForeignCClassNamed(*b);
      const std::string base_name = foreign.empty() && b->kind == Expr::Kind::Name ? b->name : foreign;
      auto base = base_name.empty() ? out_.cclass_index.end() : out_.cclass_index.find(base_name);
      if (base == out_.cclass_index.end() && cls.base.empty() && b->kind == Expr::Kind::Name &&
          IsPythonBuiltin(b->name) && module_names_.count(b->name) == 0) {
        // As Cython: the instance starts with the builtin's own struct, its slots chained.
        if (checked::FindBuiltinBase(b->name) != nullptr && s.bases.size() == 1) {
          cls.builtin_base = b->name;
          continue;
        }
        Report(Kind::UnsupportedStatement, b->range,
               fmt::format("an extension type deriving from the builtin type `{}` ({}; derive a plain class from "
                           "it, or keep the builtin value in a field)",
                           b->name,
                           s.bases.size() != 1             ? "a builtin base must be the only base"
                           : checked::IsVarSizedBuiltin(b->name) ? "its instances have a variable size"
                                                           : "its instance struct differs between CPython versions "
                                                             "or is not one pyxx lays out"));
        ok = false;
        continue;
      }
      if (base == out_.cclass_index.end() || !cls.base.empty() || b->name == s.name) {
        Report(Kind::UnsupportedStatement, b->range,
               std::string(cls.base.empty() ? "a base class of an extension type other than an extension type "
                                              "defined above it in the module or cimported from another pyxx module"
                                            : "several base classes of an extension type"));
        ok = false;
        continue;
      }
      const checked::CClassInfo& base_class = out_.cclasses[static_cast<size_t>(base->second)];
      if (base_class.final) {
        auto r = Report(Kind::InvalidTypeUse, b->range,
                        fmt::format("`{}` is `@cython.final`: no type can derive from it", Text(b->range)));
        if (base_class.syntax != nullptr) {
          r.AddNote(Kind::PreviousDefinition, base_class.syntax->head_range, b->name);
        }
        ok = false;
        continue;
      }
      if (base_class.syntax != nullptr && rejected_cclasses_.count(base_class.syntax) != 0) {
        ok = false;  // its mistakes are reported; this type's layout is unknown
        continue;
      }
      cls.base = base_name;
      cls.builtin_base = base_class.builtin_base;
      if (!foreign.empty()) {
        // The class statement evaluates it: the cimported type's object.
        Record(*b, Type::Object());
        out_.Write(*b).resolution = Resolution{Resolution::Kind::ForeignCClass, -1, foreign};
      }
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
    if (ok && cls.dataclass) {
      ok &= InheritDataclassFields(cls, s);
    }
    // The fields: declarations directly in the body.
    for (const auto& member : s.blocks[0]) {
      const Stmt& m = *member;
      if (m.kind == Stmt::Kind::AnnAssign && m.annotation && m.annotation->class_var) {
        continue;  // `n: ClassVar[int] = 0`: an attribute of the type, as any class-body assignment
      }
      if (m.kind == Stmt::Kind::AnnAssign && m.annotation && !m.targets.empty() &&
          m.targets[0]->kind == Expr::Kind::Name) {
        cclass_fields_.insert(&m);
        if (cls.dataclass) {
          ok &= DeclareDataclassField(cls, m);
          continue;
        }
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
        if (cls.dataclass) {
          ok &= RejectDeclaredDataclassField(m);
          continue;
        }
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
        if (!t && ReportDeclaredView(m.targets[0]->name, *call.args[0])) {
          ok = false;
          continue;
        }
        if (!t) {
          Report(Kind::UnknownType, call.args[0]->range, Text(call.args[0]->range));
          ok = false;
          continue;
        }
        DeclareCClassField(cls, m.targets[0]->name, *t, vis, m.targets[0]->range, call.args[0]->range);
      } else if (m.kind == Stmt::Kind::Expr && IsDeclareCall(m.value.get()) && m.value->args.empty()) {
        // `cython.declare(x=T, y=U, visibility='readonly')`
        cclass_fields_.insert(&m);
        if (cls.dataclass) {
          ok &= RejectDeclaredDataclassField(m);
          continue;
        }
        const Expr& call = *m.value;
        FieldVisibility vis = FieldVisibilityOf(call, ok);
        for (const auto& kw : call.keywords) {
          if (kw.name.empty() || kw.name == "visibility") {
            continue;
          }
          std::optional<Type> t = TypeFromExpr(*kw.value);
          if (!t && ReportDeclaredView(kw.name, *kw.value)) {
            ok = false;
            continue;
          }
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
      } else if (m.kind == Stmt::Kind::Function && m.function->name == "__richcmp__") {
        // Cython makes it the type's one comparison slot (replacing inherited `__eq__`,
        // `__lt__`, ...); plain Python ignores it. Either meaning would differ from one run.
        Report(Kind::UnsupportedStatement, m.function->name_range,
               std::string("`__richcmp__` in an extension type (write `__eq__`, `__lt__`, ... instead)"));
        ok = false;
      } else if (m.kind == Stmt::Kind::Assign && m.targets.size() == 1 && m.targets[0]->kind == Expr::Kind::Name &&
                 (m.targets[0]->name == "__slots__")) {
        Report(Kind::UnsupportedStatement, m.targets[0]->range,
               std::string("`__slots__` in an extension type (its fields are its storage)"));
        ok = false;
      }
    }
    ok &= TakeInstanceDict(cls);
    for (const auto& f : cls.fields) {
      if (f.name == "__dict__" || f.name == "__weakref__") {
        Report(Kind::UnsupportedStatement, f.declared,
               fmt::format("a `{}` field of {}", f.name, cls.dataclass ? "a dataclass" : "an extension type"));
        ok = false;
      }
    }
    if (ok && cls.dataclass) {
      ok &= FinishDataclass(cls, s);
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
  auto [owner, index] = out_.FindField(object.extension, e.name);
  const checked::CClassField* field = owner != nullptr ? &owner->fields[static_cast<size_t>(index)] : nullptr;
  const int method = out_.FindCMethod(object.extension, e.name);
  const int foreign = out_.FindForeignMethod(object.extension, e.name);
  if (field == nullptr &&
      ((method >= 0 && out_.functions[static_cast<size_t>(method)].kind == FunctionKind::CFunc) ||
       (foreign >= 0 && out_.foreign_functions[static_cast<size_t>(foreign)].info.kind == FunctionKind::CFunc))) {
    // Not an attribute Python code sees: only a call reaches it.
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("the `@cython.cfunc` method `{}` of `{}` used as a value (only calls reach it)", e.name,
                       object.extension));
    return Type::Error();
  }
  if (field == nullptr) {
    return std::nullopt;  // a method, property or class attribute: looked up as Python does
  }
  const CClassInfo& cls = *owner;
  out_.Write(e).resolution = Resolution{Resolution::Kind::CClassField, index, cls.name};
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
    if (IsClassBodyName(e.name)) {
      return std::nullopt;
    }
    if (idx < 0) {
      // A module-level extension type variable (`cython.declare(p=T)`).
      const int g = LookupCGlobal(e.name);
      const Type* t = g >= 0 ? &out_.c_globals[static_cast<size_t>(g)].type : nullptr;
      return t != nullptr && t->IsExtension() ? std::optional<Type>(*t) : std::nullopt;
    }
    const Type& t = narrowed_.count(idx) != 0 ? narrowed_.at(idx) : out_.functions[current_fn_].locals[idx].type;
    return t.IsExtension() ? std::optional<Type>(t) : std::nullopt;
  }
  if (e.kind == Expr::Kind::Attribute) {
    // `self.other.m()`: a field typed as an extension type.
    std::optional<Type> owner = PeekInstanceType(e.object());
    if (!owner) {
      return std::nullopt;
    }
    auto [cls, index] = out_.FindField(owner->extension, e.name);
    const checked::CClassField* field = cls != nullptr ? &cls->fields[static_cast<size_t>(index)] : nullptr;
    return field != nullptr && field->type.IsExtension() ? std::optional<Type>(field->type) : std::nullopt;
  }
  if (e.kind == Expr::Kind::Call && NamesModuleCClass(e.callee())) {
    return Type::Instance(e.callee().name);  // `Box(6).m()`: a new instance (see CheckCall)
  }
  if (e.kind == Expr::Kind::Call) {
    // `Box.make(6).m()`: the result of a static C method typed as an extension type.
    const int method = PeekStaticCMethod(e.callee());
    const Type* result = method >= 0 ? &out_.functions[static_cast<size_t>(method)].return_type : nullptr;
    return result != nullptr && result->IsExtension() ? std::optional<Type>(*result) : std::nullopt;
  }
  return std::nullopt;
}

// Is `e` the name of one of the module's extension types here (not a local,
// a comprehension's variable or a class body's name that hides it)?
auto Checker::NamesModuleCClass(const Expr& e) const -> bool {
  if (e.kind != Expr::Kind::Name || LookupLocal(e.name) >= 0 || IsClassBodyName(e.name)) {
    return false;
  }
  for (const auto& scope : comprehension_scopes_) {
    if (scope.count(e.name) != 0) {
      return false;
    }
  }
  return out_.cclass_index.count(e.name) != 0;
}

auto Checker::PeekCClassMethod(const Expr& call) const -> int {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute) {
    return -1;
  }
  std::optional<Type> t = PeekInstanceType(callee.object());
  return t ? out_.FindCMethod(t->extension, callee.name) : -1;
}

auto Checker::PeekSuperCMethod(const Expr& call) const -> int {
  const std::string* base = SuperBase(call);
  return base == nullptr ? -1 : out_.FindCMethod(*base, call.callee().name);
}

auto Checker::PeekSuperForeignMethod(const Expr& call) const -> int {
  const std::string* base = SuperBase(call);
  return base == nullptr ? -1 : out_.FindForeignMethod(*base, call.callee().name);
}

// `super().m(...)` in a method (with `self`) of an extension type with a base type: that base's name.
auto Checker::SuperBase(const Expr& call) const -> const std::string* {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute || current_fn_ < 0) {
    return nullptr;
  }
  const Expr& object = callee.object();
  if (object.kind != Expr::Kind::Call || object.callee().kind != Expr::Kind::Name || object.callee().name != "super" ||
      !object.args.empty() || !object.keywords.empty() || LookupLocal("super") >= 0 ||
      module_names_.count("super") != 0 || out_.function_index.count("super") != 0) {
    return nullptr;
  }
  const FunctionInfo& fn = out_.functions[static_cast<size_t>(current_fn_)];
  auto it = cclass_methods_.find(fn.syntax);
  if (it == cclass_methods_.end() || fn.param_types.empty() || !fn.param_types[0].IsExtension()) {
    return nullptr;  // not a method with `self` (a static or class method)
  }
  const CClassInfo& cls = out_.CClass(it->second);
  return cls.base.empty() ? nullptr : &cls.base;
}

// An extension type's name stays bound to the type (Cython refuses to assign
// it): calls `T(...)` are typed as making a T, and a rebound name would make
// the compiled code use another object as one.
void Checker::CheckCClassNamesKept() {
  auto check = [&](const Stmt& s, const std::set<std::string>* only) {
    syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange r) {
      auto it = out_.cclass_index.find(std::string(name));
      if (it == out_.cclass_index.end() || (only != nullptr && only->count(it->first) == 0)) {
        return;
      }
      const CClassInfo& cls = out_.cclasses[static_cast<size_t>(it->second)];
      if (cls.IsForeign() || cls.syntax == &s) {
        return;
      }
      if (only == nullptr && KeepsCClassByImport(s, name, it->second)) {
        return;
      }
      Report(Kind::Redefinition, r, it->first)
          .AddNote(Kind::PreviousDefinition, cls.syntax->head_range, it->first)
          .AddNote(Kind::FixItHint, r,
                   std::string("the name of an extension type cannot be bound again (as in Cython): the compiled "
                               "code uses the type itself"));
    });
  };
  for (const auto& top : module_.body) {
    if (top->kind != Stmt::Kind::Function) {
      syntax::ForEachStmtIn(*top, [&](const Stmt& s) { check(s, nullptr); });
    }
  }
  for (size_t i = 0; i < out_.functions.size() && i < global_decls_.size(); ++i) {
    if (global_decls_[i].empty() || out_.functions[i].syntax == nullptr) {
      continue;
    }
    syntax::ForEachStmtIn(out_.functions[i].syntax->body, [&](const Stmt& s) { check(s, &global_decls_[i]); });
  }
}

// `from m import T` in module code, with `T` an extension type of the module
// (a module importing itself, as a documentation example does): Cython
// imports `m` and binds nothing, the name keeps the type. The import runs and
// must give the type itself (else ImportError, where Cython would go on with
// its own type and Python with the other object).
auto Checker::KeepsCClassByImport(const Stmt& s, std::string_view name, int cclass) -> bool {
  if (s.kind != Stmt::Kind::Import) {
    return false;
  }
  std::vector<int>& kept = out_.Write(s).import_kept_cclass;
  for (size_t i = 0; i < s.imports.size(); ++i) {
    const syntax::ImportName& imp = s.imports[i];
    if (!imp.name.empty() && syntax::BoundName(imp) == name && (imp.alias.empty() || imp.alias == imp.name)) {
      kept.resize(s.imports.size(), -1);
      kept[i] = cclass;
      return true;
    }
  }
  return false;
}

auto Checker::IsinstanceNarrowing(const Expr& cond, const syntax::Block& branch) const
    -> std::optional<std::pair<int, Type>> {
  return IsinstanceNarrowing(cond, branch.data(), branch.data() + branch.size());
}

auto Checker::IsinstanceNarrowing(const Expr& cond, const syntax::StmtPtr* first, const syntax::StmtPtr* last) const
    -> std::optional<std::pair<int, Type>> {
  if (cond.kind != Expr::Kind::Call || cond.callee().kind != Expr::Kind::Name || cond.callee().name != "isinstance" ||
      cond.args.size() != 2 || !cond.keywords.empty() || current_fn_ < 0 || !comprehension_scopes_.empty() ||
      InClassBody() || LookupLocal("isinstance") >= 0 || module_names_.count("isinstance") != 0 ||
      out_.function_index.count("isinstance") != 0) {
    return std::nullopt;
  }
  const Expr& x = *cond.args[0];
  const Expr& cls = *cond.args[1];
  // The module's own type by its name, or a cimported one (`mod.T`).
  std::string type = ForeignCClassNamed(cls);
  if (type.empty() && cls.kind == Expr::Kind::Name && LookupLocal(cls.name) < 0 &&
      out_.cclass_index.count(cls.name) != 0 && module_names_.count(cls.name) != 0) {
    type = cls.name;
  }
  if (x.kind != Expr::Kind::Name || type.empty()) {
    return std::nullopt;
  }
  const int idx = LookupLocal(x.name);
  if (idx < 0) {
    return std::nullopt;
  }
  const LocalVar& local = out_.functions[static_cast<size_t>(current_fn_)].locals[static_cast<size_t>(idx)];
  const Type current = narrowed_.count(idx) != 0 ? narrowed_.at(idx) : local.type;
  const bool object = current.IsObject() && !current.IsExtension() && current.object_name.empty();
  if (local.in_cell() || !(object || (current.IsExtension() && out_.IsSubclass(type, current.extension)))) {
    return std::nullopt;
  }
  // The statements narrowed must not bind `x` (nor delete it): it stays the object tested.
  bool bound = false;
  for (const syntax::StmtPtr* it = first; it != last; ++it) {
    syntax::ForEachStmtIn(static_cast<const Stmt&>(**it), [&](const Stmt& s) {
      syntax::ForEachBoundName(s, [&](std::string_view name, SourceRange) { bound |= name == x.name; });
      if (s.kind == Stmt::Kind::Del) {
        for (const auto& t : s.targets) {
          syntax::ForEachBoundName(*t, [&](const Expr& n) { bound |= n.name == x.name; });
        }
      }
    });
  }
  if (bound) {
    return std::nullopt;
  }
  return std::make_pair(idx, Type::Instance(type));
}

// The narrowings an `if` branch gets from the `isinstance` tests of its
// condition `a and b and ...` that the condition checked as tests (as its
// operands did), when the branch does not bind the name.
auto Checker::ConjunctNarrowings(const Expr& cond, const syntax::Block& branch) const
    -> std::vector<std::pair<int, Type>> {
  std::vector<std::pair<int, Type>> out;
  if (cond.kind != Expr::Kind::BoolOp || cond.bool_op != syntax::BoolOp::And) {
    return out;
  }
  for (const auto& op : cond.values()) {
    auto narrowed = IsinstanceNarrowing(*op, branch);
    const Resolution& tested = out_.Resolve(*op);
    if (narrowed && tested.kind == Resolution::Kind::CBuiltin && tested.name == narrowed->second.extension) {
      out.push_back(*narrowed);
    }
  }
  return out;
}

auto Checker::IsinstanceGuard(const syntax::Block& block, size_t at) const -> std::optional<std::pair<int, Type>> {
  const Stmt& s = *block[at];
  if (s.kind != Stmt::Kind::If || s.conditions.size() != 1 || !s.else_block.empty() || s.blocks[0].empty()) {
    return std::nullopt;
  }
  const Expr& cond = *s.conditions[0];
  if (cond.kind != Expr::Kind::Unary || cond.unary_op != syntax::UnaryOp::Not) {
    return std::nullopt;
  }
  // The branch never falls through: after it, the test has passed.
  const Stmt::Kind end = s.blocks[0].back()->kind;
  if (end != Stmt::Kind::Raise && end != Stmt::Kind::Return && end != Stmt::Kind::Continue &&
      end != Stmt::Kind::Break) {
    return std::nullopt;
  }
  return IsinstanceNarrowing(cond.operand(), block.data() + at + 1, block.data() + block.size());
}

void Checker::CheckIsinstanceTest(const Expr& cond, const Type& narrowed) {
  RequireGil(GilOp::CallObject, cond.range);
  CheckExpr(*cond.args[0]);
  Record(cond.callee(), Type::Error());
  Record(*cond.args[1], Type::Error());
  out_.Write(cond.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "isinstance"};
  out_.Write(cond).resolution = Resolution{Resolution::Kind::CBuiltin, -1, narrowed.extension};
  MarkRaises();  // NameError before the class statement ran
  Record(cond, Type::Of(TypeKind::Bint));
}

auto Checker::CheckBorrowedInstance(const Expr& e) -> bool {
  if (e.kind == Expr::Kind::Name && current_fn_ >= 0) {
    const int idx = LookupLocal(e.name);
    if (idx >= 0 && !out_.functions[current_fn_].locals[idx].in_cell()) {
      return true;
    }
  }
  if (!gil_reported_in_stmt_) {
    // Lent without a reference of its own, it must stay where it is during the call.
    gil_reported_in_stmt_ = true;
    const bool cell = e.kind == Expr::Kind::Name;
    auto b = Report(Kind::PythonObjectWithoutGil, e.range,
                    cell ? fmt::format("extension type instance `{}`, shared with an inner function, passed", e.name)
                         : std::string("an extension type instance other than a local variable passed"));
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
  if (fn.syntax->fused_group >= 0) {
    // A fused method: the specialisation the argument types pick (after `self`).
    method = PickSpecialisation(e, module_.fused_functions[fn.syntax->fused_group], 1);
    if (method < 0) {
      CheckObjectArguments(e);
      return Type::Error();
    }
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CClassMethod, method, object.extension};
  if (InNogil() && fn.nogil && !CheckBorrowedInstance(callee.object())) {
    return Type::Error();
  }
  // None has no methods (AttributeError); a ccall method may run a Python override.
  MarkRaises();
  return CheckCallToFunction(e, method, &callee.object());
}

void Checker::DeclareCMethod(FunctionInfo& info, int index) {
  const syntax::Function& fn = *info.syntax;
  CClassInfo& cls = out_.cclasses[static_cast<size_t>(info.cclass)];
  if (fn.fused_specialisation > 0) {
    // A later specialisation of a fused method: the first one stands for the name
    // (and was checked); each has a vtable slot of its own.
    if (cls.CMethod(fn.name) >= 0 && out_.functions[static_cast<size_t>(cls.CMethod(fn.name))].syntax->fused_group ==
                                         fn.fused_group) {
      cls.c_methods.push_back(index);
    }
    return;
  }
  if (auto [owner, field] = out_.FindField(cls.name, fn.name); owner != nullptr) {
    Report(Kind::Redefinition, fn.name_range, fn.name)
        .AddNote(Kind::PreviousDefinition, owner->fields[static_cast<size_t>(field)].declared, fn.name);
    return;
  }
  if (int previous = cls.CMethod(fn.name); previous >= 0) {
    Report(Kind::Redefinition, fn.name_range, fn.name)
        .AddNote(Kind::PreviousDefinition, out_.functions[static_cast<size_t>(previous)].syntax->name_range, fn.name);
    return;
  }
  if (RejectForeignOverride(cls, fn)) {
    return;
  }
  const int base = cls.base.empty() ? -1 : out_.FindCMethod(cls.base, fn.name);
  if (base >= 0 && (fn.fused_group >= 0 || out_.functions[static_cast<size_t>(base)].syntax->fused_group >= 0)) {
    // One slot per specialisation: which of them an override would fill is not settled yet.
    Report(Kind::InvalidTypeUse, fn.name_range,
           fmt::format("C method `{}` overrides a C method of the base type and one of them has fused types: "
                       "overriding fused C methods is not supported",
                       fn.name))
        .AddNote(Kind::PreviousDefinition, out_.functions[static_cast<size_t>(base)].syntax->name_range, fn.name);
    return;
  }
  if (base >= 0) {
    // An override fills the base method's vtable slot: the same kind of method,
    // taking and returning the same C types; a nogil one stays nogil.
    const FunctionInfo& b = out_.functions[static_cast<size_t>(base)];
    if (out_.CcallOverCfunc(base)) {
      Report(Kind::InvalidTypeUse, fn.name_range,
             fmt::format("C method `{}` overrides a `@cython.ccall` method that overrides a `@cython.cfunc` one: "
                         "not supported yet",
                         fn.name))
          .AddNote(Kind::PreviousDefinition, b.syntax->name_range, fn.name);
      return;
    }
    // A ccall override of a cfunc method (Cython allows it) fills its slot.
    const bool ccall_over_cfunc = b.kind == FunctionKind::CFunc && info.kind == FunctionKind::CCall;
    bool same = (b.kind == info.kind || ccall_over_cfunc) && b.param_types.size() <= info.param_types.size() &&
                b.return_type == info.return_type && (!b.nogil || info.nogil) && b.with_gil == info.with_gil;
    for (size_t i = 1; same && i < b.param_types.size(); ++i) {
      same = b.param_types[i] == info.param_types[i];
    }
    // An override may add parameters, each with a default (Cython's optional
    // arguments), also again in a chain: each extension gets a slot of its own
    // and fills the one it extends with a thunk. Not a ccall one of a ccall
    // method (whose Python override lookup the base's dispatcher does).
    const bool extending = same && b.param_types.size() < info.param_types.size();
    if (extending && info.kind == FunctionKind::CCall && !ccall_over_cfunc) {
      same = false;
    }
    for (size_t i = b.param_types.size(); same && i < info.param_types.size(); ++i) {
      same = fn.params[i].default_value != nullptr;
    }
    if (!same) {
      Report(Kind::InvalidTypeUse, fn.name_range,
             fmt::format("C method `{}` overrides `{}.{}` with another signature: an override is the same kind "
                         "(`@cython.cfunc`/`@cython.ccall`; a ccall one may override a cfunc one), takes and returns "
                         "the same types (it may add parameters with defaults, unless it is a ccall one "
                         "overriding a ccall one), and is nogil if the base method is",
                         fn.name, out_.functions[static_cast<size_t>(base)].cclass >= 0
                                      ? out_.cclasses[static_cast<size_t>(b.cclass)].name
                                      : std::string(),
                         fn.name))
          .AddNote(Kind::PreviousDefinition, b.syntax->name_range, fn.name);
      return;
    }
    // An override may give a parameter it shares with its base another default
    // value when the chain starts at a cfunc method: then the method that runs
    // fills in the defaults (MarkCalleeDefaults). Else compiled calls write the
    // default values of the method their object's type names, so an override
    // keeps those of its base.
    int root = base;
    while (out_.BaseCMethod(root) >= 0) {
      root = out_.BaseCMethod(root);
    }
    const bool callee_defaults_possible = out_.functions[static_cast<size_t>(root)].kind == FunctionKind::CFunc;
    for (size_t i = 1; i < b.param_types.size() && i < fn.params.size(); ++i) {
      const Expr* mine = fn.params[i].default_value.get();
      const Expr* theirs = b.syntax->params[i].default_value.get();
      if (mine != nullptr && theirs != nullptr && Text(mine->range) != Text(theirs->range) &&
          callee_defaults_possible) {
        callee_default_roots_.insert(root);
        continue;
      }
      if ((mine == nullptr) != (theirs == nullptr) ||
          (mine != nullptr && Text(mine->range) != Text(theirs->range))) {
        auto r = Report(Kind::InvalidTypeUse, mine != nullptr ? mine->range : fn.params[i].range,
                        fmt::format("parameter `{}` of the C method override `{}` has another default value than in "
                                    "the method it overrides (a compiled call writes the default of the type it "
                                    "calls through)",
                                    fn.params[i].name, fn.name));
        r.AddNote(Kind::PreviousDefinition, theirs != nullptr ? theirs->range : b.syntax->params[i].range,
                  fn.params[i].name);
        return;
      }
    }
    if (extending) {
      info.extends = base;
    } else {
      info.overrides = base;
    }
  }
  cls.c_method_index.emplace(fn.name, index);
  if (base < 0 || info.extends >= 0) {
    cls.c_methods.push_back(index);  // a new vtable slot
  }
}

// Every method of a chain of overrides whose defaults an override changes
// fills in the defaults itself (FunctionInfo::callee_defaults): the chain's
// vtable slots take a mask of the parameters a call passes.
void Checker::MarkCalleeDefaults() {
  if (callee_default_roots_.empty()) {
    return;
  }
  std::set<int> reported;  // one diagnostic per chain
  for (size_t i = 0; i < out_.functions.size(); ++i) {
    FunctionInfo& f = out_.functions[i];
    if (f.cclass < 0 || f.syntax == nullptr) {
      continue;
    }
    int root = static_cast<int>(i);
    while (out_.BaseCMethod(root) >= 0) {
      root = out_.BaseCMethod(root);
    }
    if (callee_default_roots_.count(root) == 0) {
      continue;
    }
    f.callee_defaults = true;
    if (reported.count(root) != 0) {
      continue;
    }
    if (f.param_types.size() > 32) {
      reported.insert(root);
      Report(Kind::InvalidTypeUse, f.syntax->name_range,
             fmt::format("C method `{}` has more than 32 parameters and overrides of it change default values",
                         f.name()));
      continue;
    }
    for (size_t p = 1; p < f.param_types.size() && p < f.syntax->params.size(); ++p) {
      if ((f.param_types[p].IsExtension() || f.param_types[p].IsMemoryView()) &&
          f.syntax->params[p].default_value != nullptr) {
        reported.insert(root);
        // Lent by the caller (`const pyxx::Ref&`, a view): the slot's thunk could not put the default in its place.
        Report(Kind::InvalidTypeUse, f.syntax->params[p].default_value->range,
               fmt::format("a default value of the {} parameter `{}` of the C method `{}`, whose overrides change "
                           "default values",
                           f.param_types[p].IsExtension() ? "extension type" : "memoryview",
                           f.syntax->params[p].name, f.name()));
        break;
      }
    }
  }
}

// A `@classmethod` that an augmenting .pxd's `cpdef`/`cdef` declaration made
// Cython drop (syntax/augment.cpp): the method takes the instance first, where
// plain Python passes the class. A body that uses that parameter would see the
// instance instead of the class: refused; one that does not behaves the same
// for calls through instances.
void Checker::RejectUsedDroppedClassmethod(const syntax::Function& fn) {
  const Expr* dropped = fn.attrs.dropped_classmethod.get();
  if (dropped == nullptr) {
    return;
  }
  bool used = fn.params.empty() || fn.params[0].kind != syntax::Param::Kind::Normal;
  const std::string first = fn.params.empty() ? std::string() : fn.params[0].name;
  syntax::ForEachStmtIn(fn.body, [&](const Stmt& s) {
    used |= syntax::OpensScope(s);  // a nested scope could use it: not looked into
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) {
                                                 syntax::ForEachExprIn(e, [&](const Expr& x) {
                                                   used |= (x.kind == Expr::Kind::Name && x.name == first) ||
                                                           x.kind == Expr::Kind::Lambda;
                                                 });
                                               },
                                               [](const Stmt&) {}});
  });
  if (used) {
    Report(Kind::UnsupportedDecorator, dropped->range, "classmethod")
        .AddNote(Kind::FixItHint, dropped->range,
                 fmt::format("the .pxd declares `{}` a C method: Cython then drops `@classmethod` and passes the "
                             "instance as `{}`, where Python passes the class; pyxx follows it only for a body "
                             "that does not use `{}`",
                             fn.name, first, first));
  }
}

// A C method of a cimported base type is dispatched through the exporting
// module's vtable and ccall dispatcher, which know only that module's types:
// a method of the same name here (C or Python) would not take its place there.
auto Checker::RejectForeignOverride(const CClassInfo& cls, const syntax::Function& fn) -> bool {
  const int foreign = cls.base.empty() ? -1 : out_.FindForeignMethod(cls.base, fn.name);
  if (foreign < 0) {
    return false;
  }
  const checked::ForeignFunction& f = out_.foreign_functions[static_cast<size_t>(foreign)];
  Report(Kind::UnsupportedStatement, fn.name_range,
         fmt::format("a method overriding the C method `{}` of the cimported extension type `{}.{}`", fn.name,
                     f.module, f.method_of));
  return true;
}

void Checker::RejectReboundInstanceParams(const syntax::Function& fn, const FunctionInfo& info) {
  // The caller's reference is lent for the call: the function cannot keep another object in its place.
  // A C method's views too: every override of it takes its parameters as the same C++ types.
  std::set<std::string> instances;
  for (size_t i = 0; i < fn.params.size() && i < info.param_types.size(); ++i) {
    if (info.param_types[i].IsExtension() || (info.cclass >= 0 && info.param_types[i].IsMemoryView())) {
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
               fmt::format("binding the parameter `{}` again in a {}", name,
                           info.cclass >= 0 ? "C method" : "nogil function"));
      }
    });
  });
}


// The builtin `staticmethod` by its name (not a module name that hides it).
auto Checker::IsStaticmethodName(const Expr& d) const -> bool {
  return d.kind == Expr::Kind::Name && d.name == "staticmethod" && module_names_.count("staticmethod") == 0 &&
         out_.function_index.count("staticmethod") == 0;
}

auto Checker::StaticmethodDecorator(const syntax::Function& fn) const -> const Expr* {
  for (const auto& d : fn.attrs.unknown_decorators) {
    if (IsStaticmethodName(*d)) {
      return d.get();
    }
  }
  return nullptr;
}

void Checker::DeclareStaticCMethod(FunctionInfo& info, int index) {
  const syntax::Function& fn = *info.syntax;
  CClassInfo& cls = out_.cclasses[static_cast<size_t>(info.static_of)];
  // One name, one attribute: a field, a C method (this type's or a base's) or another static one.
  SourceRange previous{};
  bool taken = false;
  if (auto [owner, field] = out_.FindField(cls.name, fn.name); owner != nullptr) {
    previous = owner->fields[static_cast<size_t>(field)].declared;
    taken = true;
  } else if (int m = out_.FindCMethod(cls.name, fn.name); m >= 0) {
    previous = out_.functions[static_cast<size_t>(m)].syntax->name_range;
    taken = true;
  } else if (auto it = cls.static_methods.find(fn.name); it != cls.static_methods.end()) {
    previous = out_.functions[static_cast<size_t>(it->second)].syntax->name_range;
    taken = true;
  }
  if (taken) {
    Report(Kind::Redefinition, fn.name_range, fn.name).AddNote(Kind::PreviousDefinition, previous, fn.name);
    return;
  }
  cls.static_methods.emplace(fn.name, index);
}

// `Cls.m` with `Cls` naming one of the module's extension types and `m` one of
// its static C methods (or a base type's).
auto Checker::PeekStaticCMethod(const Expr& callee) const -> int {
  if (callee.kind != Expr::Kind::Attribute || !NamesModuleCClass(callee.object())) {
    return -1;
  }
  const std::string& cls = callee.object().name;
  if (rejected_cclasses_.count(out_.CClass(cls).syntax) != 0) {
    return -1;
  }
  return out_.FindStaticMethod(cls, callee.name);
}

// `Cls.m(...)`: a direct call of the C function, as Cython makes it; the class
// name is resolved at compile time (it cannot be bound again), so no GIL is needed.
auto Checker::CheckStaticCMethodCall(const Expr& e, int method) -> Type {
  const Expr& callee = e.callee();
  Record(callee.object(), Type::Error());
  Record(callee, Type::Error());
  out_.Write(callee).resolution = Resolution{Resolution::Kind::Function, method, callee.name};
  return CheckCallToFunction(e, method);
}

// `__dict__: dict` declared as a field: Cython's instance dictionary, not a C
// field (the type's struct gets the dictionary's slot). Once in a chain of
// types; a dataclass, or a type derived from a cimported one, keeps the
// rejection (reported by the caller).
auto Checker::TakeInstanceDict(CClassInfo& cls) -> bool {
  const checked::CClassField* field = cls.Field("__dict__");
  if (field == nullptr || cls.dataclass) {
    return true;
  }
  bool ok = true;
  for (std::string base = cls.base; !base.empty() && ok; base = out_.CClass(base).base) {
    if (out_.CClass(base).IsForeign()) {
      return true;  // its part of the instance is laid out by its own module
    }
    if (out_.CClass(base).instance_dict) {
      Report(Kind::InvalidTypeUse, field->declared, fmt::format("`{}` has a `__dict__` already", base));
      ok = false;
    }
  }
  if (ok && (!field->type.IsObject() || field->type.object_name != "dict")) {
    Report(Kind::InvalidTypeUse, field->declared, std::string("a `__dict__` field is a `dict`"));
    ok = false;
  }
  if (ok && field->visibility != FieldVisibility::Private) {
    Report(Kind::InvalidTypeUse, field->declared,
           std::string("a `__dict__` field is private (Python code reads the dictionary as `obj.__dict__`)"));
    ok = false;
  }
  // Reported or taken: no C field either way.
  const int index = cls.field_index.at("__dict__");
  cls.fields.erase(cls.fields.begin() + index);
  cls.field_index.clear();
  for (size_t i = 0; i < cls.fields.size(); ++i) {
    cls.field_index[cls.fields[i].name] = static_cast<int>(i);
  }
  cls.instance_dict = ok;
  return ok;
}

// `Cls.m(...)` of an instance C method of one of the module's extension types.
auto Checker::PeekUnboundCMethod(const Expr& callee) const -> int {
  if (callee.kind != Expr::Kind::Attribute || !NamesModuleCClass(callee.object())) {
    return -1;
  }
  const std::string& cls = callee.object().name;
  if (rejected_cclasses_.count(out_.CClass(cls).syntax) != 0 || out_.FindStaticMethod(cls, callee.name) >= 0) {
    return -1;
  }
  return out_.FindCMethod(cls, callee.name);
}

// `Base.m(self, ...)` in a method of Base or of a type derived from it: Cython
// calls Base's C method itself (no vtable, so an override is skipped), as
// `super().m(...)` does. Another first argument (which could be None, or of
// another type) is refused.
auto Checker::CheckUnboundCMethodCall(const Expr& e, int method) -> Type {
  const Expr& callee = e.callee();
  const std::string& cls = callee.object().name;
  const checked::FunctionInfo* current = current_fn_ >= 0 ? &out_.functions[static_cast<size_t>(current_fn_)] : nullptr;
  auto owner = current != nullptr ? cclass_methods_.find(current->syntax) : cclass_methods_.end();
  // A method with `self` (not a static or class method) of Base or of a type derived from it.
  const bool in_method = owner != cclass_methods_.end() && !current->param_types.empty() &&
                         current->param_types[0].IsExtension() && !current->syntax->params.empty() &&
                         out_.IsSubclass(owner->second, cls);
  const bool self_first = in_method && !e.args.empty() && e.args[0]->kind == Expr::Kind::Name &&
                          e.args[0]->name == current->syntax->params[0].name && LookupLocal(e.args[0]->name) == 0;
  if (!self_first || out_.functions[static_cast<size_t>(method)].syntax->fused_group >= 0) {
    Report(Kind::UnsupportedExpression, callee.range,
           fmt::format("`{}.{}(...)` of the C method `{}` other than with the `self` of a method of `{}` or of a type "
                       "derived from it as first argument",
                       cls, callee.name, callee.name, cls));
    CheckObjectArguments(e);
    return Type::Error();
  }
  Record(callee.object(), Type::Error());
  Record(callee, Type::Error());
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CClassSuper, method, cls};
  return CheckCallToFunction(e, method);
}

// `Cls.m` not called, or `obj.m`: Python code does not see a static C method (no
// attribute of the type), so only a call through the class reaches it.
auto Checker::RejectStaticCMethodValue(const Expr& e, int cclass) -> Type {
  const std::string& cls = out_.cclasses[static_cast<size_t>(cclass)].name;
  Report(Kind::UnsupportedExpression, e.range,
         fmt::format("the static `@cython.cfunc` method `{}` of `{}` used other than in a call `{}.{}(...)`", e.name,
                     cls, cls, e.name));
  return Type::Error();
}

}  // namespace pyxx::check
