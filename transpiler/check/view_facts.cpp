// How each memoryview element access is addressed, decided once here so that
// the emitter only prints it:
// - `v[i]` of a view parameter passed by reference and never rebound goes
//   through the parameter's pyxx::ViewAccess local (data pointer, extents and
//   strides copied at entry), unless it is under nonecheck(True) (the View
//   itself is tested for None) or the read of `v` needs a bound check;
//   ParamFacts::view_access says the local is needed at all;
// - `obj.field[i]` of a view field of a plain local's instance is indexed in
//   place when every index is a C local or a literal (or + - * and unary - of
//   them): nothing between reading the field and indexing it can rebind the
//   field or free the instance.
#include "check/view_facts.h"

#include "syntax/walk.h"

namespace pyxx::check {
namespace {

using syntax::Expr;

class ViewFacts {
 public:
  ViewFacts(CheckedModule& module, FunctionInfo& fn) : m_(module), fn_(fn) {}

  void Run() {
    syntax::ForEachExprIn(fn_.syntax->body, [&](const Expr& e) {
      if (e.kind != Expr::Kind::Subscript || !m_.TypeOf(e.object()).IsMemoryView() || m_.TypeOf(e).IsMemoryView()) {
        return;
      }
      if (const int param = AccessedParam(e); param >= 0) {
        m_.Write(e).through_view_access = true;
        fn_.param_facts[static_cast<size_t>(param)].view_access = true;
      }
      if (FieldInPlace(e)) {
        m_.Write(e).view_field_in_place = true;
      }
    });
  }

 private:
  // The view parameter whose ViewAccess addresses the element `e`, or -1.
  auto AccessedParam(const Expr& e) const -> int {
    const Expr& base = e.object();
    if (base.kind != Expr::Kind::Name || fn_.is_generator || m_.Of(e).none_checked_element ||
        m_.Of(base).needs_bound_check) {
      return -1;
    }
    const Resolution& r = m_.Resolve(base);
    if (r.kind != Resolution::Kind::Local || r.index < 0) return -1;
    const size_t k = static_cast<size_t>(r.index);
    // Passed by reference and never rebound (the emitter's ParamCpp): its addressing cannot change.
    const bool fixed = k < fn_.param_types.size() && k < fn_.locals.size() && fn_.locals[k].is_param &&
                       fn_.param_types[k].IsMemoryView() && !fn_.locals[k].in_cell() &&
                       !fn_.param_facts[k].rebound && !fn_.borrows_param(k);
    return fixed ? r.index : -1;
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
