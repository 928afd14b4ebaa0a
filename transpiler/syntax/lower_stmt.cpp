// Statements: tree-sitter statement nodes -> Stmt.
#include <algorithm>
#include <string>

#include "syntax/lowerer.h"
#include "syntax/mangle.h"

namespace pyxx::syntax {
namespace {

auto AugmentedOperator(std::string_view token) -> std::optional<BinaryOp> {
  static constexpr std::pair<std::string_view, BinaryOp> kOps[] = {
      {"+=", BinaryOp::Add},     {"-=", BinaryOp::Sub},      {"*=", BinaryOp::Mul},
      {"/=", BinaryOp::TrueDiv}, {"//=", BinaryOp::FloorDiv}, {"%=", BinaryOp::Mod},
      {"**=", BinaryOp::Pow},    {"<<=", BinaryOp::LShift},   {">>=", BinaryOp::RShift},
      {"&=", BinaryOp::BitAnd},  {"|=", BinaryOp::BitOr},     {"^=", BinaryOp::BitXor},
      {"@=", BinaryOp::MatMul},
  };
  for (const auto& [text, op] : kOps) {
    if (text == token) {
      return op;
    }
  }
  return std::nullopt;
}

auto StartsWithAsync(Node node) -> bool {
  Node first = node.Child(0);
  return !first.IsNull() && !first.IsNamed() && first.Type() == "async";
}

}  // namespace

void Lowerer::LowerBlockInto(Node block, Block& out) {
  if (block.IsNull()) {
    return;
  }
  for (Node child : NamedChildrenOf(block)) {
    LowerStatementInto(child, out);
  }
}

void Lowerer::LowerStatementInto(Node node, Block& out) {
  const NodeKinds& k = kinds_;
  const TSSymbol s = node.Symbol();
  if (node.IsError() || node.IsMissing() || s == k.Comment || s == k.LineContinuation) {
    return;  // syntax errors were reported already
  }
  StmtPtr stmt;
  if (s == k.ExpressionStatement && fused_statements_.count(node.Range().begin) != 0) {
    return;  // `T = cython.fused_type(...)`: a compile-time declaration
  }
  if (s == k.ExpressionStatement) {
    stmt = LowerExpressionStatement(node);
  } else if (s == k.IfStatement) {
    LowerIfInto(node, out);
    return;
  } else if (s == k.WhileStatement) {
    stmt = LowerWhile(node);
  } else if (s == k.ForStatement) {
    stmt = LowerFor(node);
  } else if (s == k.WithStatement) {
    stmt = LowerWith(node);
  } else if (s == k.TryStatement) {
    stmt = LowerTry(node);
  } else if (s == k.FunctionDefinition) {
    stmt = LowerFunction(node, node);
  } else if (s == k.ClassDefinition) {
    stmt = LowerClass(node, node);
  } else if (s == k.DecoratedDefinition) {
    Node definition = node.Field(fields_.Definition);
    if (Is(definition, k.FunctionDefinition)) {
      stmt = LowerFunction(definition, node);
    } else if (Is(definition, k.ClassDefinition)) {
      stmt = LowerClass(definition, node);
    }
  } else if (s == k.ImportStatement || s == k.ImportFromStatement || s == k.FutureImportStatement) {
    stmt = LowerImport(node);
  } else if (s == k.PrintStatement || s == k.ExecStatement) {
    stmt = LowerPython2Statement(node);
  } else if (s == k.MatchStatement) {
    stmt = Unsupported(node, "`match` statement");
  } else if (s == k.TypeAliasStatement) {
    stmt = Unsupported(node, "`type` alias statement");
  } else {
    stmt = LowerSimpleKeywordStatement(node);
  }
  if (stmt) {
    out.push_back(std::move(stmt));
  }
}

auto Lowerer::Unsupported(Node node, std::string description) -> StmtPtr {
  auto stmt = MakeStmt(Stmt::Kind::Unsupported, node.Range());
  stmt->head_range = HeadBeforeColon(node);
  stmt->description = std::move(description);
  return stmt;
}

auto Lowerer::LowerExpressionStatement(Node node) -> StmtPtr {
  std::vector<Node> children = NamedChildrenOf(node);
  if (children.size() == 1 && Is(children[0], kinds_.Assignment)) {
    return LowerAssignment(children[0], node);
  }
  if (children.size() == 1 && Is(children[0], kinds_.AugmentedAssignment)) {
    Node assignment = children[0];
    auto stmt = MakeStmt(Stmt::Kind::AugAssign, node.Range());
    stmt->targets.push_back(LowerExprOrError(assignment.Field(fields_.Left), assignment.Range()));
    stmt->value = LowerExprOrError(assignment.Field(fields_.Right), assignment.Range());
    Node op = assignment.Field(fields_.Operator);
    stmt->aug_op = AugmentedOperator(Text(op)).value_or(BinaryOp::Add);
    return stmt;
  }
  auto stmt = MakeStmt(Stmt::Kind::Expr, node.Range());
  if (children.size() == 1) {
    stmt->value = LowerExprOrError(children[0], node.Range());
  } else {
    // `a, b` as a statement is a tuple display.
    stmt->value = MakeExpr(Expr::Kind::Tuple, node.Range());
    for (Node child : children) {
      stmt->value->args.push_back(LowerExprOrError(child, child.Range()));
    }
  }
  return stmt;
}

auto Lowerer::LowerAssignment(Node node, Node statement) -> StmtPtr {
  Node type = node.Field(fields_.TypeField);
  Node annotated = node.Field(fields_.Left);
  if (type && node.Field(fields_.Right) && !annotated.IsNull() && !Is(annotated, kinds_.Identifier) &&
      (Is(annotated, kinds_.Attribute) || Is(annotated, kinds_.Subscript))) {
    // `self.x: int = 1`, `d['k']: int = 2`: Python assigns and stores no annotation
    // (in a function it does not even evaluate it); Cython ignores it too.
    auto stmt = MakeStmt(Stmt::Kind::Assign, statement.Range());
    stmt->targets.push_back(LowerTargetList(annotated));
    stmt->value = LowerExprOrError(node.Field(fields_.Right), node.Range());
    return stmt;
  }
  if (type) {
    auto stmt = MakeStmt(Stmt::Kind::AnnAssign, statement.Range());
    stmt->targets.push_back(LowerExprOrError(node.Field(fields_.Left), node.Range()));
    if (in_class_body_ && !in_cclass_body_) {
      // A class body's annotation is no C type: it is recorded in the class's
      // `__annotations__` as its source text (PEP 563, as Cython 3 does).
      TypeExpr object;
      object.kind = TypeExpr::Kind::Object;
      object.object_name = "object";
      object.range = type.Range();
      stmt->annotation = object;
    } else {
      const bool was_quiet = quiet_types_;
      quiet_types_ = was_quiet || statement.HasError();
      stmt->annotation = LowerAnnotation(type);
      quiet_types_ = was_quiet;
    }
    Node right = node.Field(fields_.Right);
    if (right) {
      stmt->value = LowerExprOrError(right, right.Range());
    }
    return stmt;
  }
  // `a = b = 1` nests assignments to the right: targets [a, b], value 1.
  auto stmt = MakeStmt(Stmt::Kind::Assign, statement.Range());
  Node current = node;
  while (Is(current, kinds_.Assignment) && !current.Field(fields_.TypeField)) {
    stmt->targets.push_back(LowerTargetList(current.Field(fields_.Left)));
    Node right = current.Field(fields_.Right);
    if (!Is(right, kinds_.Assignment)) {
      stmt->value = LowerExprOrError(right, current.Range());
      return stmt;
    }
    current = right;
  }
  // `a = b: int = 1` is not Python; keep the value, the error was reported.
  stmt->value = LowerExprOrError(Node(), current.Range());
  return stmt;
}

namespace {

// The value of a condition that `cython.compiled` decides at compile time:
// `cython.compiled`, `not ...`, and `and`/`or` of such (with literal booleans).
auto CompileTimeCondition(const Expr& e, bool& mentions_compiled) -> std::optional<bool> {
  switch (e.kind) {
    case Expr::Kind::Bool:
      mentions_compiled |= e.cython_compiled;
      return e.bool_value;
    case Expr::Kind::Unary:
      if (e.unary_op == UnaryOp::Not) {
        if (auto inner = CompileTimeCondition(e.operand(), mentions_compiled)) {
          return !*inner;
        }
      }
      return std::nullopt;
    case Expr::Kind::BoolOp: {
      bool result = e.bool_op == BoolOp::And;
      for (const ExprPtr& operand : e.values()) {
        auto value = CompileTimeCondition(*operand, mentions_compiled);
        if (!value) {
          return std::nullopt;
        }
        result = e.bool_op == BoolOp::And ? result && *value : result || *value;
      }
      return result;
    }
    default:
      return std::nullopt;
  }
}

auto FoldedCondition(const Expr& e) -> std::optional<bool> {
  bool mentions_compiled = false;
  auto value = CompileTimeCondition(e, mentions_compiled);
  return mentions_compiled ? value : std::nullopt;
}

}  // namespace

void Lowerer::LowerIfInto(Node node, Block& out) {
  StmtPtr stmt;  // made at the first clause whose condition is not folded
  // The clauses in order: (clause node, its condition node, its block node).
  struct Clause {
    Node clause, condition, body;
  };
  std::vector<Clause> clauses = {{node, node.Field(fields_.Condition), node.Field(fields_.Consequence)}};
  Node else_clause;
  for (Node clause : ChildrenWithField(node, fields_.Alternative)) {
    if (Is(clause, kinds_.ElifClause)) {
      clauses.push_back({clause, clause.Field(fields_.Condition), clause.Field(fields_.Consequence)});
    } else if (Is(clause, kinds_.ElseClause)) {
      else_clause = clause;
    }
  }
  for (const Clause& clause : clauses) {
    ExprPtr condition = LowerExprOrError(clause.condition, clause.clause.Range());
    std::optional<bool> folded = FoldedCondition(*condition);
    if (folded && !*folded) {
      continue;  // a dead branch: dropped unlowered
    }
    if (folded) {
      // Always taken: its block is what remains of the `else` part, and nothing after it runs.
      if (!stmt) {
        LowerBlockInto(clause.body, out);
        return;
      }
      stmt->has_else = true;
      LowerBlockInto(clause.body, stmt->else_block);
      out.push_back(std::move(stmt));
      return;
    }
    if (!stmt) {
      stmt = MakeStmt(Stmt::Kind::If, ts_node_eq(clause.clause.Raw(), node.Raw())
                                          ? node.Range()
                                          : base::SourceRange{clause.clause.Begin(), node.End()});
      stmt->head_range = HeadBeforeColon(clause.clause);
    }
    stmt->conditions.push_back(std::move(condition));
    stmt->blocks.emplace_back();
    LowerBlockInto(clause.body, stmt->blocks.back());
  }
  if (!stmt) {
    // Every condition folded to False: only the `else` block remains.
    if (else_clause) {
      Stmt holder{};
      LowerElseClauseInto(else_clause, holder);
      for (StmtPtr& s : holder.else_block) {
        out.push_back(std::move(s));
      }
    }
    return;
  }
  if (else_clause) {
    LowerElseClauseInto(else_clause, *stmt);
  }
  out.push_back(std::move(stmt));
}

void Lowerer::LowerElseClauseInto(Node clause, Stmt& stmt) {
  stmt.has_else = true;
  Node body = clause.Field(fields_.Body);
  if (!body) {
    for (Node child : NamedChildrenOf(clause)) {
      if (Is(child, kinds_.Block)) {
        body = child;
      }
    }
  }
  LowerBlockInto(body, stmt.else_block);
}

auto Lowerer::LowerWhile(Node node) -> StmtPtr {
  auto stmt = MakeStmt(Stmt::Kind::While, node.Range());
  stmt->head_range = HeadBeforeColon(node);
  stmt->conditions.push_back(LowerExprOrError(node.Field(fields_.Condition), node.Range()));
  stmt->blocks.emplace_back();
  LowerBlockInto(node.Field(fields_.Body), stmt->blocks.back());
  Node alternative = node.Field(fields_.Alternative);
  if (alternative) {
    LowerElseClauseInto(alternative, *stmt);
  }
  return stmt;
}

auto Lowerer::LowerFor(Node node) -> StmtPtr {
  if (StartsWithAsync(node)) {
    auto stmt = Unsupported(node, "`async for` loop");
    stmt->coroutine = true;
    return stmt;
  }
  auto stmt = MakeStmt(Stmt::Kind::For, node.Range());
  stmt->head_range = HeadBeforeColon(node);
  stmt->targets.push_back(LowerTargetList(node.Field(fields_.Left)));
  stmt->value = LowerExprOrError(node.Field(fields_.Right), node.Range());
  stmt->blocks.emplace_back();
  LowerBlockInto(node.Field(fields_.Body), stmt->blocks.back());
  Node alternative = node.Field(fields_.Alternative);
  if (alternative) {
    LowerElseClauseInto(alternative, *stmt);
  }
  return stmt;
}

auto Lowerer::LowerWith(Node node) -> StmtPtr {
  if (StartsWithAsync(node)) {
    auto stmt = Unsupported(node, "`async with` statement");
    stmt->coroutine = true;
    return stmt;
  }
  auto stmt = MakeStmt(Stmt::Kind::With, node.Range());
  stmt->head_range = HeadBeforeColon(node);
  for (Node child : NamedChildrenOf(node)) {
    if (!Is(child, kinds_.WithClause)) {
      continue;
    }
    std::vector<Node> items;
    for (Node item : NamedChildrenOf(child)) {
      if (Is(item, kinds_.WithItem)) {
        items.push_back(item);
      }
    }
    // Python 3.9's parenthesized items, `with (\n  a as f,\n  b,\n):`, reach us as one
    // item holding a tuple (or, for one item without a comma, a parenthesized
    // `a as f`); Python reads a list of items there, never a tuple to enter.
    Node value = items.size() == 1 ? items[0].Field(fields_.Value) : Node();
    if (Is(value, kinds_.Tuple)) {
      for (Node element : NamedChildrenOf(value)) {
        if (element.Symbol() != kinds_.Comment) {
          stmt->with_items.push_back(LowerWithItem(element, element));
        }
      }
      continue;
    }
    if (Is(value, kinds_.ParenthesizedExpression) && value.NamedChildCount() == 1 &&
        Is(value.NamedChild(0), kinds_.AsPattern)) {
      stmt->with_items.push_back(LowerWithItem(items[0], value.NamedChild(0)));
      continue;
    }
    for (Node item : items) {
      stmt->with_items.push_back(LowerWithItem(item, item.Field(fields_.Value)));
    }
  }
  // `with cython.annotation_typing(False):` reads the annotations of its block as plain objects.
  const bool saved_annotation_typing = annotation_typing_;
  for (const WithItem& item : stmt->with_items) {
    if (item.kind == WithItem::Kind::Directive && item.directive == "annotation_typing") {
      annotation_typing_ = item.directive_value;
    }
  }
  stmt->blocks.emplace_back();
  LowerBlockInto(node.Field(fields_.Body), stmt->blocks.back());
  annotation_typing_ = saved_annotation_typing;
  return stmt;
}

auto Lowerer::LowerWithItem(Node item, Node value) -> WithItem {
  WithItem result;
  result.range = item.Range();
  Node target;
  if (Is(value, kinds_.AsPattern)) {
    Node alias = value.Field(fields_.Alias);
    target = alias.NamedChildCount() > 0 ? alias.NamedChild(0) : alias;
    value = value.NamedChild(0);
  }
  ExprPtr expr = LowerExprOrError(value, item.Range());
  // `cython.nogil` / imported `nogil`, with or without a condition; a bare
  // `nogil` that was not imported from cython stays Other (a plain Name).
  const Expr* head = expr.get();
  if (expr->kind == Expr::Kind::Call && !expr->operands.empty()) {
    head = expr->operands[0].get();
  }
  const bool is_call = head != expr.get();
  if (!target && head->kind == Expr::Kind::DialectRef) {
    const std::string& path = head->dialect_path;
    if (path == "cython.nogil" || path == "cython.gil") {
      result.kind = path == "cython.nogil" ? WithItem::Kind::Nogil : WithItem::Kind::Gil;
      if (is_call && expr->args.size() == 1 && expr->keywords.empty()) {
        result.condition = std::move(expr->args[0]);
        return result;
      }
      if (!is_call) {
        return result;
      }
      // `nogil()` or `nogil(a, b)`: not a form Cython knows; let the checker see it as Other.
      result.kind = WithItem::Kind::Other;
    } else if (is_call && path == "cython.parallel.parallel" && expr->args.empty() &&
               (expr->keywords.empty() || (expr->keywords.size() == 1 && expr->keywords[0].name == "num_threads"))) {
      // `with parallel():` (or `parallel(num_threads=n)`): a parallel block (checked/emitted as one).
      result.kind = WithItem::Kind::Parallel;
      if (!expr->keywords.empty()) {
        result.condition = std::move(expr->keywords[0].value);
      }
      return result;
    } else if (is_call && path.rfind("cython.", 0) == 0 && expr->args.size() == 1 &&
               expr->args[0]->kind == Expr::Kind::Bool && expr->keywords.empty()) {
      // `with cython.boundscheck(False):` and the other directives.
      result.kind = WithItem::Kind::Directive;
      result.directive = path.substr(7);
      result.directive_value = expr->args[0]->bool_value;
      return result;
    }
  }
  result.value = std::move(expr);
  if (target) {
    result.target = LowerTargetList(target);
  }
  return result;
}

auto Lowerer::LowerTry(Node node) -> StmtPtr {
  auto stmt = MakeStmt(Stmt::Kind::Try, node.Range());
  stmt->head_range = KeywordRange(node, "try");
  stmt->blocks.emplace_back();
  LowerBlockInto(node.Field(fields_.Body), stmt->blocks.back());
  for (Node clause : NamedChildrenOf(node)) {
    if (Is(clause, kinds_.ExceptClause)) {
      for (const FieldChild& child : ChildrenOf(clause)) {
        if (!child.node.IsNamed() && child.node.Type() == "*") {
          return Unsupported(node, "`except*` clause");
        }
      }
      ExceptHandler handler;
      handler.range = clause.Range();
      Node value = clause.Field(fields_.Value);
      if (Is(value, kinds_.AsPattern)) {
        Node alias = value.Field(fields_.Alias);
        Node name = alias.NamedChildCount() > 0 ? alias.NamedChild(0) : alias;
        handler.name = Identifier(name);
        value = value.NamedChild(0);
      }
      if (value) {
        handler.type = LowerExprOrError(value, clause.Range());
      }
      for (Node child : NamedChildrenOf(clause)) {
        if (Is(child, kinds_.Block)) {
          LowerBlockInto(child, handler.body);
        }
      }
      stmt->handlers.push_back(std::move(handler));
    } else if (Is(clause, kinds_.ElseClause)) {
      LowerElseClauseInto(clause, *stmt);
    } else if (Is(clause, kinds_.FinallyClause)) {
      stmt->has_finally = true;
      for (Node child : NamedChildrenOf(clause)) {
        if (Is(child, kinds_.Block)) {
          LowerBlockInto(child, stmt->finally_block);
        }
      }
    }
  }
  if (stmt->handlers.empty() && !stmt->has_finally) {
    sink_.Report(diag::Kind::SyntaxError, stmt->head_range, ": expected `except` or `finally` block");
  }
  return stmt;
}

auto Lowerer::LowerClass(Node node, Node outer) -> StmtPtr {
  auto stmt = MakeStmt(Stmt::Kind::Class, outer.Range());
  stmt->head_range = HeadBeforeColon(node);
  stmt->name = Identifier(node.Field(fields_.Name));
  if (!ts_node_eq(outer.Raw(), node.Raw())) {
    for (Node child : NamedChildrenOf(outer)) {
      if (Is(child, kinds_.Decorator)) {
        Node expression = child.NamedChildCount() > 0 ? child.NamedChild(0) : Node();
        stmt->decorators.push_back(LowerExprOrError(expression, child.Range()));
      }
    }
  }
  // Cython's own test suite asserts on its syntax tree with these: no meaning to
  // compiled code or to Python, so the class is made as if they were not there.
  std::erase_if(stmt->decorators, [](const ExprPtr& d) {
    return d && d->kind == Expr::Kind::Call && d->callee().kind == Expr::Kind::DialectRef &&
           (d->callee().dialect_path == "cython.test_assert_path_exists" ||
            d->callee().dialect_path == "cython.test_fail_if_path_exists");
  });
  if (HasEnumBase(node)) {
    // `@cython.cclass` on a subclass of `enum.Enum` (Cython 3.1's spelling of a
    // cpdef enum): the class stays what Python makes of it, an enum class whose
    // members are Python objects (docs/language/extension-types.md).
    std::erase_if(stmt->decorators, [](const ExprPtr& d) { return d && IsBareCClassDecorator(*d); });
  }
  Node superclasses = node.Field(fields_.Superclasses);
  for (Node argument : NamedChildrenOf(superclasses)) {
    if (Is(argument, kinds_.KeywordArgument)) {
      Node name = argument.Field(fields_.Name);
      stmt->class_keywords.push_back(
          {Identifier(name), name.Range(), LowerExprOrError(argument.Field(fields_.Value), argument.Range())});
    } else if (Is(argument, kinds_.DictionarySplat)) {
      std::vector<Node> inner = NamedChildrenOf(argument);
      stmt->class_keywords.push_back(
          {"", argument.Range(), LowerExprOrError(inner.empty() ? Node() : inner[0], argument.Range())});
    } else if (argument.Symbol() != kinds_.Comment) {
      stmt->bases.push_back(LowerExpr(argument));
    }
  }
  stmt->blocks.emplace_back();
  const bool was_class_body = in_class_body_;
  const bool was_cclass_body = in_cclass_body_;
  in_class_body_ = true;
  in_cclass_body_ = augmented_classes_.count(node.Begin()) != 0 ||
                    std::any_of(stmt->decorators.begin(), stmt->decorators.end(), [](const ExprPtr& d) {
                      return d && IsExtensionTypeDecorator(*d);
                    });
  LowerBlockInto(node.Field(fields_.Body), stmt->blocks.back());
  in_class_body_ = was_class_body;
  in_cclass_body_ = was_cclass_body;
  MangleClassPrivateNames(*stmt);
  return stmt;
}

auto Lowerer::LowerSimpleKeywordStatement(Node node) -> StmtPtr {
  const NodeKinds& k = kinds_;
  const TSSymbol s = node.Symbol();
  std::vector<Node> children = NamedChildrenOf(node);
  auto keyword_stmt = [&](Stmt::Kind kind, std::string_view keyword) {
    auto stmt = MakeStmt(kind, node.Range());
    stmt->head_range = KeywordRange(node, keyword);
    return stmt;
  };
  if (s == k.PassStatement) {
    return keyword_stmt(Stmt::Kind::Pass, "pass");
  }
  if (s == k.BreakStatement) {
    return keyword_stmt(Stmt::Kind::Break, "break");
  }
  if (s == k.ContinueStatement) {
    return keyword_stmt(Stmt::Kind::Continue, "continue");
  }
  if (s == k.ReturnStatement) {
    auto stmt = keyword_stmt(Stmt::Kind::Return, "return");
    if (!children.empty()) {
      stmt->value = LowerTargetList(children[0]);
    }
    return stmt;
  }
  if (s == k.RaiseStatement) {
    auto stmt = keyword_stmt(Stmt::Kind::Raise, "raise");
    Node cause = node.Field(fields_.Cause);
    for (Node child : children) {
      if (cause.IsNull() || !ts_node_eq(child.Raw(), cause.Raw())) {
        stmt->value = LowerTargetList(child);
        break;
      }
    }
    if (cause) {
      stmt->cause = LowerExprOrError(cause, cause.Range());
    }
    return stmt;
  }
  if (s == k.DeleteStatement) {
    auto stmt = keyword_stmt(Stmt::Kind::Del, "del");
    for (Node child : children) {
      if (Is(child, k.ExpressionList)) {
        for (Node target : NamedChildrenOf(child)) {
          stmt->targets.push_back(LowerExprOrError(target, target.Range()));
        }
      } else {
        stmt->targets.push_back(LowerExprOrError(child, child.Range()));
      }
    }
    return stmt;
  }
  if (s == k.AssertStatement) {
    auto stmt = keyword_stmt(Stmt::Kind::Assert, "assert");
    if (!children.empty()) {
      stmt->value = LowerExprOrError(children[0], node.Range());
    }
    if (children.size() > 1) {
      stmt->message = LowerExprOrError(children[1], node.Range());
    }
    return stmt;
  }
  if (s == k.GlobalStatement || s == k.NonlocalStatement) {
    const bool global = s == k.GlobalStatement;
    auto stmt = keyword_stmt(global ? Stmt::Kind::Global : Stmt::Kind::Nonlocal, global ? "global" : "nonlocal");
    for (Node child : children) {
      if (Is(child, k.Identifier)) {
        stmt->names.emplace_back(Identifier(child));
      }
    }
    return stmt;
  }
  return Unsupported(node, fmt::format("`{}` statement", node.Type()));
}

auto Lowerer::LowerPython2Statement(Node node) -> StmtPtr {
  const bool is_print = Is(node, kinds_.PrintStatement);
  auto stmt = MakeStmt(is_print ? Stmt::Kind::Print2 : Stmt::Kind::Exec2, node.Range());
  stmt->head_range = KeywordRange(node, is_print ? "print" : "exec");
  // The Python 3 spelling, as a fix-it: print(a, b[, end=" "][, file=f]); exec(code[, globals[, locals]]).
  std::vector<std::string> arguments;
  bool trailing_comma = false;
  std::string file;
  if (is_print) {
    stmt->value = MakeExpr(Expr::Kind::Tuple, node.Range());
    for (const FieldChild& child : ChildrenOf(node)) {
      if (Is(child.node, kinds_.Chevron)) {
        Node target = child.node.NamedChildCount() > 0 ? child.node.NamedChild(0) : Node();
        file = std::string(Text(target));
        stmt->cause = LowerExprOrError(target, child.node.Range());
        trailing_comma = false;
      } else if (child.field == fields_.Argument) {
        arguments.emplace_back(Text(child.node));
        stmt->value->args.push_back(LowerExprOrError(child.node, child.node.Range()));
        trailing_comma = false;
      } else if (!child.node.IsNamed() && child.node.Type() == ",") {
        trailing_comma = true;
      }
    }
    if (trailing_comma) {
      arguments.emplace_back("end=\" \"");
    }
    if (!file.empty()) {
      arguments.push_back("file=" + file);
    }
  } else {
    for (Node child : NamedChildrenOf(node)) {
      arguments.emplace_back(Text(child));
      if (!stmt->value) {
        stmt->value = LowerExprOrError(child, child.Range());
      } else {
        stmt->targets.push_back(LowerExprOrError(child, child.Range()));
      }
    }
  }
  std::string replacement = is_print ? "print(" : "exec(";
  for (size_t i = 0; i < arguments.size(); ++i) {
    replacement += (i == 0 ? "" : ", ") + arguments[i];
  }
  replacement += ")";
  sink_.Report(diag::Kind::Python2Statement, stmt->head_range, is_print ? "print" : "exec")
      .AddFixIt(node.Range(), replacement);
  return stmt;
}

}  // namespace pyxx::syntax
