// The one place that knows which fields of a node hold its children.
//
// ForEachChild(expr, f) calls f on each direct child expression; ForEachChild(stmt, f)
// calls f on each child expression and each nested statement (f takes both: use
// Overloaded{...} or a generic lambda). Deep walks and binding walks are built on
// them, so a pass can never forget a field (the comprehension clauses, say).
// Both work on const and non-const trees.
#pragma once

#include <string_view>
#include <type_traits>

#include "syntax/tree.h"

namespace pyxx::syntax {

// Overloaded{[](const Expr&) {...}, [](const Stmt&) {...}} for ForEachChild(stmt, ...).
template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

namespace walk_detail {
template <class Node, class T>
using Like = std::conditional_t<std::is_const_v<Node>, const T, T>;
template <class T>
concept ExprNode = std::is_same_v<std::remove_const_t<T>, Expr>;
template <class T>
concept StmtNode = std::is_same_v<std::remove_const_t<T>, Stmt>;
}  // namespace walk_detail

// Direct children of `e`, in the order Python evaluates them (the condition of
// `a if c else b` first; a comprehension's clauses before its element).
template <walk_detail::ExprNode E, class F>
void ForEachChild(E& e, F&& f) {
  using Child = walk_detail::Like<E, Expr>;
  auto visit = [&](auto& ptr) {
    if (ptr) {
      f(static_cast<Child&>(*ptr));
    }
  };
  if (e.kind == Expr::Kind::Conditional && e.operands.size() == 3) {
    visit(e.operands[1]);
    visit(e.operands[0]);
    visit(e.operands[2]);
    return;
  }
  for (auto& clause : e.clauses) {
    visit(clause.iterable);
    visit(clause.target);
    for (auto& c : clause.conditions) {
      visit(c);
    }
  }
  for (auto& o : e.operands) {
    visit(o);
  }
  for (auto& a : e.args) {
    visit(a);
  }
  for (auto& k : e.keywords) {
    visit(k.value);
  }
  for (auto& p : e.parts) {
    visit(p);
  }
  // A lambda's default values are evaluated where it is; its body is another scope.
  if (e.function) {
    for (auto& p : e.function->params) {
      visit(p.default_value);
    }
  }
}

// Direct children of `s` in source order: f(Expr&) for its expressions, f(Stmt&)
// for the statements of its blocks. A `def` statement's children are its default
// values, its `exceptval` value, unknown decorators and its body.
template <walk_detail::StmtNode S, class F>
void ForEachChild(S& s, F&& f) {
  using E = walk_detail::Like<S, Expr>;
  using St = walk_detail::Like<S, Stmt>;
  auto expr = [&](auto& ptr) {
    if (ptr) {
      f(static_cast<E&>(*ptr));
    }
  };
  auto block = [&](auto& b) {
    for (auto& st : b) {
      if (st) {
        f(static_cast<St&>(*st));
      }
    }
  };
  for (auto& w : s.with_items) {
    expr(w.condition);
    expr(w.value);
    expr(w.target);
  }
  // Python evaluates the value before it binds the targets.
  bool value_first = s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign || s.kind == Stmt::Kind::For;
  if (value_first) {
    expr(s.value);
  }
  for (auto& t : s.targets) {
    expr(t);
  }
  if (!value_first) {
    expr(s.value);
  }
  expr(s.cause);
  expr(s.message);
  // Class: decorators, then bases and keywords, as Python evaluates them.
  for (auto& d : s.decorators) {
    expr(d);
  }
  for (auto& b : s.bases) {
    expr(b);
  }
  for (auto& k : s.class_keywords) {
    expr(k.value);
  }
  // If/While: conditions[i] guards blocks[i]; other statements have blocks only.
  for (size_t i = 0; i < s.conditions.size() || i < s.blocks.size(); ++i) {
    if (i < s.conditions.size()) {
      expr(s.conditions[i]);
    }
    if (i < s.blocks.size()) {
      block(s.blocks[i]);
    }
  }
  for (auto& h : s.handlers) {
    expr(h.type);
    block(h.body);
  }
  block(s.else_block);
  block(s.finally_block);
  if (s.function) {
    auto& fn = static_cast<walk_detail::Like<S, Function>&>(*s.function);
    for (auto& p : fn.params) {
      expr(p.default_value);
    }
    expr(fn.attrs.exceptval_value);
    for (auto& d : fn.attrs.unknown_decorators) {
      expr(d);
    }
    block(fn.body);
  }
}

// ---- Deep walks --------------------------------------------------------------

// `e` and every expression below it, parents first.
template <walk_detail::ExprNode E, class F>
void ForEachExprIn(E& e, F&& f) {
  f(e);
  ForEachChild(e, [&](auto& child) { ForEachExprIn(child, f); });
}

// Is `s` a nested scope (`def`, `class`)? Walks over one function's code stop there.
inline auto OpensScope(const Stmt& s) -> bool { return s.kind == Stmt::Kind::Function || s.kind == Stmt::Kind::Class; }

// The statement `s` and every statement below it, parents first; the bodies of
// nested `def`/`class` are another scope and are not entered.
template <walk_detail::StmtNode S, class F>
void ForEachStmtIn(S& s, F&& f) {
  f(s);
  if (OpensScope(s)) {
    return;
  }
  ForEachChild(s, Overloaded{[](walk_detail::Like<S, Expr>&) {}, [&](S& child) { ForEachStmtIn(child, f); }});
}

// Every statement of `block` and below, as above.
template <class F>
void ForEachStmtIn(const Block& block, F&& f) {
  for (const auto& s : block) {
    ForEachStmtIn(static_cast<const Stmt&>(*s), f);
  }
}

// Every expression of `s` and of the statements below it (sub-expressions
// included), in source order; nested `def`/`class` are not entered.
template <walk_detail::StmtNode S, class F>
void ForEachExprIn(S& s, F&& f) {
  if (OpensScope(s)) {
    return;
  }
  ForEachChild(s, Overloaded{[&](walk_detail::Like<S, Expr>& e) { ForEachExprIn(e, f); },
                             [&](S& child) { ForEachExprIn(child, f); }});
}

// Every expression of the statements of `block`, as above.
template <class F>
void ForEachExprIn(const Block& block, F&& f) {
  for (const auto& s : block) {
    ForEachExprIn(static_cast<const Stmt&>(*s), f);
  }
}

// ---- Binding walks -----------------------------------------------------------

// The names an assignment target binds (`a`, `a, (b, *c)`), in order: f(const Expr& name).
// Attribute and subscript targets bind no name.
template <class F>
void ForEachBoundName(const Expr& target, F&& f) {
  switch (target.kind) {
    case Expr::Kind::Name:
      f(target);
      break;
    case Expr::Kind::Tuple:
    case Expr::Kind::List:
      for (const auto& e : target.args) {
        if (e) {
          ForEachBoundName(*e, f);
        }
      }
      break;
    case Expr::Kind::Starred:
      ForEachBoundName(target.operand(), f);
      break;
    default:
      break;
  }
}

// The local name an import binds: `import a.b` binds `a`, `import a.b as c` and
// `from a import b as c` bind `c`, `from a import b` binds `b`.
inline auto BoundName(const ImportName& imp) -> std::string {
  if (!imp.alias.empty()) {
    return imp.alias;
  }
  if (!imp.name.empty()) {
    return imp.name;
  }
  return imp.module.substr(0, imp.module.find('.'));
}

// The assignment expressions (`y := v`) of the statement `s`'s own expressions,
// those of its comprehensions included (a comprehension's walrus binds in the
// scope around it); not those of nested statements, lambdas or generator
// expressions, which are scopes of their own. f(const Expr& walrus, bool
// in_comprehension).
template <class F>
void ForEachWalrus(const Stmt& s, F&& f) {
  auto visit = [&](auto& self, const Expr& e, bool in_comprehension) -> void {
    if (e.kind == Expr::Kind::NamedExpr) {
      f(e, in_comprehension);
    }
    const bool inner = in_comprehension || e.kind == Expr::Kind::Comprehension;
    ForEachChild(e, [&](const Expr& child) { self(self, child, inner); });
  };
  ForEachChild(s, Overloaded{[&](const Expr& e) { visit(visit, e, false); }, [](const Stmt&) {}});
}

// The names the statement `s` itself binds (not those of nested statements), in
// source order: f(std::string_view name, SourceRange where). The targets of its
// assignment expressions come first: Python evaluates them before it binds the
// statement's own targets.
template <class F>
void ForEachBoundName(const Stmt& s, F&& f) {
  auto targets = [&](const Expr& t) { ForEachBoundName(t, [&](const Expr& n) { f(std::string_view(n.name), n.range); }); };
  ForEachWalrus(s, [&](const Expr& walrus, bool) { targets(walrus.walrus_target()); });
  switch (s.kind) {
    case Stmt::Kind::Assign:
    case Stmt::Kind::AnnAssign:
    case Stmt::Kind::AugAssign:
    case Stmt::Kind::For:
      for (const auto& t : s.targets) {
        targets(*t);
      }
      break;
    case Stmt::Kind::With:
      for (const auto& item : s.with_items) {
        if (item.target) {
          targets(*item.target);
        }
      }
      break;
    case Stmt::Kind::Try:
      for (const auto& h : s.handlers) {
        if (!h.name.empty()) {
          f(std::string_view(h.name), h.range);
        }
      }
      break;
    case Stmt::Kind::Import:
      for (const auto& imp : s.imports) {
        std::string local = BoundName(imp);
        f(std::string_view(local), imp.range);
      }
      break;
    case Stmt::Kind::Function:
      f(std::string_view(s.function->name), s.function->name_range);
      break;
    case Stmt::Kind::Class:
      f(std::string_view(s.name), s.head_range);
      break;
    default:
      break;
  }
}

}  // namespace pyxx::syntax
