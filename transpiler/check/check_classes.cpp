// Plain Python `class` statements: the body runs in a namespace (its names are
// looked up there, then in the globals and builtins), the class is made by its
// metaclass, methods are nested functions made in the module's scope.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/mangle.h"
#include "syntax/walk.h"

namespace pyxx::check {

auto Checker::CheckClassBodyStatements(const syntax::Block& body) -> bool {
  // Every statement runs in a class body as in a function's code, binding names
  // in the class's namespace; only `return` (and `nonlocal` at module level)
  // are Python's syntax errors there.
  bool ok = true;
  auto visit = [&](auto& self, const Stmt& s) -> void {
    if (s.kind == Stmt::Kind::Return) {
      Report(Kind::MisplacedStatement, s.head_range.empty() ? s.range : s.head_range, "return", "a function");
      ok = false;
    }
    if (s.kind == Stmt::Kind::Nonlocal && current_fn_ < 0) {
      Report(Kind::MisplacedStatement, s.head_range.empty() ? s.range : s.head_range, "nonlocal",
             "a function (a class body at module level has no enclosing function)");
      ok = false;
    }
    // Nested scopes, and statements rejected as a whole (`async def`), are not the body's.
    if (syntax::OpensScope(s) || s.kind == Stmt::Kind::Unsupported) {
      return;
    }
    syntax::ForEachChild(s, syntax::Overloaded{[](const Expr&) {}, [&](const Stmt& child) { self(self, child); }});
  };
  for (const auto& s : body) {
    visit(visit, *s);
  }
  return ok;
}

auto Checker::InClassBody() const -> bool {
  return !class_scopes_.empty() && class_scopes_.back().fn == current_fn_;
}

auto Checker::MarkClassCellUsers(const syntax::Function& fn) -> bool {
  bool uses = false;
  auto nested = [&](const syntax::Function& inner) {
    if (MarkClassCellUsers(inner)) {
      uses = true;
      if (out_.nested_index.count(&inner) != 0) {
        out_.functions[out_.NestedIndex(inner)].uses_class_cell = true;
      }
    }
  };
  syntax::ForEachStmtIn(fn.body, [&](const Stmt& s) {
    if (s.kind == Stmt::Kind::Function) {
      nested(*s.function);
    }
  });
  syntax::ForEachExprIn(fn.body, [&](const Expr& e) {
    uses |= e.kind == Expr::Kind::Name && (e.name == "super" || e.name == "__class__");
    if (e.kind == Expr::Kind::Lambda && e.function) {
      nested(*e.function);
    }
  });
  return uses;
}

auto Checker::IsClassBodyName(const std::string& name) const -> bool {
  if (!InClassBody()) {
    return false;
  }
  const ClassScope& scope = class_scopes_.back();
  // Python's comprehension is a function of its own, which does not see the class's names.
  return comprehension_scopes_.size() <= scope.comprehension_depth && scope.names.count(name) != 0;
}

auto Checker::ClassBodyBinding(const std::string& name, SourceRange where) -> std::optional<Resolution> {
  if (!InClassBody()) {
    return std::nullopt;
  }
  const ClassScope& scope = class_scopes_.back();
  if (scope.globals.count(name) != 0) {
    MarkUsesModule();
    return Resolution{Resolution::Kind::Global, -1, name};
  }
  if (scope.nonlocals.count(name) != 0) {
    int idx = LookupLocal(name);
    PYXX_CHECK(idx >= 0, "a class body's nonlocal name that is not a local of its function");
    (void)where;
    return Resolution{Resolution::Kind::Local, idx, name};
  }
  return Resolution{Resolution::Kind::ClassName, -1, name};
}

void Checker::CheckClass(const Stmt& s) {
  if (RequireGil(GilOp::CreateClass, s.head_range)) {
    return;
  }
  const FunctionInfo* here = CurrentFunction();
  if (here != nullptr && (here->kind != FunctionKind::Def || here->nogil)) {
    // A C function has no function objects to make methods with (as nested `def`s).
    Report(Kind::UnsupportedStatement, s.head_range, "a class statement in a C function");
    return;
  }
  bool ok = true;
  const auto cclass = cclass_statements_.find(&s);
  if (cclass != cclass_statements_.end() && rejected_cclasses_.count(&s) != 0) {
    return;  // reported where it was declared
  }
  for (const auto& d : s.decorators) {
    const Expr& head = d->kind == Expr::Kind::Call ? d->callee() : *d;
    if (cclass != cclass_statements_.end()) {
      break;  // checked where it was declared
    }
    if (head.kind == Expr::Kind::DialectRef) {
      if (head.dialect_path == "cython.cclass") {
        Report(Kind::UnsupportedStatement, d->range,
               std::string("an extension type (`@cython.cclass`) that is not at the top level of the module"));
      } else {
        Report(Kind::UnsupportedDecorator, d->range, Text(d->range));  // @cython.final, ...: extension types too
      }
      ok = false;
      continue;
    }
    CheckConvertible(*d, CheckExpr(*d), Type::Object());
  }
  for (const auto& b : s.bases) {
    if (cclass != cclass_statements_.end()) {
      break;  // checked where it was declared
    }
    // `*bases` (an iterable) and `**keywords` (a mapping) are unpacked as a call's.
    const Expr& value = b->kind == Expr::Kind::Starred ? b->operand() : *b;
    CheckConvertible(value, CheckExpr(value), Type::Object());
  }
  for (const auto& k : s.class_keywords) {
    CheckConvertible(*k.value, CheckExpr(*k.value), Type::Object());
  }
  const syntax::Block& body = s.blocks[0];
  if (!CheckClassBodyStatements(body) || !ok) {
    return;
  }
  ClassScope scope;
  scope.fn = current_fn_;
  scope.comprehension_depth = comprehension_scopes_.size();
  bool annotations = false;
  bool cell = false;
  syntax::ForEachStmtIn(body, [&](const Stmt& st) {
    if (st.kind == Stmt::Kind::Global) {
      scope.globals.insert(st.names.begin(), st.names.end());
    }
    if (st.kind == Stmt::Kind::Nonlocal) {
      scope.nonlocals.insert(st.names.begin(), st.names.end());
    }
  });
  for (const auto& n : scope.nonlocals) {
    if (LookupLocal(n) < 0) {
      // A variable of a function further out would have to become a cell of this one.
      Report(Kind::UnsupportedStatement, s.head_range,
             fmt::format("`nonlocal {}` in a class body when `{}` is not a variable of the function around the class", n, n));
      return;
    }
  }
  syntax::ForEachStmtIn(body, [&](const Stmt& st) {
    syntax::ForEachBoundName(st, [&](std::string_view name, SourceRange) {
      if (scope.globals.count(std::string(name)) == 0 && scope.nonlocals.count(std::string(name)) == 0) {
        scope.names.emplace(name);
      }
    });
    if (st.kind == Stmt::Kind::Del) {
      for (const auto& t : st.targets) {
        syntax::ForEachBoundName(*t, [&](const Expr& n) {
          if (scope.globals.count(n.name) == 0 && scope.nonlocals.count(n.name) == 0) {
            scope.names.emplace(n.name);
          }
        });
      }
    }
    annotations |= cclass_fields_.count(&st) == 0 && st.kind == Stmt::Kind::AnnAssign && !st.targets.empty() && st.targets[0]->kind == Expr::Kind::Name;
    if (st.kind == Stmt::Kind::Function && out_.nested_index.count(st.function.get()) != 0) {
      cell |= out_.functions[out_.NestedIndex(*st.function)].uses_class_cell;
    }
  });
  const std::string qualname =
      (class_scopes_.empty() ? std::string() : class_scopes_.back().qualname + ".") +
      (class_scopes_.empty() && here != nullptr ? here->qualname + ".<locals>." : std::string()) +
      syntax::WrittenClassName(s);
  scope.qualname = qualname;
  class_scopes_.push_back(std::move(scope));
  const int saved_loops = loop_depth_;
  loop_depth_ = 0;
  if (cclass != cclass_statements_.end()) {
    // The field declarations make the layout; no code runs for them.
    for (const auto& member : body) {
      if (dataclass_defaults_.count(member.get()) != 0) {
        CheckDataclassDefault(*member);  // a dataclass field's default: evaluated here
        continue;
      }
      if (cclass_fields_.count(member.get()) != 0) {
        if (!inferring_) {
          out_.Write(*member).cclass_field = true;
        }
        continue;
      }
      CheckStmt(*member);
    }
  } else {
    CheckBlock(body);
  }
  loop_depth_ = saved_loops;
  class_scopes_.pop_back();
  MarkUsesModule();
  MarkRaises();
  Resolution binding{Resolution::Kind::Global, -1, s.name};
  if (auto in_class = ClassBodyBinding(s.name, s.head_range)) {
    binding = *in_class;
  } else if (int idx = LookupLocal(s.name); idx >= 0) {
    binding = Resolution{Resolution::Kind::Local, idx, s.name};
    const Type& t = out_.functions[current_fn_].locals[idx].type;
    if (!t.IsObject() && !t.IsError()) {
      Report(Kind::TypeMismatch, s.head_range, std::string("a class"), Describe(t));
    }
  }
  if (!inferring_) {
    StmtFacts& facts = out_.Write(s);
    facts.binding = binding;
    facts.class_cell = cell;
    facts.class_annotations = annotations;
    facts.class_qualname = qualname;
    facts.cclass = cclass != cclass_statements_.end() ? cclass->second : -1;
  }
}

auto Checker::CheckFirstIterable(const Expr& iterable) -> Type {
  std::set<std::string> inner = std::move(comprehension_scopes_.back());
  comprehension_scopes_.pop_back();
  Type t = CheckExpr(iterable);
  comprehension_scopes_.push_back(std::move(inner));
  return t;
}

auto Checker::ClassNameResolution(const Expr& e) -> std::optional<Type> {
  if (e.name == "__class__" && LookupLocal(e.name) < 0) {
    // `__class__` in a method: the class its class statement made (the class cell).
    FunctionInfo* fn = CurrentFunction();
    if (fn != nullptr && fn->uses_class_cell && !InClassBody() && InCMethod()) {
      Report(Kind::UnsupportedExpression, e.range, std::string("`__class__` in a C method"));
      return Type::Error();
    }
    if (fn != nullptr && fn->uses_class_cell && !InClassBody()) {
      out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "__class__"};
      MarkRaises();
      return Type::Object();
    }
  }
  if (InClassBody() && class_scopes_.back().globals.count(e.name) != 0 &&
      comprehension_scopes_.size() <= class_scopes_.back().comprehension_depth) {
    // `global name` in the body: the module's, even if the function around the class has one.
    out_.Write(e).resolution = Resolution{Resolution::Kind::Global, -1, e.name};
    RequireGil(GilOp::ReadGlobal, e.range, fmt::format("`{}`", e.name));
    MarkUsesModule();
    MarkRaises();
    return Type::Object();
  }
  if (!IsClassBodyName(e.name)) {
    return std::nullopt;
  }
  out_.Write(e).resolution = Resolution{Resolution::Kind::ClassName, -1, e.name};
  RequireGil(GilOp::ReadGlobal, e.range, fmt::format("`{}`", e.name));
  MarkUsesModule();
  MarkRaises();
  return Type::Object();
}

auto Checker::InCMethod() const -> bool {
  for (int k = current_fn_; k >= 0; k = out_.functions[static_cast<size_t>(k)].parent) {
    if (out_.functions[static_cast<size_t>(k)].cclass >= 0 || out_.functions[static_cast<size_t>(k)].static_of >= 0) {
      return true;
    }
    if (!out_.functions[static_cast<size_t>(k)].nested) {
      break;
    }
  }
  return false;
}

auto Checker::CheckZeroArgSuper(const Expr& e) -> Type {
  FunctionInfo* fn = CurrentFunction();
  if (InCMethod()) {
    Report(Kind::UnsupportedExpression, e.range,
           std::string("zero-argument `super()` in a C method other than to call a C method of the base type"));
    return Type::Error();
  }
  if (fn == nullptr || !fn->uses_class_cell || InClassBody()) {
    // Only a method, or a function nested in one, has the class cell.
    Report(Kind::UnsupportedExpression, e.range, std::string("zero-argument `super()` outside the body of a method"));
    return Type::Error();
  }
  if (comprehension_scopes_.size() > 0) {
    // Python 3.11's comprehension is a function whose first argument is its
    // iterator: super() there fails; pyxx's comprehensions are inline.
    Report(Kind::UnsupportedExpression, e.range,
           std::string("zero-argument `super()` in a comprehension (call it outside and keep the result)"));
    return Type::Error();
  }
  if (fn->syntax->params.empty()) {
    // Python's error when the function is called: it has no first argument.
    out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "super"};
    MarkRaises();
    return Type::Object();
  }
  if (!fn->param_types[0].IsObject() || fn->syntax->params[0].kind != syntax::Param::Kind::Normal) {
    Report(Kind::UnsupportedExpression, e.range,
           std::string("zero-argument `super()` in a method whose first parameter is not a Python object"));
    return Type::Error();
  }
  if (RequireGil(GilOp::CallObject, e.range)) {
    return Type::Error();
  }
  PYXX_CHECK(fn->uses_class_cell, "a method calling super() without the class cell");
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "super"};
  MarkRaises();
  return Type::Object();
}

}  // namespace pyxx::check
