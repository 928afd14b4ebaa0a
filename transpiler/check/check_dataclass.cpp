// `@cython.dataclasses.dataclass` extension types, as Cython 3 makes them
// (Cython/Compiler/Dataclass.py): the decorator's options, the fields with their
// defaults and `cython.dataclasses.field(...)` options, and which of `__init__`,
// `__repr__`, the comparisons and `__hash__` the type gets. The methods
// themselves are the runtime's (runtime/pyxx/dataclass.hpp).
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {

namespace {

// CPython's comparison op codes (Py_LT ... Py_GE): a bit each in compare_ops.
constexpr unsigned kLt = 1U << 0, kLe = 1U << 1, kEq = 1U << 2, kGt = 1U << 4, kGe = 1U << 5;

auto HeadPath(const Expr& d) -> const std::string* {
  const Expr& head = d.kind == Expr::Kind::Call ? d.callee() : d;
  return head.kind == Expr::Kind::DialectRef ? &head.dialect_path : nullptr;
}

// `True` / `False` written as such.
auto BoolLiteral(const Expr& e) -> std::optional<bool> {
  if (e.kind == Expr::Kind::Bool) {
    return e.bool_value;
  }
  return std::nullopt;
}

auto IsDisplay(const Expr& e) -> bool {
  switch (e.kind) {
    case Expr::Kind::List:
    case Expr::Kind::Dict:
    case Expr::Kind::Set:
      return true;
    case Expr::Kind::Comprehension:
      return e.comprehension_kind != syntax::ComprehensionKind::Generator;
    default:
      return false;
  }
}

}  // namespace

auto Checker::IsDataclassDecorator(const Expr& d) -> bool {
  const std::string* path = HeadPath(d);
  return path != nullptr && *path == "cython.dataclasses.dataclass";
}

auto Checker::CheckDataclassOptions(const Expr& d, DataclassOptions& options) -> bool {
  if (d.kind != Expr::Kind::Call) {
    return true;
  }
  bool ok = true;
  for (const auto& a : d.args) {
    Report(Kind::InvalidDecorator, a->range,
           std::string("`@cython.dataclasses.dataclass` takes keyword arguments only"));
    ok = false;
  }
  for (const auto& k : d.keywords) {
    std::optional<bool> value = BoolLiteral(*k.value);
    bool* option = k.name == "init" ? &options.init : k.name == "repr" ? &options.repr : k.name == "eq" ? &options.eq
                 : k.name == "order" ? &options.order : k.name == "unsafe_hash" ? &options.unsafe_hash : nullptr;
    if (k.name == "frozen") {
      option = &options.frozen;
    }
    if (option == nullptr || !value) {
      Report(Kind::InvalidDecorator, k.name.empty() ? k.value->range : k.name_range,
             option == nullptr && !k.name.empty()
                 ? fmt::format("`{}` is not an option of `@cython.dataclasses.dataclass` (init, repr, eq, order, "
                               "unsafe_hash, frozen)",
                               k.name)
                 : std::string("the options of `@cython.dataclasses.dataclass` are `True` or `False`"));
      ok = false;
      continue;
    }
    *option = *value;
  }
  return ok;
}

auto Checker::RejectDeclaredDataclassField(const Stmt& m) -> bool {
  Report(Kind::UnsupportedStatement, m.range,
         std::string("a `cython.declare` field in a dataclass (annotate it: `x: T` or `x: T = default`)"));
  return false;
}

auto Checker::DeclareDataclassField(CClassInfo& cls, const Stmt& m) -> bool {
  const std::string& name = m.targets[0]->name;
  reading_dataclass_field_ = true;
  const Type t = AnnotationType(*m.annotation, false);
  reading_dataclass_field_ = false;
  if (!t.IsError() && !t.IsNumeric() && !t.IsComplex() && !t.IsObject()) {
    // Cython makes such a field private and leaves it out of the generated methods.
    Report(Kind::UnsupportedType, m.annotation->range,
           fmt::format("a field of type `{}` in a dataclass (C numbers and Python objects are)", Text(m.annotation->range)));
    return false;
  }
  checked::DataclassField f;
  f.type_text = Text(m.annotation->range);
  f.owner = cls.name;
  f.initvar = m.annotation->init_var;
  bool ok = true;
  if (m.value) {
    const Expr& v = *m.value;
    const std::string* path = v.kind == Expr::Kind::Call ? HeadPath(v) : nullptr;
    if (path != nullptr && *path == "cython.dataclasses.field" && f.initvar) {
      Report(Kind::UnsupportedExpression, v.range,
             std::string("`cython.dataclasses.field(...)` for an `InitVar` (give it a plain default)"));
      ok = false;
    } else if (path != nullptr && *path == "cython.dataclasses.field") {
      for (const auto& a : v.args) {
        Report(Kind::InvalidTypeUse, a->range, std::string("`cython.dataclasses.field` takes keyword arguments only"));
        ok = false;
      }
      for (const auto& k : v.keywords) {
        if (k.name == "default") {
          f.default_value = k.value.get();
          continue;
        }
        if (k.name == "default_factory") {
          f.default_factory = k.value.get();
          continue;
        }
        std::optional<bool> value = BoolLiteral(*k.value);
        if (k.name == "hash" && k.value->kind == Expr::Kind::None) {
          f.hash = -1;
          continue;
        }
        bool* option = k.name == "init" ? &f.init : k.name == "repr" ? &f.repr : k.name == "compare" ? &f.compare
                                                                                                         : nullptr;
        if (k.name == "hash" && value) {
          f.hash = *value ? 1 : 0;
          continue;
        }
        if (option == nullptr || !value) {
          Report(option == nullptr ? Kind::UnsupportedExpression : Kind::InvalidTypeUse,
                 k.name.empty() ? k.value->range : k.name_range,
                 option == nullptr
                     ? fmt::format("`{}=` of `cython.dataclasses.field`", k.name.empty() ? std::string("**") : k.name)
                     : fmt::format("`{}=` of `cython.dataclasses.field` is `True` or `False`", k.name));
          ok = false;
          continue;
        }
        *option = *value;
      }
      if (f.default_value != nullptr && f.default_factory != nullptr) {
        Report(Kind::InvalidTypeUse, v.range, std::string("cannot specify both default and default_factory"));
        ok = false;
      }
    } else {
      f.default_value = &v;
    }
    if (f.default_value != nullptr && IsDisplay(*f.default_value)) {
      // The standard library refuses it when the class is made; Cython when it compiles.
      Report(Kind::InvalidTypeUse, f.default_value->range,
             fmt::format("mutable default for field `{}`: use `default_factory`", name));
      ok = false;
    }
  }
  if (!ok) {
    return false;
  }
  for (const auto& inherited : cls.dataclass->fields) {
    if (inherited.owner != cls.name) {
      const checked::CClassInfo& owner = out_.CClass(inherited.owner);
      if (owner.fields[static_cast<size_t>(inherited.field)].name == name) {
        Report(Kind::InvalidTypeUse, m.targets[0]->range, std::string("Cannot redeclare inherited fields in Cython dataclasses"))
            .AddNote(Kind::PreviousDefinition, owner.fields[static_cast<size_t>(inherited.field)].declared, name);
        return false;
      }
    }
  }
  f.field = static_cast<int>(cls.fields.size());
  // Cython makes the fields of a frozen dataclass readonly: Python code cannot
  // store into them, the module's code (its own methods) still can.
  DeclareCClassField(cls, name, t, dataclass_options_[cls.syntax].frozen ? FieldVisibility::ReadOnly : FieldVisibility::Public,
                     m.targets[0]->range, m.annotation->range);
  if (f.field == static_cast<int>(cls.fields.size())) {
    return false;  // not declared (reported)
  }
  if (f.default_value != nullptr || f.default_factory != nullptr) {
    dataclass_defaults_.emplace(&m, std::make_pair(cls.name, static_cast<int>(cls.dataclass->fields.size())));
  }
  cls.dataclass->fields.push_back(std::move(f));
  return true;
}

// A dataclass deriving from another type starts with the fields of its
// nearest dataclass base (Cython's process_class_get_fields); a base that is no
// dataclass adds none.
auto Checker::InheritDataclassFields(CClassInfo& cls, const Stmt& s) -> bool {
  for (std::string base = cls.base; !base.empty(); base = out_.CClass(base).base) {
    const checked::CClassInfo& b = out_.CClass(base);
    if (b.IsForeign()) {
      Report(Kind::UnsupportedStatement, s.bases.front()->range,
             std::string("a dataclass deriving from an extension type cimported from another module"));
      return false;
    }
    if (b.dataclass) {
      cls.dataclass->base = base;
      cls.dataclass->fields = b.dataclass->fields;
      cls.dataclass->inherited = b.dataclass->fields.size();
      if (dataclass_options_[cls.syntax].frozen != dataclass_options_[b.syntax].frozen) {
        // The standard library refuses it when the class is made.
        Report(Kind::InvalidTypeUse, s.head_range,
               std::string(dataclass_options_[cls.syntax].frozen ? "cannot inherit frozen dataclass from a non-frozen one"
                                                                 : "cannot inherit non-frozen dataclass from a frozen one"))
            .AddNote(Kind::PreviousDefinition, b.syntax->head_range, base);
        return false;
      }
      return true;
    }
  }
  return true;
}

auto Checker::FinishDataclass(CClassInfo& cls, const Stmt& s) -> bool {
  const DataclassOptions& options = dataclass_options_[&s];
  checked::DataclassInfo& dc = *cls.dataclass;
  // __init__'s parameters: none without a default after one with a default.
  const checked::DataclassField* defaulted = nullptr;
  for (const auto& f : dc.fields) {
    const bool has_default = f.default_value != nullptr || f.default_factory != nullptr;
    if (!f.init) {
      continue;
    }
    if (has_default) {
      defaulted = &f;
    } else if (defaulted != nullptr) {
      // An inherited field is its base's.
      auto declared = [&](const checked::DataclassField& d) -> const checked::CClassField& {
        return (d.owner == cls.name ? cls : out_.CClass(d.owner)).fields[static_cast<size_t>(d.field)];
      };
      Report(Kind::InvalidTypeUse, declared(f).declared,
             fmt::format("non-default argument '{}' follows default argument in dataclass __init__", declared(f).name))
          .AddNote(Kind::PreviousDefinition, declared(*defaulted).declared, declared(*defaulted).name);
      return false;
    }
  }
  std::set<std::string> defined;
  for (const auto& member : s.blocks[0]) {
    if (member->kind == Stmt::Kind::Function) {
      defined.insert(member->function->name);
    }
  }
  bool compared = false;
  for (const auto& f : dc.fields) {
    compared |= f.compare && !f.initvar;
  }
  dc.make_init = options.init && defined.count("__init__") == 0;
  dc.make_repr = options.repr && defined.count("__repr__") == 0;
  dc.post_init = defined.count("__post_init__") != 0;
  for (std::string base = cls.base; !dc.post_init && !base.empty(); base = out_.CClass(base).base) {
    // Cython's made __init__ calls only a __post_init__ of the class body; Python's finds a base's.
    const syntax::Stmt* body = out_.CClass(base).syntax;
    const bool defines = body != nullptr && std::any_of(body->blocks[0].begin(), body->blocks[0].end(), [](const auto& m) {
                           return m->kind == Stmt::Kind::Function && m->function->name == "__post_init__";
                         });
    if (defines) {
      Report(Kind::UnsupportedStatement, s.head_range,
             fmt::format("a dataclass deriving from `{}`, which defines `__post_init__`, without its own", base));
      return false;
    }
  }
  dc.params = (options.init ? 1U : 0U) | (options.repr ? 2U : 0U) | (options.eq ? 4U : 0U) |
              (options.order ? 8U : 0U) | (options.unsafe_hash ? 16U : 0U) | (options.frozen ? 32U : 0U);
  // A comparison with no field to compare is not made (Cython's generate_cmp_code).
  auto make = [&](bool wanted, const char* method, unsigned bit) {
    if (wanted && compared && defined.count(method) == 0) {
      dc.compare_ops |= bit;
    }
  };
  make(options.eq, "__eq__", kEq);
  make(options.order, "__lt__", kLt);
  make(options.order, "__le__", kLe);
  make(options.order, "__gt__", kGt);
  make(options.order, "__ge__", kGe);
  if (defined.count("__hash__") != 0) {
    if (options.unsafe_hash) {
      Report(Kind::InvalidDecorator, s.head_range, fmt::format("Cannot overwrite attribute __hash__ in class {}", s.name));
      return false;
    }
  } else if (options.unsafe_hash || (options.eq && options.frozen)) {
    // Cython's table (Dataclass.py, after the standard library's): hashable when
    // asked, or when eq and frozen; hash(()) of no field, as Python's.
    dc.make_hash = true;
  } else if (options.eq) {
    dc.hash_none = true;  // eq and not frozen: unhashable, as a class with __eq__ and no __hash__
  }
  return true;
}

// A dataclass field's default or default factory: evaluated where its statement
// stands in the class body (an object, made with the GIL as any class-body code).
void Checker::CheckDataclassDefault(const Stmt& m) {
  BeginStmt(m);
  const auto& [name, index] = dataclass_defaults_.at(&m);
  const checked::DataclassField& f = out_.CClass(name).dataclass->fields[static_cast<size_t>(index)];
  const Expr& value = f.default_value != nullptr ? *f.default_value : *f.default_factory;
  if (m.value.get() != &value) {
    // `cython.dataclasses.field(...)`: only its default or factory runs; the rest are literals.
    Record(m.value->callee(), Type::Error());
    Record(*m.value, Type::Object());
    for (const auto& k : m.value->keywords) {
      if (k.value.get() != &value) {
        CheckExpr(*k.value);
      }
    }
  }
  CheckConvertible(value, CheckExpr(value), Type::Object());
  if (!inferring_) {
    out_.Write(m).dataclass_default = index;
    out_.Write(m).dataclass_cclass = out_.cclass_index.at(name);
  }
}

}  // namespace pyxx::check
