// Statements: assignments, control flow, `with nogil`/`with gil`, returns, raises.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "check/class_stored_functions.h"
#include "check/leaving_jumps.h"
#include "syntax/constant_statement.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

// A module-level function stored as a class attribute behaves as Cython says: a
// function object binds as a method; with `@cython.binding(False)` it is a
// builtin function, which Cython does not bind either.
auto BindsAsMethod(const checked::FunctionInfo& f) -> bool {
  return f.bound_at_def || (f.syntax != nullptr && f.syntax->attrs.binding == false);
}

auto IsDeclareStatement(const Stmt& s) -> bool {
  return s.kind == Stmt::Kind::Expr && s.value->kind == Expr::Kind::Call &&
         s.value->callee().kind == Expr::Kind::DialectRef &&
         s.value->callee().dialect == syntax::DialectName::CythonDeclare && s.value->args.empty();
}

// Can every value of C integer type `from` be held by `to`?
auto IntegerTypeFits(const Type& from, const Type& to) -> bool {
  if (from.kind == TypeKind::Bint) {
    return true;
  }
  int fb = IntegerBits(from.kind);
  int tb = IntegerBits(to.kind);
  return from.IsSigned() == to.IsSigned() ? fb <= tb : (!from.IsSigned() && fb < tb);
}

// Does a `range` bound (or step) keep its value when converted to the loop
// variable's type, so that a plain C loop in that type runs Python's iterations?
auto RangeBoundFits(const Expr& e, const Type& bound, const Type& loop, bool is_step) -> bool {
  if (auto v = IntLiteralValue(e)) {
    return LiteralFits(*v, loop);
  }
  (void)is_step;
  return bound.IsInteger() && IntegerTypeFits(bound, loop);
}

}  // namespace

void Checker::CheckFunctionBody(int fn_index) {
  FunctionInfo& fn = out_.functions[fn_index];
  current_fn_ = fn_index;
  gil_stack_.clear();
  GilFrame frame;
  if (fn.nogil && !fn.with_gil) {
    frame.state = GilState::MaybeReleased;
    frame.from_function = true;
    frame.function_name = fn.name();
    frame.where = fn.syntax->def_range;
    for (const auto& d : fn.syntax->attrs.decorators) {
      if (d.name == syntax::DialectName::CythonNogil || d.name == syntax::DialectName::NumbaJit ||
          d.name == syntax::DialectName::NumbaNjit) {
        frame.where = d.range;
      }
    }
  }
  gil_stack_.push_back(frame);
  // Default values and decorators belong to the `def` statement: CheckDefStatement.
  loop_depth_ = 0;
  CheckBlock(fn.syntax->body);
  current_fn_ = -1;
}

void Checker::CheckModuleBody() {
  current_fn_ = -1;
  gil_stack_.clear();
  gil_stack_.push_back(GilFrame{});
  for (const auto& s : module_.body) {
    if (s->kind != Stmt::Kind::Function) {
      CheckStmt(*s);
    } else {
      CheckDefStatement(*s);
    }
  }
}

// What a `def` statement runs in the module's code, with the GIL: its decorators
// and its default values, in the module's scope.
void Checker::CheckDefStatement(const Stmt& s) {
  StmtFacts& facts = out_.Write(s);
  facts.gil = GilState::Held;
  facts.gil_recorded = true;
  int index = -1;
  if (s.function->fused_specialisation >= 0) {
    auto sit = out_.specialisation_index.find(s.function.get());
    index = sit != out_.specialisation_index.end() ? sit->second : -1;
  } else if (auto it = out_.function_index.find(s.function->name); it != out_.function_index.end()) {
    index = it->second;
  }
  if (index < 0 || out_.functions[index].syntax != s.function.get()) {
    return;  // a redefinition, reported
  }
  const FunctionInfo& fn = out_.functions[index];
  for (const Expr* d : fn.decorators) {
    gil_reported_in_stmt_ = false;
    CheckConvertible(*d, CheckExpr(*d), Type::Object());
  }
  for (size_t i = 0; i < fn.syntax->params.size(); ++i) {
    const auto& p = fn.syntax->params[i];
    if (!p.default_value) {
      continue;
    }
    if (fn.default_slots[i] < 0 && !IsConstantDefault(*p.default_value)) {
      continue;  // rejected where the function was declared
    }
    gil_reported_in_stmt_ = false;
    Type t = CheckExpr(*p.default_value);
    if (fn.default_slots[i] >= 0) {
      // Converted to the parameter's type once, when the `def` runs.
      if (fn.param_types[i].IsMemoryView()) {
        Report(Kind::UnsupportedExpression, p.default_value->range,
               std::string("a non-constant default value of a memoryview parameter"));
      } else {
        CheckConvertible(*p.default_value, t, Type::Object());
      }
    } else if (t.IsObject() && fn.param_types[i].IsNumeric()) {
      Report(Kind::TypeMismatch, p.default_value->range, Describe(t), Describe(fn.param_types[i]));
    } else {
      CheckConvertible(*p.default_value, t, fn.param_types[i]);
    }
  }
}

void Checker::CheckBlock(const syntax::Block& block) {
  std::vector<std::pair<int, std::optional<Type>>> restore;  // narrowed by guards: what each local was
  for (size_t i = 0; i < block.size(); ++i) {
    std::optional<std::pair<int, Type>> guard = IsinstanceGuard(block, i);
    if (!guard) {
      CheckStmt(*block[i]);
      continue;
    }
    // The guard's test is the C test against the type (as `if isinstance`); its branch as any.
    const Stmt& s = *block[i];
    const Expr& negation = *s.conditions[0];
    BeginStmt(s);
    CheckIsinstanceTest(negation.operand(), guard->second);
    Record(negation, Type::Of(TypeKind::Bint));
    CheckBlock(s.blocks[0]);
    Narrow(*guard, restore);
  }
  RestoreNarrowed(restore);
}

void Checker::Narrow(const std::pair<int, Type>& narrowing, std::vector<std::pair<int, std::optional<Type>>>& restore) {
  auto it = narrowed_.find(narrowing.first);
  restore.emplace_back(narrowing.first, it != narrowed_.end() ? std::optional<Type>(it->second) : std::nullopt);
  narrowed_[narrowing.first] = narrowing.second;
}

void Checker::RestoreNarrowed(const std::vector<std::pair<int, std::optional<Type>>>& restore) {
  for (auto r = restore.rbegin(); r != restore.rend(); ++r) {
    if (r->second) {
      narrowed_[r->first] = *r->second;
    } else {
      narrowed_.erase(r->first);
    }
  }
}

void Checker::BeginStmt(const Stmt& s) {
  gil_reported_in_stmt_ = false;
  if (!inferring_) {
    StmtFacts& facts = out_.Write(s);
    facts.gil = CurrentGil().state;
    facts.gil_recorded = true;
  }
}

void Checker::CheckStmt(const Stmt& s) {
  BeginStmt(s);
  if (out_.Write(s).c_type_declaration) {
    return;  // `Point = cython.struct(...)`: declared by DeclareCTypes
  }
  if (rejected_c_declarations_.count(&s) != 0) {
    return;  // a module-level C declaration already reported: nothing more to say about it
  }
  switch (s.kind) {
    case Stmt::Kind::Expr:
      // A docstring (or `...`) evaluates nothing: it is no object use, even without the GIL.
      if (!IsDeclareStatement(s) && !syntax::IsConstantStatement(s)) {
        Type t = CheckExpr(*s.value);
        if (t.IsObject()) {
          RequireGil(GilOp::DiscardObject, s.value->range);
        }
      }
      break;
    case Stmt::Kind::Assign:
    case Stmt::Kind::AnnAssign:
      CheckAssign(s);
      break;
    case Stmt::Kind::AugAssign:
      CheckAugAssign(s);
      break;
    case Stmt::Kind::If:
      for (size_t i = 0; i < s.conditions.size(); ++i) {
        gil_reported_in_stmt_ = false;
        // `if isinstance(x, T):` with T an extension type: `x` is a T in the branch.
        if (std::optional<std::pair<int, Type>> narrowed = IsinstanceNarrowing(*s.conditions[i], s.blocks[i])) {
          CheckIsinstanceTest(*s.conditions[i], narrowed->second);
          std::vector<std::pair<int, std::optional<Type>>> restore;
          Narrow(*narrowed, restore);
          CheckBlock(s.blocks[i]);
          RestoreNarrowed(restore);
          continue;
        }
        CheckCondition(*s.conditions[i]);
        // `if isinstance(x, T) and ...:`: the branch runs only when every test passed.
        std::vector<std::pair<int, std::optional<Type>>> restore;
        for (const auto& narrowing : ConjunctNarrowings(*s.conditions[i], s.blocks[i])) {
          Narrow(narrowing, restore);
        }
        CheckBlock(s.blocks[i]);
        RestoreNarrowed(restore);
      }
      CheckBlock(s.else_block);
      break;
    case Stmt::Kind::While:
      CheckCondition(*s.conditions[0]);
      ++loop_depth_;
      CheckBlock(s.blocks[0]);
      --loop_depth_;
      CheckBlock(s.else_block);
      break;
    case Stmt::Kind::For:
      CheckFor(s);
      break;
    case Stmt::Kind::Break:
    case Stmt::Kind::Continue:
      if (loop_depth_ == 0) {
        Report(Kind::MisplacedStatement, s.range, s.kind == Stmt::Kind::Break ? "break" : "continue", "a loop");
      }
      break;
    case Stmt::Kind::Pass:
      break;
    case Stmt::Kind::Return:
      CheckReturn(s);
      break;
    case Stmt::Kind::With:
      CheckWith(s, 0);
      break;
    case Stmt::Kind::Function:
      CheckNestedDef(s);
      break;
    case Stmt::Kind::Import:
      for (const auto& imp : s.imports) {
        RejectFrameImport(imp);  // check_frames.cpp
      }
      if (!RequireGil(GilOp::Import, s.range) && current_fn_ >= 0) {
        MarkRaises();
        MarkUsesModule();  // a name not local to the function is bound in the module
      }
      if (InClassBody() && !inferring_) {
        for (const auto& imp : s.imports) {
          out_.Write(s).bindings.push_back(*ClassBodyBinding(syntax::BoundName(imp), imp.range));
        }
      }
      break;
    case Stmt::Kind::Raise:
      CheckRaise(s);
      break;
    case Stmt::Kind::Try:
      CheckTry(s);
      break;
    case Stmt::Kind::Del:
      if (RequireGil(GilOp::Delete, s.range)) {
        break;
      }
      for (const auto& t : s.targets) {
        CheckDelTarget(*t);
      }
      MarkRaises();
      break;
    case Stmt::Kind::Assert: {
      CheckCondition(*s.value);
      if (s.message) {
        // The failure branch takes the GIL to build the message, as a `raise` does.
        gil_stack_.push_back(GilFrame{});
        CheckExpr(*s.message);
        gil_stack_.pop_back();
      }
      MarkRaises();
      break;
    }
    case Stmt::Kind::Global:
      if (current_fn_ < 0) {
        break;
      }
      for (const auto& n : s.names) {
        if (module_names_.count(n) == 0) {
          Report(Kind::UndefinedName, s.range, n);
        }
      }
      break;
    case Stmt::Kind::Nonlocal:
      break;  // resolved with the closures (ResolveClosures)
    case Stmt::Kind::Class:
      CheckClass(s);
      break;
    case Stmt::Kind::Print2:
    case Stmt::Kind::Exec2:
      break;  // reported by the syntax phase (PX004)
    case Stmt::Kind::Unsupported:
      if (s.coroutine) {
        Report(Kind::CoroutineSyntax, s.head_range.empty() ? s.range : s.head_range, s.description);
        break;
      }
      Report(Kind::UnsupportedStatement, s.head_range.empty() ? s.range : s.head_range, s.description);
      break;
  }
}

void Checker::CheckAssign(const Stmt& s) {
  if (s.kind == Stmt::Kind::AnnAssign) {
    const Expr& target = *s.targets[0];
    if (target.kind != Expr::Kind::Name) {
      Report(Kind::InvalidAssignmentTarget, target.range, "annotate anything but a plain name");
      return;
    }
    // At module level an annotation with a C type declares nothing: Cython 3
    // ignores it and the name is a Python global (`cython.declare` makes C globals).
    if (s.annotation && s.annotation->kind == syntax::TypeExpr::Kind::Invalid) {
      return;  // the annotation was rejected; the statement has no meaning to check further
    }
    if (s.annotation && (s.annotation->is_const || s.annotation->is_volatile) &&
        (current_fn_ < 0 || InClassBody())) {
      // A function's locals only (DeclareLocals checks those).
      Report(Kind::UnsupportedType, s.annotation->range,
             fmt::format("`cython.{}[...]` anywhere but on a local variable of a function",
                         s.annotation->is_const ? "const" : "volatile"));
      return;
    }
    if (!s.value && InClassBody()) {
      // Only recorded in the class's `__annotations__` (the emitter's `annotate`).
      out_.Write(target).resolution = Resolution{Resolution::Kind::ClassName, -1, target.name};
      return;
    }
    if (!s.value) {
      if (current_fn_ >= 0) {
        int idx = LookupLocal(target.name);
        if (idx >= 0 && out_.functions[current_fn_].locals[idx].type.IsObject()) {
          RequireGil(GilOp::ObjectLocal, target.range, fmt::format("`{}`", target.name));
        }
      }
      return;
    }
    Type v = CheckValueFor(*s.value, DeclaredTypeOfName(target).value_or(Type::Error()));
    CheckAssignTarget(target, v, s.value.get(), s.range);
    return;
  }
  // a, b = b, a + b: element-wise, right side first (no tuple is built).
  const Expr& value = *s.value;
  auto starred = [](const Expr& list) {
    for (const auto& x : list.args) {
      if (x->kind == Expr::Kind::Starred) return true;
    }
    return false;
  };
  bool pairwise = s.targets.size() == 1 && s.targets[0]->kind == Expr::Kind::Tuple &&
                  value.kind == Expr::Kind::Tuple && value.args.size() == s.targets[0]->args.size() &&
                  !starred(*s.targets[0]) && !starred(value);
  if (pairwise) {
    std::vector<Type> types;
    for (const auto& v : value.args) {
      types.push_back(CheckExpr(*v));
    }
    Record(value, Type::Error());
    for (size_t i = 0; i < types.size(); ++i) {
      CheckAssignTarget(*s.targets[0]->args[i], types[i], value.args[i].get(), s.range);
    }
    return;
  }
  if (CheckCDivmodAssign(s)) {
    return;
  }
  Type v = s.targets.size() == 1 ? CheckValueFor(value, DeclaredTypeOfName(*s.targets[0]).value_or(Type::Error()))
                                  : CheckExpr(value);
  view_store_target_ = s.targets.size() == 1 ? s.targets[0].get() : nullptr;
  for (const auto& t : s.targets) {
    CheckAssignTarget(*t, v, &value, s.range);
  }
  view_store_target_ = nullptr;
}

auto Checker::PeekCDivmod(const Stmt& s) const -> std::optional<Type> {
  if (s.kind != Stmt::Kind::Assign || !s.value) {
    return std::nullopt;
  }
  const Expr& value = *s.value;
  if (s.targets.size() != 1 || s.targets[0]->kind != Expr::Kind::Tuple || s.targets[0]->args.size() != 2 ||
      value.kind != Expr::Kind::Call || value.args.size() != 2 || !value.keywords.empty()) {
    return std::nullopt;
  }
  const Expr& callee = value.callee();
  if (callee.kind != Expr::Kind::Name || callee.name != "divmod" || LookupLocal("divmod") >= 0 ||
      module_names_.count("divmod") != 0 || out_.function_index.count("divmod") != 0) {
    return std::nullopt;
  }
  for (const auto& t : s.targets[0]->args) {
    if (t->kind == Expr::Kind::Starred) {
      return std::nullopt;
    }
  }
  std::optional<Type> a = PeekCNumber(*value.args[0]);
  std::optional<Type> b = PeekCNumber(*value.args[1]);
  if (!a || !b || a->IsFloating() || b->IsFloating()) {
    return std::nullopt;  // Python's divmod (floats too: its messages differ from `//`)
  }
  if (a->IsError() || b->IsError()) {
    return Type::Error();
  }
  Type la = IsIntLiteral(*value.args[0]) ? *b : *a;
  Type lb = IsIntLiteral(*value.args[1]) ? *a : *b;
  return CommonArithmetic(la, lb);
}

// `q, r = divmod(a, b)` on C integers: `a // b` and `a % b` in C (no tuple is built),
// so it needs no GIL; a zero divisor raises ZeroDivisionError as `//` does.
auto Checker::CheckCDivmodAssign(const Stmt& s) -> bool {
  std::optional<Type> result = PeekCDivmod(s);
  if (!result) {
    return false;
  }
  const Expr& value = *s.value;
  CheckExpr(*value.args[0]);
  CheckExpr(*value.args[1]);
  out_.Write(value.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "divmod"};
  if (!Cdivision()) {
    MarkRaises();  // ZeroDivisionError
  }
  Record(value, *result);
  Record(*s.targets[0], *result);
  for (const auto& t : s.targets[0]->args) {
    CheckAssignTarget(*t, *result, &value, s.range);
  }
  return true;
}

// `m = f` in a class body or `Cls.m = f` with `f` a module-level function
// that would not bind as a method: Python's function binds (`obj.m()` passes
// obj), a `@cython.ccall` function is a builtin function of the module, which
// does not. Reported; true when it was.
auto Checker::RejectNonBindingClassAttribute(const Expr* value) -> bool {
  if (value == nullptr || inferring_) {
    return false;
  }
  bool rejected = false;
  for (const Expr* name : StoredValueNames(*value)) {  // each function the store may put there
    if (out_.Resolve(*name).kind != Resolution::Kind::Function ||
        BindsAsMethod(out_.functions[out_.Resolve(*name).index])) {
      continue;
    }
    Report(Kind::UnsupportedExpression, name->range,
           fmt::format("the module-level function `{}` as a class attribute (it would not bind as a method; "
                       "write `staticmethod({})` or a `def` in the class that calls it)",
                       name->name, name->name));
    rejected = true;
  }
  return rejected;
}

void Checker::CheckAssignTarget(const Expr& target, const Type& value_type, const Expr* value, SourceRange) {
  switch (target.kind) {
    case Expr::Kind::Name: {
      std::optional<Resolution> in_class = ClassBodyBinding(target.name, target.range);
      if (in_class && in_class->kind == Resolution::Kind::ClassName) {
        // A class body's name: stored in its namespace.
        out_.Write(target).resolution = *in_class;
        Record(target, Type::Object());
        if (RequireGil(GilOp::AssignObject, target.range, fmt::format("to the class attribute `{}`", target.name))) {
          return;
        }
        if (RejectNonBindingClassAttribute(value)) {
          return;
        }
        if (value != nullptr) {
          CheckConvertible(*value, value_type, Type::Object());
        }
        return;
      }
      int idx = in_class ? in_class->index : LookupLocal(target.name);
      if (int g = idx < 0 ? LookupCGlobal(target.name) : -1; g >= 0) {
        // Module level, or a `global` name, that is a C global: stored like a C local.
        out_.Write(target).resolution = Resolution{Resolution::Kind::CGlobal, g, target.name};
        const Type& gt = out_.c_globals[g].type;
        Record(target, gt);
        if ((gt.IsMemoryView() || gt.IsObject()) && RequireGilForModuleView(target)) {
          return;
        }
        if (value != nullptr && !value_type.IsError()) {
          if (value_type.IsObject() && gt.IsNumeric()) {
            MarkRaises();  // the conversion of the object can fail
          }
          CheckConvertible(*value, value_type, gt);
        }
        return;
      }
      if (idx < 0) {
        // Module level, or a `global` name: a Python global.
        out_.Write(target).resolution = Resolution{Resolution::Kind::Global, -1, target.name};
        Record(target, Type::Object());
        MarkUsesModule();
        const size_t diagnostics_before = sink_->diagnostics().size();
        if (RequireGil(GilOp::AssignObject, target.range, fmt::format("to the global `{}`", target.name))) {
          HintAnnotatedGlobal(target.name, diagnostics_before);
          return;
        }
        if (value != nullptr) {
          CheckConvertible(*value, value_type, Type::Object());
        }
        return;
      }
      out_.Write(target).resolution = Resolution{Resolution::Kind::Local, idx, target.name};
      const Type& lt = out_.functions[current_fn_].locals[idx].type;
      Record(target, lt);
      if (lt.IsObject() && RequireGil(GilOp::ObjectLocal, target.range, fmt::format("`{}`", target.name))) {
        return;
      }
      if (value != nullptr) {
        CheckConvertible(*value, value_type, lt);
      }
      return;
    }
    case Expr::Kind::Tuple:
    case Expr::Kind::List: {
      if (value_type.IsCTuple()) {
        Record(target, value_type);
        CheckCTupleUnpack(target, value_type, value != nullptr ? value->range : target.range);
        return;
      }
      Record(target, Type::Object());
      if (value_type.IsError()) {
        return;
      }
      if (!value_type.IsObject()) {
        Report(Kind::TypeMismatch, value != nullptr ? value->range : target.range, Describe(value_type),
               fmt::format("{} targets", target.args.size()));
        return;
      }
      if (RequireGil(GilOp::Unpack, value != nullptr ? value->range : target.range)) {
        return;
      }
      MarkRaises();
      bool starred = false;
      for (const auto& t : target.args) {
        if (t->kind == Expr::Kind::Starred) {
          // `a, *rest = xs`: `rest` gets a list of what the other targets leave.
          if (starred) {
            Report(Kind::SyntaxError, t->range, ": multiple starred expressions in assignment");
            continue;
          }
          starred = true;
          Record(*t, Type::Object("list"));
          CheckAssignTarget(t->operand(), Type::Object("list"), nullptr, target.range);
          continue;
        }
        CheckAssignTarget(*t, Type::Object(), nullptr, target.range);
      }
      return;
    }
    case Expr::Kind::Starred:
      Report(Kind::SyntaxError, target.range, ": starred assignment target must be in a list or tuple");
      return;
    case Expr::Kind::Subscript: {
      Type elem = CheckSubscript(target);
      Record(target, elem);
      if (!elem.IsError() && RejectStoreThroughConst(target)) {
        return;
      }
      if (elem.IsMemoryView()) {
        CheckViewSliceStore(target, elem, value_type, value);
        return;
      }
      if (!elem.IsError() && value != nullptr) {
        CheckConvertible(*value, value_type, elem);
      }
      return;
    }
    case Expr::Kind::Attribute: {
      Type t = CheckAttribute(target);
      Record(target, t);
      if (!t.IsError() && RejectStoreThroughConst(target)) {
        return;
      }
      // A field of an extension type, `s.x = v`, `p.x = v` (a C store) take the field's
      // declared type; any other attribute an object.
      const Type& owner = TypeOf(target.object());
      if (owner.IsCppPair() && !t.IsError() && PeekCppPlaceType(target.object()) == nullptr) {
        Report(Kind::UnsupportedStatement, target.range,
               std::string("assigning a member of a `pair` that is not a variable"));
        return;
      }
      const bool field = owner.IsStruct() || owner.IsPointer() || owner.IsCppPair() ||
                         out_.Write(target).resolution.kind == Resolution::Kind::CClassField;
      if (target.object().kind == Expr::Kind::Name && class_names_.count(target.object().name) != 0 &&
          RejectNonBindingClassAttribute(value)) {
        return;  // `Cls.m = f`
      }
      if (!t.IsError() && value != nullptr) {
        CheckConvertible(*value, value_type, field ? t : Type::Object());
      }
      return;
    }
    default:
      Report(Kind::InvalidAssignmentTarget, target.range, UnassignableTarget(target, "assign to"));
      return;
  }
}

auto Checker::UnassignableTarget(const Expr& target, std::string_view verb) const -> std::string {
  if (target.kind == Expr::Kind::DialectRef) {
    // `cython = ...`, `prange = ...`: the dialect's names are fixed at compile time.
    return fmt::format("{} `{}`: it names part of the Cython or Numba dialect, which pyxx reads at compile time; "
                       "choose another name", verb, Text(target.range));
  }
  return fmt::format("{} this expression", verb);
}

void Checker::CheckDelTarget(const Expr& target) {
  switch (target.kind) {
    case Expr::Kind::Name: {
      std::optional<Resolution> in_class = ClassBodyBinding(target.name, target.range);
      if (in_class && in_class->kind == Resolution::Kind::ClassName) {
        out_.Write(target).resolution = *in_class;  // deleted from the class's namespace
        Record(target, Type::Object());
        return;
      }
      int idx = in_class ? in_class->index : LookupLocal(target.name);
      if (int g = idx < 0 ? LookupCGlobal(target.name) : -1; g >= 0) {
        Report(Kind::InvalidAssignmentTarget, target.range,
               fmt::format("delete a C variable (`{}` is {})", target.name, Describe(out_.c_globals[g].type)));
        return;
      }
      if (idx < 0) {
        out_.Write(target).resolution = Resolution{Resolution::Kind::Global, -1, target.name};
        Record(target, Type::Object());
        MarkUsesModule();
        return;
      }
      out_.Write(target).resolution = Resolution{Resolution::Kind::Local, idx, target.name};
      const Type& t = out_.functions[current_fn_].locals[idx].type;
      Record(target, t);
      if (out_.functions[current_fn_].locals[idx].free_slot >= 0) {
        // The enclosing function would not know that its variable may be unbound.
        Report(Kind::UnsupportedStatement, target.range, "`del` of a variable of an enclosing function");
        return;
      }
      if (!t.IsObject() && !t.IsError()) {
        Report(Kind::InvalidAssignmentTarget, target.range, fmt::format("delete a C variable (`{}` is {})",
                                                                         target.name, Describe(t)));
      }
      return;
    }
    case Expr::Kind::Tuple:
    case Expr::Kind::List:
      for (const auto& e : target.args) {
        CheckDelTarget(*e);
      }
      return;
    case Expr::Kind::Subscript: {
      Type t = CheckSubscript(target);
      Record(target, t);
      const Type& base = TypeOf(target.object());
      if (base.IsMemoryView()) {
        Report(Kind::InvalidAssignmentTarget, target.range, "delete a memoryview element");
      } else if (!base.IsObject() && !base.IsError() && !t.IsError()) {
        // A C array, pointer or C tuple keeps its elements (Cython: "Deletion of
        // non-Python, non-C++ object").
        Report(Kind::InvalidAssignmentTarget, target.range, fmt::format("delete an element of {}", Describe(base)));
      }
      return;
    }
    case Expr::Kind::Attribute:
      Record(target, CheckAttribute(target));
      if (out_.Write(target).resolution.kind == Resolution::Kind::CClassField) {
        Report(Kind::InvalidAssignmentTarget, target.range,
               fmt::format("delete field `{}` of an extension type (assign it instead)", target.name));
      }
      return;
    default:
      Report(Kind::InvalidAssignmentTarget, target.range, UnassignableTarget(target, "delete"));
  }
}

void Checker::CheckAugAssign(const Stmt& s) {
  const Expr& target = *s.targets[0];
  if (target.kind != Expr::Kind::Name && target.kind != Expr::Kind::Subscript && target.kind != Expr::Kind::Attribute) {
    Report(Kind::InvalidAssignmentTarget, target.range, UnassignableTarget(target, "assign to"));
    return;
  }
  Type tt = target.kind == Expr::Kind::Name ? CheckName(target)
            : target.kind == Expr::Kind::Subscript ? CheckSubscript(target)
                                                   : CheckAttribute(target);
  Record(target, tt);
  Type v = CheckExpr(*s.value);
  if (tt.IsError() || v.IsError() || RejectStoreThroughConst(target)) {
    return;
  }
  if (target.kind == Expr::Kind::Name && tt.IsObject() && out_.Resolve(target).kind == Resolution::Kind::CGlobal) {
    // A module-level extension type variable: stored with a type test, not through Python's in-place protocol.
    Report(Kind::UnsupportedStatement, s.range,
           fmt::format("an in-place operation on the module-level variable `{}` (write `{} = {} ...`)", target.name,
                       target.name, target.name));
    return;
  }
  if (target.kind == Expr::Kind::Attribute && TypeOf(target.object()).IsPointer() &&
      TypeOf(target.object()).target != nullptr && TypeOf(target.object()).target->py_buffer &&
      (target.name == "obj" || target.name == "readonly")) {
    // `buffer.obj += x`: its store counts references; `readonly` is a bint kept in a C int.
    Report(Kind::UnsupportedStatement, s.range,
           fmt::format("an in-place operation on `{}` (write `{} = {} ...`)", Text(target.range), Text(target.range),
                       Text(target.range)));
    return;
  }
  if (tt.IsPointer() && v.IsInteger() && (s.aug_op == syntax::BinaryOp::Add || s.aug_op == syntax::BinaryOp::Sub) &&
      tt.target != nullptr && !tt.target->IsVoid()) {
    return;  // `p += n`: pointer arithmetic
  }
  if (tt.IsObject() || v.IsObject()) {
    if (RequireGil(GilOp::Arithmetic, s.range)) {
      return;
    }
    if (!tt.IsObject()) {
      CheckConvertible(*s.value, Type::Object(), tt);
    }
    MarkRaises();
    return;
  }
  if (!tt.enum_name.empty() || !v.enum_name.empty()) {
    RejectEnumArithmetic(s.range, !tt.enum_name.empty() ? tt : v, "an in-place operation");
    return;
  }
  if (tt.IsComplex() && (v.IsNumeric() || v.IsComplex())) {
    const syntax::BinaryOp op = s.aug_op;
    if (op != syntax::BinaryOp::Add && op != syntax::BinaryOp::Sub && op != syntax::BinaryOp::Mul &&
        op != syntax::BinaryOp::TrueDiv && op != syntax::BinaryOp::Pow) {
      Report(Kind::InvalidOperands, s.range, "augmented assignment", fmt::format("{} and {}", Describe(tt), Describe(v)));
      return;
    }
    if (op == syntax::BinaryOp::Pow || (op == syntax::BinaryOp::TrueDiv && !Cdivision())) {
      MarkRaises();
    }
    return;
  }
  if (!tt.IsNumeric() || !v.IsNumeric()) {
    Report(Kind::InvalidOperands, s.range, "augmented assignment", fmt::format("{} and {}", Describe(tt), Describe(v)));
    return;
  }
  if (s.aug_op == syntax::BinaryOp::MatMul ||
      ((s.aug_op == syntax::BinaryOp::BitAnd || s.aug_op == syntax::BinaryOp::BitOr ||
        s.aug_op == syntax::BinaryOp::BitXor || s.aug_op == syntax::BinaryOp::LShift ||
        s.aug_op == syntax::BinaryOp::RShift) &&
       (!tt.IsInteger() || !v.IsInteger()))) {
    Report(Kind::InvalidOperands, s.range, "augmented assignment", fmt::format("{} and {}", Describe(tt), Describe(v)));
    return;
  }
  if (s.aug_op == syntax::BinaryOp::TrueDiv && tt.IsInteger()) {
    Report(Kind::TypeMismatch, s.range, "the result of `/` (a `cython.double`)", Describe(tt));
    return;
  }
  if (s.aug_op == syntax::BinaryOp::TrueDiv || s.aug_op == syntax::BinaryOp::FloorDiv ||
      s.aug_op == syntax::BinaryOp::Mod || s.aug_op == syntax::BinaryOp::Pow ||
      s.aug_op == syntax::BinaryOp::LShift || s.aug_op == syntax::BinaryOp::RShift) {
    MarkRaises();
  }
}

void Checker::CheckFor(const Stmt& s) {
  const Expr& iter = *s.value;
  const Expr& target = *s.targets[0];
  const Expr* callee = iter.kind == Expr::Kind::Call ? &iter.callee() : nullptr;
  bool is_prange = callee != nullptr && callee->kind == Expr::Kind::DialectRef &&
                   syntax::IsPrange(callee->dialect);
  bool is_range = is_prange || (callee != nullptr && callee->kind == Expr::Kind::Name && callee->name == "range" &&
                                LookupLocal("range") < 0 && module_names_.count("range") == 0);
  std::optional<Resolution> in_class =
      target.kind == Expr::Kind::Name ? ClassBodyBinding(target.name, target.range) : std::nullopt;
  int target_local = target.kind != Expr::Kind::Name ? -1 : in_class ? in_class->index : LookupLocal(target.name);
  // A module-level C variable may be the loop variable too (module code, or `global`).
  bool class_name = in_class && in_class->kind == Resolution::Kind::ClassName;
  int target_global =
      target.kind == Expr::Kind::Name && target_local < 0 && !class_name ? LookupCGlobal(target.name) : -1;
  Type target_type = target_local >= 0    ? out_.functions[current_fn_].locals[target_local].type
                     : target_global >= 0 ? out_.c_globals[target_global].type
                                          : Type::Object();
  if (target_global >= 0 && target_type.IsObject()) {
    Report(Kind::UnsupportedStatement, target.range,
           fmt::format("the module-level extension type variable `{}` as a loop variable", target.name));
    target_type = Type::Error();
  }
  bool pushed = false;

  if (is_range && target_type.IsError()) {
    // The loop variable's type is poisoned by a mistake reported already (an
    // untyped Numba parameter in a bound): nothing more to say about the loop.
    for (const auto& a : iter.args) {
      CheckExpr(*a);
    }
    Record(iter, Type::Error());
    CheckAssignTarget(target, Type::Error(), nullptr, s.range);
  } else if (is_range && !target_type.enum_name.empty()) {
    Report(Kind::TypeMismatch, target.range, "the integers of `range`", Describe(target_type));
    CheckAssignTarget(target, Type::Error(), nullptr, s.range);
  } else if (is_range && target_type.IsInteger()) {
    if (iter.args.empty() || iter.args.size() > 3) {
      Report(Kind::WrongArgumentCount, iter.range, "range", "1 to 3", "s", iter.args.size(),
             iter.args.size() == 1 ? "was" : "were");
      return;
    }
    bool release = false;
    for (const auto& kw : iter.keywords) {
      if (is_prange && kw.name == "nogil") {
        auto v = FoldCondition(*kw.value);
        if (!v) {
          Report(Kind::InvalidTypeUse, kw.value->range, std::string("`nogil=` of `prange` must be a constant: `True` or `False`"));
        }
        release = v.value_or(false);
      } else if (!is_prange || (kw.name != "schedule" && kw.name != "num_threads" && kw.name != "chunksize" &&
                                kw.name != "use_threads_if")) {
        Report(Kind::WrongArgumentCount, kw.name_range, is_prange ? "prange" : "range",
               fmt::format("no argument named `{}`;", kw.name), "", "it", "was");
      }
    }
    for (const auto& a : iter.args) {
      Type t = CheckExpr(*a);
      if (!t.IsError() && !t.IsInteger()) {
        if (t.IsObject()) {
          CheckConvertible(*a, t, target_type);
        } else {
          Report(Kind::TypeMismatch, a->range, Describe(t), "a `range` bound (a C integer)");
        }
      }
    }
    Record(iter, Type::Error());
    out_.Write(target).resolution = target_global >= 0
                                        ? Resolution{Resolution::Kind::CGlobal, target_global, target.name}
                                        : Resolution{Resolution::Kind::Local, target_local, target.name};
    Record(target, target_type);
    out_.Write(s).c_range_loop = target_type;
    // A bound the loop variable's type cannot hold: count and check in a wider type.
    for (size_t i = 0; i < iter.args.size(); ++i) {
      if (!RangeBoundFits(*iter.args[i], TypeOf(*iter.args[i]), target_type, i == 2)) {
        out_.Write(s).c_range_checked = true;
        MarkRaises();  // OverflowError
        break;
      }
    }
    if (iter.args.size() == 3 && !IsIntLiteral(*iter.args[2])) {
      MarkRaises();  // a zero step is a ValueError
    }
    if (release) {
      if (InNogil()) {
        auto b = Report(Kind::NestedNogil, iter.range, "prange(..., nogil=True)");
        AddReleaseNote(b);
      }
      gil_stack_.push_back(GilFrame{GilState::Released, iter.range, false, {}});
      pushed = true;
    }
  } else if (is_prange) {
    Report(Kind::TypeMismatch, target.range, Describe(target_type), "a `prange` loop variable (a C integer)");
    return;
  } else {
    Type it = CheckExpr(iter);
    if (it.IsMemoryView()) {
      // As Cython: the items of the Python object made of the view (elements or rows).
      if (CheckViewIteration(it, &target) && !RequireGil(GilOp::IterateView, iter.range)) {
        MarkRaises();
        CheckAssignTarget(target, Type::Object(), nullptr, s.range);
      }
    } else if (it.IsVector()) {
      // The elements by index (check_cpp_vector.cpp; emitted without iterators).
      if (target.kind != Expr::Kind::Name) {
        Report(Kind::UnsupportedStatement, target.range,
               std::string("a `for` over a `vector` with a target that is not a variable"));
      } else {
        CheckAssignTarget(target, *it.target, nullptr, s.range);
        if (!TypeOf(target).IsError()) {
          CheckConvertible(iter, *it.target, TypeOf(target));
        }
      }
    } else if (it.IsCppMap() || it.IsCppSet()) {
      CheckCppContainerLoop(s, it);  // check_cpp_map.cpp
    } else if (it.IsObject()) {
      if (!RequireGil(GilOp::Iterate, iter.range)) {
        MarkRaises();
        CheckAssignTarget(target, Type::Object(), nullptr, s.range);
      }
    } else if (!it.IsError()) {
      Report(Kind::InvalidOperands, iter.range, "for", Describe(it));
    }
  }
  ++loop_depth_;
  CheckBlock(s.blocks[0]);
  --loop_depth_;
  if (pushed) {
    gil_stack_.pop_back();
  }
  CheckBlock(s.else_block);
}

auto Checker::CheckViewIteration(const Type& view, const Expr* target) -> bool {
  // The rows of a view of 3+ dimensions are Python memoryviews of 2+ dimensions,
  // which Python cannot iterate (Cython's own view objects can): no unpacking them.
  bool unpacks = target != nullptr && (target->kind == Expr::Kind::Tuple || target->kind == Expr::Kind::List);
  if (unpacks && view.ndim >= 3) {
    Report(Kind::UnsupportedStatement, target->range,
           fmt::format("unpacking the rows of a {}-dimensional memoryview in a `for`", view.ndim));
    return false;
  }
  return true;
}

auto Checker::DedentedBody(const Stmt& s) -> std::string {
  if (s.blocks.empty() || s.blocks[0].empty()) {
    return "pass";
  }
  uint32_t first_line = source_.Locate(s.blocks[0].front()->range.begin).line;
  uint32_t last_line = source_.Locate(s.blocks[0].back()->range.end).line;
  uint32_t head_col = source_.Locate(s.range.begin).column - 1;
  uint32_t body_col = source_.Locate(s.blocks[0].front()->range.begin).column - 1;
  if (source_.Locate(s.range.begin).line == first_line) {
    return std::string(source_.Slice({s.blocks[0].front()->range.begin, s.blocks[0].back()->range.end}));
  }
  std::string out;
  for (uint32_t line = first_line; line <= last_line; ++line) {
    std::string_view text = source_.LineText(line);
    size_t strip = 0;
    while (strip < text.size() && strip < body_col - head_col && (text[strip] == ' ' || text[strip] == '\t')) {
      ++strip;
    }
    if (line != first_line) {
      out += '\n';
      out.append(head_col, ' ');
    }
    out += std::string(text.substr(line == first_line ? body_col : strip));
  }
  return out;
}

void Checker::CheckWith(const Stmt& s, size_t item_index) {
  if (item_index == s.with_items.size()) {
    CheckBlock(s.blocks[0]);
    return;
  }
  const syntax::WithItem& item = s.with_items[item_index];
  using WK = syntax::WithItem::Kind;
  bool pushed = false;
  WithEffect effect = WithEffect::None;
  if (item.kind == WK::Nogil || item.kind == WK::Gil) {
    bool release = item.kind == WK::Nogil;
    std::optional<bool> folded = true;
    if (item.condition) {
      folded = FoldCondition(*item.condition);
      if (!folded) {
        Type ct = CheckExpr(*item.condition);
        if (ct.IsObject()) {
          Report(Kind::TypeMismatch, item.condition->range, Describe(ct),
                 "a C condition (the GIL state cannot depend on a Python object)");
        } else if (!ct.IsNumeric() && !ct.IsError()) {
          Report(Kind::TypeMismatch, item.condition->range, Describe(ct), "a C condition");
        }
      }
    }
    bool single_line_body = s.with_items.size() == 1;
    if (folded && !*folded) {
      effect = WithEffect::None;
    } else if (release) {
      if (InNogil()) {
        auto b = Report(Kind::NestedNogil, item.range, Text(item.range));
        AddReleaseNote(b);
        if (single_line_body) {
          b.AddFixIt(s.range, DedentedBody(s));  // drop the redundant `with`
        }
      }
      effect = folded ? WithEffect::Release : WithEffect::ReleaseIf;
      gil_stack_.push_back(GilFrame{GilState::Released, item.range, false, {}});
      pushed = true;
    } else {
      if (!InNogil()) {
        auto b = Report(Kind::RedundantGil, item.range, Text(item.range));
        if (single_line_body && folded) {
          b.AddFixIt(s.range, DedentedBody(s));  // drop the redundant `with`
        }
      }
      effect = folded ? WithEffect::Acquire : WithEffect::AcquireIf;
      if (folded) {
        gil_stack_.push_back(GilFrame{});
        pushed = true;
      }
      // gil(cond) with a run-time condition: the body may run either way; check it as nogil.
    }
    out_.Write(s).with_effects.resize(s.with_items.size(), WithEffect::None);
    out_.Write(s).with_effects[item_index] = effect;
  } else if (item.kind == WK::Parallel) {
    // `with cython.nogil, parallel():` runs the block once, as a team of one thread
    // (pyxx runs prange loops in order on the calling thread): a legal OpenMP schedule.
    if (!InNogil()) {
      Report(Kind::MisplacedStatement, item.range, Text(item.range), "a block without the GIL (write `with cython.nogil, parallel():`)");
    }
    if (item.condition) {
      Type n = CheckExpr(*item.condition);
      if (!n.IsError() && !n.IsInteger()) {
        Report(Kind::TypeMismatch, item.condition->range, Describe(n), "a C integer number of threads");
      }
    }
  } else if (item.kind == WK::Directive) {
    // `with cython.cdivision(True):` applies to the block, as the decorator to a function.
    const std::string& d = item.directive;
    const bool v = item.directive_value;
    if (d == "boundscheck" || d == "wraparound" || d == "cdivision" || d == "nonecheck") {
      std::optional<bool>* slot = d == "boundscheck" ? &with_boundscheck_
                                  : d == "cdivision" ? &with_cdivision_
                                  : d == "nonecheck" ? &with_nonecheck_
                                                     : nullptr;
      if (slot == nullptr) {
        CheckWith(s, item_index + 1);  // wraparound only changes the emitted index code
        return;
      }
      std::optional<bool> saved = *slot;
      *slot = v;
      CheckWith(s, item_index + 1);
      *slot = saved;
      return;
    }
    // What pyxx generates already is what these ask for with these values.
    const bool no_op = d == "initializedcheck" || d == "annotation_typing" ||
                       (d == "infer_types" && v) ||
                       ((d == "overflowcheck" || d == "profile" || d == "linetrace") && !v);
    if (!no_op) {
      Report(Kind::UnsupportedStatement, item.range, fmt::format("the directive `with {}`", Text(item.range)));
    }
  } else {
    if (item.value && item.value->kind == Expr::Kind::Name && (item.value->name == "nogil" || item.value->name == "gil") &&
        LookupLocal(item.value->name) < 0 && module_names_.count(item.value->name) == 0) {
      auto b = Report(Kind::UndefinedName, item.value->range, item.value->name);
      b.AddNote(Kind::FixItHint, item.value->range,
                fmt::format("`{0}` comes from Cython: `from cython import {0}` (or write `cython.{0}`)", item.value->name));
      b.AddFixIt(item.value->range, "cython." + item.value->name);
    } else if (!RequireGil(GilOp::CallObject, item.range, "(a context manager)")) {
      Type t = CheckExpr(*item.value);
      if (!t.IsError()) {
        CheckConvertible(*item.value, t, Type::Object());
      }
      MarkRaises();
      if (item.target) {
        CheckAssignTarget(*item.target, Type::Object(), nullptr, item.range);
      }
      out_.Write(s).with_effects.resize(s.with_items.size(), WithEffect::None);
      out_.Write(s).with_effects[item_index] = WithEffect::ContextManager;
    }
  }
  CheckWith(s, item_index + 1);
  if (pushed) {
    gil_stack_.pop_back();
  }
}

void Checker::CheckReturn(const Stmt& s) {
  if (current_fn_ < 0) {
    Report(Kind::MisplacedStatement, s.head_range, "return", "a function");
    return;
  }
  const FunctionInfo& fn = out_.functions[current_fn_];
  const Type& rt = fn.return_type;
  if (!s.value) {
    if (rt.IsNumeric() || rt.IsComplex() || rt.IsMemoryView()) {
      Report(Kind::MissingReturnValue, s.range,
             fmt::format("`{}` returns {}: `return` needs a value", fn.name(), Describe(rt)));
    }
    return;
  }
  if (rt.IsVoid()) {
    Report(Kind::MissingReturnValue, s.value->range,
           fmt::format("`{}` returns `cython.void`: `return` cannot have a value", fn.name()));
    return;
  }
  Type v = CheckValueFor(*s.value, rt);
  if (v.IsError()) {
    return;
  }
  if (rt.IsObject() && fn.nogil && !fn.with_gil) {
    return;  // the signature is the root cause (PX205)
  }
  if (rt.IsObject() && RequireGil(v.IsObject() ? GilOp::ReturnObject : GilOp::ConvertToObject, s.value->range)) {
    return;
  }
  CheckConvertible(*s.value, v, rt);
}

void Checker::CheckRaise(const Stmt& s) {
  if (!s.value) {
    if (!RequireGil(GilOp::Reraise, s.range) && handler_depth_ == 0) {
      Report(Kind::MisplacedStatement, s.range, "raise", "an `except` block (there is no exception to re-raise)");
    }
    MarkRaises();
    return;
  }
  // `raise` takes the GIL for the whole statement (as Cython 3 does).
  gil_stack_.push_back(GilFrame{});
  Type t = CheckExpr(*s.value);
  if (!t.IsError() && !t.IsObject()) {
    Report(Kind::TypeMismatch, s.value->range, Describe(t), "an exception");
  }
  if (s.cause) {
    CheckExpr(*s.cause);
  }
  gil_stack_.pop_back();
  MarkRaises();
}

void Checker::CheckTry(const Stmt& s) {
  if (!s.handlers.empty() && RequireGil(GilOp::TryExcept, s.head_range)) {
    return;
  }
  CheckBlock(s.blocks[0]);
  for (const auto& h : s.handlers) {
    gil_reported_in_stmt_ = false;
    if (h.type) {
      Type t = CheckExpr(*h.type);
      if (!t.IsError() && !t.IsObject()) {
        Report(Kind::TypeMismatch, h.type->range, Describe(t), "an exception class");
      }
    }
    if (!h.name.empty()) {
      std::optional<Resolution> in_class = ClassBodyBinding(h.name, h.range);
      int idx = in_class ? in_class->index : LookupLocal(h.name);
      if (idx < 0) {
        MarkUsesModule();  // `except E as name` binds a global (or a class's name)
      }
      if (in_class && !inferring_) {
        out_.Write(s).bindings.push_back(*in_class);
      }
      if (idx >= 0 && !out_.functions[current_fn_].locals[idx].type.IsObject()) {
        Report(Kind::TypeMismatch, h.range, "an exception", Describe(out_.functions[current_fn_].locals[idx].type));
      } else if (int g = idx < 0 ? LookupCGlobal(h.name) : -1; g >= 0) {
        Report(Kind::TypeMismatch, h.range, "an exception", Describe(out_.c_globals[g].type));
      }
    }
    ++handler_depth_;
    CheckBlock(h.body);
    --handler_depth_;
  }
  if (!s.handlers.empty()) {
    MarkRaises();
  }
  CheckBlock(s.else_block);
  // A finally block that jumps out is emitted inline, and the jumps out of the
  // other blocks go through it (emit_finally.cpp).
  if (checked::JumpKinds leaving = LeavingJumps(s.finally_block); leaving.any()) {
    checked::StmtFacts& facts = out_.Write(s);
    facts.finally_jumps = true;
    facts.jumps_through = LeavingJumps(s.blocks[0]);
    for (const auto& h : s.handlers) {
      facts.jumps_through |= LeavingJumps(h.body);
    }
    facts.jumps_through |= LeavingJumps(s.else_block);
  }
  CheckBlock(s.finally_block);
}

// `dst[...] = src`, `dst[:, 0] = src[:, 1]`: a copy between views of one element
// type (extents checked at run time, broadcasting leading and extent-1
// dimensions as Cython does); `dst[:] = 3`: the value in every element. Neither
// needs the GIL; a Python object on the right is one value for every element.
void Checker::CheckViewSliceStore(const Expr& target, const Type& slice, const Type& value_type, const Expr* value) {
  if (&target != view_store_target_ || value == nullptr) {
    Report(Kind::UnsupportedStatement, target.range,
           std::string("assigning to a memoryview slice as one of several targets (assign it on its own)"));
    return;
  }
  if (value_type.IsError()) {
    return;
  }
  MarkRaises();  // differing extents, a None view
  if (value_type.IsMemoryView()) {
    if (!(ViewElement(value_type) == ViewElement(slice))) {
      Report(Kind::TypeMismatch, value->range, Describe(value_type),
             fmt::format("a slice of {} (a copy needs the same element type)", Describe(slice)));
    }
    return;
  }
  // A C value or a Python object (converted to the element type once, as Cython does).
  CheckConvertible(*value, value_type, ViewElement(slice));
}

}  // namespace pyxx::check
