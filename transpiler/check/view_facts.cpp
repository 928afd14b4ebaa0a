// How each memoryview element access is addressed, decided once here so that
// the emitter only prints it:
// - `v[i]` of a view parameter passed by reference and never rebound goes
//   through the parameter's pyxx::ViewAccess local (data pointer, extents and
//   strides copied at entry), unless it is under nonecheck(True) (the View
//   itself is tested for None) or the read of `v` needs a bound check;
//   ParamFacts::view_access says the local is needed at all;
// - so does `v[i]` of a local view bound once, by a statement of the body
//   itself (not nested in a block), in the statements after it: the emitter
//   declares its ViewAccess right after that statement
//   (StmtFacts::view_access_local);
// - `obj.field[i]` of a view field of a plain local's instance is indexed in
//   place when every index is a C local or a literal (or + - * and unary - of
//   them): nothing between reading the field and indexing it can rebind the
//   field or free the instance.
#include "check/view_facts.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "check/bindings.h"
#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Expr;

class ViewFacts {
 public:
  ViewFacts(CheckedModule& module, FunctionInfo& fn) : m_(module), fn_(fn) {}

  void Run() {
    const auto bindings = CountBindings(fn_.syntax->body);
    const auto addressed = AddressedNames(fn_.syntax->body);
    // Local views that may get a ViewAccess from here on: those bound by an
    // earlier statement of the body itself, so that the access is declared in
    // the C++ scope of every later statement. Declared only where used.
    std::unordered_map<int, const syntax::Stmt*> local_bindings;
    std::unordered_set<int> used;
    for (const auto& st : fn_.syntax->body) {
      syntax::ForEachExprIn(*st, [&](const Expr& e) {
        if (e.kind != Expr::Kind::Subscript || !m_.TypeOf(e.object()).IsMemoryView() || m_.TypeOf(e).IsMemoryView()) {
          return;
        }
        const int view = AccessedView(e);
        if (view >= 0 && IsFixedParam(view)) {
          m_.Write(e).through_view_access = true;
          fn_.param_facts[static_cast<size_t>(view)].view_access = true;
        } else if (view >= 0 && local_bindings.count(view) != 0) {
          m_.Write(e).through_view_access = true;
          used.insert(view);
        }
        if (FieldInPlace(e)) {
          m_.Write(e).view_field_in_place = true;
        }
      });
      if (const int local = BoundFixedLocalView(*st, bindings, addressed); local >= 0) {
        local_bindings[local] = st.get();
      }
    }
    for (int local : used) {
      m_.Write(*local_bindings.at(local)).view_access_local = local;
    }
  }

 private:
  // A statement `v = value` (or `v: T = value`) binding a local memoryview the
  // function binds nowhere else (no cell, address never taken): the local, or -1.
  auto BoundFixedLocalView(const syntax::Stmt& s, const std::unordered_map<std::string, int>& bindings,
                           const std::unordered_set<std::string>& addressed) const -> int {
    if ((s.kind != syntax::Stmt::Kind::Assign && s.kind != syntax::Stmt::Kind::AnnAssign) || !s.value ||
        s.targets.size() != 1 || s.targets[0]->kind != Expr::Kind::Name || fn_.is_generator) {
      return -1;
    }
    const Resolution& r = m_.Resolve(*s.targets[0]);
    if (r.kind != Resolution::Kind::Local || r.index < 0) return -1;
    const LocalVar& local = fn_.locals[static_cast<size_t>(r.index)];
    auto count = bindings.find(local.name);
    const bool once = count != bindings.end() && count->second == 1;
    return once && !local.is_param && local.type.IsMemoryView() && !local.in_cell() &&
                   addressed.count(local.name) == 0
               ? r.index
               : -1;
  }

  // A view parameter passed by reference and never rebound (the emitter's
  // ParamCpp): its addressing cannot change.
  auto IsFixedParam(int index) const -> bool {
    const size_t k = static_cast<size_t>(index);
    return k < fn_.param_types.size() && k < fn_.locals.size() && fn_.locals[k].is_param &&
           fn_.param_types[k].IsMemoryView() && !fn_.locals[k].in_cell() && !fn_.param_facts[k].rebound &&
           !fn_.borrows_param(k);
  }
  // The local view `e` indexes, when a ViewAccess may address it (not under
  // nonecheck, no bound check of the read, not in a generator), or -1.
  auto AccessedView(const Expr& e) const -> int {
    const Expr& base = e.object();
    if (base.kind != Expr::Kind::Name || fn_.is_generator || m_.Of(e).none_checked_element ||
        m_.Of(base).needs_bound_check) {
      return -1;
    }
    const Resolution& r = m_.Resolve(base);
    return r.kind == Resolution::Kind::Local && r.index >= 0 ? r.index : -1;
  }

  auto PlainLocal(const Expr& x) const -> bool {
    const Resolution& r = m_.Resolve(x);
    return x.kind == Expr::Kind::Name && r.kind == Resolution::Kind::Local && r.index >= 0 &&
           !fn_.locals[static_cast<size_t>(r.index)].in_cell();
  }

  // An index that runs no code: C integer locals and literals, + - * and unary - of them.
  auto Inert(const Expr& x) const -> bool {
    switch (x.kind) {
      case Expr::Kind::Int:
        return true;
      case Expr::Kind::Name:
        return PlainLocal(x) && m_.TypeOf(x).IsInteger();
      case Expr::Kind::Binary:
        return m_.TypeOf(x).IsInteger() && Inert(x.left()) && Inert(x.right());
      case Expr::Kind::Unary:
        return m_.TypeOf(x).IsInteger() && x.unary_op == syntax::UnaryOp::Neg && Inert(x.operand());
      default:
        return false;
    }
  }

  auto FieldInPlace(const Expr& e) const -> bool {
    const Expr& base = e.object();
    if (base.kind != Expr::Kind::Attribute || m_.Resolve(base).kind != Resolution::Kind::CClassField ||
        !PlainLocal(base.object())) {
      return false;
    }
    for (const auto& a : e.args) {
      if (!Inert(*a)) return false;
    }
    return true;
  }

  CheckedModule& m_;
  FunctionInfo& fn_;
};

}  // namespace

void RecordViewFacts(CheckedModule& module) {
  for (auto& fn : module.functions) {
    if (fn.syntax != nullptr) ViewFacts(module, fn).Run();
  }
}

}  // namespace pyxx::check
