// Generator expressions, as Python defines them: `(elt for t1 in it1 if c for t2 in it2)`
// calls a generator function made on the spot with `iter(it1)`,
//
//   def <genexpr>(.0):
//       for t1 in .0:
//           if c:
//               for t2 in it2:
//                   yield elt
//
// so the first iterable is evaluated (and iter() taken) where the expression is,
// everything else lazily, one item per next(); the names it uses from the
// function around it are that function's variables (closures). Later phases see
// an ordinary nested generator function (Function::genexpr) and its call.
#include "syntax/lowerer.h"

namespace pyxx::syntax {

auto Lowerer::LowerGeneratorExpression(ExprPtr genexpr) -> ExprPtr {
  Expr& g = *genexpr;
  auto function = std::make_unique<Function>();
  function->name = "<genexpr>";
  function->range = g.range;
  function->name_range = g.range;
  function->def_range = g.range;
  function->genexpr = true;
  Param iterator;
  iterator.name = ".0";  // CPython's name for it: no Python name can meet it
  iterator.range = g.clauses[0].iterable->range;
  function->params.push_back(std::move(iterator));

  // Innermost first: the `yield`, then each clause's conditions and loop around it.
  ExprPtr element = std::move(g.operands[0]);
  const SourceRange element_range = element->range;
  auto yield = MakeExpr(Expr::Kind::Yield, element_range);
  yield->operands.push_back(std::move(element));
  auto yield_stmt = MakeStmt(Stmt::Kind::Expr, element_range);
  yield_stmt->head_range = element_range;
  yield_stmt->value = std::move(yield);
  Block body;
  body.push_back(std::move(yield_stmt));
  for (size_t i = g.clauses.size(); i-- > 0;) {
    ComprehensionClause& clause = g.clauses[i];
    for (size_t c = clause.conditions.size(); c-- > 0;) {
      auto test = MakeStmt(Stmt::Kind::If, clause.conditions[c]->range);
      test->head_range = clause.conditions[c]->range;
      test->conditions.push_back(std::move(clause.conditions[c]));
      test->blocks.push_back(std::move(body));
      body = Block{};
      body.push_back(std::move(test));
    }
    auto loop = MakeStmt(Stmt::Kind::For, clause.range);
    loop->head_range = clause.range;
    loop->targets.push_back(std::move(clause.target));
    if (i == 0) {
      auto source = MakeExpr(Expr::Kind::Name, clause.iterable->range);
      source->name = ".0";
      loop->value = std::move(source);
    } else {
      loop->value = std::move(clause.iterable);
    }
    loop->blocks.push_back(std::move(body));
    body = Block{};
    body.push_back(std::move(loop));
  }
  function->body = std::move(body);
  g.args.push_back(std::move(g.clauses[0].iterable));
  g.clauses.clear();
  g.operands.clear();
  g.function = std::move(function);
  return genexpr;
}

}  // namespace pyxx::syntax
