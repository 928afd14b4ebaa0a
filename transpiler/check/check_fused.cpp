// Fused types in the checker. syntax/fused.cpp has made one ordinary function
// per specialisation; here calls pick one (from the argument types, as Cython
// does for calls between compiled functions, or from `f[cython.double]`), and
// diagnostics inside a specialisation say which one it is.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/fused.h"
#include "syntax/scalar_names.h"

namespace pyxx::check {
namespace {

// How well an argument fits a member (lower is better); kNoFit: not at all.
constexpr int kExact = 0;
constexpr int kLiteral = 1;
constexpr int kIntLiteralToFloating = 2;
constexpr int kConversion = 3;
constexpr int kNoFit = 99;

auto MemberType(const syntax::TypeExpr& member) -> Type {
  if (member.kind == syntax::TypeExpr::Kind::MemoryView) {
    Type t = Type::Of(TypeKind::MemoryView);
    t.element = member.element;
    t.ndim = member.ndim;
    t.contiguous_dim = member.contiguous_dim;
    return t;
  }
  if (member.kind == syntax::TypeExpr::Kind::Object) {
    return member.extension ? Type::Instance(member.object_name)
                            : Type::Object(member.object_name == "object" ? "" : member.object_name);
  }
  if (member.kind == syntax::TypeExpr::Kind::Pointer) {
    return Type::PointerTo(MemberType(*member.target));  // `cython.p_char`
  }
  return FromScalar(member.scalar);
}

// How many pointers `t` is made of (`cython.pp_int`: 2).
auto PointerDepth(const syntax::TypeExpr* t) -> int {
  int depth = 0;
  for (; t != nullptr && t->kind == syntax::TypeExpr::Kind::Pointer; t = t->target.get()) {
    ++depth;
  }
  return depth;
}

auto FusedNameOf(const syntax::Module& module, int fused) -> std::string {
  const std::string& name = module.fused_types[fused].name;
  return name;
}

}  // namespace

void Checker::ReportMisplacedFused(const syntax::TypeExpr& t) {
  if (!misplaced_fused_reported_.insert(t.range.begin).second || inferring_) {
    return;
  }
  Report(Kind::FusedTypeError, t.range,
         fmt::format("the fused type `{}` is used outside the signature of a function that has it: "
                     "only a module-level function or a method (a `def` one without decorators, a `@cython.cfunc` "
                     "one of an extension type) with a parameter of this fused type may use it (for its "
                     "parameters, locals and return value)",
                     FusedNameOf(module_, t.fused)));
}

void Checker::RejectUnsupportedFused(FunctionInfo& info) {
  const syntax::Function& fn = *info.syntax;
  const bool first = fn.fused_specialisation == 0;
  auto reject = [&](const std::string& what) {
    if (first) {
      Report(Kind::UnsupportedType, fn.def_range, fmt::format("fused types in {}", what));
    }
    for (Type& t : info.param_types) {
      t = Type::Error();
    }
    info.return_type = Type::Error();
  };
  if (info.kind == FunctionKind::Numba) {
    reject("a Numba function (Numba compiles one version per call signature itself)");
  } else if (!info.decorators.empty()) {
    reject("a function with Python decorators");
  } else if (std::any_of(info.default_slots.begin(), info.default_slots.end(), [](int s) { return s >= 0; }) ||
             std::any_of(fn.params.begin(), fn.params.end(), [&](const syntax::Param& p) {
               return p.default_value && !IsConstantDefault(*p.default_value);  // a method keeps its defaults
             })) {
    reject("a function whose default values are not literals");
  } else {
    for (const auto& p : fn.params) {
      if (p.kind != syntax::Param::Kind::Normal) {
        reject("a function with `*args` or `**kwargs`");
        break;
      }
    }
  }
  if (info.kind == FunctionKind::Def || info.kind == FunctionKind::CCall) {
    // Called from Python, a bytes argument picks the member whose Python type is
    // `bytes`: Cython sorts a C string and `bytes` in no documented order.
    for (int fused : module_.fused_functions[fn.fused_group].fused) {
      const auto& members = module_.fused_types[fused].members;
      const bool c_string = std::any_of(members.begin(), members.end(), syntax::IsCStringMember);
      const bool bytes = std::any_of(members.begin(), members.end(), [](const syntax::TypeExpr& m) {
        return m.kind == syntax::TypeExpr::Kind::Object && m.object_name == "bytes";
      });
      if (c_string && bytes) {
        if (first) {
          Report(Kind::FusedTypeError, fn.def_range,
                 fmt::format("`{}` is called from Python, but its fused type `{}` has both a C string member and "
                             "`bytes`: which of them a bytes argument picks is not defined in Cython; make it a "
                             "`@cython.cfunc` or leave one of them out",
                             fn.name, FusedNameOf(module_, fused)));
        }
        for (Type& t : info.param_types) {
          t = Type::Error();
        }
        info.return_type = Type::Error();
        break;
      }
    }
  }
}

auto Checker::FusedGroupNamed(const std::string& name) const -> const syntax::FusedFunction* {
  auto it = out_.function_index.find(name);
  if (it == out_.function_index.end()) {
    return nullptr;
  }
  int group = out_.functions[it->second].syntax->fused_group;
  return group >= 0 ? &module_.fused_functions[group] : nullptr;
}

auto Checker::PeekArgumentType(const Expr& e) -> std::optional<Type> {
  if (e.kind == Expr::Kind::Name) {
    bool comprehension_var = false;
    for (const auto& scope : comprehension_scopes_) {
      comprehension_var |= scope.count(e.name) != 0;
    }
    if (int idx = LookupLocal(e.name); idx >= 0 && !comprehension_var) {
      const Type& t = out_.functions[current_fn_].locals[idx].type;
      return t.IsError() || t.IsObject() ? std::nullopt : std::optional<Type>(t);
    }
    if (int g = LookupCGlobal(e.name); g >= 0) {
      return out_.c_globals[g].type;
    }
  }
  if (e.kind == Expr::Kind::Call && e.callee().kind == Expr::Kind::DialectRef &&
      (e.callee().dialect_path == "cython.cast" || e.callee().dialect_path == "cython.declare") && !e.args.empty()) {
    // `cython.cast(cython.short, 5)`: the type written.
    if (auto t = TypeFromExpr(*e.args[0]); t && !t->IsError()) {
      return t;
    }
  }
  if (e.kind == Expr::Kind::Call && e.callee().kind == Expr::Kind::DialectRef &&
      e.callee().dialect == DialectName::CythonAddress && e.args.size() == 1 && e.keywords.empty()) {
    // `cython.address(x)`: a pointer to what `x` is (for a `cython.pointer[T]` parameter).
    std::optional<Type> target = PeekArgumentType(*e.args[0]);
    return target && !target->IsMemoryView() ? std::optional<Type>(Type::PointerTo(*target)) : std::nullopt;
  }
  if (e.kind == Expr::Kind::Subscript && e.object().kind == Expr::Kind::Name) {
    // `v[i, j]`: an element of a view local, indexed in every dimension.
    std::optional<Type> view = PeekArgumentType(e.object());
    size_t indices = e.args.size() == 1 && e.args[0]->kind == Expr::Kind::Tuple ? e.args[0]->args.size() : e.args.size();
    bool slices = false;
    for (const auto& a : e.args) {
      slices |= a->kind == Expr::Kind::Slice || a->kind == Expr::Kind::Tuple;
    }
    if (view && view->IsMemoryView() && static_cast<int>(indices) == view->ndim && (!slices || e.args.size() == 1)) {
      bool all_plain = true;
      if (e.args.size() == 1 && e.args[0]->kind == Expr::Kind::Tuple) {
        for (const auto& a : e.args[0]->args) {
          all_plain &= a->kind != Expr::Kind::Slice && a->kind != Expr::Kind::Ellipsis;
        }
      } else {
        all_plain = !slices && e.args[0]->kind != Expr::Kind::Ellipsis;
      }
      if (all_plain) {
        return FromScalar(view->element);
      }
    }
  }
  auto t = PeekCNumber(e);
  return t && !t->IsError() ? t : std::nullopt;
}

namespace {

// `"double"`, `"int[:, ::1]"`: a member named by a string, as Cython's indexing takes it.
auto TypeFromString(const std::string& text) -> std::optional<Type> {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  size_t open = compact.find('[');
  auto scalar = syntax::CythonScalar(std::string_view(compact).substr(0, open));
  if (!scalar) {
    return std::nullopt;
  }
  if (open == std::string::npos) {
    return FromScalar(*scalar);
  }
  if (compact.back() != ']') {
    return std::nullopt;
  }
  Type t = Type::Of(TypeKind::MemoryView);
  t.element = *scalar;
  std::string dims = compact.substr(open + 1, compact.size() - open - 2);
  size_t start = 0;
  while (true) {
    size_t comma = dims.find(',', start);
    std::string dim = dims.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (dim == "::1") {
      t.contiguous_dim = t.ndim;
    } else if (dim != ":") {
      return std::nullopt;
    }
    ++t.ndim;
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return t;
}

}  // namespace

auto Checker::PickSpecialisation(const Expr& call, const syntax::FusedFunction& group, size_t skip) -> int {
  const syntax::Function& first = *group.specialisations[0];
  // The argument each parameter binds (positional, then keywords by name).
  std::vector<const Expr*> bound(first.params.size(), nullptr);
  for (size_t i = 0; i < call.args.size() && i + skip < bound.size(); ++i) {
    if (call.args[i]->kind == Expr::Kind::Starred) {
      break;
    }
    bound[i + skip] = call.args[i].get();
  }
  for (const auto& k : call.keywords) {
    for (size_t i = 0; i < first.params.size(); ++i) {
      if (first.params[i].name == k.name) {
        bound[i] = k.value.get();
      }
    }
  }
  // A parameter left to its default: the default value decides, as in Cython.
  for (size_t i = skip; i < bound.size(); ++i) {
    if (bound[i] == nullptr && first.params[i].default_value) {
      bound[i] = first.params[i].default_value.get();
    }
  }
  std::vector<int> chosen;
  for (int fused : group.fused) {
    const auto& members = module_.fused_types[fused].members;
    // The worst fit of any argument, then the sum over them, decide.
    std::vector<int> score(members.size(), kExact);
    std::vector<int> total(members.size(), 0);
    bool any_argument = false;
    for (size_t i = 0; i < bound.size(); ++i) {
      if (group.param_fused[i] != fused || bound[i] == nullptr) {
        continue;
      }
      any_argument = true;
      const Expr& arg = *bound[i];
      std::optional<Type> at = PeekArgumentType(arg);
      // `x: T[:, ::1]` with C number members: a view whose element is the member.
      const auto& written = first.params[i].annotation;
      const bool view_of_fused = written && written->kind == syntax::TypeExpr::Kind::MemoryView &&
                                 members[0].kind == syntax::TypeExpr::Kind::Scalar;
      for (size_t m = 0; m < members.size(); ++m) {
        Type want = MemberType(members[m]);
        if (view_of_fused) {
          want = Type::Of(TypeKind::MemoryView);
          want.element = members[m].scalar;
          want.ndim = written->ndim;
          want.contiguous_dim = written->contiguous_dim;
        }
        // `x: cython.pointer[T]`: a pointer (to a pointer ...) to the member; only an exact match fits.
        // (`written` is the first specialisation's: the pointers beyond its member's own.)
        const int pointers = PointerDepth(written ? &*written : nullptr) - PointerDepth(&members[0]);
        for (int k = 0; k < pointers; ++k) {
          want = Type::PointerTo(want);
        }
        int s = kNoFit;
        if (arg.kind == Expr::Kind::String && pointers == 0) {
          // A string literal is a `bytes` or `str` object (its own type fits exactly), and
          // converts to a C string, as Cython's overload resolution takes it.
          const std::string own = arg.is_bytes ? "bytes" : "str";
          s = want.IsObject() && !want.IsExtension() && want.object_name == own ? kExact
              : want.IsObject() && want.object_name.empty() && !want.IsExtension() ? kConversion
              : want.IsPointer() && want.IsCString()                               ? kLiteral
                                                                                   : kNoFit;
        } else if (want.IsObject()) {
          // A Python object member: an object argument fits `object` (or its own
          // declared type exactly); a C value converts to `object` only.
          const bool plain = want.object_name.empty() && !want.IsExtension();
          std::optional<Type> declared = at ? std::nullopt : DeclaredTypeOfName(arg);
          const bool object_arg = !at && declared && declared->IsObject();
          if (object_arg && want.IsExtension()) {
            s = declared->IsExtension() && (declared->extension == want.extension ||
                                            out_.IsSubclass(declared->extension, want.extension))
                    ? kExact
                    : kNoFit;
          } else if (object_arg && !plain) {
            s = !declared->IsExtension() && declared->object_name == want.object_name ? kExact : kNoFit;
          } else {
            s = !at ? (plain ? kConversion : kNoFit) : (plain && ConvertibleToObject(*at) ? kConversion : kNoFit);
          }
        } else if (!at) {
          s = kNoFit;  // a Python object: Cython too needs the C type to pick at compile time
        } else if (*at == want) {
          s = kExact;
        } else if (want.IsMemoryView() && at->IsMemoryView()) {
          s = at->element == want.element && at->ndim == want.ndim && want.contiguous_dim < 0 ? kLiteral : kNoFit;
        } else if (want.IsMemoryView() || at->IsMemoryView()) {
          s = kNoFit;
        } else if (IsIntLiteral(arg) && want.IsInteger()) {
          auto v = IntLiteralValue(arg);
          s = v && LiteralFits(*v, want) ? kLiteral : kNoFit;
        } else if (arg.kind == Expr::Kind::Float && want.IsFloating()) {
          s = kLiteral;  // a literal number converts to any floating member
        } else if (IsIntLiteral(arg) && want.IsFloating()) {
          // An integer literal prefers an integer member it fits: Cython's overload
          // resolution ranks a conversion within integers before one to floating point.
          s = kIntLiteralToFloating;
        } else if ((at->IsNumeric() || at->IsComplex()) && (want.IsNumeric() || want.IsComplex()) &&
                   !(at->IsComplex() && !want.IsComplex())) {
          s = kConversion;
        }
        score[m] = std::max(score[m], s);
        total[m] += s;
      }
    }
    int best = -1;
    bool tie = false;
    for (size_t m = 0; m < members.size(); ++m) {
      if (best < 0 || score[m] < score[best] || (score[m] == score[best] && total[m] < total[best])) {
        best = static_cast<int>(m);
        tie = false;
      } else if (score[m] == score[best] && total[m] == total[best]) {
        tie = true;
      }
    }
    std::string options;
    for (size_t m = 0; m < members.size(); ++m) {
      options += (m == 0 ? "`" : ", `") + syntax::SpellFusedMember(members[m]) + "`";
    }
    const std::string& fname = group.name;
    if (!any_argument || score[best] == kNoFit || tie) {
      std::string why = !any_argument             ? "no argument is passed for a parameter of this fused type"
                        : score[best] == kNoFit ? "no member fits the argument types"
                                                : "several members fit the argument types equally";
      // A fused C method cannot be indexed (yet): its arguments' types must pick.
      const std::string fix = skip == 0 ? fmt::format("name it, as in `{}[{}](...)`", fname,
                                                      syntax::SpellFusedMember(members[0]))
                                        : fmt::format("give the arguments C types, as in `cython.cast({}, x)`",
                                                      syntax::SpellFusedMember(members[0]));
      Report(Kind::FusedTypeError, call.range,
             fmt::format("cannot choose the specialisation of `{}` for the fused type `{}` (one of {}): {}; {}", fname,
                         FusedNameOf(module_, fused), options, why, fix));
      return -1;
    }
    chosen.push_back(best);
  }
  for (size_t n = 0; n < group.choices.size(); ++n) {
    if (group.choices[n] == chosen) {
      return out_.specialisation_index.at(group.specialisations[n]);
    }
  }
  return -1;
}

auto Checker::PickIndexedSpecialisation(const Expr& subscript, const syntax::FusedFunction& group) -> int {
  std::vector<const Expr*> indices;
  for (const auto& a : subscript.args) {
    if (a->kind == Expr::Kind::Tuple) {
      for (const auto& item : a->args) {
        indices.push_back(item.get());
      }
    } else {
      indices.push_back(a.get());
    }
  }
  if (indices.size() != group.fused.size()) {
    Report(Kind::FusedTypeError, subscript.range,
           fmt::format("`{}` has {} fused type{} but is indexed with {} type{}", group.name, group.fused.size(),
                       group.fused.size() == 1 ? "" : "s", indices.size(), indices.size() == 1 ? "" : "s"));
    return -1;
  }
  std::vector<int> chosen;
  for (size_t k = 0; k < indices.size(); ++k) {
    const Expr& index = *indices[k];
    std::optional<Type> t;
    if (index.kind == Expr::Kind::String && !index.is_bytes) {
      // Cython also takes the type's name as a string: `func["double"]`.
      t = TypeFromString(index.text);
    } else {
      t = TypeFromExpr(index);
    }
    const auto& members = module_.fused_types[group.fused[k]].members;
    int found = -1;
    for (size_t m = 0; t && m < members.size(); ++m) {
      if (MemberType(members[m]) == *t) {
        found = static_cast<int>(m);
      }
    }
    if (found < 0) {
      std::string options;
      for (size_t m = 0; m < members.size(); ++m) {
        options += (m == 0 ? "`" : ", `") + syntax::SpellFusedMember(members[m]) + "`";
      }
      Report(Kind::FusedTypeError, index.range,
             fmt::format("`{}` is not a member of the fused type `{}` (one of {})", Text(index.range),
                         FusedNameOf(module_, group.fused[k]), options));
      return -1;
    }
    chosen.push_back(found);
  }
  for (size_t n = 0; n < group.choices.size(); ++n) {
    if (group.choices[n] == chosen) {
      return out_.specialisation_index.at(group.specialisations[n]);
    }
  }
  return -1;
}

void Checker::NoteSpecialisation(int fn_index, size_t diagnostics_before) {
  const syntax::Function& fn = *out_.functions[fn_index].syntax;
  if (fn.fused_group < 0) {
    return;
  }
  const syntax::FusedFunction& group = module_.fused_functions[fn.fused_group];
  const std::vector<int>& choice = group.choices[fn.fused_specialisation];
  std::string where;
  for (size_t k = 0; k < group.fused.size(); ++k) {
    where += fmt::format("{}`{}` is `{}`", k == 0 ? "" : " and ", FusedNameOf(module_, group.fused[k]),
                         syntax::SpellFusedMember(module_.fused_types[group.fused[k]].members[choice[k]]));
  }
  for (size_t i = diagnostics_before; i < sink_->diagnostics().size(); ++i) {
    sink_->Amend(i).AddNote(Kind::InFusedSpecialisation, fn.def_range, group.name, where);
  }
}

}  // namespace pyxx::check
