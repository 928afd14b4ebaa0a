// Calls: functions of the module (direct C++ calls), C builtins, libc math, and
// Python callables. Arguments are evaluated in source order (positional, then
// keywords as written), whatever order the callee takes them in.
#include <fmt/format.h>

#include <map>

#include "checked/libc_math.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

using check::Resolution;

namespace {

auto CType(const Type& t) -> std::string { return t.IsObject() ? "pyxx::Ref" : check::SpellCpp(t); }

auto Combined(const std::vector<CppExpr>& values, unsigned own) -> CppExpr {
  CppExpr out;
  out.effect = own;
  out.pending = own;
  for (const auto& v : values) {
    out.effect |= v.effect;
    out.pending |= v.pending;
  }
  return out;
}

}  // namespace

auto Emitter::EmitObjectCall(Operand callable, const Expr& e) -> CppExpr {
  // The callable first, then the arguments in source order.
  std::vector<Operand> operands{std::move(callable)};
  for (const auto& a : e.args) {
    operands.push_back(ObjectOperand(*a));
  }
  std::string names;
  for (const auto& k : e.keywords) {
    operands.push_back(ObjectOperand(*k.value));
    names += (names.empty() ? "" : ", ") + fmt::format("\"{}\"", k.name);
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  std::string args;
  for (size_t i = 1; i < v.size(); ++i) {
    args += (i > 1 ? ", " : "") + v[i].text + ".get()";
  }
  CppExpr out = Combined(v, kWrites);
  std::string site = Site(e.range);
  out.text = e.keywords.empty() ? fmt::format("pyxx::call({}.get(), {{{}}}, {})", v[0].text, args, site)
                                : fmt::format("pyxx::call_kw({}.get(), {{{}}}, {{{}}}, {})", v[0].text, args, names, site);
  return out;
}

auto Emitter::EmitCall(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& callee = e.callee();
  const Resolution& call_res = module_.Resolve(e);
  if (call_res.kind == Resolution::Kind::LibcMath) {
    std::vector<Operand> operands;
    for (const auto& a : e.args) {
      operands.push_back(OperandAs(*a, Type::Of(TypeKind::Double)));
    }
    std::vector<CppExpr> v = EmitInOrder(operands);
    CppExpr out = Combined(v, kPure);
    std::string args;
    for (const auto& a : v) {
      args += (args.empty() ? "" : ", ") + a.text;
    }
    out.text = check::LibcMathPredicate(call_res.name) ? fmt::format("static_cast<bool>(std::{}({}))", call_res.name, args)
                                                       : fmt::format("std::{}({})", call_res.name, args);
    return out;
  }
  const Resolution& r = module_.Resolve(callee);
  switch (r.kind) {
    case Resolution::Kind::Function: {
      const check::FunctionInfo& target = module_.functions[r.index];
      const auto* bound = module_.CallArguments(e);
      // Which parameter each written argument binds.
      std::map<const Expr*, size_t> param_of;
      for (size_t i = 0; bound != nullptr && i < target.param_types.size(); ++i) {
        if ((*bound)[i] != nullptr) param_of[(*bound)[i]] = i;
      }
      std::vector<const Expr*> written;
      for (const auto& a : e.args) written.push_back(a.get());
      for (const auto& k : e.keywords) written.push_back(k.value.get());
      std::vector<Operand> operands;
      std::vector<size_t> params;
      for (const Expr* a : written) {
        auto it = param_of.find(a);
        if (it == param_of.end()) continue;
        operands.push_back(OperandAs(*a, target.param_types[it->second]));
        params.push_back(it->second);
      }
      // Parameters not passed take their defaults, evaluated after the arguments.
      for (size_t i = 0; i < target.param_types.size(); ++i) {
        const Expr* arg = bound != nullptr ? (*bound)[i] : nullptr;
        if (arg == nullptr) {
          operands.push_back(OperandAs(*target.syntax->params[i].default_value, target.param_types[i]));
          params.push_back(i);
        }
      }
      std::vector<CppExpr> v = EmitInOrder(operands);
      std::vector<std::string> by_param(target.param_types.size());
      for (size_t j = 0; j < v.size(); ++j) {
        by_param[params[j]] = target.param_types[params[j]].IsObject() ? Owned(v[j]) : v[j].text;
      }
      std::string args;
      for (size_t i = 0; i < by_param.size(); ++i) {
        args += (i > 0 ? ", " : "") + by_param[i];
      }
      CppExpr out = Combined(v, kWrites);
      out.text = fmt::format("{}({})", CppName(target.name()), args);
      return out;
    }
    case Resolution::Kind::CBuiltin: {
      const std::string& name = r.name;
      if (name == "cython.cast") {
        CppExpr v = ValueAs(*e.args[1], t);
        v.text = fmt::format("static_cast<{}>({})", check::SpellCpp(t), v.text);
        return v;
      }
      if (name == "cython.declare") {
        return e.args.size() == 2 ? ValueAs(*e.args[1], t) : CppExpr{check::SpellCpp(t) + "{}"};
      }
      if (name == "cython.sizeof") {
        return {fmt::format("sizeof({})", check::SpellCpp(TypeOf(*e.args[0])))};
      }
      if (name == "len") {
        CppExpr v = EmitExpr(*e.args[0]);
        v.text = fmt::format("{}.shape(0)", v.text);
        return v;
      }
      if (name == "float") {
        CppExpr v = EmitExpr(*e.args[0]);
        v.text = fmt::format("static_cast<double>({})", v.text);
        v.ref_lvalue = false;
        return v;
      }
      if (name == "abs") {
        CppExpr v = ValueAs(*e.args[0], t);
        if (t.IsInteger()) {
          if (t.IsSigned()) v.text = fmt::format("pyxx::wrap_abs<{}>({})", check::SpellCpp(t), v.text);
        } else {
          v.text = fmt::format("std::fabs({})", v.text);
        }
        return v;
      }
      // min/max: all arguments first, then the first minimal (maximal) one, as Python picks it.
      std::vector<Operand> operands;
      for (const auto& a : e.args) {
        operands.push_back(OperandAs(*a, t));
      }
      std::vector<CppExpr> v = EmitInOrder(operands);
      CppExpr out = Combined(v, kPure);
      std::string args;
      for (const auto& a : v) {
        args += (args.empty() ? "" : ", ") + a.text;
      }
      out.text = fmt::format("pyxx::{}_of<{}>({{{}}})", name, CType(t), args);
      return out;
    }
    case Resolution::Kind::Builtin: {
      std::string site = Site(e.range);
      if (r.name == "len" && t.IsInteger()) {
        std::vector<CppExpr> v = EmitInOrder({ObjectOperand(*e.args[0])});
        CppExpr out = Combined(v, kWrites);
        out.text = fmt::format("pyxx::length({}.get(), {})", v[0].text, site);
        return out;
      }
      std::string get = fmt::format("pyxx::get_builtin(\"{}\", {})", r.name, site);
      return EmitObjectCall({"pyxx::Ref", [get] { return CppExpr{get, false, kReads | kRaises, kReads | kRaises}; }},
                            e);
    }
    default:
      return EmitObjectCall(ObjectOperand(callee), e);
  }
}

}  // namespace pyxx::emit
