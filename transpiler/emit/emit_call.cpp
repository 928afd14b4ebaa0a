// Calls: functions of the module (direct C++ calls), C builtins, libc math, and
// Python callables. Arguments are evaluated in source order (positional, then
// keywords as written), whatever order the callee takes them in.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "syntax/libc_math.h"
#include "emit/emitter_impl.h"

namespace pyxx::emit {

using checked::Resolution;

namespace {

auto CType(const Type& t) -> std::string { return t.IsObject() ? "pyxx::Ref" : checked::SpellCpp(t); }

}  // namespace

auto Emitter::EmitObjectCall(Operand callable, const Expr& e) -> CppExpr {
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Starred) return EmitUnpackingCall(std::move(callable), e);
  }
  for (const auto& k : e.keywords) {
    if (k.name.empty()) return EmitUnpackingCall(std::move(callable), e);
  }
  // The callable first, then the arguments in source order.
  std::vector<Operand> operands{std::move(callable)};
  for (const auto& a : e.args) {
    operands.push_back(ObjectOperand(*a));
  }
  std::string names;
  for (const auto& k : e.keywords) {
    operands.push_back(ObjectOperand(*k.value));
    names += (names.empty() ? "" : ", ") + CppStringLiteral(k.name);
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

auto Emitter::EmitBoundArguments(const Expr& e, const checked::FunctionInfo& target, std::vector<Operand> first,
                                 std::vector<CppExpr>& v) -> std::vector<std::string> {
  const auto* bound = module_.CallArguments(e);
  // The leading parameters `first` binds (a C method's object), then which parameter each written argument binds.
  const size_t skip = first.size();
  std::map<const Expr*, size_t> param_of;
  for (size_t i = skip; bound != nullptr && i < target.param_types.size(); ++i) {
    if ((*bound)[i] != nullptr) param_of[(*bound)[i]] = i;
  }
  std::vector<const Expr*> written;
  for (const auto& a : e.args) written.push_back(a.get());
  for (const auto& k : e.keywords) written.push_back(k.value.get());
  std::vector<Operand> operands = std::move(first);
  std::vector<size_t> params;
  for (size_t i = 0; i < skip; ++i) params.push_back(i);
  for (const Expr* a : written) {
    auto it = param_of.find(a);
    if (it == param_of.end()) continue;
    operands.push_back(OperandAs(*a, target.param_types[it->second]));
    params.push_back(it->second);
  }
  // Parameters not passed take their defaults, evaluated after the arguments.
  for (size_t i = skip; i < target.param_types.size(); ++i) {
    const Expr* arg = bound != nullptr ? (*bound)[i] : nullptr;
    if (arg == nullptr) {
      if (target.default_slots[i] >= 0) {
        std::string text = StoredDefault(target, i, target.param_types[i], Site(e.range));
        operands.push_back({CType(target.param_types[i]),
                            [text] { return CppExpr{text, false, kReads | kRaises, kReads | kRaises}; }});
      } else {
        operands.push_back(OperandAs(*target.syntax->params[i].default_value, target.param_types[i]));
      }
      params.push_back(i);
    }
  }
  v = EmitInOrder(operands);
  std::vector<std::string> by_param(target.param_types.size());
  for (size_t j = 0; j < v.size(); ++j) {
    const size_t i = params[j];
    if (target.borrows_param(i) && v[j].ref_lvalue && (v[j].pending & kReads) == 0) {
      // lent: a variable that nothing rebinds during the call
      by_param[i] = target.kind == checked::FunctionKind::Def ? v[j].text + ".get()" : v[j].text;
    } else {
      by_param[i] = target.param_types[i].IsObject() ? Owned(v[j]) : v[j].text;
    }
  }
  return by_param;
}

auto Emitter::EmitCall(const Expr& e) -> CppExpr {
  const Type& t = TypeOf(e);
  const Expr& callee = e.callee();
  const Resolution& call_res = module_.Resolve(e);
  if (call_res.kind == Resolution::Kind::CBuiltin && (call_res.name == "view.copy" || call_res.name == "view.copy_fortran")) {
    CppExpr view = EmitExpr(callee.object());
    return {fmt::format("{}.copy({}, {})", view.text, call_res.name == "view.copy" ? "false" : "true", Site(e.range)), false,
            view.effect | kRaises, view.pending | kRaises};
  }
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
    out.text = syntax::LibcMathPredicate(call_res.name) ? fmt::format("static_cast<bool>(std::{}({}))", call_res.name, args)
                                                       : fmt::format("std::{}({})", call_res.name, args);
    return out;
  }
  const Resolution& r = module_.Resolve(callee);
  if (r.kind == Resolution::Kind::CBuiltin && r.name == "isinstance" && call_res.kind == Resolution::Kind::CBuiltin) {
    // `if isinstance(x, T):` narrowing `x`: a test against the extension type itself.
    CppExpr x = ObjectValue(*e.args[0]);
    return {fmt::format("pyxx::cclass_isinstance({}.get(), {}, {}, {})", x.text, CClassTypeVar(call_res.name),
                        CppStringLiteral(call_res.name), Site(e.range)),
            false, x.effect | kRaises, x.pending | kRaises};
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name == "super") {
    // Zero-argument super() in a method: super(the class cell's class, first parameter).
    if (fn_->syntax->params.empty()) {
      // A function nested in a method, without parameters: Python's RuntimeError.
      return {fmt::format("pyxx::super_without_arguments({})", Site(e.range)), false, kRaises, kRaises};
    }
    return {fmt::format("pyxx::zero_arg_super(pyxx_function, {}.get(), {})", LocalName(0), Site(e.range)), false,
            kWrites | kRaises, kWrites | kRaises};
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name == "vector") {
    return EmitVectorConstructor(e);
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name == "cpp_container") {
    return EmitCppTemplateConstructor(e);  // emit_cpp_map.cpp
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("cpp_map.", 0) == 0) {
    return EmitCppMapMethodCall(e, r.name.substr(8));
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("algorithm.", 0) == 0) {
    return EmitAlgorithmCall(e, r.name.substr(10));
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name == "string") {
    return EmitCppStringConstructor(e);
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("string.", 0) == 0) {
    return EmitCppStringMethodCall(e, r.name.substr(7));
  }
  if (r.kind == Resolution::Kind::CBuiltin && r.name.rfind("vector.", 0) == 0) {
    return EmitVectorMethodCall(e, r.name.substr(7));
  }
  switch (r.kind) {
    case Resolution::Kind::CClassMethod:
    case Resolution::Kind::CClassSuper:
      return EmitCClassMethodCall(e);
    case Resolution::Kind::Function: {
      const checked::FunctionInfo& target = module_.functions[r.index];
      if (target.kind == checked::FunctionKind::Def) {
        if (module_.CallArguments(e) == nullptr) {
          // Arguments the checker left to Python to bind (`*`/`**`, `*args` parameters):
          // whatever the name holds is called through Python.
          std::string get = fmt::format("pyxx::get_global(pyxx_module, {}, {})", NameConstant(target.name()), Site(e.range));
          return EmitObjectCall(
              {"pyxx::Ref", [get] { return CppExpr{get, false, kReads | kRaises, kReads | kRaises}; }}, e);
        }
        return EmitDefCallInOrder(e, target);
      }
      return EmitNativeCall(e, target, NativeName(target));
    }
    case Resolution::Kind::ForeignFunction:
      if (!module_.foreign_functions[r.index].method_of.empty()) {
        return EmitForeignMethodCall(e, static_cast<size_t>(r.index));
      }
      return EmitNativeCall(e, module_.foreign_functions[r.index].info, ForeignName(static_cast<size_t>(r.index)));
    case Resolution::Kind::CBuiltin: {
      const std::string& name = r.name;
      const syntax::DialectName dialect =
          e.callee().kind == Expr::Kind::DialectRef ? e.callee().dialect : syntax::DialectName::Other;
      if (name.rfind("cpython.array.", 0) == 0) {
        return EmitArrayHelperCall(e, name);
      }
      if (name == "cpython.buffer.PyBuffer_FillInfo" || name == "cpython.PyBuffer_FillInfo") {
        return EmitPyBufferFillInfo(e);  // emit_buffer.cpp
      }
      if (dialect == syntax::DialectName::CythonViewArray) {
        // The arguments in source order (as Python evaluates them), then the array.
        std::vector<Operand> operands;
        std::vector<const Expr*> order;
        for (const auto& a : e.args) {
          operands.push_back(ObjectOperand(*a));
          order.push_back(a.get());
        }
        for (const auto& kw : e.keywords) {
          operands.push_back(ObjectOperand(*kw.value));
          order.push_back(kw.value.get());
        }
        std::vector<CppExpr> v = EmitInOrder(operands);
        const auto* bound = module_.CallArguments(e);
        PYXX_CHECK(bound != nullptr, "cython.view.array without bound arguments");
        std::string args;
        for (int k = 0; k < 3; ++k) {
          size_t at = std::find(order.begin(), order.end(), (*bound)[k]) - order.begin();
          args += v[at].text + ".get(), ";
        }
        if ((*bound)[3] != nullptr) {  // mode="c" or "fortran" (else Cython's ValueError)
          size_t at = std::find(order.begin(), order.end(), (*bound)[3]) - order.begin();
          args += v[at].text + ".get(), ";
        }
        CppExpr out = Combined(v, kWrites);
        out.text = fmt::format("pyxx::view_array({}{})", args, Site(e.range));
        return out;
      }
      if (dialect == syntax::DialectName::CythonCast && (t.IsExtension() || checked::IsArrayArray(t))) {
        // An extension type (or cpython.array's array.array): tested with or without
        // typecheck=True (None passes). Cython trusts an unchecked cast; an object of
        // another type would be undefined behaviour.
        return ValueAs(*e.args[1], t);
      }
      if (dialect == syntax::DialectName::CythonCast && t.IsObject()) {
        // A cast to a Python type is the object itself; typecheck=True tests it first.
        static const std::map<std::string, const char*> kTypeObjects = {
            {"int", "PyLong_Type"}, {"list", "PyList_Type"}, {"dict", "PyDict_Type"}, {"str", "PyUnicode_Type"},
            {"tuple", "PyTuple_Type"}, {"bool", "PyBool_Type"}, {"set", "PySet_Type"}, {"bytes", "PyBytes_Type"}};
        bool typecheck = false;
        for (const auto& kw : e.keywords) {
          typecheck |= kw.name == "typecheck" && kw.value->kind == Expr::Kind::Bool && kw.value->bool_value;
        }
        auto type_object = kTypeObjects.find(t.object_name);
        CppExpr v = ValueAs(*e.args[1], Type::Object());  // no exact-type test: a cast trusts the object
        if (typecheck && type_object != kTypeObjects.end()) {
          v.text = fmt::format("pyxx::type_test({}, &{}, \"{}\", {})", v.text, type_object->second, t.object_name,
                               Site(e.range));
          v.effect |= kRaises;
          v.pending |= kRaises;
        }
        return v;
      }
      if (dialect == syntax::DialectName::CythonCast) {
        CppExpr v = ValueAs(*e.args[1], t);
        v.text = fmt::format("static_cast<{}>({})", checked::SpellCpp(t), v.text);
        return v;
      }
      if (dialect == syntax::DialectName::CythonDeclare) {
        if (e.args.size() == 2) {
          return ValueAs(*e.args[1], t);
        }
        if (t.IsObject()) {
          return {"pyxx::Ref::borrow(Py_None)"};  // an object type's declare() without a value: None, as Cython
        }
        // The type's zero (`unsigned char{}` is no C++: a type of two words).
        return CppExpr{t.IsNumeric() ? fmt::format("static_cast<{}>(0)", checked::SpellCpp(t)) : checked::SpellCpp(t) + "{}"};
      }
      if (dialect == syntax::DialectName::CythonTypeof) {
        return {StrConstant(checked::SpellCython(TypeOf(*e.args[0]))), true};
      }
      if (name == "cython.parallel.threadid") {
        return {"0"};  // one thread runs every prange loop and parallel block
      }
      if (dialect == syntax::DialectName::CythonSizeof) {
        return {fmt::format("sizeof({})", checked::SpellCpp(TypeOf(*e.args[0])))};
      }
      if (name == "len") {
        CppExpr v = EmitExpr(*e.args[0]);
        v.text = TypeOf(*e.args[0]).IsCppClass() ? fmt::format("static_cast<Py_ssize_t>(({}).size())", v.text)
                                               : fmt::format("{}.shape(0)", v.text);
        v.ref_lvalue = false;
        return v;
      }
      if (name == "float") {
        CppExpr v = EmitExpr(*e.args[0]);
        v.text = fmt::format("static_cast<double>({})", v.text);
        v.ref_lvalue = false;
        return v;
      }
      if (name == "conjugate" && t.IsComplex()) {
        CppExpr v = ValueAs(e.callee().object(), t);
        v.text = fmt::format("pyxx::conjugate({})", v.text);
        v.ref_lvalue = false;
        return v;
      }
      if (name == "bit_count" || name == "bit_length") {  // of a C integer
        const Type& base = TypeOf(e.callee().object());
        CppExpr v = ValueAs(e.callee().object(), base);
        v.text = fmt::format("pyxx::{}({})", name, v.text);
        v.ref_lvalue = false;
        return v;
      }
      if (name == "conjugate") {  // x.conjugate() of a C number is x
        return ValueAs(e.callee().object(), t);
      }
      if (name == "complex") {  // complex(x, y) of C numbers, the literal `2j`
        std::vector<Operand> operands;
        for (const auto& a : e.args) {
          operands.push_back(OperandAs(*a, TypeOf(*a)));
        }
        std::vector<CppExpr> v = EmitInOrder(operands);
        CppExpr out = Combined(v, kPure);
        out.text = fmt::format("pyxx::make_complex<double>({}, {})", v[0].text, v.size() > 1 ? v[1].text : "0.0");
        return out;
      }
      if (name == "is_integer") {  // float.is_integer(): finite and whole
        const Type& base = TypeOf(e.callee().object());
        CppExpr v = ValueAs(e.callee().object(), base);
        v.text = fmt::format("[](const {} v) -> bool {{ return std::isfinite(v) && std::floor(v) == v; }}({})",
                             checked::SpellCpp(base), v.text);
        v.ref_lvalue = false;
        return v;
      }
      if (name == "abs" && TypeOf(*e.args[0]).IsComplex()) {
        CppExpr v = ValueAs(*e.args[0], TypeOf(*e.args[0]));
        v.text = fmt::format("pyxx::complex_abs({}, {})", v.text, Site(e.range));
        v.effect |= kRaises;
        v.pending |= kRaises;
        v.ref_lvalue = false;
        return v;
      }
      if (name == "abs") {
        CppExpr v = ValueAs(*e.args[0], t);
        if (t.IsInteger()) {
          if (t.IsSigned()) v.text = fmt::format("pyxx::wrap_abs<{}>({})", checked::SpellCpp(t), v.text);
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
      if (r.index >= 0) {
        return EmitFrameBuiltinCall(e, r);  // globals(), eval(s), ...: emit_frames.cpp
      }
      std::string site = Site(e.range);
      if (r.name == "len" && t.IsInteger()) {
        std::vector<CppExpr> v = EmitInOrder({ObjectOperand(*e.args[0])});
        CppExpr out = Combined(v, kWrites);
        out.text = fmt::format("pyxx::length({}.get(), {})", v[0].text, site);
        return out;
      }
      std::string get = fmt::format("pyxx::get_builtin({}, {})", NameConstant(r.name), site);
      return EmitObjectCall({"pyxx::Ref", [get] { return CppExpr{get, false, kReads | kRaises, kReads | kRaises}; }},
                            e);
    }
    default:
      return EmitObjectCall(ObjectOperand(callee), e);
  }
}

// A call of a module-level `def` function, looked up at call time:
// the callee, then the arguments as written, each a statement where needed; then
// the native function while the name still holds this module's function, else
// whatever it holds through Python.
auto Emitter::EmitDefCallInOrder(const Expr& e, const checked::FunctionInfo& target) -> CppExpr {
  const std::string site = Site(e.range);
  const Type& rt = target.return_type;
  std::string callee =
      Declare("pyxx::Ref", fmt::format("pyxx::get_global(pyxx_module, {}, {})", NameConstant(target.name()), site));
  std::vector<const Expr*> written;
  for (const auto& a : e.args) written.push_back(a.get());
  for (const auto& k : e.keywords) written.push_back(k.value.get());
  std::vector<Operand> operands;
  for (const Expr* a : written) {
    operands.push_back(TypeOf(*a).IsObject() ? Operand{"pyxx::Ref", [this, a] { return ObjectValue(*a); }}
                                              : Operand{CType(TypeOf(*a)), [this, a] { return EmitExpr(*a); }});
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  for (size_t k = 0; k < v.size(); ++k) {
    if (v[k].pending != kPure) Materialize(v[k], operands[k].type);  // used in one of two branches
  }
  const auto* bound = module_.CallArguments(e);
  std::string native_args = target.uses_module ? "pyxx_module" : "";
  for (size_t i = 0; i < target.param_types.size(); ++i) {
    const Type& pt = target.param_types[i];
    const Expr* arg = bound != nullptr ? (*bound)[i] : nullptr;
    std::string value;
    if (arg == nullptr && target.default_slots[i] >= 0) {
      value = StoredDefault(target, i, pt, site);
    } else if (arg == nullptr) {
      value = pt.IsObject() ? OwnedObject(*target.syntax->params[i].default_value)
                            : EmitAs(*target.syntax->params[i].default_value, pt);
    } else {
      size_t k = static_cast<size_t>(std::find(written.begin(), written.end(), arg) - written.begin());
      const Type& at = TypeOf(*arg);
      const checked::ParamTypeTest* test = target.kind == checked::FunctionKind::Def &&
                                                   i < target.param_type_tests.size() &&
                                                   !target.param_type_tests[i].type_name.empty()
                                               ? &target.param_type_tests[i]
                                               : nullptr;
      if (test != nullptr && at.IsObject() && test->instance) {
        value = fmt::format("pyxx::arg_instance_checked({}, {}, {}, {}, {}, {})", Owned(v[k]),
                            CClassTypeVar(test->type_name), test->allows_none ? "true" : "false",
                            CppStringLiteral(target.syntax->params[i].name), CppStringLiteral(test->type_name), site);
      } else if (test != nullptr && at.IsObject()) {
        // The test the Python wrapper makes, with its words: the call skips the wrapper.
        value = fmt::format("pyxx::arg_type_checked({}, &{}, {}, \"{}\", {})", Owned(v[k]),
                            BuiltinTypeObject(test->type_name), test->allows_none ? "true" : "false",
                            target.syntax->params[i].name, site);
      } else if (target.borrows_param(i) && at.IsObject() && v[k].ref_lvalue &&
                 !checked::NeedsInstanceTest(at, pt)) {
        value = v[k].text + ".get()";  // lent: a variable of this function or a constant, which the callee cannot rebind
      } else {
        value = pt.IsObject() && at.IsObject() && !checked::NeedsInstanceTest(at, pt)
                    ? Owned(v[k])
                    : Convert({v[k].text, v[k].ref_lvalue}, at, pt);
      }
    }
    native_args += (native_args.empty() ? "" : ", ") + value;
  }
  std::string objects;
  for (size_t k = 0; k < written.size(); ++k) {
    const Type& at = TypeOf(*written[k]);
    std::optional<CppExpr> constant = at.IsObject() ? std::nullopt : ConstantObject(*written[k]);
    std::string object = at.IsObject()       ? v[k].text + ".get()"
                         : at.IsMemoryView() ? fmt::format("pyxx::view_argument_object({}, {}).get()", v[k].text, site)
                         : constant          ? constant->text + ".get()"
                                             : CpdefEnumObject(at, v[k].text, site)
                                                   .value_or(fmt::format("pyxx::to_object({}, {})", v[k].text, site)) +
                                                   ".get()";
    objects += (objects.empty() ? "" : ", ") + object;
  }
  std::string python_call;
  if (e.keywords.empty()) {
    python_call = fmt::format("pyxx::call({}.get(), {{{}}}, {})", callee, objects, site);
  } else {
    std::string names;
    for (const auto& k : e.keywords) names += (names.empty() ? "\"" : ", \"") + k.name + "\"";
    python_call = fmt::format("pyxx::call_kw({}.get(), {{{}}}, {{{}}}, {})", callee, objects, names, site);
  }
  std::string result = rt.IsObject() ? "pyxx::Ref" : checked::SpellCpp(rt);
  std::string python_result = rt.IsObject() ? python_call
                              : rt.IsVoid() ? fmt::format("static_cast<void>({})", python_call)
                              : rt.IsMemoryView()
                                  ? fmt::format("{}::from_object_or_none({}.get(), true, {}, {})", result, python_call,
                                                ViewContiguity(rt), site)
                                  : fmt::format("pyxx::as_c<{}>({}.get(), {})", result, python_call, site);
  // A function its `def` made as a function object (stored defaults) is
  // recognised by its wrapper too.
  // A specialisation is called natively when the name holds its dispatcher.
  const std::string own_wrapper = target.syntax->fused_group >= 0
                                      ? DispatcherName(module_.syntax->fused_functions[target.syntax->fused_group])
                                      : WrapperName(target);
  std::string own = target.made_at_def()
                        ? fmt::format("pyxx::is_own_def({}.get(), pyxx_module, &{})", callee, WrapperName(target))
                        : fmt::format("pyxx::is_own_function({}.get(), pyxx_module, {})", callee,
                                      DefFunction(own_wrapper));
  // The name in parentheses: no argument-dependent lookup, which for a `pyxx::Ref`
  // passed to a `pyxx::Lent` parameter could prefer a runtime template of the same name.
  std::string native_call = fmt::format("({})({})", NativeName(target), native_args);
  unsigned effect = kWrites;
  for (const auto& a : v) effect |= a.effect;
  if (rt.IsVoid()) {
    std::string text = fmt::format("({} ? (pyxx::RecursionGuard{{{}}}, {}) : {})", own, site, native_call, python_result);
    return CppExpr{text, false, effect, kWrites};
  }
  // The arguments are evaluated: the call is a statement of its own, one of two.
  std::string value = Declare(result, "");
  Line(fmt::format("if ({}) {{", own));
  Line(fmt::format("  pyxx::RecursionGuard pyxx_recursion{{{}}};", site));
  Line(fmt::format("  {} = {};", value, native_call));
  Line("} else {");
  Line(fmt::format("  {} = {};", value, python_result));
  Line("}");
  return CppExpr{value, rt.IsObject(), effect, kPure};
}

// A call of a C function known at compile time (the module's own, or one
// cimported from another module), named `callee_name` in C++: the arguments
// in source order, converted to the parameter types, then the defaults.
auto Emitter::EmitNativeCall(const Expr& e, const checked::FunctionInfo& target, const std::string& callee_name)
    -> CppExpr {
  std::vector<CppExpr> v;
  std::vector<std::string> by_param = EmitBoundArguments(e, target, {}, v);
  std::string args = target.uses_module ? "pyxx_module" : "";
  for (size_t i = 0; i < by_param.size(); ++i) {
    args += (args.empty() ? "" : ", ") + by_param[i];
  }
  CppExpr out = Combined(v, kWrites);
  out.text = fmt::format("{}({})", callee_name, args);
  return out;
}

}  // namespace pyxx::emit
