// The effects pass: after type checking, it records for every node of the
// module the facts the emitter needs to print exact code instead of worst-case
// code: which expressions have observable effects, which call a raising
// function of the module, which reads of a local need a bound check, and
// which memoryview parameters are written (through callees too).
#include "check/effects.h"

#include <cstdint>
#include <string>
#include <unordered_set>

#include "check/bindings.h"
#include "check/index_ranges.h"
#include "check/value_ranges.h"
#include "check/view_facts.h"
#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Expr;
using syntax::Stmt;

class EffectsPass {
 public:
  explicit EffectsPass(CheckedModule& module) : m_(module) {}

  void Run() {
    for (const auto& s : m_.syntax->body) {
      AnalyseStmt(*s);
    }
    for (auto& fn : m_.functions) {
      fn.param_facts.assign(fn.param_types.size(), ParamFacts{});
      fn.tracks_line = false;
      if (fn.can_raise) {
        syntax::ForEachStmtIn(fn.syntax->body,
                              [&](const Stmt& s) { fn.tracks_line = fn.tracks_line || m_.Of(s).calls_raising; });
      }
      RecordBoundChecks(fn);
    }
    WrapNamesakesOfTrackingFunctions();
    RecordWrittenViews();
  }

 private:
  // A function that tracks its line adds its traceback entry when an error
  // leaves it -- unless the error was raised in it, whose own site is the entry
  // already. The runtime tells the two apart by the function's name
  // (pyxx::add_caller), which is exact only if a raising function of the same
  // name that it calls also passes such a handler first: give it one.
  void WrapNamesakesOfTrackingFunctions() {
    std::unordered_set<std::string> tracking;
    for (const auto& fn : m_.functions) {
      if (fn.tracks_line) {
        tracking.insert(fn.name());
      }
    }
    for (auto& fn : m_.functions) {
      if (fn.can_raise && !fn.tracks_line && tracking.count(fn.name()) != 0) {
        fn.tracks_line = true;
      }
    }
  }

  // Post-order: children first, so a node's facts fold in its children's.
  void AnalyseExpr(const Expr& e) {
    bool child_effects = false;
    bool child_raises = false;
    syntax::ForEachChild(e, [&](const Expr& child) {
      AnalyseExpr(child);
      const ExprFacts& cf = m_.Of(child);
      child_effects |= cf.has_effects;
      child_raises |= cf.calls_raising;
    });
    if (e.function) {
      for (const auto& st : e.function->body) {  // a lambda's body: its own function
        AnalyseStmt(*st);
      }
    }
    ExprFacts& f = m_.Write(e);
    f.has_effects = OwnEffects(e) || child_effects;
    f.calls_raising = child_raises;
    if (e.kind == Expr::Kind::Call) {
      const Resolution& r = m_.Resolve(e.callee());
      // A `def` function is looked up at call time: whatever the name holds then may raise.
      f.calls_raising |= r.kind == Resolution::Kind::Function &&
                         (m_.functions[r.index].can_raise || m_.functions[r.index].kind == FunctionKind::Def);
      // A cimported C method also raises for None (AttributeError).
      f.calls_raising |= r.kind == Resolution::Kind::ForeignFunction && (m_.foreign_functions[r.index].info.can_raise ||
                                                                         !m_.foreign_functions[r.index].method_of.empty());
      // A C method: None has none (AttributeError); a ccall one may run a Python override.
      f.calls_raising |= r.kind == Resolution::Kind::CClassMethod;
    }
    f.analysed = true;
  }

  // May evaluating `e` itself (not its operands) run code whose order is observable?
  auto OwnEffects(const Expr& e) const -> bool {
    switch (e.kind) {
      case Expr::Kind::Name:
      case Expr::Kind::Int:
      case Expr::Kind::Float:
      case Expr::Kind::Bool:
      case Expr::Kind::None:
      case Expr::Kind::String:
        return false;
      case Expr::Kind::Call:
        // C builtins and libc math only compute (a vector's or string's methods, the
        // libcpp.algorithm functions and cython.operator's increments change their
        // operands); everything else may run Python code.
        if (m_.Resolve(e.callee()).kind == Resolution::Kind::CBuiltin) {
          const std::string& name = m_.Resolve(e.callee()).name;
          return name.rfind("vector.", 0) == 0 || name.rfind("string.", 0) == 0 || name.rfind("algorithm.", 0) == 0 ||
                 (e.callee().kind == Expr::Kind::DialectRef && syntax::IsIncrementOperator(e.callee().dialect));
        }
        return m_.Resolve(e).kind != Resolution::Kind::LibcMath;
      default:
        return m_.TypeOf(e).IsObject();  // object operations can run arbitrary Python code
    }
  }

  void AnalyseStmt(const Stmt& s) {
    bool raises = false;
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& e) {
                                                 AnalyseExpr(e);
                                                 raises |= m_.Of(e).calls_raising;
                                               },
                                               [&](const Stmt& child) { AnalyseStmt(child); }});
    StmtFacts& f = m_.Write(s);
    // A `def`'s children are its body: its own evaluation calls nothing.
    f.calls_raising = s.kind != Stmt::Kind::Function && raises;
    f.analysed = true;
  }

  // A read of an object local needs a check that it is bound unless a top-level
  // assignment that ends before the read binds it and nothing deletes it.
  void RecordBoundChecks(const FunctionInfo& fn) {
    std::vector<uint32_t> bound_after(fn.locals.size(), UINT32_MAX);
    syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
      for (const auto& h : s.handlers) {
        // `except E as name` deletes `name` when the clause is left.
        if (auto it = fn.local_index.find(h.name); !h.name.empty() && it != fn.local_index.end()) {
          bound_after[it->second] = 0;
        }
      }
      if (s.kind != Stmt::Kind::Del) {
        return;
      }
      for (const auto& t : s.targets) {
        if (auto it = fn.local_index.find(t->name); t->kind == Expr::Kind::Name && it != fn.local_index.end()) {
          bound_after[it->second] = 0;  // deleted somewhere: always check
        }
      }
    });
    // Only top-level statements: everything after them in the body runs after them.
    for (const auto& s : fn.syntax->body) {
      if (s->kind == Stmt::Kind::Function || s->kind == Stmt::Kind::Class) {  // a nested `def`/`class` binds its name
        auto it = fn.local_index.find(s->kind == Stmt::Kind::Class ? s->name : s->function->name);
        if (it != fn.local_index.end() && bound_after[it->second] == UINT32_MAX) {
          bound_after[it->second] = s->range.end;
        }
      }
      if (s->kind == Stmt::Kind::Assign || (s->kind == Stmt::Kind::AnnAssign && s->value)) {
        for (const auto& t : s->targets) {
          syntax::ForEachBoundName(*t, [&](const Expr& n) {
            auto it = fn.local_index.find(n.name);
            if (it != fn.local_index.end() && bound_after[it->second] == UINT32_MAX) {
              bound_after[it->second] = s->range.end;
            }
          });
        }
      }
    }
    // A `for` loop binds its target before each run of its body: a read inside
    // the body is bound unless something deletes the name (bound_after 0) or
    // an inner function may (a variable in a cell).
    std::vector<std::vector<syntax::SourceRange>> loop_bodies(fn.locals.size());
    syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
      if (s.kind != Stmt::Kind::For || s.blocks.empty() || s.blocks[0].empty()) {
        return;
      }
      const syntax::SourceRange body{s.blocks[0].front()->range.begin, s.blocks[0].back()->range.end};
      for (const auto& t : s.targets) {
        syntax::ForEachBoundName(*t, [&](const Expr& n) {
          if (auto it = fn.local_index.find(n.name); it != fn.local_index.end()) {
            loop_bodies[it->second].push_back(body);
          }
        });
      }
    });
    auto in_loop_body = [&](int local, uint32_t at) {
      for (const auto& r : loop_bodies[static_cast<size_t>(local)]) {
        if (at >= r.begin && at < r.end) return true;
      }
      return false;
    };
    // Names that are only stored to (or deleted) are not reads.
    std::unordered_set<const Expr*> stores;
    syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
      if (s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign || s.kind == Stmt::Kind::For ||
          s.kind == Stmt::Kind::Del) {
        for (const auto& t : s.targets) {
          syntax::ForEachBoundName(*t, [&](const Expr& n) { stores.insert(&n); });
        }
      }
      for (const auto& item : s.with_items) {
        if (item.target) {
          syntax::ForEachBoundName(*item.target, [&](const Expr& n) { stores.insert(&n); });
        }
      }
      syntax::ForEachWalrus(s, [&](const Expr& walrus, bool) { stores.insert(&walrus.walrus_target()); });
    });
    syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
      if (e.kind != Expr::Kind::Name || stores.count(&e) != 0) {
        return;
      }
      const Resolution& r = m_.Resolve(e);
      if (r.kind != Resolution::Kind::Local || !m_.TypeOf(e).IsObject() || fn.locals[r.index].is_param) {
        return;
      }
      if (fn.syntax->genexpr && fn.locals[r.index].free_slot < 0) {
        return;  // a generator expression's own variables are its loop targets, read inside their loops
      }
      uint32_t after = bound_after[r.index];
      const bool loop_bound = after != 0 && !fn.locals[r.index].in_cell() && in_loop_body(r.index, e.range.begin);
      m_.Write(e).needs_bound_check = !loop_bound && !(after != 0 && e.range.begin >= after);
    });
  }

  // A memoryview parameter is written when the function stores into it or hands
  // it to a parameter of a module function that is written: a fixpoint over
  // the call graph (recursion included).
  void RecordWrittenViews() {
    for (auto& fn : m_.functions) {
      RecordReboundParams(fn);
      for (size_t k = 0; k < fn.param_facts.size(); ++k) {
        if (!fn.param_types[k].IsMemoryView()) {
          continue;
        }
        const std::string& name = fn.syntax->params[k].name;
        syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
          if (s.kind != Stmt::Kind::Assign && s.kind != Stmt::Kind::AugAssign && s.kind != Stmt::Kind::AnnAssign) {
            return;
          }
          for (const auto& t : s.targets) {
            if (t->kind == Expr::Kind::Subscript && IsName(t->object(), name)) {
              fn.param_facts[k].view_written = true;
            }
          }
        });
      }
    }
    for (auto& fn : m_.functions) {
      MarkEscapingViews(fn);
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (auto& fn : m_.functions) {
        for (size_t k = 0; k < fn.param_facts.size(); ++k) {
          if (fn.param_facts[k].view_written || !fn.param_types[k].IsMemoryView()) {
            continue;
          }
          const std::string& name = fn.syntax->params[k].name;
          syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
            if (e.kind != Expr::Kind::Call || fn.param_facts[k].view_written) {
              return;
            }
            const Resolution& r = m_.Resolve(e.callee());
            const auto* bound = m_.CallArguments(e);
            if ((r.kind != Resolution::Kind::Function && r.kind != Resolution::Kind::CClassMethod) || bound == nullptr) {
              return;
            }
            const FunctionInfo& callee = m_.functions[r.index];
            for (size_t j = 0; j < bound->size() && j < callee.param_facts.size(); ++j) {
              if ((*bound)[j] != nullptr && IsName(*(*bound)[j], name) && callee.param_facts[j].view_written) {
                fn.param_facts[k].view_written = true;
                changed = true;
              }
            }
          });
        }
      }
    }
  }

  // Parameters whose name the body binds again (the emitter passes a view
  // parameter by const reference unless it is rebound).
  void RecordReboundParams(FunctionInfo& fn) {
    const auto bound = CountBindings(fn.syntax->body);
    for (size_t k = 0; k < fn.param_facts.size(); ++k) {
      fn.param_facts[k].rebound = bound.count(fn.syntax->params[k].name) != 0;
    }
  }

  // A view parameter used other than by reading its elements or attributes or
  // handing it to a module function (the fixpoint above) may be written through
  // another view of its buffer: bound to a local, sliced, made a Python object.
  void MarkEscapingViews(FunctionInfo& fn) {
    // `cython.address(v[i])` hands out a pointer into the buffer, which C code may write through.
    std::unordered_set<const Expr*> addressed;
    syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
      if (e.kind == Expr::Kind::Call && e.callee().kind == Expr::Kind::DialectRef &&
          e.callee().dialect == syntax::DialectName::CythonAddress && e.args.size() == 1) {
        addressed.insert(e.args[0].get());
      }
    });
    std::unordered_set<const Expr*> harmless;
    syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
      if (e.kind == Expr::Kind::Subscript && !m_.TypeOf(e).IsMemoryView() && addressed.count(&e) == 0) {
        harmless.insert(&e.object());
      } else if (e.kind == Expr::Kind::Attribute && e.name != "T") {  // `.T` is another view of the buffer
        harmless.insert(&e.object());
      } else if (e.kind == Expr::Kind::Compare && e.compare_ops.size() == 1 &&
                 (e.compare_ops[0] == syntax::CompareOp::Is || e.compare_ops[0] == syntax::CompareOp::IsNot)) {
        harmless.insert(e.operands[0].get());  // `v is None` reads no element
        harmless.insert(e.operands[1].get());
      } else if (e.kind == Expr::Kind::Call) {
        const Resolution& r = m_.Resolve(e.callee());
        if (r.kind == Resolution::Kind::Function || r.kind == Resolution::Kind::CClassMethod ||
            (r.kind == Resolution::Kind::CBuiltin && r.name == "len")) {
          for (const auto& a : e.args) {
            harmless.insert(a.get());
          }
        }
      }
    });
    syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
      for (const auto& t : s.targets) {
        harmless.insert(t.get());
      }
      // `dst[...] = src[:, 1]`: the source of a view copy is only read.
      if (s.kind == Stmt::Kind::Assign && s.targets.size() == 1 && s.value &&
          s.targets[0]->kind == Expr::Kind::Subscript && m_.TypeOf(*s.targets[0]).IsMemoryView()) {
        const Expr* source = s.value.get();
        while ((source->kind == Expr::Kind::Subscript && m_.TypeOf(*source).IsMemoryView()) ||
               (source->kind == Expr::Kind::Attribute && source->name == "T")) {
          source = &source->object();
        }
        harmless.insert(source);
      }
    });
    syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
      if (e.kind != Expr::Kind::Name || harmless.count(&e) != 0) {
        return;
      }
      const Resolution& r = m_.Resolve(e);
      if (r.kind == Resolution::Kind::Local && r.index >= 0 && static_cast<size_t>(r.index) < fn.param_facts.size() &&
          fn.param_types[r.index].IsMemoryView()) {
        fn.param_facts[r.index].view_written = true;
      }
    });
  }

  static auto IsName(const Expr& e, const std::string& name) -> bool {
    return e.kind == Expr::Kind::Name && e.name == name;
  }

  CheckedModule& m_;
};

}  // namespace

void RecordEffects(CheckedModule& module) {
  EffectsPass(module).Run();
  RecordIndicesInRange(module);
  RecordValueRanges(module);
  RecordViewFacts(module);
}

}  // namespace pyxx::check
