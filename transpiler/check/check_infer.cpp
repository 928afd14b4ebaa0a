// Inference of unannotated locals (spec §4): a local is C-typed when every value
// assigned to it is C-typed; literals adapt (`0` joins any integer type; alone
// they are `long`/`double`); it is an extension type when every value is an
// instance of that one type; otherwise it is a Python object. Locals can depend
// on each other (`c = a + b`), so this iterates to a fixed point.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "check/maybe_unbound.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

struct Accumulated {
  Type typed = Type::Error();
  bool any_typed = false;
  bool int_literal = false;
  bool float_literal = false;
  bool object = false;
  // The extension type of every object value so far (`b = Box(3)`), if they share one.
  std::string instance;
  bool other_object = false;
  // Some value is <error> because of a mistake reported elsewhere (not because it reads a
  // local inference has not typed yet): the local is <error> too, silently.
  bool poisoned = false;

  void Add(const Type& t) {
    if (t.IsError()) {
      return;
    }
    if (t.IsObject()) {
      if (t.IsExtension() && !other_object && (instance.empty() || instance == t.extension)) {
        instance = t.extension;
      } else {
        other_object = true;
      }
      object = true;
      return;
    }
    typed = any_typed ? Join(typed, t) : t;
    any_typed = true;
  }
  [[nodiscard]] auto Result() const -> Type {
    if (object || (any_typed && typed.IsObject())) {
      // Only instances of one extension type: the local is typed as it, as Cython
      // infers it, so its C fields and methods are used directly.
      const bool one_type = !other_object && !instance.empty() && !any_typed && !int_literal && !float_literal;
      return one_type ? Type::Instance(instance) : Type::Object();
    }
    if (any_typed) {
      if (float_literal && typed.IsInteger()) {
        return Type::Of(TypeKind::Double);
      }
      if ((int_literal || float_literal) && typed.IsComplex()) {
        return typed;  // `z = 0` and `z = w * 2j`: complex
      }
      if ((int_literal || float_literal) && (!typed.IsNumeric() || !typed.enum_name.empty())) {
        return Type::Object();  // a memoryview (a C enum) and a number: no single C type
      }
      return typed;
    }
    if (float_literal) {
      return Type::Of(TypeKind::Double);
    }
    if (int_literal) {
      return Type::Of(TypeKind::Long);
    }
    return Type::Error();
  }
};

auto IsFloatLiteral(const Expr& e) -> bool {
  if (e.kind == Expr::Kind::Float) {
    return true;
  }
  return e.kind == Expr::Kind::Unary && (e.unary_op == syntax::UnaryOp::Neg || e.unary_op == syntax::UnaryOp::Pos) &&
         e.operand().kind == Expr::Kind::Float;
}

}  // namespace

void Checker::InferLocals(int fn_index) {
  FunctionInfo& fn = out_.functions[fn_index];
  std::vector<const Stmt*> bindings;
  CollectBindings(fn.syntax->body, bindings);

  std::vector<int> pending;
  for (size_t i = 0; i < fn.locals.size(); ++i) {
    if (!fn.locals[i].is_param && declared_names_[fn_index].count(fn.locals[i].name) == 0) {
      pending.push_back(static_cast<int>(i));
    }
  }
  // A C local has no unbound state: one that a read may find unbound stays an
  // object, whose read raises UnboundLocalError as Python does.
  std::unordered_set<std::string> candidates;
  for (int idx : pending) {
    candidates.insert(fn.locals[idx].name);
  }
  const std::unordered_set<std::string> maybe_unbound =
      fn.kind == FunctionKind::Numba ? std::unordered_set<std::string>()
                                     : MaybeUnboundNames(fn.syntax->body, candidates);
  bool infer_return = fn.kind == FunctionKind::Numba && fn.return_type.IsError() &&
                      !fn.syntax->return_type && !fn.syntax->attrs.numba_return_type;

  diag::DiagnosticSink* saved_sink = sink_;
  sink_ = &quiet_sink_;
  inferring_ = true;
  current_fn_ = fn_index;

  std::unordered_map<std::string, Accumulated> acc;
  // The type of a value, and whether an <error> there is a reported mistake's poison.
  auto value_type = [&](const Expr& value, bool& poisoned) {
    read_untyped_local_ = false;
    Type t = CheckExpr(value);
    poisoned |= t.IsError() && !read_untyped_local_;
    return t;
  };
  poisoned_locals_.clear();
  for (int iteration = 0; iteration < 16; ++iteration) {
    acc.clear();
    auto add_value = [&](const Expr& target, const Expr* value, const Type* known) {
      if (target.kind != Expr::Kind::Name) {
        return;
      }
      Accumulated& a = acc[target.name];
      if (value != nullptr && IsIntLiteral(*value)) {
        a.int_literal = true;
      } else if (value != nullptr && IsFloatLiteral(*value)) {
        a.float_literal = true;
      } else if (known != nullptr) {
        a.Add(*known);
      } else if (value != nullptr) {
        a.Add(value_type(*value, a.poisoned));
      }
    };
    std::function<void(const Expr&, const Expr*)> bind = [&](const Expr& target, const Expr* value) {
      if (target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List) {
        auto starred = [](const Expr& list) {
          for (const auto& x : list.args) {
            if (x->kind == Expr::Kind::Starred) return true;
          }
          return false;
        };
        bool pairwise = value != nullptr && (value->kind == Expr::Kind::Tuple || value->kind == Expr::Kind::List) &&
                        value->args.size() == target.args.size() && !starred(target) && !starred(*value);
        if (value != nullptr && !pairwise && !starred(target)) {
          // `a, b = t` of a C tuple: each target gets its element's C type.
          bool poisoned = false;
          Type tuple = value_type(*value, poisoned);
          if (tuple.IsCTuple() && tuple.elements->size() == target.args.size()) {
            for (size_t i = 0; i < target.args.size(); ++i) {
              add_value(*target.args[i], nullptr, &(*tuple.elements)[i]);
            }
            return;
          }
        }
        for (size_t i = 0; i < target.args.size(); ++i) {
          const Expr& element = target.args[i]->kind == Expr::Kind::Starred ? target.args[i]->operand() : *target.args[i];
          if (pairwise) {
            bind(element, value->args[i].get());
          } else {
            Type object = Type::Object();  // `*rest` gets a list: an object too
            bind(element, nullptr);
            add_value(element, nullptr, &object);
          }
        }
        return;
      }
      if (value != nullptr) {
        add_value(target, value, nullptr);
      }
    };
    // `y := v`: as `y = v`; inside a comprehension `v` reads the comprehension's
    // variables, which have no type out here: `y` is an object there.
    syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
      syntax::ForEachWalrus(s, [&](const Expr& walrus, bool in_comprehension) {
        static const Type kObject = Type::Object();
        add_value(walrus.walrus_target(), &walrus.walrus_value(), in_comprehension ? &kObject : nullptr);
      });
    });
    for (const Stmt* s : bindings) {
      switch (s->kind) {
        case Stmt::Kind::Assign:
          if (auto divmod = PeekCDivmod(*s)) {
            for (const auto& t : s->targets[0]->args) {
              add_value(*t, nullptr, &*divmod);  // q, r = divmod(a, b) of C integers: C integers
            }
            break;
          }
          for (const auto& t : s->targets) {
            bind(*t, s->value.get());
          }
          break;
        case Stmt::Kind::AugAssign: {
          const Expr& t = *s->targets[0];
          if (t.kind != Expr::Kind::Name) {
            break;
          }
          int idx = LookupLocal(t.name);
          Type current = idx >= 0 ? fn.locals[idx].type : Type::Error();
          Type value = IsIntLiteral(*s->value) ? current : value_type(*s->value, acc[t.name].poisoned);
          Type result = Type::Error();
          if (current.IsObject() || value.IsObject()) {
            result = Type::Object();
          } else if ((current.IsComplex() || current.IsNumeric()) && (value.IsComplex() || value.IsNumeric()) &&
                     (current.IsComplex() || value.IsComplex())) {
            result = CommonComplex(current, value);
          } else if (current.IsNumeric() && value.IsNumeric()) {
            result = s->aug_op == syntax::BinaryOp::TrueDiv ? Join(Type::Of(TypeKind::Double), CommonArithmetic(current, value))
                                                             : CommonArithmetic(current, value);
          }
          acc[t.name].Add(result);
          break;
        }
        case Stmt::Kind::For: {
          const Expr& iter = *s->value;
          Type elem = Type::Object();
          const Expr* callee = iter.kind == Expr::Kind::Call ? &iter.callee() : nullptr;
          bool is_range = callee != nullptr &&
                          ((callee->kind == Expr::Kind::Name && callee->name == "range" && LookupLocal("range") < 0 &&
                            module_names_.count("range") == 0) ||
                           (callee->kind == Expr::Kind::DialectRef &&
                            syntax::IsPrange(callee->dialect)));
          if (is_range) {
            Accumulated range_acc;
            for (const auto& arg : iter.args) {
              if (IsIntLiteral(*arg)) {
                range_acc.int_literal = true;
              } else {
                range_acc.Add(CheckExpr(*arg));
              }
            }
            Type t = range_acc.Result();
            // `range(flag)` counts in ints: a bint counter could not be incremented.
            elem = t.kind == TypeKind::Bint ? Type::Of(TypeKind::Long)
                   : t.IsInteger()          ? t
                   : t.IsError()            ? Type::Error()
                                            : Type::Object();
          } else {
            bool poisoned = false;
            const Type iterated = value_type(iter, poisoned);
            if (iterated.IsError()) {
              elem = Type::Error();
            } else if (iterated.IsVector()) {
              elem = *iterated.target;  // as Cython infers a C++ container's items
            } else if (iterated.IsCppSet()) {
              elem = *iterated.target;
            } else if (iterated.IsCppMap()) {
              elem = Type::CppPairOf(*iterated.key, *iterated.target);
            }
            if (poisoned && s->targets[0]->kind == Expr::Kind::Name) {
              acc[s->targets[0]->name].poisoned = true;
            }
          }
          if (s->targets[0]->kind == Expr::Kind::Name) {
            acc[s->targets[0]->name].Add(elem);
          } else {
            bind(*s->targets[0], nullptr);
          }
          break;
        }
        case Stmt::Kind::With:
          for (const auto& item : s->with_items) {
            if (item.target && item.target->kind == Expr::Kind::Name) {
              acc[item.target->name].Add(Type::Object());
            } else if (item.target) {
              bind(*item.target, nullptr);  // `as (a, b)`: each name gets an object
            }
          }
          break;
        case Stmt::Kind::Try:
          for (const auto& h : s->handlers) {
            if (!h.name.empty()) {
              acc[h.name].Add(Type::Object());
            }
          }
          break;
        case Stmt::Kind::Function:
          acc[s->function->name].Add(Type::Object());  // a nested `def`: a function object
          break;
        case Stmt::Kind::Class:
          acc[s->name].Add(Type::Object());  // a class statement: the class
          break;
        case Stmt::Kind::Import:
          for (const auto& imp : s->imports) {
            std::string local = !imp.alias.empty() ? imp.alias
                                : !imp.name.empty() ? imp.name
                                                    : imp.module.substr(0, imp.module.find('.'));
            acc[local].Add(Type::Object());
          }
          break;
        default:
          break;
      }
    }
    bool changed = false;
    for (const auto& [name, a] : acc) {
      if (a.poisoned && poisoned_locals_.insert(name).second) {
        changed = true;  // reading it is no read of an untyped local: look again
      }
    }
    for (int idx : pending) {
      LocalVar& local = fn.locals[idx];
      Type t = acc[local.name].Result();
      // `@cython.infer_types(False)`: no C type is inferred; `(None)`: Cython's safe
      // inference, which keeps C integers out (their arithmetic could wrap).
      const auto inference = fn.kind == FunctionKind::Numba ? syntax::FunctionAttrs::Inference::Full
                                                            : fn.syntax->attrs.infer_types;
      if (!t.IsError() && (inference == syntax::FunctionAttrs::Inference::Off ||
                           (inference == syntax::FunctionAttrs::Inference::Safe && t.IsInteger() &&
                            t.kind != TypeKind::Bint))) {
        t = Type::Object();
      }
      if (!t.IsError() && !t.IsObject() && maybe_unbound.count(local.name) != 0) {
        t = Type::Object();
      }
      if (!(t == local.type)) {
        local.type = t;
        changed = true;
      }
    }
    if (infer_return) {
      Accumulated ret;
      bool any_value = false;
      syntax::ForEachStmtIn(fn.syntax->body, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::Return && s.value) {
          any_value = true;
          if (IsIntLiteral(*s.value)) {
            ret.int_literal = true;
          } else if (IsFloatLiteral(*s.value)) {
            ret.float_literal = true;
          } else {
            ret.Add(CheckExpr(*s.value));
          }
        }
      });
      Type t = any_value ? ret.Result() : Type::Of(TypeKind::Void);
      if (!(t == fn.return_type)) {
        fn.return_type = t;
        changed = true;
      }
    }
    if (!changed) {
      break;
    }
  }

  inferring_ = false;
  sink_ = saved_sink;
  current_fn_ = -1;

  unresolved_[fn_index].clear();
  for (int idx : pending) {
    if (fn.locals[idx].type.IsError() && !acc[fn.locals[idx].name].poisoned &&
        poisoned_locals_.count(fn.locals[idx].name) == 0) {
      unresolved_[fn_index].push_back(idx);  // PX114 unless the body explains it (see Run)
    }
  }
  if (infer_return && fn.return_type.IsObject()) {
    Report(Kind::NogilSignatureObject, fn.syntax->name_range, std::string("the inferred return type"), fn.name());
  }
  if (infer_return && fn.return_type.IsMemoryView()) {
    // Numba returns a NumPy array; a memoryview object would be a different value.
    Report(Kind::UnsupportedType, fn.syntax->name_range,
           std::string("returning an array from a Numba function (Numba returns a NumPy array)"));
    fn.return_type = Type::Error();
  }
}

}  // namespace pyxx::check
