#include "check/maybe_unbound.h"

#include <algorithm>
#include <vector>

#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Expr;
using syntax::Stmt;

// The names certainly assigned at a point of the body; `dead`: the point is
// never reached (after a return, raise, break or continue), where every name
// counts as assigned.
struct Flow {
  std::unordered_set<std::string> assigned;
  bool dead = false;
};

auto Meet(const Flow& a, const Flow& b) -> Flow {
  if (a.dead) return b;
  if (b.dead) return a;
  Flow out;
  for (const std::string& name : a.assigned) {
    if (b.assigned.count(name) != 0) out.assigned.insert(name);
  }
  return out;
}

auto Dead() -> Flow {
  Flow f;
  f.dead = true;
  return f;
}

// `while True:` and `while 1:` end only through `break`.
auto AlwaysTrue(const Expr& e) -> bool {
  return (e.kind == Expr::Kind::Bool && e.bool_value) || (e.kind == Expr::Kind::Int && e.text != "0");
}

class Analysis {
 public:
  explicit Analysis(const std::unordered_set<std::string>& candidates) : candidates_(candidates) {}

  void Run(const syntax::Block& body) {
    Flow f;
    Block(body, f);
  }

  std::unordered_set<std::string> maybe_unbound;

 private:
  void Block(const syntax::Block& block, Flow& f) {
    for (const auto& s : block) {
      if (s) Statement(*s, f);
    }
  }

  void Read(const std::string& name, const Flow& f) {
    if (!f.dead && candidates_.count(name) != 0 && f.assigned.count(name) == 0 &&
        std::find(shadowed_.begin(), shadowed_.end(), name) == shadowed_.end()) {
      maybe_unbound.insert(name);
    }
  }

  // Reads of `e` in evaluation order. `conditional`: `e` may not be evaluated
  // (a right operand of `and`/`or`, a branch of `a if c else b`, a
  // comprehension's body), so its assignment expressions bind nothing after it.
  void Expression(const Expr& e, Flow& f, bool conditional = false) {
    switch (e.kind) {
      case Expr::Kind::Name:
        Read(e.name, f);
        return;
      case Expr::Kind::NamedExpr: {
        Expression(e.walrus_value(), f, conditional);
        if (!conditional) f.assigned.insert(e.walrus_target().name);
        return;
      }
      case Expr::Kind::BoolOp:
        for (size_t i = 0; i < e.operands.size(); ++i) Expression(*e.operands[i], f, conditional || i > 0);
        return;
      case Expr::Kind::Conditional:
        Expression(*e.operands[1], f, conditional);
        Expression(*e.operands[0], f, true);
        Expression(*e.operands[2], f, true);
        return;
      case Expr::Kind::Comprehension: {
        // Its loop variables are its own; they hide locals of the same name.
        size_t hidden = shadowed_.size();
        for (const auto& clause : e.clauses) {
          if (clause.target) {
            syntax::ForEachBoundName(*clause.target, [&](const Expr& n) { shadowed_.push_back(n.name); });
          }
        }
        syntax::ForEachChild(e, [&](const Expr& child) { Expression(child, f, true); });
        shadowed_.resize(hidden);
        return;
      }
      case Expr::Kind::Call:
        syntax::ForEachChild(e, [&](const Expr& child) { Expression(child, f, conditional); });
        if (IsLocalsCall(e)) {
          // `locals()` reads every variable: one it may find unbound keeps that state (an object).
          for (const std::string& name : candidates_) Read(name, f);
        }
        return;
      default:
        syntax::ForEachChild(e, [&](const Expr& child) { Expression(child, f, conditional); });
    }
  }

  static auto IsLocalsCall(const Expr& call) -> bool {
    if (call.operands.empty()) return false;
    const Expr& callee = call.callee();
    return callee.kind == Expr::Kind::Name && (callee.name == "locals" || callee.name == "vars") &&
           call.args.empty() && call.keywords.empty();
  }

  // An assignment target: its names are bound after the value; attributes and
  // subscripts read their object and indices.
  void Target(const Expr& t, Flow& f) {
    switch (t.kind) {
      case Expr::Kind::Name:
        return;
      case Expr::Kind::Tuple:
      case Expr::Kind::List:
        for (const auto& element : t.args) Target(*element, f);
        return;
      case Expr::Kind::Starred:
        Target(*t.operands[0], f);
        return;
      default:
        Expression(t, f);
    }
  }

  static void Bind(const Expr& t, Flow& f) {
    syntax::ForEachBoundName(t, [&](const Expr& n) { f.assigned.insert(n.name); });
  }

  void Loop(const syntax::Block& body, const syntax::Block& else_block, const Flow& entry, Flow body_entry,
            bool ends_only_by_break, Flow& f) {
    breaks_.emplace_back();
    Block(body, body_entry);
    std::vector<Flow> breaks = std::move(breaks_.back());
    breaks_.pop_back();
    // The body may run no time at all: its assignments are not certain after it.
    Flow out = ends_only_by_break ? Dead() : entry;
    Block(else_block, out);
    for (const Flow& b : breaks) out = Meet(out, b);
    f = out;
  }

  void Statement(const Stmt& s, Flow& f) {
    switch (s.kind) {
      case Stmt::Kind::If: {
        Flow out = Dead();
        for (size_t i = 0; i < s.conditions.size(); ++i) {
          Expression(*s.conditions[i], f);
          Flow branch = f;
          if (i < s.blocks.size()) Block(s.blocks[i], branch);
          out = Meet(out, branch);
        }
        Flow otherwise = f;
        Block(s.else_block, otherwise);
        f = Meet(out, otherwise);
        return;
      }
      case Stmt::Kind::While: {
        Expression(*s.conditions[0], f);
        Loop(s.blocks[0], s.else_block, f, f, AlwaysTrue(*s.conditions[0]), f);
        return;
      }
      case Stmt::Kind::For: {
        Expression(*s.value, f);
        Flow body = f;
        Target(*s.targets[0], body);
        Bind(*s.targets[0], body);
        Loop(s.blocks[0], s.else_block, f, body, false, f);
        return;
      }
      case Stmt::Kind::Break:
        if (!breaks_.empty()) breaks_.back().push_back(f);
        f = Dead();
        return;
      case Stmt::Kind::Continue:
        f = Dead();
        return;
      case Stmt::Kind::Return:
      case Stmt::Kind::Raise:
        if (s.value) Expression(*s.value, f);
        if (s.cause) Expression(*s.cause, f);
        f = Dead();
        return;
      case Stmt::Kind::Try: {
        // Any statement of the body may raise: a handler starts from what was
        // certain before the body, and so does `finally`.
        const Flow entry = f;
        Flow body = entry;
        Block(s.blocks[0], body);
        Block(s.else_block, body);
        Flow out = body;
        for (const auto& h : s.handlers) {
          Flow handler = entry;
          if (h.type) Expression(*h.type, handler);
          if (!h.name.empty()) handler.assigned.insert(h.name);
          Block(h.body, handler);
          handler.assigned.erase(h.name);  // `except E as name` deletes it
          out = Meet(out, handler);
        }
        if (s.has_finally) {
          Flow cleanup = entry;
          Block(s.finally_block, cleanup);
          if (cleanup.dead) {
            out = Dead();
          } else if (!out.dead) {
            out.assigned.insert(cleanup.assigned.begin(), cleanup.assigned.end());
          }
        }
        f = out;
        return;
      }
      case Stmt::Kind::With: {
        bool may_suppress = false;
        for (const auto& item : s.with_items) {
          if (item.condition) Expression(*item.condition, f);
          if (item.value) Expression(*item.value, f);
          if (item.target) {
            Target(*item.target, f);
            Bind(*item.target, f);
          }
          may_suppress |= item.kind == syntax::WithItem::Kind::Other;
        }
        // A context manager's __exit__ may swallow an exception of the body:
        // then nothing the body assigns is certain after it. `with
        // cython.nogil:` and the other dialect blocks swallow nothing.
        Flow body = f;
        Block(s.blocks[0], body);
        if (!may_suppress) f = body;
        return;
      }
      case Stmt::Kind::Del:
        for (const auto& t : s.targets) {
          if (t->kind == Expr::Kind::Name) {
            Read(t->name, f);
            f.assigned.erase(t->name);
          } else {
            Expression(*t, f);
          }
        }
        return;
      case Stmt::Kind::Assign:
      case Stmt::Kind::AnnAssign:
        if (s.value) Expression(*s.value, f);
        for (const auto& t : s.targets) Target(*t, f);
        if (s.value) {
          for (const auto& t : s.targets) Bind(*t, f);
        }
        return;
      case Stmt::Kind::AugAssign:
        Expression(*s.targets[0], f);  // `x += v` reads x first
        Expression(*s.value, f);
        return;
      default:
        // Simple statements, `def` and `class` (their defaults, decorators and
        // bases), imports: their expressions, then the names they bind.
        syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) { Expression(e, f); }, [](const Stmt&) {}});
        syntax::ForEachBoundName(s, [&](std::string_view name, base::SourceRange) {
          f.assigned.insert(std::string(name));
        });
    }
  }

  const std::unordered_set<std::string>& candidates_;
  std::vector<std::string> shadowed_;
  std::vector<std::vector<Flow>> breaks_;
};

}  // namespace

auto MaybeUnboundNames(const syntax::Block& body, const std::unordered_set<std::string>& candidates)
    -> std::unordered_set<std::string> {
  Analysis analysis(candidates);
  analysis.Run(body);
  return std::move(analysis.maybe_unbound);
}

}  // namespace pyxx::check
