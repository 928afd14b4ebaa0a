// Expressions: tree-sitter expression nodes -> Expr. Names and attribute
// chains rooted at a compile-time import become DialectRef.
#include <string>

#include "syntax/lowerer.h"

namespace pyxx::syntax {
namespace {

auto BinaryOperator(std::string_view token) -> std::optional<BinaryOp> {
  static constexpr std::pair<std::string_view, BinaryOp> kOps[] = {
      {"+", BinaryOp::Add},     {"-", BinaryOp::Sub},      {"*", BinaryOp::Mul},    {"/", BinaryOp::TrueDiv},
      {"//", BinaryOp::FloorDiv}, {"%", BinaryOp::Mod},    {"**", BinaryOp::Pow},   {"<<", BinaryOp::LShift},
      {">>", BinaryOp::RShift}, {"&", BinaryOp::BitAnd},   {"|", BinaryOp::BitOr},  {"^", BinaryOp::BitXor},
      {"@", BinaryOp::MatMul},
  };
  for (const auto& [text, op] : kOps) {
    if (text == token) {
      return op;
    }
  }
  return std::nullopt;
}

auto CompareOperator(std::string_view token) -> std::optional<CompareOp> {
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {"<", CompareOp::Lt}, {"<=", CompareOp::Le}, {">", CompareOp::Gt},       {">=", CompareOp::Ge},
      {"==", CompareOp::Eq}, {"!=", CompareOp::Ne}, {"<>", CompareOp::Ne},     {"in", CompareOp::In},
      {"not in", CompareOp::NotIn}, {"is", CompareOp::Is}, {"is not", CompareOp::IsNot},
  };
  for (const auto& [text, op] : kOps) {
    if (text == token) {
      return op;
    }
  }
  return std::nullopt;
}

}  // namespace

auto Lowerer::LowerExprOrError(Node node, base::SourceRange fallback) -> ExprPtr {
  if (node.IsNull()) {
    auto expr = MakeExpr(Expr::Kind::Name, fallback);
    expr->name = "<error>";
    return expr;
  }
  return LowerExpr(node);
}

auto Lowerer::LowerExpr(Node node) -> ExprPtr {
  const NodeKinds& k = kinds_;
  const TSSymbol s = node.Symbol();
  const base::SourceRange range = node.Range();
  if (node.IsError() || node.IsMissing()) {
    auto expr = MakeExpr(Expr::Kind::Name, range);
    expr->name = "<error>";
    return expr;
  }
  if (s == k.Identifier) {
    std::string name = Identifier(node);
    if (const std::string* path = dialect_.Lookup(name)) {
      auto expr = MakeExpr(Expr::Kind::DialectRef, range);
      expr->dialect_path = *path;
      expr->dialect = ClassifyDialectPath(expr->dialect_path);
      expr->extern_function = dialect_.ExternIndex(name);
      FoldCythonCompiled(*expr);
      return expr;
    }
    auto expr = MakeExpr(Expr::Kind::Name, range);
    expr->name = std::string(name);
    return expr;
  }
  if (s == k.Integer) {
    return LowerNumber(node, Expr::Kind::Int);
  }
  if (s == k.Float) {
    return LowerNumber(node, Expr::Kind::Float);
  }
  if (s == k.True || s == k.False) {
    auto expr = MakeExpr(Expr::Kind::Bool, range);
    expr->bool_value = s == k.True;
    return expr;
  }
  if (s == k.None) {
    return MakeExpr(Expr::Kind::None, range);
  }
  if (s == k.Ellipsis) {
    return MakeExpr(Expr::Kind::Ellipsis, range);
  }
  if (s == k.String) {
    return LowerString(node);
  }
  if (s == k.ConcatenatedString) {
    return LowerConcatenatedString(node);
  }
  if (s == k.BinaryOperator) {
    auto expr = MakeExpr(Expr::Kind::Binary, range);
    expr->binary_op = BinaryOperator(Text(node.Field(fields_.Operator))).value_or(BinaryOp::Add);
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Left), range));
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Right), range));
    return expr;
  }
  if (s == k.UnaryOperator) {
    auto expr = MakeExpr(Expr::Kind::Unary, range);
    std::string_view op = Text(node.Field(fields_.Operator));
    expr->unary_op = op == "-" ? UnaryOp::Neg : op == "+" ? UnaryOp::Pos : UnaryOp::Invert;
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Argument), range));
    return expr;
  }
  if (s == k.NotOperator) {
    auto expr = MakeExpr(Expr::Kind::Unary, range);
    expr->unary_op = UnaryOp::Not;
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Argument), range));
    return expr;
  }
  if (s == k.BooleanOperator) {
    return LowerBoolean(node);
  }
  if (s == k.ComparisonOperator) {
    return LowerComparison(node);
  }
  if (s == k.ConditionalExpression) {
    // `then if condition else otherwise`: the named children in that order.
    auto expr = MakeExpr(Expr::Kind::Conditional, range);
    std::vector<Node> parts = NamedChildrenOf(node);
    for (size_t i = 0; i < 3; ++i) {
      expr->operands.push_back(LowerExprOrError(i < parts.size() ? parts[i] : Node(), range));
    }
    return expr;
  }
  if (s == k.Call) {
    return LowerCall(node);
  }
  if (s == k.Attribute) {
    return LowerAttribute(node);
  }
  if (s == k.Subscript) {
    auto expr = MakeExpr(Expr::Kind::Subscript, range);
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Value), range));
    for (Node index : ChildrenWithField(node, fields_.SubscriptField)) {
      expr->args.push_back(LowerExpr(index));
    }
    return expr;
  }
  if (s == k.Slice) {
    return LowerSlice(node);
  }
  if (s == k.TuplePattern && KeywordRange(node, ",").empty()) {
    // `(x) = v` binds x: parentheses without a comma make no tuple, also in targets.
    std::vector<Node> inner = NamedChildrenOf(node);
    if (inner.size() == 1) {
      return LowerExpr(inner[0]);
    }
  }
  if (s == k.Tuple || s == k.ExpressionList || s == k.PatternList || s == k.TuplePattern) {
    return LowerCollection(node, Expr::Kind::Tuple);
  }
  if (s == k.List || s == k.ListPattern) {
    return LowerCollection(node, Expr::Kind::List);
  }
  if (s == k.Set) {
    return LowerCollection(node, Expr::Kind::Set);
  }
  if (s == k.Dictionary) {
    return LowerDictionary(node);
  }
  if (s == k.ListSplat || s == k.ListSplatPattern || s == k.ParenthesizedListSplat) {
    if (s == k.ParenthesizedListSplat) {
      std::vector<Node> inner = NamedChildrenOf(node);
      return LowerExprOrError(inner.empty() ? Node() : inner[0], range);
    }
    auto expr = MakeExpr(Expr::Kind::Starred, range);
    std::vector<Node> inner = NamedChildrenOf(node);
    expr->operands.push_back(LowerExprOrError(inner.empty() ? Node() : inner[0], range));
    return expr;
  }
  if (s == k.ParenthesizedExpression) {
    std::vector<Node> inner = NamedChildrenOf(node);
    return LowerExprOrError(inner.empty() ? Node() : inner[0], range);
  }
  if (s == k.Lambda) {
    return LowerLambda(node);
  }
  if (s == k.ListComprehension || s == k.SetComprehension || s == k.DictionaryComprehension ||
      s == k.GeneratorExpression) {
    auto expr = MakeExpr(Expr::Kind::Comprehension, range);
    expr->comprehension_kind = s == k.ListComprehension         ? ComprehensionKind::List
                               : s == k.SetComprehension        ? ComprehensionKind::Set
                               : s == k.DictionaryComprehension ? ComprehensionKind::Dict
                                                                : ComprehensionKind::Generator;
    Node body = node.Field(fields_.Body);
    if (s == k.DictionaryComprehension && !body.IsNull() && body.Symbol() == k.Pair) {
      expr->operands.push_back(LowerExprOrError(body.Field(fields_.Key), range));
      expr->operands.push_back(LowerExprOrError(body.Field(fields_.Value), range));
    } else {
      expr->operands.push_back(LowerExprOrError(body, range));
    }
    for (const Node& child : NamedChildrenOf(node)) {
      if (child.Symbol() == k.ForInClause) {
        ComprehensionClause clause;
        clause.range = child.Range();
        clause.target = LowerTargetList(child.Field(fields_.Left));
        clause.iterable = LowerExprOrError(child.Field(fields_.Right), child.Range());
        expr->clauses.push_back(std::move(clause));
      } else if (child.Symbol() == k.IfClause && !expr->clauses.empty()) {
        std::vector<Node> inner = NamedChildrenOf(child);
        expr->clauses.back().conditions.push_back(LowerExprOrError(inner.empty() ? Node() : inner[0], child.Range()));
      }
    }
    if (s == k.GeneratorExpression && !expr->clauses.empty()) {
      return LowerGeneratorExpression(std::move(expr));
    }
    return expr;
  }
  if (s == k.Await || s == k.Yield) {
    auto expr = MakeExpr(s == k.Await ? Expr::Kind::Await : Expr::Kind::Yield, range);
    std::vector<Node> inner = NamedChildrenOf(node);
    if (!inner.empty()) {
      expr->operands.push_back(LowerTargetList(inner[0]));
    }
    if (s == k.Yield && KeywordRange(node, "from").size() > 0) {
      expr->text = "from";  // `yield from x`
    }
    return expr;
  }
  if (s == k.NamedExpression) {
    auto expr = MakeExpr(Expr::Kind::NamedExpr, range);
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Name), range));
    expr->operands.push_back(LowerExprOrError(node.Field(fields_.Value), range));
    return expr;
  }
  if (s == k.KeywordArgument) {
    // Only reachable from broken trees (a keyword argument outside a call).
    return LowerExprOrError(node.Field(fields_.Value), range);
  }
  // Anything else (patterns of `match`, type-only nodes) can appear only
  // under a construct that is already Unsupported or an ERROR.
  auto expr = MakeExpr(Expr::Kind::Name, range);
  expr->name = "<error>";
  return expr;
}

auto Lowerer::LowerTargetList(Node node) -> ExprPtr {
  if (node.IsNull()) {
    return LowerExprOrError(node, {});
  }
  return LowerExpr(node);
}

auto Lowerer::LowerAttribute(Node node) -> ExprPtr {
  const base::SourceRange range = node.Range();
  ExprPtr object = LowerExprOrError(node.Field(fields_.Object), range);
  std::string name = Identifier(node.Field(fields_.AttributeName));
  if (object->kind == Expr::Kind::DialectRef) {
    // cython.parallel.prange, cmath.sqrt -> libc.math.sqrt
    object->dialect_path = CanonicalDialectPath(object->dialect_path + "." + name);
    object->dialect = ClassifyDialectPath(object->dialect_path);
    object->range = range;
    FoldCythonCompiled(*object);
    return object;
  }
  auto expr = MakeExpr(Expr::Kind::Attribute, range);
  expr->operands.push_back(std::move(object));
  expr->name = std::move(name);
  return expr;
}

auto Lowerer::LowerCall(Node node) -> ExprPtr {
  const base::SourceRange range = node.Range();
  auto expr = MakeExpr(Expr::Kind::Call, range);
  expr->operands.push_back(LowerExprOrError(node.Field(fields_.Function), range));
  Node arguments = node.Field(fields_.Arguments);
  expr->args_range = arguments.IsNull() ? base::SourceRange{range.end, range.end} : arguments.Range();
  if (Is(arguments, kinds_.GeneratorExpression)) {
    expr->args.push_back(LowerExpr(arguments));  // f(x for x in y)
    return expr;
  }
  for (Node argument : NamedChildrenOf(arguments)) {
    if (Is(argument, kinds_.KeywordArgument)) {
      Node name = argument.Field(fields_.Name);
      expr->keywords.push_back(
          {Identifier(name), name.Range(), LowerExprOrError(argument.Field(fields_.Value), argument.Range())});
    } else if (Is(argument, kinds_.DictionarySplat)) {
      // `**kwargs`: a keyword without a name, as Python's ast has it.
      std::vector<Node> inner = NamedChildrenOf(argument);
      expr->keywords.push_back(
          {"", argument.Range(), LowerExprOrError(inner.empty() ? Node() : inner[0], argument.Range())});
    } else {
      expr->args.push_back(LowerExpr(argument));
    }
  }
  // `cython.likely(c)` / `cython.unlikely(c)`: a branch hint; pyxx keeps the condition.
  const Expr& callee = *expr->operands[0];
  if (callee.kind == Expr::Kind::DialectRef &&
      (callee.dialect_path == "cython.likely" || callee.dialect_path == "cython.unlikely") &&
      expr->args.size() == 1 && expr->keywords.empty() && expr->args[0]->kind != Expr::Kind::Starred) {
    return std::move(expr->args[0]);
  }
  return expr;
}

void Lowerer::FoldCythonCompiled(Expr& expr) {
  if (expr.kind == Expr::Kind::DialectRef && expr.dialect_path == "cython.compiled") {
    expr.kind = Expr::Kind::Bool;
    expr.bool_value = true;
    expr.cython_compiled = true;
    expr.dialect_path.clear();
  }
}

auto Lowerer::LowerSlice(Node node) -> ExprPtr {
  // `slice` has no fields: `a:b:c` is told apart by the `:` tokens between parts.
  auto expr = MakeExpr(Expr::Kind::Slice, node.Range());
  expr->operands.resize(3);
  size_t slot = 0;
  for (const FieldChild& child : ChildrenOf(node)) {
    if (!child.node.IsNamed()) {
      if (child.node.Type() == ":") {
        ++slot;
      }
    } else if (slot < 3 && child.node.Symbol() != kinds_.Comment) {
      expr->operands[slot] = LowerExpr(child.node);
    }
  }
  return expr;
}

auto Lowerer::LowerCollection(Node node, Expr::Kind kind) -> ExprPtr {
  auto expr = MakeExpr(kind, node.Range());
  for (Node element : NamedChildrenOf(node)) {
    expr->args.push_back(LowerExpr(element));
  }
  return expr;
}

auto Lowerer::LowerDictionary(Node node) -> ExprPtr {
  auto expr = MakeExpr(Expr::Kind::Dict, node.Range());
  for (Node element : NamedChildrenOf(node)) {
    if (Is(element, kinds_.Pair)) {
      expr->args.push_back(LowerExprOrError(element.Field(fields_.Key), element.Range()));
      expr->args.push_back(LowerExprOrError(element.Field(fields_.Value), element.Range()));
    } else if (Is(element, kinds_.DictionarySplat)) {
      // `{**m}`: key Starred(m), value None (never a null pointer in args).
      std::vector<Node> inner = NamedChildrenOf(element);
      auto key = MakeExpr(Expr::Kind::Starred, element.Range());
      key->text = "**";
      key->operands.push_back(LowerExprOrError(inner.empty() ? Node() : inner[0], element.Range()));
      expr->args.push_back(std::move(key));
      expr->args.push_back(MakeExpr(Expr::Kind::None, element.Range()));
    } else {
      expr->args.push_back(LowerExpr(element));
    }
  }
  return expr;
}

auto Lowerer::LowerComparison(Node node) -> ExprPtr {
  auto expr = MakeExpr(Expr::Kind::Compare, node.Range());
  for (const FieldChild& child : ChildrenOf(node)) {
    if (child.field == fields_.Operators) {
      expr->compare_ops.push_back(CompareOperator(child.node.Type()).value_or(CompareOp::Eq));
    } else if (child.node.IsNamed() && child.node.Symbol() != kinds_.Comment) {
      expr->operands.push_back(LowerExpr(child.node));
    }
  }
  while (expr->operands.size() < expr->compare_ops.size() + 1) {
    expr->operands.push_back(LowerExprOrError(Node(), node.Range()));
  }
  expr->compare_ops.resize(expr->operands.size() - 1, CompareOp::Eq);
  return expr;
}

auto Lowerer::LowerBoolean(Node node) -> ExprPtr {
  // `a and b and c` nests to the left; flatten runs of the same operator.
  const BoolOp op = Text(node.Field(fields_.Operator)) == "or" ? BoolOp::Or : BoolOp::And;
  auto expr = MakeExpr(Expr::Kind::BoolOp, node.Range());
  expr->bool_op = op;
  std::vector<Node> rights;
  Node current = node;
  while (Is(current, kinds_.BooleanOperator) &&
         (Text(current.Field(fields_.Operator)) == "or" ? BoolOp::Or : BoolOp::And) == op) {
    rights.push_back(current.Field(fields_.Right));
    current = current.Field(fields_.Left);
  }
  expr->operands.push_back(LowerExprOrError(current, node.Range()));
  for (auto it = rights.rbegin(); it != rights.rend(); ++it) {
    expr->operands.push_back(LowerExprOrError(*it, node.Range()));
  }
  return expr;
}

}  // namespace pyxx::syntax
