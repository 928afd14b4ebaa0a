// Nested functions, lambdas and closures: which function each nested `def` and
// `lambda` is, which variables they share with the functions around them
// (cells), and the checks of the statement or expression that makes them.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/mangle.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

// The names a function's own code uses (reads, stores, `nonlocal`), without
// those of nested functions' bodies and without comprehension variables.
void CollectUsedNames(const Expr& e, const std::vector<std::set<std::string>>& comprehensions,
                      std::vector<std::pair<std::string, SourceRange>>& out) {
  if (e.kind == Expr::Kind::Name) {
    for (const auto& scope : comprehensions) {
      if (scope.count(e.name) != 0) {
        return;
      }
    }
    out.emplace_back(e.name, e.range);
    return;
  }
  if (e.kind == Expr::Kind::Comprehension && !e.function) {
    auto inner = comprehensions;
    inner.emplace_back();
    for (const auto& clause : e.clauses) {
      CollectUsedNames(*clause.iterable, inner, out);
      syntax::ForEachBoundName(*clause.target, [&](const Expr& n) { inner.back().insert(n.name); });
      for (const auto& c : clause.conditions) {
        CollectUsedNames(*c, inner, out);
      }
    }
    for (const auto& o : e.operands) {
      CollectUsedNames(*o, inner, out);
    }
    return;
  }
  syntax::ForEachChild(e, [&](const Expr& child) { CollectUsedNames(child, comprehensions, out); });
}

void CollectUsedNames(const syntax::Block& body, std::vector<std::pair<std::string, SourceRange>>& out) {
  const std::vector<std::set<std::string>> none;
  syntax::ForEachStmtIn(body, [&](const Stmt& s) {
    if (s.kind == Stmt::Kind::Nonlocal) {
      for (const auto& n : s.names) {
        out.emplace_back(n, s.range);
      }
      return;
    }
    if (s.kind == Stmt::Kind::Function) {
      // Its default values and decorators run here; its body is its own scope.
      for (const auto& p : s.function->params) {
        if (p.default_value) {
          CollectUsedNames(*p.default_value, none, out);
        }
      }
      for (const auto& d : s.function->attrs.unknown_decorators) {
        CollectUsedNames(*d, none, out);
      }
      return;
    }
    if (syntax::OpensScope(s)) {
      return;
    }
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) { CollectUsedNames(e, none, out); },
                                               [](const Stmt&) {}});
  });
}

}  // namespace

void Checker::DeclareNested(const syntax::Function& fn, int parent, const std::string& qualname) {
  DeclareFunction(fn, true, parent, qualname);
  int index = static_cast<int>(out_.functions.size()) - 1;
  DeclareNestedIn(fn.body, index, qualname + ".<locals>.");
}

void Checker::DeclareNestedInExpr(const Expr& e, int parent, const std::string& prefix) {
  // The variables of the comprehensions around `e`, innermost last.
  std::vector<std::set<std::string>> comprehensions;
  std::function<void(const Expr&)> visit = [&](const Expr& sub) {
    if (sub.kind == Expr::Kind::Lambda && sub.function) {
      const int index = static_cast<int>(out_.functions.size());
      DeclareNested(*sub.function, parent, prefix + "<lambda>");
      // A comprehension's variable would need a new cell per iteration: not supported.
      syntax::ForEachExprIn(sub.function->body, [&](const Expr& n) {
        for (const auto& p : sub.function->params) {
          if (n.kind == Expr::Kind::Name && p.name == n.name) {
            return;  // the lambda's own parameter (`lambda v=v: v`)
          }
        }
        for (const auto& scope : comprehensions) {
          if (n.kind == Expr::Kind::Name && scope.count(n.name) != 0 && lambdas_using_comprehension_.count(index) == 0) {
            lambdas_using_comprehension_.emplace(index, &n);
          }
        }
      });
    }
    if (sub.kind == Expr::Kind::Comprehension && sub.function) {
      // A generator expression: its first iterable is evaluated here, the rest
      // is the body of its generator function.
      const int index = static_cast<int>(out_.functions.size());
      DeclareNested(*sub.function, parent, prefix + "<genexpr>");
      if (!comprehensions.empty()) {
        // A variable of an enclosing list/set/dict comprehension is no variable
        // of a function: the generator could not keep it (as with a lambda).
        std::set<std::string> own;
        syntax::ForEachStmtIn(sub.function->body, [&](const Stmt& st) {
          syntax::ForEachBoundName(st, [&](std::string_view name, SourceRange) { own.emplace(name); });
        });
        syntax::ForEachExprIn(sub.function->body, [&](const Expr& n) {
          if (n.kind != Expr::Kind::Name || own.count(n.name) != 0 || genexprs_using_comprehension_.count(index) != 0) {
            return;
          }
          for (const auto& scope : comprehensions) {
            if (scope.count(n.name) != 0) {
              genexprs_using_comprehension_.emplace(index, &n);
              return;
            }
          }
        });
      }
      syntax::ForEachChild(sub, visit);
      return;
    }
    if (sub.kind == Expr::Kind::Comprehension) {
      comprehensions.emplace_back();
      for (const auto& clause : sub.clauses) {
        syntax::ForEachBoundName(*clause.target, [&](const Expr& n) { comprehensions.back().insert(n.name); });
      }
      syntax::ForEachChild(sub, visit);
      comprehensions.pop_back();
      return;
    }
    syntax::ForEachChild(sub, visit);
  };
  visit(e);
}

void Checker::DeclareNestedIn(const syntax::Block& block, int parent, const std::string& prefix) {
  syntax::ForEachStmtIn(block, [&](const Stmt& s) {
    if (s.kind == Stmt::Kind::Function) {
      const syntax::Function& fn = *s.function;
      for (const auto& d : fn.attrs.unknown_decorators) {
        DeclareNestedInExpr(*d, parent, prefix);
      }
      for (const auto& p : fn.params) {
        if (p.default_value) {
          DeclareNestedInExpr(*p.default_value, parent, prefix);
        }
      }
      if (parent == -1 && fn.fused_specialisation >= 0 && out_.specialisation_index.count(&fn) != 0) {
        // A specialisation of a module-level function with fused types: declared already.
        DeclareNestedIn(fn.body, out_.specialisation_index.at(&fn), fn.name + ".<locals>.");
        return;
      }
      if (parent == -1 && out_.function_index.count(fn.name) != 0 &&
          out_.functions[out_.function_index.at(fn.name)].syntax == &fn) {
        // A module-level function: declared already.
        int index = out_.function_index.at(fn.name);
        DeclareNestedIn(fn.body, index, fn.name + ".<locals>.");
        return;
      }
      DeclareNested(fn, parent, prefix + syntax::WrittenName(fn));
      return;
    }
    if (s.kind == Stmt::Kind::Class) {
      for (const auto& d : s.decorators) {
        DeclareNestedInExpr(*d, parent, prefix);
      }
      for (const auto& b : s.bases) {
        DeclareNestedInExpr(*b, parent, prefix);
      }
      for (const auto& k : s.class_keywords) {
        DeclareNestedInExpr(*k.value, parent, prefix);
      }
      // Its methods are made in the scope around the class: the class body is no
      // scope for them (they do not see its names).
      syntax::ForEachStmtIn(s.blocks[0], [&](const Stmt& member) {
        if (member.kind == Stmt::Kind::Function) methods_.insert(member.function.get());
      });
      DeclareNestedIn(s.blocks[0], parent, prefix + syntax::WrittenClassName(s) + ".");
      syntax::ForEachStmtIn(s.blocks[0], [&](const Stmt& member) {
        if (member.kind == Stmt::Kind::Function && out_.nested_index.count(member.function.get()) != 0) {
          FunctionInfo& method = out_.functions[out_.NestedIndex(*member.function)];
          method.method = true;
          // CPython gives a method the class cell when it (or a function nested
          // in it) names `super` or `__class__`.
          // A C method has no function object to hold it (its `super()` calls C methods only).
          const bool uses = MarkClassCellUsers(*member.function);
          method.uses_class_cell |= uses && method.kind == FunctionKind::Def;
        }
      });
      return;
    }
    if (syntax::OpensScope(s)) {
      return;
    }
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) { DeclareNestedInExpr(e, parent, prefix); },
                                               [](const Stmt&) {}});
  });
}

auto Checker::CaptureName(int fn_index, const std::string& name, SourceRange where) -> int {
  {
    const FunctionInfo& fn = out_.functions[fn_index];
    if (auto it = fn.local_index.find(name); it != fn.local_index.end()) {
      return it->second;
    }
    if (!fn.nested || fn.parent < 0 || global_decls_[fn_index].count(name) != 0) {
      return -1;
    }
  }
  const int parent = out_.functions[fn_index].parent;
  const int source = CaptureName(parent, name, where);
  if (source < 0) {
    return -1;
  }
  LocalVar& outer = out_.functions[parent].locals[source];
  if (outer.is_const || outer.is_volatile) {
    // A cell holds a plain T: the qualifier would be lost in the inner function.
    Report(Kind::UnsupportedType, where,
           fmt::format("an inner function's use of the `cython.{}` local `{}`", outer.is_const ? "const" : "volatile",
                       name));
  }
  if (outer.free_slot < 0) {
    outer.cell = true;
  }
  FunctionInfo& fn = out_.functions[fn_index];
  LocalVar free{name, outer.type, false, where};
  free.free_slot = static_cast<int>(fn.closure_sources.size());
  fn.closure_sources.push_back(source);
  int index = static_cast<int>(fn.locals.size());
  fn.local_index.emplace(name, index);
  fn.locals.push_back(std::move(free));
  return index;
}

void Checker::ResolveClosures() {
  const size_t n = out_.functions.size();
  global_decls_.resize(n);
  nonlocal_decls_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (!out_.functions[i].nested) {
      continue;
    }
    std::vector<std::pair<std::string, SourceRange>> used;
    CollectUsedNames(out_.functions[i].syntax->body, used);
    for (const auto& [name, range] : used) {
      CaptureName(static_cast<int>(i), name, range);
    }
  }
  // `nonlocal x` needs an enclosing function that binds `x` (Python: SyntaxError).
  for (size_t i = 0; i < n; ++i) {
    const FunctionInfo& fn = out_.functions[i];
    syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
      if (s.kind != Stmt::Kind::Nonlocal) {
        return;
      }
      for (const auto& name : s.names) {
        auto it = fn.local_index.find(name);
        if (!fn.nested || fn.parent < 0) {
          Report(Kind::MisplacedStatement, s.head_range.empty() ? s.range : s.head_range, "nonlocal",
                 "a nested function");
          return;
        }
        if (it == fn.local_index.end() || fn.locals[it->second].free_slot < 0) {
          Report(Kind::UndefinedName, s.range, name)
              .AddNote(Kind::FixItHint, s.range, "`nonlocal` names a variable of an enclosing function");
        }
      }
    });
  }
  // The types: a captured variable keeps a declared type (also a C type: its cell
  // holds the C value); an undeclared one is a Python object, since an inner
  // function may assign it anything. Parents come before their nested functions.
  for (size_t i = 0; i < n; ++i) {
    FunctionInfo& fn = out_.functions[i];
    for (auto& local : fn.locals) {
      if (local.free_slot >= 0) {
        local.type = out_.functions[fn.parent].locals[fn.closure_sources[local.free_slot]].type;
        declared_names_[i].insert(local.name);
      } else if (local.cell) {
        if (!local.is_param && declared_names_[i].count(local.name) == 0) {
          local.type = Type::Object();
          declared_names_[i].insert(local.name);
        }
        if (local.type.IsMemoryView() || local.type.IsCppClass()) {
          // A cell holds its C value as raw bytes (runtime closure.hpp): no view share, no vector's memory.
          Report(Kind::UnsupportedType, local.first_binding,
                 fmt::format("the {} `{}` used by a nested function or lambda",
                             local.type.IsVector()      ? "vector"
                             : local.type.IsCppString() ? "C++ string"
                             : local.type.IsCppClass()  ? "C++ `" + SpellPyxx(local.type) + "`"
                                                        : "memoryview",
                             local.name));
          local.type = Type::Error();
        }
      }
    }
  }
}

void Checker::CheckFunctionCreation(const syntax::Function& fn) {
  for (const auto& d : fn.attrs.unknown_decorators) {
    CheckExpr(*d);
  }
  const FunctionInfo& info = out_.functions[out_.NestedIndex(fn)];
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const auto& p = fn.params[i];
    if (!p.default_value) {
      continue;
    }
    // Stored as a Python object in the function, converted to a C parameter's
    // type when the `def` runs (as a module-level function's).
    Type t = CheckExpr(*p.default_value);
    if (i < info.param_types.size() && !info.param_types[i].IsError() && !t.IsError()) {
      if (t.IsMemoryView() || info.param_types[i].IsMemoryView()) {
        Report(Kind::UnsupportedType, p.default_value->range, std::string("a default value for a memoryview parameter"));
      } else if (IsConstantDefault(*p.default_value) && !info.param_types[i].IsObject()) {
        // A literal is checked against the C type now, as a module-level function's.
        if (t.IsObject() && info.param_types[i].IsNumeric()) {
          Report(Kind::TypeMismatch, p.default_value->range, Describe(t), Describe(info.param_types[i]));
        } else {
          CheckConvertible(*p.default_value, t, info.param_types[i]);
        }
      } else {
        CheckConvertible(*p.default_value, t, Type::Object());
      }
    }
  }
  MarkUsesModule();
  MarkRaises();
}

void Checker::CheckNestedDef(const Stmt& s) {
  const syntax::Function& fn = *s.function;
  if (RequireGil(GilOp::CreateFunction, s.head_range)) {
    return;
  }
  const FunctionInfo* here = CurrentFunction();
  if (here != nullptr && here->nogil) {
    Report(Kind::UnsupportedStatement, s.head_range, "nested functions in a nogil function");
    return;
  }
  CheckFunctionCreation(fn);
  Resolution binding{Resolution::Kind::Global, -1, fn.name};
  if (auto in_class = ClassBodyBinding(fn.name, fn.name_range)) {
    binding = *in_class;  // a method (or a `global`/`nonlocal` name of the body)
  } else if (int idx = current_fn_ >= 0 ? LookupLocal(fn.name) : -1; idx >= 0) {
    binding = Resolution{Resolution::Kind::Local, idx, fn.name};
    if (!out_.functions[current_fn_].locals[idx].type.IsObject() && !out_.functions[current_fn_].locals[idx].type.IsError()) {
      Report(Kind::TypeMismatch, fn.name_range, std::string("a function"),
             Describe(out_.functions[current_fn_].locals[idx].type));
    }
  } else {
    MarkUsesModule();
  }
  if (!inferring_) {
    out_.Write(s).binding = binding;
  }
}

auto Checker::CheckLambda(const Expr& e) -> Type {
  if (RequireGil(GilOp::CreateLambda, e.range)) {
    return Type::Error();
  }
  const FunctionInfo* here = CurrentFunction();
  if (here != nullptr && here->nogil) {
    Report(Kind::UnsupportedExpression, e.range, std::string("`lambda` in a nogil function"));
    return Type::Error();
  }
  // The comprehension's variable would need a cell per iteration.
  if (auto it = lambdas_using_comprehension_.find(out_.NestedIndex(*e.function)); it != lambdas_using_comprehension_.end()) {
    Report(Kind::UnsupportedExpression, it->second->range,
           fmt::format("a `lambda` that uses the comprehension variable `{}`", it->second->name));
    return Type::Error();
  }
  CheckFunctionCreation(*e.function);
  return Type::Object("function");
}

// `(x for x in xs)`: iter(xs) here, then a call of its generator function.
auto Checker::CheckGeneratorExpression(const Expr& e) -> Type {
  if (RequireGil(GilOp::CreateComprehension, e.range)) {
    return Type::Error();
  }
  const int index = out_.NestedIndex(*e.function);
  if (auto it = genexprs_using_comprehension_.find(index); it != genexprs_using_comprehension_.end()) {
    Report(Kind::UnsupportedExpression, it->second->range,
           fmt::format("a generator expression that uses the comprehension variable `{}`", it->second->name));
    return Type::Error();
  }
  const FunctionInfo* here = CurrentFunction();
  if (here != nullptr && here->nogil && !out_.functions[index].closure_sources.empty()) {
    // Its variables would live in cells, made when the function starts: without the GIL.
    Report(Kind::UnsupportedExpression, e.range,
           std::string("a generator expression that uses the variables of a nogil function"));
    return Type::Error();
  }
  const Expr& first = *e.args.at(0);
  Type t = CheckExpr(first);
  if (!t.IsObject() && !t.IsMemoryView()) {  // a view: its items, as in a `for`
    if (!t.IsError()) {
      Report(Kind::InvalidOperands, first.range, "for", Describe(t));
    }
    return Type::Error();
  }
  MarkCalls(index);
  MarkRaises();
  return Type::Object();
}

}  // namespace pyxx::check
