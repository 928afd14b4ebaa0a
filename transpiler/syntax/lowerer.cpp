#include "syntax/lowerer.h"

namespace pyxx::syntax {

Lowerer::Lowerer(const base::SourceBuffer& source, diag::DiagnosticSink& sink)
    : source_(source), sink_(sink), kinds_(Kinds()), fields_(Fields()) {}

void Lowerer::LowerModule(Node root, Module& module) {
  CollectDialectImports(root, module);
  CollectTypeAliases(root);
  for (Node child : NamedChildrenOf(root)) {
    LowerStatementInto(child, module.body);
  }
  module.expr_count = next_expr_id_;
  module.stmt_count = next_stmt_id_;
}

auto Lowerer::MakeExpr(Expr::Kind kind, base::SourceRange range) -> ExprPtr {
  auto expr = std::make_unique<Expr>();
  expr->kind = kind;
  expr->range = range;
  expr->id = ExprId{next_expr_id_++};
  return expr;
}

auto Lowerer::MakeStmt(Stmt::Kind kind, base::SourceRange range) -> StmtPtr {
  auto stmt = std::make_unique<Stmt>();
  stmt->kind = kind;
  stmt->range = range;
  stmt->head_range = range;
  stmt->id = StmtId{next_stmt_id_++};
  return stmt;
}

auto Lowerer::HeadBeforeColon(Node node) const -> base::SourceRange {
  base::SourceRange head{node.Begin(), node.Begin()};
  for (const FieldChild& child : ChildrenOf(node)) {
    if (!child.node.IsNamed() && child.node.Type() == ":") {
      break;
    }
    if (child.node.Symbol() != kinds_.Comment) {
      head.end = child.node.End();
    }
  }
  return head;
}

auto Lowerer::KeywordRange(Node node, std::string_view keyword) const -> base::SourceRange {
  for (const FieldChild& child : ChildrenOf(node)) {
    if (!child.node.IsNamed() && child.node.Type() == keyword) {
      return child.node.Range();
    }
  }
  return {node.Begin(), node.Begin()};
}

}  // namespace pyxx::syntax
