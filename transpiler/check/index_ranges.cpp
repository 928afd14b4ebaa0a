// Which memoryview indices their loop proves in range, so that neither the
// bounds check nor wraparound is needed (Cython checks them all; hand-written
// C++ checks none). The proof, kept simple enough to be obviously right:
//
//   for i in range([start,] stop[, step]):   # a C counting loop
//       ... v[..., i, ...] ...               # i (or i + k, i - k) at dimension d of v
//
// - `v` is a memoryview parameter the function never rebinds (its extents are
//   those of the call: a None view has extent 0, so the loop runs no time);
// - `stop` is `v.shape[d]`, or a C local of the same type whose one binding in
//   the function is `n = v.shape[d]` (read before it, n is 0: no iteration),
//   minus a literal m >= 0 or not (m = 0);
// - `start` is omitted (0) or a literal >= 0, `step` omitted or a literal > 0;
// - `i` is a plain local (no cell, its address never taken) that nothing in the loop body binds, so in
//   the body it holds a value of the range: start <= i < stop <= v.shape[d] - m;
// - the index is `i`, or `i - k` with k <= start, or `i + k` with k <= m (k a
//   literal), these two in a signed 64-bit type, where i +- k cannot wrap:
//   0 <= i - k and i + k < v.shape[d].
#include "check/index_ranges.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "check/bindings.h"
#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Expr;
using syntax::Stmt;

class IndexRanges {
 public:
  IndexRanges(CheckedModule& module, const FunctionInfo& fn) : m_(module), fn_(fn) {}

  void Run() {
    bindings_ = CountBindings(fn_.syntax->body);
    addressed_ = AddressedNames(fn_.syntax->body);
    syntax::ForEachStmtIn(fn_.syntax->body, [&](const Stmt& s) {
      if (s.kind == Stmt::Kind::For && m_.Of(s).c_range_loop) {
        ProveLoop(s);
      }
    });
  }

 private:
  // The local a Name reads, if it is a plain local of this function (no cell).
  auto PlainLocal(const Expr& e) const -> int {
    if (e.kind != Expr::Kind::Name) return -1;
    const Resolution& r = m_.Resolve(e);
    if (r.kind != Resolution::Kind::Local || r.index < 0 || static_cast<size_t>(r.index) >= fn_.locals.size()) {
      return -1;
    }
    return fn_.locals[r.index].in_cell() ? -1 : r.index;
  }

  // A view parameter whose extents are fixed for the call.
  auto FixedView(int local) const -> bool {
    const size_t k = static_cast<size_t>(local);
    return local >= 0 && fn_.locals[k].is_param && k < fn_.param_types.size() && fn_.param_types[k].IsMemoryView() &&
           k < fn_.param_facts.size() && !fn_.param_facts[k].rebound;
  }

  // `v.shape[d]` of a fixed view: (v, d).
  auto ShapeRead(const Expr& e) const -> std::optional<std::pair<int, int>> {
    if (e.kind != Expr::Kind::Subscript || e.args.size() != 1 || e.object().kind != Expr::Kind::Attribute ||
        e.object().name != "shape") {
      return std::nullopt;
    }
    const int view = PlainLocal(e.object().object());
    auto d = IntLiteralValue(*e.args[0]);
    if (!FixedView(view) || !d || d->negative || d->magnitude >= static_cast<unsigned long long>(
                                                                      fn_.param_types[view].ndim)) {
      return std::nullopt;
    }
    return std::pair{view, static_cast<int>(d->magnitude)};
  }

  // The stop of a range: `v.shape[d]`, or a local bound once, to `v.shape[d]`, in its own type.
  auto ShapeBound(const Expr& e) const -> std::optional<std::pair<int, int>> {
    if (auto direct = ShapeRead(e)) return direct;
    const int local = PlainLocal(e);
    if (local < 0 || fn_.locals[local].is_param) return std::nullopt;
    const std::string& name = fn_.locals[local].name;
    auto it = bindings_.find(name);
    if (it == bindings_.end() || it->second != 1 || addressed_.count(name) != 0) return std::nullopt;
    std::optional<std::pair<int, int>> found;
    syntax::ForEachStmtIn(fn_.syntax->body, [&](const Stmt& s) {
      const bool assigns = (s.kind == Stmt::Kind::Assign || s.kind == Stmt::Kind::AnnAssign) && s.value &&
                           s.targets.size() == 1 && s.targets[0]->kind == Expr::Kind::Name &&
                           s.targets[0]->name == name;
      if (assigns && m_.TypeOf(*s.value) == fn_.locals[local].type) {
        found = ShapeRead(*s.value);
      }
    });
    return found;
  }

  // A non-negative integer literal below 2**31.
  static auto SmallLiteral(const Expr& e) -> std::optional<unsigned long long> {
    auto v = IntLiteralValue(e);
    if (!v || v->negative || v->magnitude >= (1ULL << 31)) return std::nullopt;
    return v->magnitude;
  }

  void ProveLoop(const Stmt& loop) {
    const Expr& target = *loop.targets[0];
    const Expr& range = *loop.value;
    const int counter = PlainLocal(target);
    if (counter < 0 || range.kind != Expr::Kind::Call || range.args.empty() || range.args.size() > 3) return;
    if (range.args.size() >= 2) {
      auto start = IntLiteralValue(*range.args[0]);
      if (!start || start->negative) return;
    }
    if (range.args.size() == 3) {
      auto step = IntLiteralValue(*range.args[2]);
      if (!step || step->negative || step->magnitude == 0) return;
    }
    unsigned long long start = 0;
    if (range.args.size() >= 2) start = IntLiteralValue(*range.args[0])->magnitude;
    const Expr& stop = *range.args[range.args.size() == 1 ? 0 : 1];
    unsigned long long margin = 0;  // stop = shape - margin
    auto bound = ShapeBound(stop);
    if (!bound && stop.kind == Expr::Kind::Binary && stop.binary_op == syntax::BinaryOp::Sub) {
      auto m = SmallLiteral(stop.right());
      bound = m ? ShapeBound(stop.left()) : std::nullopt;
      margin = m.value_or(0);
    }
    if (!bound) return;
    const std::string& counter_name = fn_.locals[counter].name;
    if (CountBindings(loop.blocks[0]).count(counter_name) != 0 || addressed_.count(counter_name) != 0) return;
    const int view = bound->first;  // not a structured binding: lambdas capture it
    const int dim = bound->second;
    syntax::ForEachExprIn(loop.blocks[0], [&](const Expr& e) {
      if (e.kind != Expr::Kind::Subscript || PlainLocal(e.object()) != view || m_.TypeOf(e).IsMemoryView() ||
          static_cast<int>(e.args.size()) != fn_.param_types[view].ndim) {
        return;
      }
      const Expr& index = *e.args[dim];
      bool in_range = PlainLocal(index) == counter && m_.TypeOf(index).IsInteger();
      if (!in_range && index.kind == Expr::Kind::Binary && PlainLocal(index.left()) == counter) {
        const Type& t = m_.TypeOf(index);
        auto k = SmallLiteral(index.right());
        const bool wide = t.IsInteger() && t.IsSigned() && IntegerBits(t.kind) >= 64 &&
                          m_.TypeOf(index.left()) == t;
        in_range = wide && k && ((index.binary_op == syntax::BinaryOp::Sub && *k <= start) ||
                                 (index.binary_op == syntax::BinaryOp::Add && *k <= margin));
      }
      if (in_range) {
        m_.Write(e).indices_in_range |= static_cast<uint8_t>(1U << dim);
      }
    });
  }

  CheckedModule& m_;
  const FunctionInfo& fn_;
  std::unordered_map<std::string, int> bindings_;
  std::unordered_set<std::string> addressed_;  // `cython.address(n)`: C code may store to n
};

}  // namespace

void RecordIndicesInRange(CheckedModule& module) {
  for (const auto& fn : module.functions) {
    IndexRanges(module, fn).Run();
  }
}

}  // namespace pyxx::check
