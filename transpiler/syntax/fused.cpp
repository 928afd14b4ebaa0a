// One copy of a function per combination of the members of its fused types (see fused.h).
#include "syntax/fused.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "syntax/c_data_syntax.h"
#include "syntax/dialect_names.h"
#include "syntax/scalar_names.h"

namespace pyxx::syntax {
namespace {

// Beyond this many specialisations a function is refused: the C++ would be huge.
constexpr size_t kMaxSpecialisations = 256;

// The fused types of one specialisation: fused type index -> the member it takes.
using Assignment = std::map<int, const TypeExpr*>;

class Specialiser {
 public:
  Specialiser(Module& module, const Assignment& assignment) : module_(module), assignment_(assignment) {}

  auto CloneFunction(const Function& fn) -> std::unique_ptr<Function> {
    auto out = std::make_unique<Function>();
    out->name = fn.name;
    out->unmangled_name = fn.unmangled_name;
    out->range = fn.range;
    out->name_range = fn.name_range;
    out->def_range = fn.def_range;
    for (const Param& p : fn.params) {
      Param q;
      q.name = p.name;
      q.range = p.range;
      if (p.annotation) {
        q.annotation = Type(*p.annotation);
      }
      q.default_value = Clone(p.default_value);
      q.kind = p.kind;
      q.keyword_only = p.keyword_only;
      q.positional_only = p.positional_only;
      out->params.push_back(std::move(q));
    }
    if (fn.return_type) {
      out->return_type = Type(*fn.return_type);
    }
    const FunctionAttrs& a = fn.attrs;
    FunctionAttrs& b = out->attrs;
    b.cfunc = a.cfunc;
    b.ccall = a.ccall;
    b.nogil = a.nogil;
    b.with_gil = a.with_gil;
    b.numba = a.numba;
    b.numba_nopython = a.numba_nopython;
    b.numba_nogil = a.numba_nogil;
    b.has_numba_signature = a.has_numba_signature;
    b.numba_signature_range = a.numba_signature_range;
    b.numba_param_types = a.numba_param_types;
    b.numba_return_type = a.numba_return_type;
    b.boundscheck = a.boundscheck;
    b.wraparound = a.wraparound;
    b.cdivision = a.cdivision;
    b.has_exceptval = a.has_exceptval;
    b.exceptval_value = Clone(a.exceptval_value);
    b.exceptval_check = a.exceptval_check;
    for (const auto& [name, type] : a.locals) {
      b.locals.emplace_back(name, Type(type));
    }
    if (a.returns) {
      b.returns = Type(*a.returns);
    }
    b.decorators = a.decorators;
    for (const ExprPtr& d : a.unknown_decorators) {
      b.unknown_decorators.push_back(Clone(d));
    }
    b.infer_types = a.infer_types;
    out->body = CloneBlock(fn.body);
    out->is_async = fn.is_async;
    out->genexpr = fn.genexpr;
    return out;
  }

 private:
  // A fused type replaced by its member in this specialisation.
  auto Type(const TypeExpr& t) -> TypeExpr {
    if (t.fused < 0) {
      return t;
    }
    auto it = assignment_.find(t.fused);
    if (it == assignment_.end()) {
      return t;  // not a fused type of the signature: the checker reports it
    }
    const TypeExpr& member = *it->second;
    if (t.kind == TypeExpr::Kind::Fused) {
      TypeExpr out = member;
      out.range = t.range;
      out.is_const = t.is_const;  // `cython.const[cython.floating]` stays const
      out.is_volatile = t.is_volatile;
      return out;
    }
    if (t.kind == TypeExpr::Kind::Pointer) {
      // A pointer to a fused type: to the member (a C number, checked by ExpandFusedFunctions).
      TypeExpr out = t;
      out.fused = -1;
      out.target = std::make_shared<TypeExpr>(Type(*t.target));
      return out;
    }
    // A memoryview of a fused element: the member must be a C number.
    TypeExpr out = t;
    out.fused = -1;
    if (member.kind != TypeExpr::Kind::Scalar) {
      out.kind = TypeExpr::Kind::Invalid;  // reported by ExpandFusedFunctions
      return out;
    }
    out.element = member.scalar;
    return out;
  }

  auto NewExpr(Expr::Kind kind, SourceRange range) -> ExprPtr {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->range = range;
    e->id = static_cast<ExprId>(module_.expr_count++);
    return e;
  }

  // The member a fused type stands for here, when `e` names one of the signature's.
  auto MemberNamed(const Expr& e) const -> const TypeExpr* {
    for (size_t i = 0; i < module_.fused_types.size(); ++i) {
      const FusedTypeDef& def = module_.fused_types[i];
      const bool named = (e.kind == Expr::Kind::Name && e.name == def.name) ||
                         (e.kind == Expr::Kind::DialectRef && e.dialect_path == def.name);
      if (named) {
        auto it = assignment_.find(static_cast<int>(i));
        return it != assignment_.end() ? it->second : nullptr;
      }
    }
    return nullptr;
  }

  auto Clone(const ExprPtr& p) -> ExprPtr { return p ? Clone(*p) : nullptr; }

  auto Clone(const Expr& e) -> ExprPtr {
    if (const TypeExpr* member = MemberNamed(e); member != nullptr && member->kind == TypeExpr::Kind::Scalar) {
      // `cython.cast(T, x)`, `T is cython.double`: the member's dialect name.
      ExprPtr out = NewExpr(Expr::Kind::DialectRef, e.range);
      out->dialect_path = "cython." + std::string(CythonName(member->scalar));
      out->dialect = ClassifyDialectPath(out->dialect_path);
      return out;
    }
    if (const TypeExpr* member = MemberNamed(e); member != nullptr && member->kind == TypeExpr::Kind::Pointer) {
      // `cython.cast(T, x)`, `T is cython.p_char`: the pointer's shorthand, `cython.p_char`.
      ExprPtr out = NewExpr(Expr::Kind::DialectRef, e.range);
      out->dialect_path = SpellFusedMember(*member);
      out->dialect = ClassifyDialectPath(out->dialect_path);
      return out;
    }
    if (const TypeExpr* member = MemberNamed(e); member != nullptr && member->kind == TypeExpr::Kind::Object) {
      // `T is object`, `cython.cast(T, x)`: `cython.object` for `object` (a type test
      // the folder decides), else the type's own name (`bytes`, an extension type).
      ExprPtr out = NewExpr(member->object_name == "object" ? Expr::Kind::DialectRef : Expr::Kind::Name, e.range);
      if (member->object_name == "object") {
        out->dialect_path = "cython.object";
        out->dialect = ClassifyDialectPath(out->dialect_path);
      } else {
        out->name = member->object_name;
        object_members_.insert(out.get());
      }
      return out;
    }
    ExprPtr out = NewExpr(e.kind, e.range);
    out->name = e.name;
    out->dialect_path = e.dialect_path;
    out->dialect = e.dialect;
    out->text = e.text;
    out->bool_value = e.bool_value;
    out->cython_compiled = e.cython_compiled;
    out->is_bytes = e.is_bytes;
    out->binary_op = e.binary_op;
    out->unary_op = e.unary_op;
    out->bool_op = e.bool_op;
    out->compare_ops = e.compare_ops;
    for (const ExprPtr& o : e.operands) {
      out->operands.push_back(Clone(o));
    }
    for (const ExprPtr& a : e.args) {
      out->args.push_back(Clone(a));
    }
    for (const Keyword& k : e.keywords) {
      out->keywords.push_back(Keyword{k.name, k.name_range, Clone(k.value)});
    }
    out->args_range = e.args_range;
    for (const ExprPtr& p : e.parts) {
      out->parts.push_back(Clone(p));
    }
    out->comprehension_kind = e.comprehension_kind;
    for (const ComprehensionClause& c : e.clauses) {
      ComprehensionClause d;
      d.range = c.range;
      d.target = Clone(c.target);
      d.iterable = Clone(c.iterable);
      for (const ExprPtr& cond : c.conditions) {
        d.conditions.push_back(Clone(cond));
      }
      out->clauses.push_back(std::move(d));
    }
    if (e.function) {
      out->function = CloneFunction(*e.function);
    }
    return out;
  }

  auto CloneBlock(const Block& block) -> Block {
    Block out;
    for (const StmtPtr& s : block) {
      if (s) {
        out.push_back(Clone(*s));
      }
    }
    return out;
  }

  auto Clone(const Stmt& s) -> StmtPtr {
    auto out = std::make_unique<Stmt>();
    out->kind = s.kind;
    out->range = s.range;
    out->head_range = s.head_range;
    out->id = static_cast<StmtId>(module_.stmt_count++);
    for (const ExprPtr& t : s.targets) {
      out->targets.push_back(Clone(t));
    }
    out->value = Clone(s.value);
    out->cause = Clone(s.cause);
    out->message = Clone(s.message);
    if (s.annotation) {
      out->annotation = Type(*s.annotation);
    }
    out->aug_op = s.aug_op;
    for (const ExprPtr& c : s.conditions) {
      out->conditions.push_back(Clone(c));
    }
    for (const Block& b : s.blocks) {
      out->blocks.push_back(CloneBlock(b));
    }
    out->else_block = CloneBlock(s.else_block);
    out->finally_block = CloneBlock(s.finally_block);
    out->has_else = s.has_else;
    out->has_finally = s.has_finally;
    for (const WithItem& w : s.with_items) {
      WithItem v;
      v.kind = w.kind;
      v.range = w.range;
      v.condition = Clone(w.condition);
      v.directive = w.directive;
      v.directive_value = w.directive_value;
      v.value = Clone(w.value);
      v.target = Clone(w.target);
      out->with_items.push_back(std::move(v));
    }
    for (const ExceptHandler& h : s.handlers) {
      ExceptHandler g;
      g.range = h.range;
      g.type = Clone(h.type);
      g.name = h.name;
      g.body = CloneBlock(h.body);
      out->handlers.push_back(std::move(g));
    }
    out->imports = s.imports;
    out->names = s.names;
    out->name = s.name;
    out->description = s.description;
    out->coroutine = s.coroutine;
    if (s.function) {
      out->function = CloneFunction(*s.function);
    }
    for (const ExprPtr& d : s.decorators) {
      out->decorators.push_back(Clone(d));
    }
    for (const ExprPtr& b : s.bases) {
      out->bases.push_back(Clone(b));
    }
    for (const Keyword& k : s.class_keywords) {
      out->class_keywords.push_back(Keyword{k.name, k.name_range, Clone(k.value)});
    }
    out->unmangled_name = s.unmangled_name;
    return out;
  }

  Module& module_;
  const Assignment& assignment_;
  // The names a Python object member was put in for (`T` -> `bytes`): type
  // tests on them are decided by the Folder.
  std::set<const Expr*> object_members_;

 public:
  [[nodiscard]] auto ObjectMembers() const -> const std::set<const Expr*>& { return object_members_; }
};

// ---- folding `T is cython.double` and dropping dead branches ----------------

// The type a type test's operand names, as a key to compare: a C number
// (`cython.double`, or a bare name as Cython reads the operands of `is` between
// types: `int`, `long`) "double"; a pointer (`cython.p_char`, `p_char`)
// "p_char"; `object`; a builtin type (`bytes`, `unicode` is `str`) "py:bytes".
// `own` is the name of the Python type member the left operand stands for, if
// any: only the same name on the right is that type. Other names: nullopt.
auto TestedTypeKey(const Expr& e, const std::string& own = {}) -> std::optional<std::string> {
  std::string_view name;
  if (e.kind == Expr::Kind::DialectRef && e.dialect_path.rfind("cython.", 0) == 0) {
    name = std::string_view(e.dialect_path).substr(7);
    if (name == "object") {
      return std::string("object");
    }
  } else if (e.kind == Expr::Kind::Name) {
    name = e.name;
    if (name == "object") {
      return std::string("object");
    }
    if (name == "unicode") {
      return std::string("py:str");
    }
    if (name == "bool") {
      return std::string("bint");  // the builtin's C equivalent, as Cython reads a type there
    }
    static constexpr std::string_view kBuiltins[] = {"bytes", "str", "bytearray", "list", "dict",
                                                     "tuple", "set", "frozenset"};
    if (std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins) || name == own) {
      return "py:" + std::string(name);
    }
  } else {
    return std::nullopt;
  }
  if (auto scalar = CythonScalar(name)) {
    return std::string(CythonName(*scalar));
  }
  if (auto pointer = PointerShorthand(name)) {
    return std::string(static_cast<size_t>(pointer->first), 'p') + "_" + std::string(CythonName(pointer->second));
  }
  return std::nullopt;
}

// The key of a member of a fused type, as TestedTypeKey gives it.
auto MemberKey(const TypeExpr& member) -> std::string {
  if (member.kind == TypeExpr::Kind::Object) {
    return member.object_name == "object" ? "object" : "py:" + member.object_name;
  }
  std::string spelled = SpellFusedMember(member);
  return member.kind == TypeExpr::Kind::MemoryView ? "view:" + spelled : spelled.substr(7);  // drop "cython."
}

class Folder {
 public:
  Folder(Module& module, const std::set<int>& fused, const std::set<const Expr*>& object_members)
      : module_(module), fused_(fused), object_members_(object_members) {}

  void FoldBlock(Block& block) {
    Block out;
    for (StmtPtr& s : block) {
      if (!s) {
        continue;
      }
      FoldStmt(*s);
      if (s->kind == Stmt::Kind::If) {
        PruneIf(std::move(s), out);
      } else {
        out.push_back(std::move(s));
      }
    }
    block = std::move(out);
  }

 private:
  void FoldStmt(Stmt& s) {
    for (ExprPtr& t : s.targets) FoldExpr(t);
    FoldExpr(s.value);
    FoldExpr(s.cause);
    FoldExpr(s.message);
    for (ExprPtr& c : s.conditions) FoldExpr(c);
    for (Block& b : s.blocks) FoldBlock(b);
    FoldBlock(s.else_block);
    FoldBlock(s.finally_block);
    for (WithItem& w : s.with_items) {
      FoldExpr(w.condition);
      FoldExpr(w.value);
      FoldExpr(w.target);
    }
    for (ExceptHandler& h : s.handlers) {
      FoldExpr(h.type);
      FoldBlock(h.body);
    }
    if (s.function) {
      FoldBlock(s.function->body);
    }
  }

  void FoldExpr(ExprPtr& e) {
    if (!e) {
      return;
    }
    for (ExprPtr& o : e->operands) FoldExpr(o);
    for (ExprPtr& a : e->args) FoldExpr(a);
    for (Keyword& k : e->keywords) FoldExpr(k.value);
    for (ExprPtr& p : e->parts) FoldExpr(p);
    for (ComprehensionClause& c : e->clauses) {
      FoldExpr(c.iterable);
      for (ExprPtr& cond : c.conditions) FoldExpr(cond);
    }
    if (e->function) {
      FoldBlock(e->function->body);
    }
    if (auto value = TypeTest(*e)) {
      ExprPtr folded = std::make_unique<Expr>();
      folded->kind = Expr::Kind::Bool;
      folded->range = e->range;
      folded->bool_value = *value;
      folded->cython_compiled = true;  // a compile-time constant, as `cython.compiled`
      folded->id = e->id;
      e = std::move(folded);
    }
  }

  // `A is B`, `A is not B` between types, `A in T` / `A not in T` for a fused `T`.
  auto TypeTest(const Expr& e) const -> std::optional<bool> {
    if (e.kind == Expr::Kind::Unary && e.unary_op == UnaryOp::Not && e.operands[0]->kind == Expr::Kind::Bool &&
        e.operands[0]->cython_compiled) {
      return !e.operands[0]->bool_value;
    }
    if (e.kind == Expr::Kind::BoolOp) {
      bool all_constant = true;
      for (const ExprPtr& v : e.operands) {
        all_constant &= v->kind == Expr::Kind::Bool && v->cython_compiled;
      }
      if (all_constant) {
        bool value = e.bool_op == BoolOp::And;
        for (const ExprPtr& v : e.operands) {
          value = e.bool_op == BoolOp::And ? value && v->bool_value : value || v->bool_value;
        }
        return value;
      }
      return std::nullopt;
    }
    if (e.kind != Expr::Kind::Compare || e.compare_ops.size() != 1) {
      return std::nullopt;
    }
    const CompareOp op = e.compare_ops[0];
    const Expr& left = *e.operands[0];
    const Expr& right = *e.operands[1];
    // Only tests of a type written through `cython.` or of a fused type's member.
    const bool object_member = object_members_.count(&left) != 0;
    if (left.kind != Expr::Kind::DialectRef && !object_member) {
      return std::nullopt;
    }
    std::optional<std::string> left_key = TestedTypeKey(left, object_member ? left.name : std::string());
    if (!left_key) {
      return std::nullopt;
    }
    if (op == CompareOp::Is || op == CompareOp::IsNot) {
      // A Python type member against a name that is no type pyxx knows: the test runs.
      std::optional<std::string> right_key = TestedTypeKey(right, object_member ? left.name : std::string());
      if (!right_key) {
        return std::nullopt;
      }
      return (*left_key == *right_key) == (op == CompareOp::Is);
    }
    if (op == CompareOp::In || op == CompareOp::NotIn) {
      int fused = FusedNamed(right);
      if (fused < 0) {
        return std::nullopt;
      }
      bool member = false;
      for (const TypeExpr& m : module_.fused_types[fused].members) {
        member |= MemberKey(m) == *left_key;
      }
      return member == (op == CompareOp::In);
    }
    return std::nullopt;
  }

  auto FusedNamed(const Expr& e) const -> int {
    for (size_t i = 0; i < module_.fused_types.size(); ++i) {
      const FusedTypeDef& def = module_.fused_types[i];
      if ((e.kind == Expr::Kind::Name && e.name == def.name) ||
          (e.kind == Expr::Kind::DialectRef && e.dialect_path == def.name)) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  // Keeps the branches of an `if` whose conditions are not folded to False;
  // a branch folded to True ends the chain (it becomes the `else`).
  static void PruneIf(StmtPtr s, Block& out) {
    auto constant = [](const ExprPtr& c) -> std::optional<bool> {
      if (c && c->kind == Expr::Kind::Bool && c->cython_compiled) {
        return c->bool_value;
      }
      return std::nullopt;
    };
    bool any = false;
    for (const ExprPtr& c : s->conditions) {
      any |= constant(c).has_value();
    }
    if (!any) {
      out.push_back(std::move(s));
      return;
    }
    std::vector<ExprPtr> conditions;
    std::vector<Block> blocks;
    std::optional<Block> live_else;
    for (size_t i = 0; i < s->conditions.size(); ++i) {
      auto value = constant(s->conditions[i]);
      if (value && !*value) {
        continue;
      }
      if (value && *value) {
        live_else = std::move(s->blocks[i]);
        break;
      }
      conditions.push_back(std::move(s->conditions[i]));
      blocks.push_back(std::move(s->blocks[i]));
    }
    Block else_block = live_else ? std::move(*live_else) : std::move(s->else_block);
    if (conditions.empty()) {
      for (StmtPtr& t : else_block) {
        out.push_back(std::move(t));
      }
      return;
    }
    s->conditions = std::move(conditions);
    s->blocks = std::move(blocks);
    s->has_else = !else_block.empty() || (s->has_else && !live_else);
    s->else_block = std::move(else_block);
    out.push_back(std::move(s));
  }

  Module& module_;
  const std::set<int>& fused_;
  const std::set<const Expr*>& object_members_;
};

// The fused types `t` uses (a fused type, or a memoryview of a fused element).
void NoteFused(const std::optional<TypeExpr>& t, std::vector<int>& order) {
  if (t && t->fused >= 0 && std::find(order.begin(), order.end(), t->fused) == order.end()) {
    order.push_back(t->fused);
  }
}

}  // namespace

auto SpellFusedMember(const TypeExpr& member) -> std::string {
  if (member.kind == TypeExpr::Kind::Object) {
    return member.object_name;  // `object`, `bytes`, an extension type's name
  }
  if (member.kind == TypeExpr::Kind::Pointer) {
    // Cython's shorthand: `cython.p_char`, `cython.pp_int`.
    const TypeExpr* target = &member;
    size_t depth = 0;
    while (target->kind == TypeExpr::Kind::Pointer && target->target) {
      target = target->target.get();
      ++depth;
    }
    return "cython." + std::string(depth, 'p') + "_" + std::string(CythonName(target->scalar));
  }
  std::string text = "cython." + std::string(CythonName(member.kind == TypeExpr::Kind::Scalar ? member.scalar
                                                                                                : member.element));
  if (member.kind == TypeExpr::Kind::MemoryView) {
    text += "[";
    for (int d = 0; d < member.ndim; ++d) {
      text += d == 0 ? "" : ", ";
      text += d == member.contiguous_dim ? "::1" : ":";
    }
    text += "]";
  }
  return text;
}

auto IsCStringMember(const TypeExpr& member) -> bool {
  return member.kind == TypeExpr::Kind::Pointer && member.target && member.target->kind == TypeExpr::Kind::Scalar &&
         member.target->c_name.empty() &&
         (member.target->scalar == ScalarKind::Char || member.target->scalar == ScalarKind::SChar ||
          member.target->scalar == ScalarKind::UChar);
}

namespace {

// Replaces the function statement `s` by its specialisations in `out` (or keeps
// it when its signature has no fused type; drops it after an error).
void ExpandFunction(Module& module, StmtPtr s, Block& out, diag::DiagnosticSink& sink) {
  const Function& fn = *s->function;
  // The fused types of the signature, in order of first use, and the first
  // parameter of each (it decides the specialisation at the Python boundary).
  std::vector<int> order;
  std::vector<int> deciding;
  std::vector<int> param_fused;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Param& p = fn.params[i];
    std::optional<TypeExpr> type = p.annotation;
    for (const auto& [name, t] : fn.attrs.locals) {
      if (name == p.name) {
        type = t;
      }
    }
    size_t before = order.size();
    NoteFused(type, order);
    param_fused.push_back(type && type->fused >= 0 ? type->fused : -1);
    if (order.size() != before) {
      deciding.push_back(static_cast<int>(i));
    }
  }
  if (order.empty()) {
    out.push_back(std::move(s));  // fused types elsewhere in it: reported by the checker
    return;
  }
  size_t count = 1;
  bool ok = true;
  for (int f : order) {
    const FusedTypeDef& def = module.fused_types[f];
    if (def.members.empty()) {
      ok = false;  // its definition was reported
    }
    count *= std::max<size_t>(def.members.size(), 1);
  }
  if (ok && count > kMaxSpecialisations) {
    sink.Report(diag::Kind::FusedTypeError, fn.def_range,
                fmt::format("`{}` would need {} specialisations (the limit is {}): use fewer fused types or members",
                            fn.name, count, kMaxSpecialisations));
    ok = false;
  }
  // A pointer to a fused type needs C number members (pointers to objects and views are no C type).
  for (const Param& p : fn.params) {
    if (ok && p.annotation && p.annotation->kind == TypeExpr::Kind::Pointer && p.annotation->fused >= 0) {
      for (const TypeExpr& m : module.fused_types[p.annotation->fused].members) {
        if (m.kind != TypeExpr::Kind::Scalar) {
          sink.Report(diag::Kind::FusedTypeError, p.annotation->range,
                      fmt::format("a pointer to the fused type `{}`, whose member `{}` is no C number",
                                  module.fused_types[p.annotation->fused].name, SpellFusedMember(m)));
          ok = false;
          break;
        }
      }
    }
  }
  // A memoryview of a fused type needs C number members.
  for (const Param& p : fn.params) {
    if (ok && p.annotation && p.annotation->kind == TypeExpr::Kind::MemoryView && p.annotation->fused >= 0) {
      for (const TypeExpr& m : module.fused_types[p.annotation->fused].members) {
        if (m.kind != TypeExpr::Kind::Scalar) {
          sink.Report(diag::Kind::FusedTypeError, p.annotation->range,
                      fmt::format("a memoryview of the fused type `{}`, whose member `{}` is no C number",
                                  module.fused_types[p.annotation->fused].name, SpellFusedMember(m)));
          ok = false;
          break;
        }
      }
    }
  }
  if (!ok) {
    return;  // the function is dropped: its uses report as undefined names after the error
  }
  FusedFunction group;
  group.name = fn.name;
  group.fused = order;
  group.deciding_param = deciding;
  group.param_fused = param_fused;
  const int group_index = static_cast<int>(module.fused_functions.size());
  std::vector<int> choice(order.size(), 0);
  std::set<int> fused_set(order.begin(), order.end());
  for (size_t n = 0; n < count; ++n) {
    Assignment assignment;
    for (size_t k = 0; k < order.size(); ++k) {
      assignment[order[k]] = &module.fused_types[order[k]].members[choice[k]];
    }
    Specialiser specialiser(module, assignment);
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = Stmt::Kind::Function;
    stmt->range = s->range;
    stmt->head_range = s->head_range;
    stmt->id = static_cast<StmtId>(module.stmt_count++);
    stmt->function = specialiser.CloneFunction(fn);
    Folder(module, fused_set, specialiser.ObjectMembers()).FoldBlock(stmt->function->body);
    stmt->function->fused_group = group_index;
    stmt->function->fused_specialisation = static_cast<int>(n);
    group.choices.push_back(choice);
    group.specialisations.push_back(stmt->function.get());
    out.push_back(std::move(stmt));
    // The next combination: the last fused type varies fastest (itertools.product).
    for (size_t k = order.size(); k-- > 0;) {
      if (++choice[k] < static_cast<int>(module.fused_types[order[k]].members.size())) {
        break;
      }
      choice[k] = 0;
    }
  }
  module.fused_functions.push_back(std::move(group));
}

// `@staticmethod` or `@classmethod` as written (the checker rejects a rebound name).
auto IsStaticOrClassmethod(const Expr& d) -> bool {
  return d.kind == Expr::Kind::Name && (d.name == "staticmethod" || d.name == "classmethod");
}

// A `@cython.cfunc` method of an extension type (not a static one): its
// specialisations are C methods of the type, each with a vtable slot. A `def`
// method (of any class) without decorators, or with only `@staticmethod` or
// `@classmethod`: the class binds one function, its dispatcher (wrapped by that
// decorator), whose call runs the specialisation of the arguments' types.
auto IsFusableMethod(const Stmt& s, bool extension_type) -> bool {
  if (s.kind != Stmt::Kind::Function || s.function->is_async) {
    return false;
  }
  const FunctionAttrs& a = s.function->attrs;
  if (!a.unknown_decorators.empty()) {
    return a.unknown_decorators.size() == 1 && IsStaticOrClassmethod(*a.unknown_decorators[0]) && !a.cfunc &&
           !a.ccall && !a.numba;
  }
  return a.cfunc ? extension_type && !a.ccall : !a.ccall && !a.numba;
}

}  // namespace

void ExpandFusedFunctions(Module& module, diag::DiagnosticSink& sink) {
  if (module.fused_types.empty()) {
    return;
  }
  Block body;
  for (StmtPtr& s : module.body) {
    if (s->kind == Stmt::Kind::Function) {
      ExpandFunction(module, std::move(s), body, sink);
      continue;
    }
    const bool extension_type =
        s->kind == Stmt::Kind::Class &&
        std::any_of(s->decorators.begin(), s->decorators.end(), [](const ExprPtr& d) { return IsExtensionTypeDecorator(*d); });
    if (s->kind == Stmt::Kind::Class && !s->blocks.empty()) {
      Block members;
      for (StmtPtr& m : s->blocks[0]) {
        if (m && IsFusableMethod(*m, extension_type)) {
          ExpandFunction(module, std::move(m), members, sink);
        } else {
          members.push_back(std::move(m));
        }
      }
      s->blocks[0] = std::move(members);
    }
    body.push_back(std::move(s));
  }
  module.body = std::move(body);
}

}  // namespace pyxx::syntax
