// A C array as a memoryview (`v: cython.int[:, :] = a` for `a` a
// `cython.int[3][2]`): as in Cython, the view is of the array's own memory,
// not of a copy. A module-level array lives as long as the module's code can
// run; a local array dies when its function returns, so a view of one may be
// used only where it cannot outlive the call (PX127): read, written, sliced,
// bound to locals, passed to a C function of the module that does not keep
// its parameter, never returned, stored elsewhere or made a Python object.
#include <unordered_map>
#include <unordered_set>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

auto Checker::CheckArrayAsView(const Expr& e, const Type& from, const Type& to) -> bool {
  int ndim = 0;
  const Type* element = &from;
  while (element->IsArray()) {
    ++ndim;
    element = element->target.get();
  }
  // Cython views an array as C-contiguous, with the array's dimensions and element type.
  const bool layout_fits = to.contiguous_dim < 0 || to.contiguous_dim == to.ndim - 1;
  if (ndim != to.ndim || !(*element == ViewElement(to)) || !layout_fits) {
    Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to))
        .AddNote(Kind::FixItHint, e.range,
                 fmt::format("a C array is viewed with its own element type and {} dimension{}, C-contiguous", ndim,
                             ndim == 1 ? "" : "s"));
    return false;
  }
  const Resolution* r = e.kind == Expr::Kind::Name ? &out_.Resolve(e) : nullptr;
  if (r == nullptr || (r->kind != Resolution::Kind::Local && r->kind != Resolution::Kind::CGlobal)) {
    Report(Kind::UnsupportedExpression, e.range,
           "a memoryview of this C array (only of a local or module-level array variable)");
    return false;
  }
  if (r->kind == Resolution::Kind::Local && current_fn_ >= 0) {
    local_array_views_.push_back({&e, current_fn_});
  }
  return true;
}

namespace {

// Where each expression of one function's own code is: its parent expression,
// or the statement that holds it directly.
struct Parents {
  std::unordered_map<const Expr*, const Expr*> expr;
  std::unordered_map<const Expr*, const Stmt*> stmt;
  std::vector<const Expr*> names;  // every name read or bound, in order

  void Add(const Expr& e) {
    if (e.kind == Expr::Kind::Name) {
      names.push_back(&e);
    }
    syntax::ForEachChild(e, [&](const Expr& child) {
      expr[&child] = &e;
      Add(child);
    });
  }
  void Add(const Stmt& s) {
    syntax::ForEachChild(s, syntax::Overloaded{[&](const Expr& child) {
                                                 stmt[&child] = &s;
                                                 Add(child);
                                               },
                                               [&](const Stmt& child) {
                                                 // A nested `def`'s body is another function: only
                                                 // its defaults and decorators run here.
                                                 if (s.kind != Stmt::Kind::Function) {
                                                   Add(child);
                                                 }
                                               }});
  }
};

// One use of a view that may be of a local array's memory.
struct ViewUse {
  bool escapes = false;
  const Expr* at = nullptr;  // the escaping expression
  std::string why;
  int flows_to = -1;  // bound to this local, which then holds the view
};

class ViewLifetimes {
 public:
  explicit ViewLifetimes(const CheckedModule& m) : m_(m), parents_(m.functions.size()) {
    escapes_.resize(m.functions.size());
    for (size_t f = 0; f < m.functions.size(); ++f) {
      escapes_[f].assign(m.functions[f].param_types.size(), false);
    }
  }

  // Which view parameters a function may keep beyond the call: a fixpoint
  // over the call graph (a parameter handed to one that is kept is kept).
  void ComputeKeptParameters() {
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t f = 0; f < m_.functions.size(); ++f) {
        const FunctionInfo& fn = m_.functions[f];
        for (size_t k = 0; k < fn.param_types.size(); ++k) {
          if (escapes_[f][k] || !fn.param_types[k].IsMemoryView() || fn.syntax == nullptr) {
            continue;
          }
          if (EscapingUse(static_cast<int>(f), nullptr, {static_cast<int>(k)}).escapes) {
            escapes_[f][k] = true;
            changed = true;
          }
        }
      }
    }
  }

  // The first use through which the view made at `site` (a local array
  // converted to a view) may outlive the function; escapes == false if none.
  auto EscapingUse(int f, const Expr* site, std::vector<int> tracked) -> ViewUse {
    const FunctionInfo& fn = m_.functions[f];
    const Parents& p = ParentsOf(f);
    if (site != nullptr) {
      ViewUse use = Classify(f, *site);
      if (use.escapes) {
        return use;
      }
      if (use.flows_to >= 0) {
        tracked.push_back(use.flows_to);
      }
    }
    std::unordered_set<int> seen(tracked.begin(), tracked.end());
    for (size_t next = 0; next < tracked.size(); ++next) {
      const int local = tracked[next];
      if (fn.locals[local].in_cell()) {
        return {true, nullptr, "an inner function uses `" + fn.locals[local].name + "`", -1};
      }
      for (const Expr* name : p.names) {
        const Resolution& r = m_.Resolve(*name);
        if (r.kind != Resolution::Kind::Local || r.index != local) {
          continue;
        }
        ViewUse use = Classify(f, *name);
        if (use.escapes) {
          return use;
        }
        if (use.flows_to >= 0 && seen.insert(use.flows_to).second) {
          tracked.push_back(use.flows_to);
        }
      }
    }
    return {};
  }

  [[nodiscard]] auto Keeps(int f, size_t k) const -> bool { return escapes_[f][k]; }

 private:
  auto ParentsOf(int f) -> const Parents& {
    Parents& p = parents_[f];
    if (!built_.count(f)) {
      built_.insert(f);
      for (const auto& s : m_.functions[f].syntax->body) {
        p.Add(*s);
      }
    }
    return p;
  }

  // What the context of `x`, a view value, does with it.
  auto Classify(int f, const Expr& x) -> ViewUse {
    const Parents& p = ParentsOf(f);
    auto escape = [&](const Expr& at, std::string why) { return ViewUse{true, &at, std::move(why), -1}; };
    if (auto it = p.expr.find(&x); it != p.expr.end()) {
      const Expr& parent = *it->second;
      switch (parent.kind) {
        case Expr::Kind::Subscript:
          if (&parent.object() != &x) {
            return escape(x, "it is used as an index");
          }
          // An element is a C value (or a pointer into the memory, as `cython.address(a[i])` is);
          // a slice is another view of the same memory.
          return m_.TypeOf(parent).IsMemoryView() ? Classify(f, parent) : ViewUse{};
        case Expr::Kind::Attribute:
          return parent.name == "T" ? Classify(f, parent) : ViewUse{};  // `.shape`, `.copy()`: no view of it
        case Expr::Kind::Compare:
          if (parent.compare_ops.size() == 1 && (parent.compare_ops[0] == syntax::CompareOp::Is ||
                                                 parent.compare_ops[0] == syntax::CompareOp::IsNot)) {
            return {};
          }
          return escape(x, "it is compared as a Python object");
        case Expr::Kind::Conditional:
          return &parent.condition() == &x ? escape(x, "it is tested as a Python object") : Classify(f, parent);
        case Expr::Kind::Call:
          return ClassifyArgument(f, parent, x);
        default:
          return escape(x, "it is used as a Python object, which could keep it");
      }
    }
    auto it = p.stmt.find(&x);
    PYXX_CHECK(it != p.stmt.end(), "an expression of a function body without a parent");
    const Stmt& s = *it->second;
    for (const auto& t : s.targets) {
      if (t.get() == &x) {
        return {};  // the variable bound again
      }
    }
    if (s.kind == Stmt::Kind::Expr) {
      return {};  // evaluated and dropped
    }
    if ((s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign) && s.value.get() == &x &&
        s.targets.size() == 1) {
      const Expr& target = *s.targets[0];
      if (target.kind == Expr::Kind::Name) {
        const Resolution& r = m_.Resolve(target);
        if (r.kind == Resolution::Kind::Local && m_.TypeOf(target).IsMemoryView()) {
          return {false, nullptr, {}, r.index};
        }
        return escape(x, "it is stored in `" + target.name + "`, which outlives the function");
      }
      if (target.kind == Expr::Kind::Subscript && m_.TypeOf(target).IsMemoryView()) {
        return {};  // `dst[...] = x`: its elements are copied
      }
      return escape(x, "it is stored where it outlives the function");
    }
    if (s.kind == Stmt::Kind::Return) {
      return escape(x, "it is returned");
    }
    return escape(x, "it is used as a Python object, which could keep it");
  }

  // `x` an argument of the call `call`.
  auto ClassifyArgument(int f, const Expr& call, const Expr& x) -> ViewUse {
    const Expr& callee = call.callee();
    if (callee.kind == Expr::Kind::DialectRef && callee.dialect == DialectName::CythonDeclare && call.args.size() == 2 &&
        call.args[1].get() == &x) {
      return Classify(f, call);  // `v = cython.declare(cython.int[:], a)`: the value of the declaration
    }
    const Resolution& r = m_.Resolve(callee);
    if (r.kind == Resolution::Kind::CBuiltin && r.name == "len") {
      return {};
    }
    const auto* bound = m_.CallArguments(call);
    if (r.kind == Resolution::Kind::Function && bound != nullptr && r.index >= 0) {
      const FunctionInfo& target = m_.functions[r.index];
      // A `def` is called through Python (the view becomes an object); a C function directly.
      if (target.kind == FunctionKind::CFunc || target.kind == FunctionKind::CCall) {
        for (size_t j = 0; j < bound->size(); ++j) {
          if ((*bound)[j] == &x) {
            if (!escapes_[r.index][j]) {
              return {};
            }
            return {true, &x,
                    fmt::format("`{}` may keep its parameter `{}`", target.syntax->name, target.syntax->params[j].name),
                    -1};
          }
        }
      }
    }
    return {true, &x, "the callee could keep it (only a C function of the module that does not is known not to)",
            -1};
  }

  const CheckedModule& m_;
  std::vector<Parents> parents_;
  std::unordered_set<int> built_;
  std::vector<std::vector<bool>> escapes_;  // per function, per parameter: may be kept
};

}  // namespace

void Checker::CheckArrayViewLifetimes() {
  if (local_array_views_.empty()) {
    return;
  }
  ViewLifetimes lifetimes(out_);
  lifetimes.ComputeKeptParameters();
  for (const auto& site : local_array_views_) {
    ViewUse use = lifetimes.EscapingUse(site.fn, site.array, {});
    if (!use.escapes) {
      continue;
    }
    const SourceRange at = use.at != nullptr ? use.at->range : site.array->range;
    auto b = Report(Kind::ArrayViewOutlivesArray, at, site.array->name, use.why);
    if (use.at != nullptr && use.at != site.array) {
      b.AddNote(Kind::FixItHint, site.array->range, fmt::format("the memoryview of `{}` is made here", site.array->name));
    }
  }
}

}  // namespace pyxx::check
