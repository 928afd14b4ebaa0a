// Statements. Locals are declared at the top of each function, so every
// statement here is an expression, an assignment or a C++ block.
#include <fmt/format.h>

#include <algorithm>

#include "emit/annotation_text.h"
#include "emit/emitter_impl.h"
#include "syntax/constant_statement.h"

namespace pyxx::emit {

using checked::Resolution;

void Emitter::EmitBlock(const syntax::Block& block) {
  for (const auto& s : block) {
    EmitStmt(*s);
  }
}

void Emitter::EmitStmt(const Stmt& s) {
  if (s.kind == Stmt::Kind::Pass || syntax::IsConstantStatement(s)) {
    return;  // nothing to emit (compile-time imports are lowered to `pass` too; docstrings run nothing)
  }
  if (module_.Of(s).c_type_declaration) {
    return;  // `Point = cython.struct(...)`: a C type, declared with the module's types
  }
  const size_t before_directive = out_.size();
  const uint32_t directive_line = last_line_;
  LineDirective(s.range);
  // The statement's site: `pyxx_site.line = N;` goes in front of its code once
  // that code turns out to use `pyxx_site` (CommitSite).
  const StmtSiteState outer = stmt_;
  stmt_ = StmtSiteState{true, s.range, out_.size(), indent_, source_.Locate(s.range.begin).line, false,
                        track_line_ && module_.Of(s).calls_raising};
  const int slot_mark = next_slot_;
  EmitStmtBody(s);
  DropSlotsFrom(slot_mark);  // what the statement held outside a Scoped block
  if (const int local = module_.Of(s).view_access_local; local >= 0) {
    DeclareLocalViewAccess(local);
  }
  switch (s.kind) {
    case Stmt::Kind::If:
    case Stmt::Kind::While:
    case Stmt::Kind::For:
    case Stmt::Kind::With:
    case Stmt::Kind::Try:
      runtime_line_ = 0;  // which branch ran, how often: not known here
      break;
    default:
      break;
  }
  if (out_.size() == stmt_.mark) {
    // Nothing to run (a declaration): no directive either, so none can follow another.
    out_.resize(before_directive);
    last_line_ = directive_line;
  } else {
    CommitSite();
  }
  stmt_ = outer;
}

void Emitter::CommitSite() {
  if (!site_local_ || !stmt_.active || stmt_.committed) {
    return;
  }
  stmt_.committed = true;
  // Site() hands out `pyxx_site` for the statement's line before it is set; a
  // use that did not make it into the code (an unused operand) needs nothing.
  bool used = false;
  for (size_t at = out_.find("pyxx_site", stmt_.mark); at != std::string::npos && !used;
       at = out_.find("pyxx_site", at + 1)) {
    used = out_.compare(at + 9, 4, ".at(") != 0;
  }
  if (!used && !stmt_.caller_line) {
    return;
  }
  if (runtime_line_ != stmt_.line) {
    out_.insert(stmt_.mark, std::string(static_cast<size_t>(stmt_.indent), ' ') +
                                fmt::format("pyxx_site.line = {};\n", stmt_.line));
    runtime_line_ = stmt_.line;
  }
}

void Emitter::EmitStmtBody(const Stmt& s) {
  if (module_.Of(s).dataclass_default >= 0) {
    EmitDataclassDefault(s);
    return;
  }
  switch (s.kind) {
    case Stmt::Kind::Expr: {
      const Expr& v = *s.value;
      if (v.kind == Expr::Kind::Call && v.callee().kind == Expr::Kind::DialectRef &&
          v.callee().dialect == syntax::DialectName::CythonDeclare && v.args.empty()) {
        return;  // cython.declare(x=T): a declaration, already hoisted
      }
      Scoped([&] {
        CppExpr e = EmitExpr(v);
        if (e.pending != kPure) {
          Line(TypeOf(v).IsObject() ? e.text + ";" : "(void)(" + e.text + ");");
        }
      });
      return;
    }
    case Stmt::Kind::Assign:
    case Stmt::Kind::AnnAssign:
      if (EmitConstLocal(s)) {
        return;
      }
      Scoped([&] { EmitAssign(s); });
      if (s.kind == Stmt::Kind::AnnAssign && s.annotation && s.targets[0]->kind == Expr::Kind::Name &&
          module_.Resolve(*s.targets[0]).kind == Resolution::Kind::ClassName) {
        // A class body records its annotations (as their source text; a string literal's as CPython does).
        const std::string text =
            AnnotationText(source_.Slice(s.annotation->range), module_.syntax->postponed_annotations);
        Line(fmt::format("{}.annotate({}, {}, {});", class_builders_.back(), NameConstant(s.targets[0]->name),
                         StrConstant(text), Site(s.range)));
      }
      return;
    case Stmt::Kind::AugAssign:
      Scoped([&] { EmitAugAssign(s); });
      return;
    case Stmt::Kind::If:
      EmitIf(s);
      return;
    case Stmt::Kind::While:
      EmitWhile(s);
      return;
    case Stmt::Kind::For:
      EmitFor(s);
      return;
    case Stmt::Kind::Break:
    case Stmt::Kind::Continue:
      EmitLoopJump(s.kind == Stmt::Kind::Break);  // emit_finally.cpp
      return;
    case Stmt::Kind::Pass:
      return;
    case Stmt::Kind::Return:
      Scoped([&] { EmitReturn(s); });
      return;
    case Stmt::Kind::With:
      EmitWith(s, 0);
      return;
    case Stmt::Kind::Import:
      Scoped([&] { EmitImport(s); });
      return;
    case Stmt::Kind::Raise:
      Scoped([&] { EmitRaise(s); });
      return;
    case Stmt::Kind::Try:
      EmitTry(s);
      return;
    case Stmt::Kind::Del:
      for (const auto& t : s.targets) {
        Scoped([&] { EmitDel(*t); });
      }
      return;
    case Stmt::Kind::Assert:
      // Under `python -O` nothing of the statement runs, as Python compiles it out.
      Line("if (pyxx::assertions_enabled()) {");
      indent_ += 2;
      Scoped([&] { EmitAssert(s); });
      indent_ -= 2;
      Line("}");
      return;
    case Stmt::Kind::Function:
      EmitDef(s);
      return;
    case Stmt::Kind::Class:
      EmitClass(s);
      return;
    case Stmt::Kind::Global:
    case Stmt::Kind::Nonlocal:
      return;
    default:
      // Everything else was rejected by the checker.
      Line("// unsupported statement (rejected by the checker)");
      return;
  }
}

void Emitter::EmitAssert(const Stmt& s) {
  Line(fmt::format("if (!({})) {{", EmitCondition(*s.value)));
  indent_ += 2;
  // The failure branch needs the GIL only where the checker says it may not be held.
  bool acquire = module_.GilOf(s) != checked::GilState::Held;
  int saved_temps = scope_temps_;  // the message's temporaries live in the branch
  if (acquire) {
    Line("{");
    indent_ += 2;
    Line("pyxx::AcquiredGil pyxx_gil;");
  }
  if (s.message) {
    Line(fmt::format("PyErr_SetObject(PyExc_AssertionError, {});", EmitPyObjectPtr(*s.message)));
  } else {
    Line("PyErr_SetNone(PyExc_AssertionError);");
  }
  if (acquire) {
    indent_ -= 2;
    Line("}");
  }
  scope_temps_ = saved_temps;
  Line(fmt::format("pyxx::raise_python({});", Site(s.range)));
  indent_ -= 2;
  Line("}");
}

// `x: cython.const[T] = v` (in the function's own body, checked): the C++
// declaration is here, `T const x = v;`, so the compiler refuses stores too. Its
// temporaries stay in the function's scope, which the declaration must share.
auto Emitter::EmitConstLocal(const Stmt& s) -> bool {
  if (s.kind != Stmt::Kind::AnnAssign || !s.value || s.targets[0]->kind != Expr::Kind::Name ||
      module_.Resolve(*s.targets[0]).kind != Resolution::Kind::Local || fn_ == nullptr) {
    return false;
  }
  const checked::LocalVar& local = fn_->locals[static_cast<size_t>(module_.Resolve(*s.targets[0]).index)];
  if (!local.is_const) {
    return false;
  }
  const std::string value = EmitAs(*s.value, local.type);
  Line(fmt::format("{}{} const {} = {};", local.reads == 0 ? "[[maybe_unused]] " : "", checked::SpellCpp(local.type),
                   CppName(local.name), value));
  return true;
}

void Emitter::EmitAssign(const Stmt& s) {
  if (!s.value) {
    return;  // `x: T` declares only
  }
  const Expr& value = *s.value;
  const Expr& first = *s.targets[0];
  if (value.kind == Expr::Kind::Call && module_.Resolve(value.callee()).kind == Resolution::Kind::CBuiltin &&
      module_.Resolve(value.callee()).name == "divmod") {
    EmitCDivmodAssign(s);
    return;
  }
  auto starred = [](const Expr& list) {
    return std::any_of(list.args.begin(), list.args.end(), [](const auto& x) { return x->kind == Expr::Kind::Starred; });
  };
  bool pairwise = s.kind == Stmt::Kind::Assign && s.targets.size() == 1 && first.kind == Expr::Kind::Tuple &&
                  value.kind == Expr::Kind::Tuple && value.args.size() == first.args.size() && !starred(first) &&
                  !starred(value);
  if (pairwise) {
    // Right side first, into temporaries typed like their targets, as Python does.
    Line("{");
    indent_ += 2;
    std::vector<std::string> temps;
    for (size_t i = 0; i < value.args.size(); ++i) {
      const Type& tt = TypeOf(*first.args[i]);
      std::string temp = Temp("t");
      if (tt.IsObject()) {
        Line(fmt::format("pyxx::Ref {} = {};", temp,
                         Convert({OwnedObject(*value.args[i]), false}, AsObjectType(TypeOf(*value.args[i])), tt)));
      } else {
        Line(fmt::format("{} {} = {};", checked::SpellCpp(tt), temp, EmitAs(*value.args[i], tt)));
      }
      temps.push_back(temp);
    }
    for (size_t i = 0; i < temps.size(); ++i) {
      const Type& tt = TypeOf(*first.args[i]);
      if (first.args[i]->kind == Expr::Kind::Tuple || first.args[i]->kind == Expr::Kind::List) {
        EmitUnpack(*first.args[i], temps[i] + ".get()");  // `(a, *b), c = xs, 1`
        continue;
      }
      EmitStore(*first.args[i], tt.IsObject() ? "std::move(" + temps[i] + ")" : temps[i], tt, false);
    }
    indent_ -= 2;
    Line("}");
    return;
  }
  if (s.targets.size() == 1 && first.kind == Expr::Kind::Subscript && TypeOf(first).IsMemoryView()) {
    EmitViewSliceStore(first, value);
    return;
  }
  if (s.targets.size() == 1 && first.kind != Expr::Kind::Tuple && first.kind != Expr::Kind::List) {
    const Type& tt = TypeOf(first);
    if (tt.IsObject()) {
      if (auto constant = ConstantObject(value); constant && !checked::NeedsExactTest(TypeOf(value), tt) &&
                                                 !checked::NeedsInstanceTest(TypeOf(value), tt)) {
        EmitStore(first, constant->text, tt, true);
        return;
      }
      CppExpr v = ConvertValue(EmitExpr(value), TypeOf(value), tt);
      EmitStore(first, v.text, tt, v.ref_lvalue && TypeOf(value).IsObject());
    } else {
      EmitStore(first, EmitAs(value, tt), tt, false);
    }
    return;
  }
  // Several targets or unpacking: evaluate once into a temporary.
  Line("{");
  indent_ += 2;
  const Type& vt = TypeOf(value);
  std::string temp = Temp("v");
  if (vt.IsObject()) {
    Line(fmt::format("pyxx::Ref {} = {};", temp, OwnedObject(value)));
  } else {
    Line(fmt::format("{} {} = {};", checked::SpellCpp(vt), temp, EmitExpr(value).text));
  }
  for (const auto& t : s.targets) {
    if ((t->kind == Expr::Kind::Tuple || t->kind == Expr::Kind::List) && vt.IsCTuple()) {
      EmitCTupleUnpack(*t, temp, vt);
    } else if (t->kind == Expr::Kind::Tuple || t->kind == Expr::Kind::List) {
      EmitUnpack(*t, temp + ".get()");
    } else {
      const Type& tt = TypeOf(*t);
      EmitStore(*t, Convert({temp, vt.IsObject()}, vt, tt), tt, vt.IsObject() && tt.IsObject());
    }
  }
  indent_ -= 2;
  Line("}");
}

// `y := v`: the value into a temporary typed as `y`, the store, and the
// temporary is the expression's value (a later store to `y` cannot change it).
auto Emitter::EmitWalrus(const Expr& e) -> CppExpr {
  const Expr& target = e.walrus_target();
  const Expr& value = e.walrus_value();
  const Type& t = TypeOf(target);
  if (t.IsObject()) {
    std::string temp = Declare("pyxx::Ref", Convert({OwnedObject(value), false}, AsObjectType(TypeOf(value)), t));
    EmitStore(target, fmt::format("pyxx::Ref::borrow({}.get())", temp), t, false);
    return {temp, true, kWrites | kRaises, kPure};
  }
  std::string temp = Declare(checked::SpellCpp(t), EmitAs(value, t));
  EmitStore(target, temp, t, false);
  return {temp, false, kWrites | kRaises, kPure};
}

// `q, r = divmod(a, b)` on C integers (the checker chose it): the operands once, in
// order, then `//` and `%` with Python's semantics, then the targets in order.
void Emitter::EmitCDivmodAssign(const Stmt& s) {
  const Expr& call = *s.value;
  const Type& t = TypeOf(call);
  const std::string T = checked::SpellCpp(t);
  Line("{");
  indent_ += 2;
  std::string a = Temp("a");
  std::string b = Temp("b");
  Line(fmt::format("const {} {} = {};", T, a, EmitAs(*call.args[0], t)));
  Line(fmt::format("const {} {} = {};", T, b, EmitAs(*call.args[1], t)));
  std::string results[2] = {Temp("q"), Temp("r")};
  Line(fmt::format("const {} {} = {};", T, results[0], EmitBinaryC(syntax::BinaryOp::FloorDiv, a, b, t, t)));
  Line(fmt::format("const {} {} = {};", T, results[1], EmitBinaryC(syntax::BinaryOp::Mod, a, b, t, t)));
  const Expr& targets = *s.targets[0];
  for (size_t i = 0; i < 2; ++i) {
    const Type& tt = TypeOf(*targets.args[i]);
    EmitStore(*targets.args[i], Convert({results[i], false}, t, tt), tt, false);
  }
  indent_ -= 2;
  Line("}");
}

void Emitter::EmitUnpack(const Expr& target, const std::string& source) {
  std::string items = Temp("items");
  Line(fmt::format("pyxx::Ref {}[{}];", items, target.args.size()));
  size_t star = target.args.size();
  for (size_t i = 0; i < target.args.size(); ++i) {
    if (target.args[i]->kind == Expr::Kind::Starred) star = i;
  }
  if (star == target.args.size()) {
    Line(fmt::format("pyxx::unpack({}, {}, {}, {});", source, items, target.args.size(), Site(target.range)));
  } else {
    // `a, *rest, z = xs`: the starred target gets a list of the items between.
    Line(fmt::format("pyxx::unpack_starred({}, {}, {}, {}, {});", source, items, star, target.args.size() - star - 1,
                     Site(target.range)));
  }
  for (size_t i = 0; i < target.args.size(); ++i) {
    const Expr& element = target.args[i]->kind == Expr::Kind::Starred ? target.args[i]->operand() : *target.args[i];
    if (element.kind == Expr::Kind::Tuple || element.kind == Expr::Kind::List) {
      EmitUnpack(element, fmt::format("{}[{}].get()", items, i));
      continue;
    }
    const Type& et = TypeOf(element);
    std::string v = fmt::format("std::move({}[{}])", items, i);
    EmitStore(element, Convert({v, false}, Type::Object(), et), et, false);
  }
}

// `a, b = t` of a C tuple: each element into its target, in order (the checker
// made the number of targets the tuple's length).
void Emitter::EmitCTupleUnpack(const Expr& target, const std::string& source, const Type& tuple) {
  for (size_t i = 0; i < target.args.size(); ++i) {
    const Expr& element = *target.args[i];
    const Type& et = TypeOf(element);
    const std::string field = fmt::format("{}.f{}", source, i);
    EmitStore(element, Convert({field, false}, (*tuple.elements)[i], et), et, false);
  }
}

// `dst[...] = src` (a copy between views) or `dst[:] = value` (every element):
// the value first, then the target view, as Python evaluates them.
void Emitter::EmitViewSliceStore(const Expr& target, const Expr& value) {
  const Type& slice = TypeOf(target);
  const Type& vt = TypeOf(value);
  const Type element = checked::ViewElement(slice);
  std::string source = vt.IsMemoryView() ? Declare(checked::SpellCpp(vt), EmitExpr(value).text)
                                         : Declare(checked::SpellCpp(element), EmitAs(value, element));
  // `dst[...]` is dst itself (a None dst is "Cannot assign to", not "Cannot slice").
  const bool whole = std::all_of(target.args.begin(), target.args.end(),
                                 [](const auto& a) { return a->kind == Expr::Kind::Ellipsis; });
  std::string dst = whole ? EmitExpr(target.object()).text : EmitViewSlice(target).text;
  Line(fmt::format("pyxx::{}({}, {}, {});", vt.IsMemoryView() ? "view_assign" : "view_fill", dst, source,
                   Site(target.range)));
}

void Emitter::EmitStore(const Expr& target, const std::string& value_cpp, const Type& value_type, bool ref_lvalue) {
  std::string value = ref_lvalue ? (value_cpp.rfind("pyxx_t", 0) == 0 ? fmt::format("std::move({})", value_cpp)
                                                                      : fmt::format("pyxx::Ref::borrow({}.get())", value_cpp))
                                 : value_cpp;
  switch (target.kind) {
    case Expr::Kind::Name: {
      const Resolution& r = module_.Resolve(target);
      if (r.kind == Resolution::Kind::Local) {
        Line(fmt::format("{} = {};", LocalName(r.index), value));
      } else if (r.kind == Resolution::Kind::ComprehensionVar) {
        Line(fmt::format("{} = {};", CppName(target.name), value));
      } else if (r.kind == Resolution::Kind::ClassName) {
        std::string ptr = ref_lvalue ? value_cpp + ".get()" : "(" + value + ").get()";
        Line(fmt::format("pyxx::class_store({}.ns(), {}, {}, {});", class_builders_.back(), NameConstant(target.name), ptr,
                         Site(target.range)));
      } else if (r.kind == Resolution::Kind::CGlobal) {
        Line(CStore(target, value));
      } else {
        std::string ptr = ref_lvalue ? value_cpp + ".get()" : "(" + value + ").get()";
        Line(fmt::format("pyxx::set_global(pyxx_module, {}, {}, {});", NameConstant(target.name), ptr, Site(target.range)));
      }
      return;
    }
    case Expr::Kind::Subscript:
    case Expr::Kind::Attribute: {
      if (IsPyBufferField(target, "obj") || IsPyBufferField(target, "readonly")) {
        EmitPyBufferStore(target, value);  // a counted reference, a bint (emit_buffer.cpp)
        return;
      }
      const Type& base = TypeOf(target.object());
      const bool c_element = base.IsPointer() || base.IsArray() || base.IsStruct() || base.IsCppPair() ||
                             (base.IsCppClass() && target.kind == Expr::Kind::Subscript);  // `p[i]`, `s.x`, `p.x`, `v[i]`
      if ((base.IsMemoryView() && target.kind == Expr::Kind::Subscript) || c_element) {
        // Python evaluates the value, then the view and its indices, then stores.
        size_t mark = out_.size();
        int temps = scope_temps_;
        const bool global = IsCGlobalPlace(target);
        CppExpr element = global ? EmitCGlobalPlace(target) : c_element ? EmitExpr(target) : EmitMemoryViewElement(target);
        if (out_.size() != mark) {
          std::string index_statements = out_.substr(mark);
          out_.resize(mark);
          int index_temps = scope_temps_ - temps;
          scope_temps_ = temps;
          value = Declare(checked::SpellCpp(value_type), value);
          out_ += index_statements;
          scope_temps_ += index_temps;
        }
        Line(StoreLine(element.text, value, global));
        return;
      }
      if (target.kind == Expr::Kind::Attribute && module_.Resolve(target).kind == Resolution::Kind::CClassField) {
        // Python evaluates the value, then the object.
        const bool object = TypeOf(target).IsObject();
        std::string v = Declare(object ? "pyxx::Ref" : checked::SpellCpp(TypeOf(target)), value);
        CppExpr field = EmitCClassField(target);
        Line(object ? fmt::format("pyxx::store_field({}, std::move({}));", field.text, v)
                    : fmt::format("{} = {};", field.text, v));
        return;
      }
      if (target.kind == Expr::Kind::Attribute) {
        std::string v = Declare("pyxx::Ref", value);
        Line(fmt::format("pyxx::set_attr({}, {}, {}.get(), {});", EmitPyObjectPtr(target.object()),
                         NameConstant(target.name), v, Site(target.range)));
        return;
      }
      // Python evaluates the value first, then the object, then the key.
      std::string site = Site(target.range);
      std::string v = Declare("pyxx::Ref", value);
      SubscriptOperands o = EmitSubscriptOperands(target, site);
      Line(fmt::format("pyxx::check_status(PyObject_SetItem({}.get(), {}, {}.get()), {});", o.values[0].text, o.key, v,
                       site));
      return;
    }
    default:
      Line("// invalid assignment target (rejected by the checker)");
      return;
  }
}

void Emitter::EmitAugAssignObject(const Stmt& s) {
  // Python: the target's parts and its current value, then the value, then the
  // in-place operation, then the store into the same target (parts evaluated once).
  static const char* kInPlace[] = {"PyNumber_InPlaceAdd", "PyNumber_InPlaceSubtract", "PyNumber_InPlaceMultiply",
                                   "PyNumber_InPlaceTrueDivide", "PyNumber_InPlaceFloorDivide",
                                   "PyNumber_InPlaceRemainder", "PyNumber_InPlacePower", "PyNumber_InPlaceLshift",
                                   "PyNumber_InPlaceRshift", "PyNumber_InPlaceAnd", "PyNumber_InPlaceOr",
                                   "PyNumber_InPlaceXor", "PyNumber_InPlaceMatrixMultiply"};
  const Expr& target = *s.targets[0];
  const Type& tt = TypeOf(target);
  std::string site = Site(s.range);
  std::string fn = kInPlace[static_cast<int>(s.aug_op)];
  std::string extra = s.aug_op == syntax::BinaryOp::Pow ? ", Py_None" : "";
  auto named = [&](CppExpr& v) {
    if (v.text.find_first_of("(.:") != std::string::npos) {
      v.pending = v.pending == kPure ? kReads : v.pending;
      Materialize(v, "pyxx::Ref");
    }
  };
  auto apply = [&](const std::string& current) {
    CppExpr value = ObjectValue(*s.value);
    return Declare("pyxx::Ref", fmt::format("pyxx::check({}({}.get(), {}.get(){}), {})", fn, current, value.text,
                                            extra, site));
  };
  const Type& owner = target.kind == Expr::Kind::Name ? tt : TypeOf(target.object());
  const bool c_element = owner.IsPointer() || owner.IsArray() || owner.IsStruct() ||
                         (owner.IsCppPair() && target.kind == Expr::Kind::Attribute) ||
                         (owner.IsCppClass() && target.kind == Expr::Kind::Subscript);  // `p[i] += obj`, `s.x += obj`
  if (target.kind == Expr::Kind::Attribute && module_.Resolve(target).kind == Resolution::Kind::CClassField) {
    // An object field: read, the in-place operation, stored back (the instance evaluated once).
    CppExpr field = EmitCClassField(target, true);
    std::string slot = Temp("field");
    ++scope_temps_;
    if (!tt.IsObject()) {
      // A C field with a Python operand (`self.total += x`, `x` untyped): its value as an
      // object, the in-place operation, converted back (a TypeError/OverflowError leaves
      // the field as it was).
      Line(fmt::format("auto& {} = {};", slot, field.text));
      std::string current = Declare("pyxx::Ref", Convert({slot, false}, tt, Type::Object()));
      std::string result = apply(current);
      Line(fmt::format("{} = {};", slot, Convert({result, true}, Type::Object(), tt)));
      return;
    }
    Line(fmt::format("PyObject*& {} = {};", slot, field.text));
    std::string current = Declare("pyxx::Ref", fmt::format("pyxx::Ref::borrow({})", slot));
    std::string result = apply(current);
    // The result is tested as any value stored into a typed field (`x: int` and `x += 0.5`).
    Line(fmt::format("pyxx::store_field({}, {});", slot, Convert({"std::move(" + result + ")", false}, Type::Object(), tt)));
    return;
  }
  if (target.kind == Expr::Kind::Attribute && !c_element) {
    std::vector<CppExpr> o = EmitInOrder({ObjectOperand(target.object())});
    named(o[0]);
    std::string current =
        Declare("pyxx::Ref", fmt::format("pyxx::get_attr({}.get(), {}, {})", o[0].text, NameConstant(target.name), site));
    std::string result = apply(current);
    Line(fmt::format("pyxx::set_attr({}.get(), {}, {}.get(), {});", o[0].text, NameConstant(target.name), result, site));
    return;
  }
  if (target.kind == Expr::Kind::Subscript && !TypeOf(target.object()).IsMemoryView() && !c_element) {
    std::vector<Operand> operands{ObjectOperand(target.object())};
    for (const auto& a : target.args) {
      operands.push_back(EmitSubscriptKey(*a));
    }
    std::vector<CppExpr> o = EmitInOrder(operands);
    for (auto& v : o) named(v);
    std::string key = o[1].text;
    if (o.size() > 2) {
      std::string items;
      for (size_t i = 1; i < o.size(); ++i) {
        items += (i > 1 ? ", " : "") + o[i].text + ".get()";
      }
      key = Declare("pyxx::Ref", fmt::format("pyxx::make_tuple({{{}}}, {})", items, site));
    }
    std::string current =
        Declare("pyxx::Ref", fmt::format("pyxx::check(PyObject_GetItem({}.get(), {}.get()), {})", o[0].text, key, site));
    std::string result = apply(current);
    Line(fmt::format("pyxx::check_status(PyObject_SetItem({}.get(), {}.get(), {}.get()), {});", o[0].text, key, result,
                     site));
    return;
  }
  if (target.kind == Expr::Kind::Subscript || target.kind == Expr::Kind::Attribute) {
    // A buffer element (or a C element or field) with an object value: the element once, by reference.
    const bool global = IsCGlobalPlace(target);
    std::string map_lookup;  // a map's element: looked up again after the operation (emit_cpp_map.cpp)
    CppExpr element = IsCppMapElement(target) ? EmitCppMapElementHeld(target, nullptr, map_lookup)
                      : global                ? EmitCGlobalPlace(target)
                      : c_element             ? EmitExpr(target)
                                              : EmitMemoryViewElement(target);
    std::string ref = Temp("ref");
    ++scope_temps_;
    Line(fmt::format("auto& {} = {};", ref, element.text));
    std::string current = Declare(
        "pyxx::Ref", fmt::format("pyxx::to_object({}, {})", global ? LoadCGlobal(CppExpr{ref}).text : ref, site));
    std::string result = apply(current);
    if (!map_lookup.empty()) {
      ref = Declare("auto&", map_lookup);  // the operation ran Python code, which may have changed the map
    }
    std::string converted = Convert({result, true}, Type::Object(), tt);
    Line(StoreLine(ref, converted, global));
    return;
  }
  // A name: read it (UnboundLocalError, NameError) before the value is evaluated.
  CppExpr current = ObjectValue(target);
  if (current.pending != kPure || !tt.IsObject()) {
    current.pending = current.pending == kPure ? kReads : current.pending;
    Materialize(current, "pyxx::Ref");
  }
  std::string result = apply(current.text);
  EmitStore(target, tt.IsObject() ? result : Convert({result, true}, Type::Object(), tt), tt, tt.IsObject());
}

void Emitter::EmitAugAssign(const Stmt& s) {
  const Expr& target = *s.targets[0];
  const Type& tt = TypeOf(target);
  const Type& vt = TypeOf(*s.value);
  if (tt.IsObject() || vt.IsObject()) {
    EmitAugAssignObject(s);
    return;
  }
  if (tt.IsComplex()) {
    // z op= x: in the common complex type, stored back in z's type.
    const Type operand = checked::CommonComplex(tt, vt);
    const std::string part = checked::SpellCpp(checked::ComplexPart(tt));
    const bool global = IsCGlobalPlace(target);
    const CGlobalRead read = global ? ReadCGlobalPlace(target, tt) : CGlobalRead{};
    if (IsCppMapElement(target)) {
      // A map's element: read once (the key held), stored by a new lookup after the value.
      std::string lookup;
      const std::string current = Declare(checked::SpellCpp(tt), EmitCppMapElementHeld(target, nullptr, lookup).text);
      const std::string value = Declare(checked::SpellCpp(operand), EmitAs(*s.value, operand));
      const std::string lhs =
          tt == operand ? current
                        : fmt::format("pyxx::to_complex<{}>({})", checked::SpellCpp(checked::ComplexPart(operand)), current);
      const std::string expr = EmitBinaryC(s.aug_op, lhs, value, operand, operand);
      Line(StoreLine(lookup, tt == operand ? expr : fmt::format("pyxx::to_complex<{}>({})", part, expr), false));
      return;
    }
    const std::string current = global ? read.current : EmitExpr(target).text;
    const std::string lhs =
        tt == operand ? current
                      : fmt::format("pyxx::to_complex<{}>({})", checked::SpellCpp(checked::ComplexPart(operand)), current);
    const std::string expr = EmitBinaryC(s.aug_op, lhs, EmitAs(*s.value, operand), operand, operand);
    const std::string stored = tt == operand ? expr : fmt::format("pyxx::to_complex<{}>({})", part, expr);
    Line(StoreLine(global ? read.place : current, stored, global));
    return;
  }
  if (tt.IsPointer()) {
    // `p += n`: pointer arithmetic on a variable, an element or a field (one of a
    // module-level variable read once before the value, then stored).
    const char* op = s.aug_op == syntax::BinaryOp::Add ? "+" : "-";
    if (IsCGlobalPlace(target)) {
      const CGlobalRead read = ReadCGlobalPlace(target, tt);
      Line(StoreLine(read.place, fmt::format("{} {} {}", read.current, op, EmitAs(*s.value, Type::Of(TypeKind::SSizeT))),
                     true));
      return;
    }
    std::string name = EmitExpr(target).text;
    Line(fmt::format("{0} = {0} {1} {2};", name, op, EmitAs(*s.value, Type::Of(TypeKind::SSizeT))));
    return;
  }
  // C values: target = target op value, with Python semantics, the target evaluated once.
  Type result = checked::CommonArithmetic(tt, vt);
  if (s.aug_op == syntax::BinaryOp::TrueDiv) {
    result = result.IsFloating() ? result : Type::Of(TypeKind::Double);
  }
  if (s.aug_op == syntax::BinaryOp::LShift || s.aug_op == syntax::BinaryOp::RShift) {
    result = checked::Promote(tt);
  }
  bool literal_value = s.value->kind == Expr::Kind::Int;
  Type operand = literal_value && tt.IsInteger() ? checked::Promote(tt) : result;
  if (literal_value && tt.IsInteger()) {
    result = operand;
  }
  bool shift = s.aug_op == syntax::BinaryOp::LShift || s.aug_op == syntax::BinaryOp::RShift;
  const Type value_type = shift ? ShiftCountType(*s.value) : operand;
  const bool global = IsCGlobalPlace(target);
  auto store = [&](const std::string& lvalue, const std::string& current, const std::string& value) {
    std::string lhs = tt == operand ? current : fmt::format("static_cast<{}>({})", checked::SpellCpp(operand), current);
    std::string expr = EmitBinaryC(s.aug_op, lhs, value, operand, result);
    std::string stored =
        result == tt ? expr : fmt::format("{}<{}>({})", NumericCast(result, tt), checked::SpellCpp(tt), expr);
    Line(StoreLine(lvalue, stored, global));
  };
  const bool field = target.kind == Expr::Kind::Attribute &&
                     module_.Resolve(target).kind == Resolution::Kind::CClassField;
  if (target.kind == Expr::Kind::Subscript || target.kind == Expr::Kind::Attribute) {
    // The element (its indices and bounds check) first, then its value, then the value
    // of the right side, as Python reads them (`p[i]`, `s.x`: a C element or field; a
    // field of an extension type likewise).
    std::string map_lookup;  // a map's element: its lookup with the key held (emit_cpp_map.cpp)
    CppExpr element = field                                   ? EmitCClassField(target, true)
                      : global                                  ? EmitCGlobalPlace(target)
                      : IsCppMapElement(target)                 ? EmitCppMapElementHeld(target, s.value.get(), map_lookup)
                      : TypeOf(target.object()).IsMemoryView() ? EmitMemoryViewElement(target)
                                                               : EmitExpr(target);
    std::string ref = Temp("ref");
    ++scope_temps_;
    Line(fmt::format("auto& {} = {};", ref, element.text));
    // A module-level variable's element is read once, before the value (which may store to it).
    std::string current =
        global ? Declare(checked::SpellCpp(tt), LoadCGlobal(CppExpr{ref}).text) : ref;
    size_t mark = out_.size();
    CppExpr value = ValueAs(*s.value, value_type);
    if ((value.effect & kWrites) != 0 && !global) {
      std::string statements = out_.substr(mark);
      out_.resize(mark);
      current = Declare(checked::SpellCpp(tt), ref);
      out_ += statements;
      if (!map_lookup.empty()) {
        // The value may have changed the map (`m[k] += m.erase(k)`): `ref` could
        // dangle, so the element is looked up again once the value is computed.
        value.text = Declare(checked::SpellCpp(value_type), value.text);
        ref = Declare("auto&", map_lookup);
      }
    }
    store(ref, current, value.text);
    return;
  }
  if (module_.Resolve(target).kind == Resolution::Kind::CGlobal) {
    // A module-level C variable: read once before the value (which may call a
    // function that stores to it), then stored, as Python reads the target first.
    std::string current = Declare(checked::SpellCpp(tt), EmitExpr(target).text);
    std::string lhs = tt == operand ? current : fmt::format("static_cast<{}>({})", checked::SpellCpp(operand), current);
    std::string expr = EmitBinaryC(s.aug_op, lhs, EmitAs(*s.value, value_type), operand, result);
    Line(CStore(target, result == tt ? expr
                                     : fmt::format("{}<{}>({})", NumericCast(result, tt), checked::SpellCpp(tt), expr)));
    return;
  }
  // A C local: nothing the value does can change it.
  std::string name = EmitExpr(target).text;
  store(name, name, EmitAs(*s.value, value_type));
}

auto Emitter::CStore(const Expr& target, const std::string& value) -> std::string {
  if (target.kind == Expr::Kind::Name && module_.Resolve(target).kind == Resolution::Kind::CGlobal) {
    if (TypeOf(target).IsMemoryView()) {
      return StoreLine(CGlobalName(target.name) + ".get()", value, false);  // with the GIL, as every use of it
    }
    if (TypeOf(target).IsObject()) {
      return fmt::format("{}.set({});", CGlobalName(target.name), value);  // an extension type variable (GIL held)
    }
    return StoreLine(CGlobalName(target.name), value, true);
  }
  return StoreLine(EmitExpr(target).text, value, false);
}

auto Emitter::StoreLine(const std::string& lvalue, const std::string& value, bool c_global) -> std::string {
  return c_global ? fmt::format("pyxx::c_global_store({}, {});", lvalue, value) : fmt::format("{} = {};", lvalue, value);
}

auto Emitter::ReadCGlobalPlace(const Expr& target, const Type& t) -> CGlobalRead {
  CGlobalRead read;
  read.place = Temp("ref");
  ++scope_temps_;
  Line(fmt::format("auto& {} = {};", read.place, EmitCGlobalPlace(target).text));
  read.current = Declare(checked::SpellCpp(t), LoadCGlobal(CppExpr{read.place}).text);
  return read;
}

void Emitter::OpenBranch(const std::function<CppExpr()>& cond, bool first, int& opened) {
  std::string head = "{";
  int saved_temps = scope_temps_;
  std::string statements = Capture([&] {
    if (cond) head = fmt::format("if ({}) {{", WithoutOuterParens(cond().text));
  });
  scope_temps_ = saved_temps;
  if (statements.empty()) {
    if (first) {
      Line(head);
    } else {
      out_.append(static_cast<size_t>(indent_), ' ');
      out_ += "} else " + head + "\n";
    }
  } else {
    // `elif c:` whose condition needs statements: `else { statements; if (c) {`.
    Line(first ? "{" : "} else {");
    out_ += statements;
    indent_ += 2;
    Line(head);
    ++opened;
  }
  indent_ += 2;
}

void Emitter::CloseChain(int opened) {
  Line("}");
  for (int i = 0; i < opened; ++i) {
    indent_ -= 2;
    Line("}");
  }
}

void Emitter::EmitIf(const Stmt& s) {
  int opened = 0;
  for (size_t i = 0; i < s.conditions.size(); ++i) {
    const Expr& c = *s.conditions[i];
    if (i > 0) {
      runtime_line_ = 0;  // an elif test runs after the tests before it, not after their blocks
    }
    OpenBranch([&] { return ConditionValue(c); }, i == 0, opened);
    CommitSite();
    runtime_line_ = 0;
    EmitBlock(s.blocks[i]);
    indent_ -= 2;
  }
  if (!s.else_block.empty()) {
    Line("} else {");
    indent_ += 2;
    runtime_line_ = 0;
    EmitBlock(s.else_block);
    indent_ -= 2;
  }
  CloseChain(opened);
}

void Emitter::EmitLoopElse(const Stmt& s, const std::string& flag) {
  if (flag.empty()) {
    return;
  }
  Line(fmt::format("if (!{}) {{", flag));
  indent_ += 2;
  runtime_line_ = 0;
  EmitBlock(s.else_block);
  indent_ -= 2;
  Line("}");
}

void Emitter::EmitWhile(const Stmt& s) {
  std::string flag = s.else_block.empty() ? "" : Temp("broke");
  if (!flag.empty()) {
    Line(fmt::format("bool {} = false;", flag));
  }
  // The test runs again after the block: its sites name their line.
  CommitSite();
  runtime_line_ = 0;
  std::string cond;
  int saved_temps = scope_temps_;
  // The test's temporaries are made again at each test: block-scoped `pyxx::Ref`s.
  std::string statements = Capture([&] { WithoutFrame([&] { cond = EmitCondition(*s.conditions[0]); }); });
  scope_temps_ = saved_temps;
  if (statements.empty()) {
    Line(fmt::format("while ({}) {{", WithoutOuterParens(cond)));
  } else {
    // The condition needs statements: they run before each test.
    Line("while (true) {");
    out_ += statements;
    Line(fmt::format("  if (!({})) break;", cond));
  }
  indent_ += 2;
  loop_flags_.push_back(flag);
  loop_slot_marks_.push_back(next_slot_);
  runtime_line_ = 0;
  EmitBlock(s.blocks[0]);
  loop_slot_marks_.pop_back();
  loop_flags_.pop_back();
  indent_ -= 2;
  Line("}");
  EmitLoopElse(s, flag);
}

void Emitter::EmitFor(const Stmt& s) {
  std::string flag = s.else_block.empty() ? "" : Temp("broke");
  Line("{");
  indent_ += 2;
  if (!flag.empty()) {
    Line(fmt::format("bool {} = false;", flag));
  }
  if (const auto& loop = module_.CRangeLoop(s)) {
    const Type& t = *loop;
    std::string ct = checked::SpellCpp(t);
    const Expr& call = *s.value;
    bool release = false;
    for (const auto& kw : call.keywords) {
      if (kw.name == "nogil" && kw.value->kind == Expr::Kind::Bool && kw.value->bool_value) {
        release = true;
      }
    }
    if (module_.Of(s).c_range_checked) {
      // A bound does not fit the loop variable: each bound keeps its own type
      // (a Python int becomes a long long), the count is Python's, and each
      // value is checked against the loop variable's type. Bounds in order.
      Type wide = Type::Of(t.IsSigned() || checked::IntegerBits(t.kind) < 64 ? TypeKind::LongLong : TypeKind::ULongLong);
      std::vector<Operand> bounds;
      for (const auto& a : call.args) {
        const Type& at = TypeOf(*a);
        bool literal =
            a->kind == Expr::Kind::Int || (a->kind == Expr::Kind::Unary && a->operand().kind == Expr::Kind::Int);
        Type bound_type = at.IsInteger() && !literal ? at : wide;
        bounds.push_back({checked::SpellCpp(bound_type), [this, &a, bound_type] { return ValueAs(*a, bound_type); }});
      }
      std::vector<std::string> parts;
      for (const CppExpr& v : EmitInOrder(bounds)) {
        parts.push_back(v.text);
      }
      if (parts.size() == 1) {
        parts.insert(parts.begin(), "0LL");
      }
      if (parts.size() == 2) {
        parts.push_back("1LL");
      }
      std::string r = Temp("range");
      std::string k = Temp("k");
      Line(fmt::format("const pyxx::CheckedRange<{}> {}{{{}, {}, {}, {}}};", ct, r, parts[0], parts[1], parts[2],
                       Site(call.range)));
      CommitSite();
      if (release) {
        Line("pyxx::ReleasedGil pyxx_nogil;  // prange(..., nogil=True); iterations run in order");
      }
      Line(fmt::format("for (unsigned long long {} = 0; {} < {}.count(); ++{}) {{", k, k, r, k));
      indent_ += 2;
      Line(CStore(*s.targets[0], fmt::format("{}.at({})", r, k)));
    } else {
      // range(start, stop, step): the arguments in order.
      std::vector<Operand> bounds;
      for (const auto& a : call.args) {
        bounds.push_back({ct, [this, &a, &t] { return ValueAs(*a, t); }});
      }
      std::vector<CppExpr> bound_values = EmitInOrder(bounds);
      std::string start = call.args.size() >= 2 ? bound_values[0].text : "0";
      std::string stop = bound_values[call.args.size() >= 2 ? 1 : 0].text;
      std::string k = Temp("k");
      std::string stop_var = Temp("stop");
      Line(fmt::format("const {} {} = {};", ct, stop_var, stop));
      if (release) {
        Line("pyxx::ReleasedGil pyxx_nogil;  // prange(..., nogil=True); iterations run in order");
      }
      CommitSite();
      const Expr* step = call.args.size() == 3 ? call.args[2].get() : nullptr;
      bool step_is_one = step == nullptr || (step->kind == Expr::Kind::Int && step->text == "1");
      bool step_is_minus_one = step != nullptr && step->kind == Expr::Kind::Unary &&
                               step->unary_op == syntax::UnaryOp::Neg &&
                               step->operand().kind == Expr::Kind::Int && step->operand().text == "1";
      if (step_is_one) {
        Line(fmt::format("for ({} {} = {}; {} < {}; ++{}) {{", ct, k, start, k, stop_var, k));
      } else if (step_is_minus_one && t.IsSigned()) {
        Line(fmt::format("for ({} {} = {}; {} > {}; --{}) {{", ct, k, start, k, stop_var, k));
      } else {
        std::string start_var = Temp("start");
        std::string step_var = Temp("step");
        std::string n = Temp("n");
        Line(fmt::format("const {} {} = {};", ct, start_var, start));
        Line(fmt::format("const {} {} = {};", ct, step_var, bound_values[2].text));
        Line(fmt::format("const size_t {} = pyxx::range_len<{}>({}, {}, {}, {});", n, ct, start_var, stop_var, step_var,
                         Site(call.range)));
        CommitSite();
        Line(fmt::format("for (size_t {}i = 0; {}i < {}; ++{}i) {{", k, k, n, k));
        Line(fmt::format("  const {} {} = static_cast<{}>(static_cast<size_t>({}) + {}i * static_cast<size_t>({}));", ct,
                         k, ct, start_var, k, step_var));
      }
      indent_ += 2;
      Line(CStore(*s.targets[0], k));
    }
  } else if (TypeOf(*s.value).IsVector()) {
    EmitVectorLoopHead(s);  // emit_cpp_vector.cpp
  } else if (TypeOf(*s.value).IsCppMap() || TypeOf(*s.value).IsCppSet()) {
    EmitCppContainerLoopHead(s);  // emit_cpp_map.cpp
  } else {
    std::string it = Temp("iter");
    std::string item = Temp("item");
    if (TypeOf(*s.value).IsMemoryView()) {
      Line(fmt::format("pyxx::Ref {} = {};", it, ViewIterator(*s.value, Site(s.value->range)).text));
    } else if (frame_on_) {
      // A slot, released after the loop by the statement.
      it = Declare("pyxx::Ref", fmt::format("pyxx::get_iter({}, {})", EmitPyObjectPtr(*s.value), Site(s.value->range)));
    } else {
      Line(fmt::format("pyxx::Ref {} = pyxx::get_iter({}, {});", it, EmitPyObjectPtr(*s.value), Site(s.value->range)));
    }
    CommitSite();
    runtime_line_ = 0;  // `next` runs again after the block
    const Expr& target = *s.targets[0];
    const Type& tt = TypeOf(target);
    const bool unpack = target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List;
    // A frame's item is a raw new reference handed to the target at once: no
    // `pyxx::Ref` (and no cleanup) living through the body.
    const bool raw_item = frame_on_ && !unpack;
    Line(raw_item ? fmt::format("while (PyObject* {} = pyxx::next({}.get(), {}).release()) {{", item, it, Site(s.value->range))
                  : fmt::format("while (pyxx::Ref {} = pyxx::next({}.get(), {})) {{", item, it, Site(s.value->range)));
    indent_ += 2;
    const int head_slots = next_slot_;
    if (unpack) {
      EmitUnpack(target, item + ".get()");
    } else {
      std::string v = raw_item ? fmt::format("pyxx::Ref::steal({})", item) : fmt::format("std::move({})", item);
      EmitStore(target, Convert({v, false}, Type::Object(), tt), tt, false);
    }
    DropSlotsFrom(head_slots);  // the target's temporaries, made at each iteration
  }
  loop_flags_.push_back(flag);
  loop_slot_marks_.push_back(next_slot_);
  runtime_line_ = 0;
  EmitBlock(s.blocks[0]);
  loop_slot_marks_.pop_back();
  loop_flags_.pop_back();
  indent_ -= 2;
  Line("}");
  EmitLoopElse(s, flag);
  indent_ -= 2;
  Line("}");
}

void Emitter::EmitWith(const Stmt& s, size_t item_index) {
  if (item_index == s.with_items.size()) {
    CommitSite();
    EmitBlock(s.blocks[0]);
    return;
  }
  const syntax::WithItem& item = s.with_items[item_index];
  if (item.kind == syntax::WithItem::Kind::Directive) {
    // A directive changes the code emitted for the block; nothing runs for it.
    std::optional<bool>* slot = item.directive == "boundscheck"  ? &with_boundscheck_
                                : item.directive == "wraparound" ? &with_wraparound_
                                : item.directive == "cdivision"  ? &with_cdivision_
                                : item.directive == "nonecheck"  ? &with_nonecheck_
                                                                 : nullptr;
    if (slot == nullptr) {
      EmitWith(s, item_index + 1);
      return;
    }
    std::optional<bool> saved = *slot;
    *slot = item.directive_value;
    EmitWith(s, item_index + 1);
    *slot = saved;
    return;
  }
  if (item.kind == syntax::WithItem::Kind::Parallel) {
    // A team of one thread: the block runs once, here (its prange loops run in order).
    Line("{  // with parallel(): a team of one thread");
    indent_ += 2;
    if (item.condition) {
      Scoped([&] { Line(fmt::format("(void)({});", EmitAs(*item.condition, Type::Of(TypeKind::Int)))); });
    }
    EmitWith(s, item_index + 1);
    indent_ -= 2;
    Line("}");
    return;
  }
  checked::WithEffect effect = module_.WithEffectOf(s, item_index);
  Line("{");
  indent_ += 2;
  // An item may span lines: the comment gets it on one line.
  std::string comment = "  // with ";
  for (char c : source_.Slice(item.range)) {
    bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '\f' || c == '\v';
    if (!space) {
      comment += c;
    } else if (comment.back() != ' ') {
      comment += ' ';
    }
  }
  comment += ":";
  switch (effect) {
    case checked::WithEffect::None:
      break;
    case checked::WithEffect::Release:
      Line("pyxx::ReleasedGil pyxx_nogil;" + comment);
      break;
    case checked::WithEffect::Acquire:
      // Inside `with nogil:`, a slot released after this block would be released without the GIL.
      Line("pyxx::AcquiredGil pyxx_gil;" + comment);
      WithoutFrame([&] { EmitWith(s, item_index + 1); });
      indent_ -= 2;
      Line("}");
      return;
    case checked::WithEffect::ReleaseIf:
      Line(fmt::format("pyxx::ReleasedGilIf pyxx_nogil({});{}", EmitCondition(*item.condition), comment));
      break;
    case checked::WithEffect::AcquireIf:
      Line(fmt::format("pyxx::AcquiredGilIf pyxx_gil({});{}", EmitCondition(*item.condition), comment));
      WithoutFrame([&] { EmitWith(s, item_index + 1); });
      indent_ -= 2;
      Line("}");
      return;
    case checked::WithEffect::ContextManager:
      EmitWithContextManager(s, item_index, comment);
      indent_ -= 2;
      Line("}");
      return;
  }
  EmitWith(s, item_index + 1);
  indent_ -= 2;
  Line("}");
}

// `with manager as target:` (see runtime/with.hpp): the manager, __enter__, then
// the target and the rest of the statement in a `try` whose `catch` hands the
// exception to __exit__; the guard calls __exit__ on every other way out.
void Emitter::EmitWithContextManager(const Stmt& s, size_t item_index, const std::string& comment) {
  const syntax::WithItem& item = s.with_items[item_index];
  std::string manager = Temp("manager");
  std::string guard = Temp("with");
  Line(fmt::format("pyxx::Ref {};{}", manager, comment));
  Scoped([&] { Line(fmt::format("{} = {};", manager, OwnedObject(*item.value))); });
  Line(fmt::format("pyxx::WithExit {};", guard));
  std::string entered;
  if (item.target) {
    entered = Temp("entered");
    Line(fmt::format("pyxx::Ref {} = {}.enter({}.get(), {});", entered, guard, manager, Site(item.range)));
  } else {
    Line(fmt::format("{}.enter({}.get(), {});", guard, manager, Site(item.range)));
  }
  const int slot_mark = next_slot_;
  Line("try {");
  indent_ += 2;
  if (item.target) {
    const Expr& target = *item.target;
    Scoped([&] {
      if (target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List) {
        EmitUnpack(target, entered + ".get()");
      } else {
        const Type& tt = TypeOf(target);
        std::string v = fmt::format("std::move({})", entered);
        EmitStore(target, Convert({v, false}, Type::Object(), tt), tt, false);
      }
    });
  }
  EmitWith(s, item_index + 1);
  indent_ -= 2;
  Line("} catch (...) {");
  if (const std::string clear = ClearFrameFrom(slot_mark); !clear.empty()) {
    Line("  " + clear);  // what the block held when the exception left it
  }
  Line(fmt::format("  {}.exit_exception(pyxx_source_file{});", guard, track_line_ ? ", &pyxx_site" : ""));
  Line("}");
}

void Emitter::EmitReturn(const Stmt& s) {
  const Type& rt = fn_->return_type;
  if (!s.value) {
    EmitReturnValue(rt.IsObject() ? "pyxx::Ref::borrow(Py_None)" : "");
    return;
  }
  if (rt.IsObject()) {
    CppExpr v = ConvertValue(ObjectValue(*s.value), AsObjectType(TypeOf(*s.value)), rt);
    // A temporary is a local `pyxx::Ref` (move-only): `return t;` moves it, and
    // `std::move(t)` would only prevent copy elision (-Wpessimizing-move); kept
    // for a finally block that jumps or for the single exit, it is moved there.
    const bool local_temp = v.ref_lvalue && v.text.rfind("pyxx_t", 0) == 0;
    // (A temporary in a frame slot is a `pyxx::Ref&`: moved as well.)
    EmitReturnValue(!local_temp                                                ? Owned(v)
                    : finally_exits_.empty() && !single_exit_ && !frame_on_ ? v.text
                                                                                : fmt::format("std::move({})", v.text));
    return;
  }
  EmitReturnValue(EmitAs(*s.value, rt));
}

void Emitter::EmitRaise(const Stmt& s) {
  if (!s.value) {
    if (track_line_) {
      Line(fmt::format("pyxx_site.line = {}_line;", handler_exceptions_.back()));
    }
    Line(fmt::format("pyxx::rethrow({}.get());", handler_exceptions_.back()));
    return;
  }
  // Where the GIL may not be held (the checker's fact), take it to evaluate the
  // exception and set it (its temporaries die in that block), then unwind.
  bool acquire = module_.GilOf(s) != checked::GilState::Held;
  int saved_temps = scope_temps_;
  if (acquire) {
    Line("{");
    indent_ += 2;
    Line("pyxx::AcquiredGil pyxx_gil;");
  }
  std::vector<Operand> operands{ObjectOperand(*s.value)};
  if (s.cause) {
    operands.push_back(ObjectOperand(*s.cause));
  }
  std::vector<CppExpr> v = EmitInOrder(operands);
  Line(fmt::format("pyxx::set_exception({}.get(), {});", v[0].text, s.cause ? v[1].text + ".get()" : "nullptr"));
  if (acquire) {
    indent_ -= 2;
    Line("}");
    scope_temps_ = saved_temps;
  }
  Line(fmt::format("pyxx::raise_python({});", Site(s.range)));
}

void Emitter::EmitDel(const Expr& target) {
  std::string site = Site(target.range);
  switch (target.kind) {
    case Expr::Kind::Name: {
      const checked::Resolution& r = module_.Resolve(target);
      if (r.kind == checked::Resolution::Kind::Local) {
        Line(fmt::format("pyxx::unbind({}, {}, {});", LocalName(r.index), CppStringLiteral(target.name), site));
      } else if (r.kind == checked::Resolution::Kind::ClassName) {
        Line(fmt::format("pyxx::class_delete({}.ns(), {}, {});", class_builders_.back(), NameConstant(target.name), site));
      } else {
        Line(fmt::format("pyxx::delete_global(pyxx_module, {}, {});", NameConstant(target.name), site));
      }
      return;
    }
    case Expr::Kind::Tuple:
    case Expr::Kind::List:
      for (const auto& e : target.args) {
        EmitDel(*e);
      }
      return;
    case Expr::Kind::Subscript: {
      SubscriptOperands o = EmitSubscriptOperands(target, site);
      Line(fmt::format("pyxx::check_status(PyObject_DelItem({}.get(), {}), {});", o.values[0].text, o.key, site));
      return;
    }
    case Expr::Kind::Attribute:
      Line(fmt::format("pyxx::delete_attr({}, {}, {});", EmitPyObjectPtr(target.object()), NameConstant(target.name), site));
      return;
    default:
      return;
  }
}

void Emitter::EmitTry(const Stmt& s) {
  CommitSite();  // nothing of a `try` runs before its blocks
  if (s.finally_block.empty()) {
    EmitTryExcept(s);
    return;
  }
  if (module_.Of(s).finally_jumps) {
    EmitJumpingFinally(s);  // emit_finally.cpp
    return;
  }
  // The guard runs the finally block on a normal exit (including return, break
  // and continue); the catch runs it while an exception propagates.
  Line("{");
  indent_ += 2;
  std::string guard = Temp("finally");
  Line(fmt::format("pyxx::Finally {}([&] {{", guard));
  indent_ += 2;
  runtime_line_ = 0;
  if (const std::string clear = ClearFrameFrom(next_slot_); !clear.empty()) {
    Line(clear);  // what the `try` held when a return, a jump or an exception left it
  }
  EmitBlock(s.finally_block);
  runtime_line_ = 0;
  indent_ -= 2;
  Line("});");
  Line("try {");
  indent_ += 2;
  if (s.handlers.empty()) {
    EmitBlock(s.blocks[0]);
  } else {
    EmitTryExcept(s);
  }
  indent_ -= 2;
  Line("} catch (...) {");
  // The error's traceback entry for this function keeps the line it left the
  // `try` block from, whatever the finally block runs.
  Line(fmt::format("  {}.run_propagating(pyxx_source_file{});", guard, track_line_ ? ", &pyxx_site" : ""));
  Line("}");
  indent_ -= 2;
  Line("}");
}

void Emitter::EmitTryExcept(const Stmt& s) {
  std::string completed = s.else_block.empty() ? "" : Temp("completed");
  if (!completed.empty()) {
    Line(fmt::format("bool {} = false;", completed));
  }
  const int slot_mark = next_slot_;
  Line("try {");
  indent_ += 2;
  EmitBlock(s.blocks[0]);
  if (!completed.empty()) {
    Line(completed + " = true;");
  }
  indent_ -= 2;
  Line("} catch (...) {");
  indent_ += 2;
  runtime_line_ = 0;
  if (const std::string clear = ClearFrameFrom(slot_mark); !clear.empty()) {
    Line(clear);  // what the `try` block held when the exception left it
  }
  std::string exc = Temp("exception");
  if (track_line_) {
    // Re-raised, the error keeps the line it left the `try` block from as this
    // function's traceback entry, whatever the handler runs first.
    Line(fmt::format("const int {}_line = pyxx_site.line;", exc));
  }
  Line(fmt::format("pyxx::Ref {} = pyxx::catch_exception(pyxx_source_file);", exc));
  // The caught exception is sys.exc_info() in the clauses; one leaving them chains to it.
  Line(fmt::format("pyxx::HandledException {}_handled({}.get());", exc, exc));
  Line("try {");
  indent_ += 2;
  bool first = true;
  bool catch_all = false;
  int opened = 0;
  for (const auto& h : s.handlers) {
    LineDirective(h.range);
    stmt_.range = h.range;
    runtime_line_ = 0;
    std::function<CppExpr()> matches;
    if (h.type) {
      matches = [&] {
        CppExpr type = ObjectValue(*h.type);
        return CppExpr{fmt::format("pyxx::exception_matches({}.get(), {}.get())", exc, type.text)};
      };
    }
    OpenBranch(matches, first, opened);
    first = false;
    if (!h.name.empty()) {
      int local = -1;
      const std::vector<checked::Resolution>& in_class = module_.Of(s).bindings;
      const checked::Resolution* binding = nullptr;
      if (!in_class.empty()) {
        size_t named = 0;  // the handlers with `as` before this one
        for (const auto& other : s.handlers) {
          if (&other == &h) break;
          named += other.name.empty() ? 0 : 1;
        }
        binding = &in_class[named];
        local = binding->kind == checked::Resolution::Kind::Local ? binding->index : -1;
      } else if (fn_ != nullptr) {
        auto idx = fn_->local_index.find(h.name);
        local = idx != fn_->local_index.end() ? idx->second : -1;
      }
      // Python deletes the name when the clause is left, by any path.
      if (binding != nullptr && binding->kind == checked::Resolution::Kind::ClassName) {
        Line(fmt::format("pyxx::class_store({}.ns(), {}, {}.get(), {});", class_builders_.back(), NameConstant(h.name), exc,
                         StmtSite()));
        Line(fmt::format("pyxx::UnbindClassNameOnExit {}({}.ns(), {});", Temp("unbind"), class_builders_.back(),
                         NameConstant(h.name)));
      } else if (local >= 0) {
        Line(fmt::format("{} = pyxx::Ref::borrow({}.get());", LocalName(local), exc));
        Line(fmt::format("pyxx::UnbindOnExit {}({});", Temp("unbind"), LocalName(local)));
      } else {
        Line(fmt::format("pyxx::set_global(pyxx_module, {}, {}.get(), {});", NameConstant(h.name), exc, StmtSite()));
        Line(fmt::format("pyxx::UnbindGlobalOnExit {}(pyxx::globals_of(pyxx_module), \"{}\");", Temp("unbind"), h.name));
      }
    }
    handler_exceptions_.push_back(exc);
    runtime_line_ = 0;
    EmitBlock(h.body);
    handler_exceptions_.pop_back();
    indent_ -= 2;
    if (!h.type) {
      catch_all = true;
      break;
    }
  }
  if (!catch_all) {
    Line("} else {");
    if (track_line_) {
      Line(fmt::format("  pyxx_site.line = {}_line;", exc));
    }
    Line(fmt::format("  pyxx::rethrow({}.get());", exc));
  }
  CloseChain(opened);
  indent_ -= 2;
  Line("} catch (...) {");
  Line("  pyxx::HandledException::propagate();");
  Line("}");
  indent_ -= 2;
  Line("}");
  if (!completed.empty()) {
    Line(fmt::format("if ({}) {{", completed));
    indent_ += 2;
    runtime_line_ = 0;
    EmitBlock(s.else_block);
    indent_ -= 2;
    Line("}");
  }
}

void Emitter::EmitImport(const Stmt& s) {
  for (const auto& imp : s.imports) {
    std::string local = !imp.alias.empty() ? imp.alias : !imp.name.empty() ? imp.name : imp.module.substr(0, imp.module.find('.'));
    std::string value;
    if (imp.name.empty()) {
      // `import a.b as c` binds the submodule; `import a.b` binds the package `a`.
      value = imp.alias.empty() ? fmt::format("pyxx::import_module({}, {})", CppStringLiteral(imp.module), Site(imp.range))
                                : fmt::format("pyxx::check(PyImport_ImportModule({}), {})", CppStringLiteral(imp.module), Site(imp.range));
    } else {
      const std::vector<int>& kept = module_.Of(s).import_kept_cclass;
      if (const size_t i = &imp - s.imports.data(); i < kept.size() && kept[i] >= 0) {
        // The name of an extension type of the module keeps the type: nothing is bound.
        Line(fmt::format("pyxx::import_keeping_type({}, {}, {}, {});", CppStringLiteral(imp.module),
                         CppStringLiteral(imp.name), CClassTypeVar(module_.cclasses[static_cast<size_t>(kept[i])].name),
                         Site(imp.range)));
        continue;
      }
      value = fmt::format("pyxx::import_from({}, {}, {})", CppStringLiteral(imp.module), CppStringLiteral(imp.name), Site(imp.range));
    }
    const std::vector<checked::Resolution>& in_class = module_.Of(s).bindings;
    if (!in_class.empty()) {
      const checked::Resolution& r = in_class[&imp - s.imports.data()];
      if (r.kind == checked::Resolution::Kind::ClassName) {
        Line(fmt::format("pyxx::class_store({}.ns(), {}, {}.get(), {});", class_builders_.back(), NameConstant(local), value,
                         Site(imp.range)));
        continue;
      }
      if (r.kind == checked::Resolution::Kind::Local) {
        Line(fmt::format("{} = {};", LocalName(r.index), value));
        continue;
      }
    } else if (fn_ != nullptr) {
      auto idx = fn_->local_index.find(local);
      if (idx != fn_->local_index.end()) {
        Line(fmt::format("{} = {};", LocalName(idx->second), value));
        continue;
      }
    }
    Line(fmt::format("pyxx::set_global(pyxx_module, {}, {}.get(), {});", NameConstant(local), value, Site(imp.range)));
  }
}

}  // namespace pyxx::emit
