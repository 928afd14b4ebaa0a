// Fused types while lowering: `T = cython.fused_type(A, B)` at module level and
// Cython's predefined `cython.floating`, `cython.integral`, `cython.numeric`
// become Module::fused_types; annotations naming them are TypeExpr::Kind::Fused.
#include <fmt/format.h>

#include "syntax/c_data_syntax.h"
#include "syntax/fused.h"
#include "syntax/lowerer.h"
#include "syntax/scalar_names.h"

namespace pyxx::syntax {
namespace {

auto Member(ScalarKind kind, base::SourceRange range) -> TypeExpr {
  TypeExpr type;
  type.kind = TypeExpr::Kind::Scalar;
  type.scalar = kind;
  type.range = range;
  return type;
}

// Cython's Shadow.py and Cython's compiler agree on these members and their order.
auto PredefinedMembers(std::string_view path) -> std::vector<ScalarKind> {
  if (path == "cython.floating") {
    return {ScalarKind::Float, ScalarKind::Double};
  }
  if (path == "cython.integral") {
    return {ScalarKind::Short, ScalarKind::Int, ScalarKind::Long};
  }
  if (path == "cython.numeric") {
    return {ScalarKind::Short, ScalarKind::Int, ScalarKind::Long, ScalarKind::Float, ScalarKind::Double,
            ScalarKind::FloatComplex, ScalarKind::DoubleComplex};
  }
  return {};
}

// `cython.p_char`, `cython.pointer(cython.pointer(cython.int))`: pointers down to a C number (or void).
auto IsNumberPointer(const TypeExpr& t) -> bool {
  const TypeExpr* p = &t;
  int depth = 0;
  while (p->kind == TypeExpr::Kind::Pointer && p->target) {
    p = p->target.get();
    ++depth;
  }
  return depth > 0 && p->kind == TypeExpr::Kind::Scalar && p->c_name.empty() && p->scalar != ScalarKind::UCS4 &&
         p->fused < 0;
}

}  // namespace

auto Lowerer::FusedIndex(const Expr& expr) -> int {
  std::string key;
  if (expr.kind == Expr::Kind::Name) {
    key = expr.name;
  } else if (expr.kind == Expr::Kind::DialectRef && !PredefinedMembers(expr.dialect_path).empty()) {
    key = expr.dialect_path;
  } else {
    return -1;
  }
  if (auto it = fused_names_.find(key); it != fused_names_.end()) {
    return it->second;
  }
  if (expr.kind != Expr::Kind::DialectRef) {
    return -1;
  }
  FusedTypeDef def;
  def.name = key;
  def.range = expr.range;
  for (ScalarKind kind : PredefinedMembers(key)) {
    def.members.push_back(Member(kind, expr.range));
  }
  fused_defs_.push_back(std::move(def));
  const int index = static_cast<int>(fused_defs_.size()) - 1;
  fused_names_[key] = index;
  return index;
}

auto Lowerer::FusedPointer(const Expr& expr) -> std::optional<TypeExpr> {
  const Expr* inner = nullptr;
  if (expr.kind == Expr::Kind::Call && expr.callee().kind == Expr::Kind::DialectRef &&
      expr.callee().dialect == DialectName::CythonPointer && expr.args.size() == 1 && expr.keywords.empty()) {
    inner = expr.args[0].get();
  } else if (expr.kind == Expr::Kind::Subscript && expr.object().kind == Expr::Kind::DialectRef &&
             expr.object().dialect == DialectName::CythonPointer && expr.args.size() == 1) {
    inner = expr.args[0].get();
  }
  if (inner == nullptr) {
    return std::nullopt;
  }
  TypeExpr target;
  if (int fused = FusedIndex(*inner); fused >= 0) {
    target.kind = TypeExpr::Kind::Fused;
    target.fused = fused;
    target.range = inner->range;
  } else if (auto nested = FusedPointer(*inner)) {
    target = std::move(*nested);
  } else {
    return std::nullopt;
  }
  TypeExpr type;
  type.kind = TypeExpr::Kind::Pointer;
  type.range = expr.range;
  type.fused = target.fused;
  type.target = std::make_shared<TypeExpr>(std::move(target));
  return type;
}

auto Lowerer::CollectFusedType(Node left, Node right) -> bool {
  if (!Is(right, kinds_.Call)) {
    return false;
  }
  // Only the callee is looked at first: any other call is lowered once, where it
  // stands (lowering it here too could repeat its diagnostics).
  Node function = right.Field(fields_.Function);
  if (function.IsNull() || function.HasError()) {
    return false;
  }
  ExprPtr callee = LowerExprOrError(function, function.Range());
  if (callee->kind != Expr::Kind::DialectRef || callee->dialect_path != "cython.fused_type") {
    return false;
  }
  // Lowered on a side tree: the ids it takes are never used by a later phase.
  ExprPtr call = LowerExprOrError(right, right.Range());
  if (call->kind != Expr::Kind::Call || call->callee().kind != Expr::Kind::DialectRef ||
      call->callee().dialect_path != "cython.fused_type") {
    return false;
  }
  FusedTypeDef def;
  def.name = Identifier(left);
  def.range = left.Range();
  if (fused_names_.count(def.name) != 0) {
    // A fused type of the module's .pxd (the only ones known before the module's own).
    TypeSink().Report(diag::Kind::Redefinition, left.Range(), def.name);
    return true;
  }
  bool ok = true;
  if (call->args.empty() || !call->keywords.empty()) {
    TypeSink().Report(diag::Kind::FusedTypeError, call->range,
                      "`cython.fused_type(...)` takes the member types as positional arguments");
    ok = false;
  }
  for (const ExprPtr& arg : call->args) {
    TypeExpr member = CTypeFromExpr(*arg);
    if (member.kind == TypeExpr::Kind::Invalid) {
      ok = false;  // reported
      continue;
    }
    // Py_UCS4 is no C number: its dispatch (a str of one character) is not pyxx's yet.
    const bool scalar = member.kind == TypeExpr::Kind::Scalar && member.scalar != ScalarKind::Void &&
                        member.scalar != ScalarKind::UCS4 && !member.python_builtin_spelling;
    const bool view = member.kind == TypeExpr::Kind::MemoryView && member.fused < 0;
    // A pointer to a C number (or to such a pointer): `cython.p_char`, `cython.pointer(cython.int)`.
    const bool pointer = IsNumberPointer(member);
    // `object`, a builtin type (`bytes`, `str`, `list`, ...) or an extension type of the
    // module: a Python object member, dispatched by isinstance as in Cython.
    const bool python_object = member.kind == TypeExpr::Kind::Object && !member.python_builtin_spelling &&
                               !member.cimported && member.object_name != "None" && member.object_name != "type" &&
                               (member.object_name != "object" || Text(arg->range) == "object" ||
                                Text(arg->range) == "cython.object");  // not a plain class or typing.Any
    if (!scalar && !view && !pointer && !python_object) {
      // Structs, fused types, C++ types are not specialised by pyxx (yet).
      TypeSink().Report(diag::Kind::UnsupportedType, arg->range,
                        fmt::format("`{}` as a member of a fused type (pyxx takes C numbers, pointers to them, "
                                    "typed memoryviews and Python object types)",
                                    Text(arg->range)));
      ok = false;
      continue;
    }
    member.allows_none = false;
    for (const TypeExpr& other : def.members) {
      if (SpellFusedMember(other) == SpellFusedMember(member)) {
        TypeSink().Report(diag::Kind::FusedTypeError, arg->range,
                          fmt::format("`{}` appears twice in the fused type `{}`", Text(arg->range), def.name));
        ok = false;
      }
    }
    def.members.push_back(std::move(member));
  }
  if (!ok) {
    def.members.clear();  // every use of the name is then an invalid type (reported here)
  }
  fused_defs_.push_back(std::move(def));
  fused_names_[fused_defs_.back().name] = static_cast<int>(fused_defs_.size()) - 1;
  return true;
}

}  // namespace pyxx::syntax
