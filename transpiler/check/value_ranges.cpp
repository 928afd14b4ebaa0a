// Interval ranges of C integer expressions, to print plain C++ arithmetic
// where the wrap-around helpers (runtime arithmetic.hpp) cannot change the
// result: `i + 1` inside `for i in range(n - 1)`, `n - 1` where n = a.shape[0].
//
// An expression's range is exact interval arithmetic over what is known:
// - an integer literal is its value; `len(x)` and `v.shape[d]` are in
//   [0, max of Py_ssize_t];
// - a read of the variable of a C counting loop `for i in range(start, stop,
//   step)`, inside the loop body, when i is a plain local (no cell, address
//   never taken) that nothing in the body binds: start <= i < stop for a step
//   > 0, stop < i <= start for a step < 0 (either, for a step of unknown sign),
//   from the ranges of the bounds at the loop;
// - a read of a plain local that the function binds exactly once, by
//   `n = value` or `n: T = value`: the range of the value at that statement
//   (it holds whenever the statement runs), joined with 0, what a C local holds
//   before its first binding;
// - `a + b`, `a - b`, `a * b`, `-a`, `min()`, `max()` of such operands; an
//   operation whose exact result does not fit its type wraps: its range is the
//   type's;
// - anything else: its type's range.
// An operand only counts when its range fits the type it is converted to.
//
// The widths of long, Py_ssize_t and size_t differ between targets (LP64,
// LLP64, ILP32), and the generated C++ may be built for any of them: every
// range is computed for each, and an operation is recorded as unable to
// overflow (ExprFacts::no_overflow) only when it cannot on all three. The range
// shown (ExprFacts::value_range) is LP64's, recorded only where it is narrower
// than the type's.
#include "check/value_ranges.h"

#include <algorithm>
#include <array>
#include <climits>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/bindings.h"
#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Expr;
using syntax::Stmt;

enum class DataModel : uint8_t { LP64, LLP64, ILP32 };
constexpr std::array kModels = {DataModel::LP64, DataModel::LLP64, DataModel::ILP32};

struct Interval {
  long long lo;
  long long hi;
  [[nodiscard]] auto Within(const Interval& o) const -> bool { return o.lo <= lo && hi <= o.hi; }
};
using Range = std::optional<Interval>;  // nullopt: not representable in 64 signed bits (unknown)

// Exact 64-bit arithmetic, or nullopt where it would overflow.
auto Add(long long a, long long b) -> std::optional<long long> {
  if ((b > 0 && a > LLONG_MAX - b) || (b < 0 && a < LLONG_MIN - b)) return std::nullopt;
  return a + b;
}
auto Negate(long long a) -> std::optional<long long> {
  if (a == LLONG_MIN) return std::nullopt;
  return -a;
}
auto Mul(long long a, long long b) -> std::optional<long long> {
  if (a == 0 || b == 0) return 0;
  if (a > 0 ? (b > 0 ? a > LLONG_MAX / b : b < LLONG_MIN / a) : (b > 0 ? a < LLONG_MIN / b : a < LLONG_MAX / b)) {
    return std::nullopt;
  }
  return a * b;
}

// The bits of an integer kind on a target. Plain char is left out: its
// signedness is the target's.
auto Bits(TypeKind k, DataModel model) -> int {
  switch (k) {
    case TypeKind::Long:
    case TypeKind::ULong:
      return model == DataModel::LP64 ? 64 : 32;
    case TypeKind::SSizeT:
    case TypeKind::SizeT:
    case TypeKind::HashT:
      return model == DataModel::ILP32 ? 32 : 64;
    default:
      return IntegerBits(k);
  }
}

// The values of a C integer type on a target; nullopt for plain char, for
// non-integers and for unsigned 64-bit types (beyond 64 signed bits).
auto TypeRange(const Type& t, DataModel model) -> Range {
  if (!t.IsInteger() || t.kind == TypeKind::Char) return std::nullopt;
  if (t.kind == TypeKind::Bint) return Interval{0, 1};
  const int bits = Bits(t.kind, model);
  if (t.IsSigned()) {
    return bits == 64 ? Interval{LLONG_MIN, LLONG_MAX} : Interval{-(1LL << (bits - 1)), (1LL << (bits - 1)) - 1};
  }
  if (bits >= 64) return std::nullopt;
  return Interval{0, (1LL << bits) - 1};
}

class ValueRanges {
 public:
  ValueRanges(CheckedModule& module, const FunctionInfo& fn, DataModel model)
      : m_(module), fn_(fn), model_(model), bindings_(CountBindings(fn.syntax->body)),
        addressed_(AddressedNames(fn.syntax->body)) {}

  // Calls record(expr, range, fits) for every integer expression of the body:
  // its range on this target, and for arithmetic whether the exact result fits.
  template <class F>
  void Run(F&& record) {
    for (const auto& s : fn_.syntax->body) {
      Walk(*s, {});
    }
    for (const Stmt* s : statements_) {
      const Loops& loops = loops_around_.at(s);
      syntax::ForEachChild(*s, syntax::Overloaded{[&](const Expr& e) { VisitExpr(e, loops, record); },
                                                  [](const Stmt&) {}});
    }
  }

 private:
  using Loops = std::vector<const Stmt*>;  // the C counting loops around a statement, innermost last

  // Every statement of the function (not nested scopes) with the loops around
  // it, and the last `n = value` of each name (its binding, when it has one only).
  void Walk(const Stmt& s, const Loops& loops) {
    statements_.push_back(&s);
    loops_around_[&s] = loops;
    if ((s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign) && s.value && s.targets.size() == 1 &&
        s.targets[0]->kind == Expr::Kind::Name) {
      sole_binding_[s.targets[0]->name] = &s;
    }
    if (syntax::OpensScope(s)) return;
    Loops inner = loops;
    if (s.kind == Stmt::Kind::For && m_.Of(s).c_range_loop && !s.blocks.empty() && !s.targets.empty()) {
      inner.push_back(&s);
    }
    // Only the loop's body sees its counter; its `else` block does not.
    const bool counting = inner.size() > loops.size();
    syntax::ForEachChild(s, syntax::Overloaded{[](const Expr&) {}, [&](const Stmt& child) {
                                                  Walk(child, counting && IsIn(child, s.blocks[0]) ? inner : loops);
                                                }});
  }

  static auto IsIn(const Stmt& s, const syntax::Block& block) -> bool {
    return std::any_of(block.begin(), block.end(), [&](const auto& p) { return p.get() == &s; });
  }

  // The range of every expression below `e` (lambda and generator bodies are other functions).
  template <class F>
  void VisitExpr(const Expr& e, const Loops& loops, F& record) {
    if (m_.TypeOf(e).IsInteger() && !IntLiteralValue(e)) {
      Range r = RangeOf(e, loops);
      record(e, r, Fits(e, loops));
    }
    if (e.function) {
      for (const auto& p : e.function->params) {
        if (p.default_value) VisitExpr(*p.default_value, loops, record);
      }
      return;
    }
    syntax::ForEachChild(e, [&](const Expr& child) { VisitExpr(child, loops, record); });
  }

  // The local a Name reads, if it is a plain local of this function whose
  // address is never taken (no cell, no pointer to it).
  auto PlainLocal(const Expr& e) const -> int {
    if (e.kind != Expr::Kind::Name) return -1;
    const Resolution& r = m_.Resolve(e);
    if (r.kind != Resolution::Kind::Local || r.index < 0 || static_cast<size_t>(r.index) >= fn_.locals.size()) {
      return -1;
    }
    const LocalVar& local = fn_.locals[static_cast<size_t>(r.index)];
    return local.in_cell() || addressed_.count(local.name) != 0 ? -1 : r.index;
  }

  // The exact result of an arithmetic expression, before it is reduced to its type.
  auto ExactOf(const Expr& e, const Loops& loops) -> Range {
    const Type& t = m_.TypeOf(e);
    auto operand = [&](const Expr& x) -> Range {
      Range r = RangeOf(x, loops);
      Range tr = TypeRange(t, model_);
      return r && tr && r->Within(*tr) ? r : std::nullopt;  // converted to t: only a value t holds is kept
    };
    if (e.kind == Expr::Kind::Binary) {
      Range a = operand(e.left());
      Range b = operand(e.right());
      if (!a || !b) return std::nullopt;
      switch (e.binary_op) {
        case syntax::BinaryOp::Add: {
          auto lo = Add(a->lo, b->lo);
          auto hi = Add(a->hi, b->hi);
          if (lo && hi) return Interval{*lo, *hi};
          return std::nullopt;
        }
        case syntax::BinaryOp::Sub: {
          auto nb_lo = Negate(b->hi);
          auto nb_hi = Negate(b->lo);
          if (!nb_lo || !nb_hi) return std::nullopt;
          auto lo = Add(a->lo, *nb_lo);
          auto hi = Add(a->hi, *nb_hi);
          if (lo && hi) return Interval{*lo, *hi};
          return std::nullopt;
        }
        case syntax::BinaryOp::Mul: {
          long long lo = LLONG_MAX;
          long long hi = LLONG_MIN;
          for (long long x : {a->lo, a->hi}) {
            for (long long y : {b->lo, b->hi}) {
              auto p = Mul(x, y);
              if (!p) return std::nullopt;
              lo = std::min(lo, *p);
              hi = std::max(hi, *p);
            }
          }
          return Interval{lo, hi};
        }
        default:
          return std::nullopt;
      }
    }
    if (e.kind == Expr::Kind::Unary && e.unary_op == syntax::UnaryOp::Neg) {
      Range a = operand(e.operand());
      if (!a) return std::nullopt;
      auto lo = Negate(a->hi);
      auto hi = Negate(a->lo);
      if (lo && hi) return Interval{*lo, *hi};
    }
    return std::nullopt;
  }

  // Is `e` an operation that wraps (+ - * and unary - of a signed C integer),
  // and does its exact result fit its type here?
  auto Fits(const Expr& e, const Loops& loops) -> bool {
    const Type& t = m_.TypeOf(e);
    const bool wrapping_op =
        (e.kind == Expr::Kind::Binary && (e.binary_op == syntax::BinaryOp::Add ||
                                          e.binary_op == syntax::BinaryOp::Sub ||
                                          e.binary_op == syntax::BinaryOp::Mul)) ||
        (e.kind == Expr::Kind::Unary && e.unary_op == syntax::UnaryOp::Neg && e.operand().kind != Expr::Kind::Int);
    if (!wrapping_op || !t.IsInteger() || !t.IsSigned() || t.kind == TypeKind::Bint) return false;
    Range exact = ExactOf(e, loops);
    Range tr = TypeRange(t, model_);
    return exact && tr && exact->Within(*tr);
  }

  auto RangeOf(const Expr& e, const Loops& loops) -> Range {
    if (auto done = memo_.find(&e); done != memo_.end()) return done->second;
    Range type_range = TypeRange(m_.TypeOf(e), model_);
    Range r = type_range ? Compute(e, loops) : std::nullopt;
    // Whatever was derived, the value is one its type holds (a result that does not fit has wrapped).
    if (!r || !r->Within(*type_range)) r = type_range;
    memo_[&e] = r;
    return r;
  }

  auto Compute(const Expr& e, const Loops& loops) -> Range {
    switch (e.kind) {
      case Expr::Kind::Int:
      case Expr::Kind::Unary:
        if (auto v = IntLiteralValue(e)) {
          if (v->negative ? v->magnitude > static_cast<unsigned long long>(LLONG_MAX) + 1ULL
                          : v->magnitude > static_cast<unsigned long long>(LLONG_MAX)) {
            return std::nullopt;
          }
          const long long x = v->negative ? static_cast<long long>(0ULL - v->magnitude)
                                          : static_cast<long long>(v->magnitude);
          return Interval{x, x};
        }
        return ExactOf(e, loops);
      case Expr::Kind::Binary:
        return ExactOf(e, loops);  // RangeOf keeps it when it fits: then nothing wrapped
      case Expr::Kind::Name:
        return NameRange(e, loops);
      case Expr::Kind::Call:
        return CallRange(e, loops);
      case Expr::Kind::Subscript:
        // `v.shape[d]`: an extent.
        if (e.args.size() == 1 && e.object().kind == Expr::Kind::Attribute && e.object().name == "shape" &&
            m_.TypeOf(e.object().object()).IsMemoryView()) {
          return NonNegativeSize();
        }
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  auto NonNegativeSize() const -> Range {
    Range s = TypeRange(Type::Of(TypeKind::SSizeT), model_);
    return Interval{0, s->hi};
  }

  auto CallRange(const Expr& e, const Loops& loops) -> Range {
    if (e.callee().kind != Expr::Kind::Name) return std::nullopt;
    const Resolution& r = m_.Resolve(e.callee());
    if (r.kind != Resolution::Kind::Builtin && r.kind != Resolution::Kind::CBuiltin) return std::nullopt;
    if (r.name == "len") return NonNegativeSize();
    if ((r.name == "min" || r.name == "max") && r.kind == Resolution::Kind::CBuiltin && !e.args.empty()) {
      // Each argument converted to the result's type: only values it holds count.
      Range tr = TypeRange(m_.TypeOf(e), model_);
      Range out;
      for (const auto& a : e.args) {
        Range x = RangeOf(*a, loops);
        if (!x || !tr || !x->Within(*tr)) return std::nullopt;
        out = !out ? x
              : r.name == "min" ? Interval{std::min(out->lo, x->lo), std::min(out->hi, x->hi)}
                                : Interval{std::max(out->lo, x->lo), std::max(out->hi, x->hi)};
      }
      return out;
    }
    return std::nullopt;
  }

  auto NameRange(const Expr& e, const Loops& loops) -> Range {
    const int local = PlainLocal(e);
    if (local < 0) return std::nullopt;
    const std::string& name = fn_.locals[static_cast<size_t>(local)].name;
    // The innermost loop around the read whose counter it is.
    for (auto it = loops.rbegin(); it != loops.rend(); ++it) {
      const Stmt& loop = **it;
      if (PlainLocal(*loop.targets[0]) == local) {
        return CounterRange(loop);
      }
    }
    if (fn_.locals[static_cast<size_t>(local)].is_param) return std::nullopt;
    auto count = bindings_.find(name);
    auto binding = sole_binding_.find(name);
    if (count == bindings_.end() || count->second != 1 || binding == sole_binding_.end()) return std::nullopt;
    return BoundOnceRange(local, *binding->second);
  }

  // The one value a local bound once is given, or 0 (read before it).
  auto BoundOnceRange(int local, const Stmt& binding) -> Range {
    auto done = bound_once_.find(local);
    if (done != bound_once_.end()) return done->second;
    bound_once_[local] = std::nullopt;  // a cycle (`n = n + 1`) proves nothing
    const Type& t = fn_.locals[static_cast<size_t>(local)].type;
    Range tr = TypeRange(t, model_);
    Range v = RangeOf(*binding.value, loops_around_.at(&binding));
    Range out;
    if (v && tr && v->Within(*tr) && m_.TypeOf(*binding.value).IsInteger()) {
      out = Interval{std::min(v->lo, 0LL), std::max(v->hi, 0LL)};
    }
    bound_once_[local] = out;
    return out;
  }

  // The values the counter of a C counting loop takes in its body, when nothing
  // in the body binds it.
  auto CounterRange(const Stmt& loop) -> Range {
    auto done = counter_.find(&loop);
    if (done != counter_.end()) return done->second;
    counter_[&loop] = std::nullopt;
    Range out = ComputeCounterRange(loop);
    counter_[&loop] = out;
    return out;
  }

  auto ComputeCounterRange(const Stmt& loop) -> Range {
    const Expr& target = *loop.targets[0];
    if (CountBindings(loop.blocks[0]).count(target.name) != 0) return std::nullopt;
    const Expr& call = *loop.value;
    if (call.args.empty() || call.args.size() > 3) return std::nullopt;
    const Loops& around = loops_around_.at(&loop);
    Range start = call.args.size() >= 2 ? RangeOf(*call.args[0], around) : Interval{0, 0};
    Range stop = RangeOf(*call.args[call.args.size() >= 2 ? 1 : 0], around);
    Range step = call.args.size() == 3 ? RangeOf(*call.args[2], around) : Interval{1, 1};
    if (!start || !stop || !step) return std::nullopt;
    auto stop_below = Add(stop->hi, -1);
    auto stop_above = Add(stop->lo, 1);
    if (!stop_below || !stop_above) return std::nullopt;
    Interval up{start->lo, *stop_below};  // step > 0: start <= i < stop
    Interval down{*stop_above, start->hi};  // step < 0: stop < i <= start
    Interval r = step->lo > 0 ? up : step->hi < 0 ? down
                                                   : Interval{std::min(up.lo, down.lo), std::max(up.hi, down.hi)};
    if (r.lo > r.hi) return std::nullopt;  // the body never runs: nothing to say
    // A checked loop (a bound wider than the counter) stops before a value the counter cannot hold.
    Range tr = TypeRange(*m_.Of(loop).c_range_loop, model_);
    if (!tr) return std::nullopt;
    return Interval{std::max(r.lo, tr->lo), std::min(r.hi, tr->hi)};
  }

  CheckedModule& m_;
  const FunctionInfo& fn_;
  DataModel model_;
  std::unordered_map<std::string, int> bindings_;
  std::unordered_set<std::string> addressed_;
  std::vector<const Stmt*> statements_;  // in source order
  std::unordered_map<const Stmt*, Loops> loops_around_;
  std::unordered_map<const Expr*, Range> memo_;
  std::unordered_map<std::string, const Stmt*> sole_binding_;
  std::unordered_map<int, Range> bound_once_;
  std::unordered_map<const Stmt*, Range> counter_;
};

}  // namespace

void RecordValueRanges(CheckedModule& module) {
  for (const auto& fn : module.functions) {
    if (fn.syntax == nullptr) continue;
    // Per expression: fits on every target so far, and LP64's range.
    std::unordered_map<const Expr*, bool> fits_everywhere;
    for (DataModel model : kModels) {
      ValueRanges(module, fn, model).Run([&](const Expr& e, const Range& r, bool fits) {
        auto [it, fresh] = fits_everywhere.emplace(&e, fits);
        if (!fresh) it->second = it->second && fits;
        if (model == DataModel::LP64) {
          Range tr = TypeRange(module.TypeOf(e), model);
          if (r && tr && (r->lo != tr->lo || r->hi != tr->hi)) {
            module.Write(e).value_range = ValueRange{r->lo, r->hi};
          }
        }
      });
    }
    for (const auto& [e, fits] : fits_everywhere) {
      if (fits) module.Write(*e).no_overflow = true;
    }
  }
}

}  // namespace pyxx::check
