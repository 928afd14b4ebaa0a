#include "syntax/lowerer.h"

#include <fmt/format.h>

namespace pyxx::syntax {

Lowerer::Lowerer(const base::SourceBuffer& source, diag::DiagnosticSink& sink)
    : source_(source), sink_(sink), kinds_(Kinds()), fields_(Fields()) {}

void Lowerer::LowerModule(Node root, Module& module) {
  ReadDirectiveComments();
  if (augmenting_ != nullptr) {
    for (const auto& [local, path] : augmenting_->dialect_bindings) {
      dialect_.Bind(local, path);  // the module's own imports, collected next, rebind
    }
    module.extern_functions = augmenting_->extern_functions;
    for (const FusedTypeDef& def : augmenting_->fused_types) {
      fused_names_[def.name] = static_cast<int>(fused_defs_.size());
      fused_defs_.push_back(def);
    }
    for (size_t i = 0; i < module.extern_functions.size(); ++i) {
      const ExternFunction& f = module.extern_functions[i];
      if (augmenting_->cimported_functions.empty()) {  // else bound by the cimports that name them
        dialect_.BindExtern(f.local, f.path, static_cast<int>(i));
      }
    }
  }
  CollectDialectImports(root, module);
  CollectTypeAliases(root);
  for (Node child : NamedChildrenOf(root)) {
    LowerStatementInto(child, module.body);
  }
  for (const auto& s : module.body) {
    if (s->kind == Stmt::Kind::Import) {
      for (const auto& name : s->imports) {
        module.postponed_annotations |= name.module == "__future__" && name.name == "annotations";
      }
    }
  }
  module.expr_count = next_expr_id_;
  module.stmt_count = next_stmt_id_;
  module.fused_types = std::move(fused_defs_);
}

void Lowerer::ReadDirectiveComments() {
  // Cython reads `# cython: name=value, ...` in the comments before the first
  // statement. pyxx acts on annotation_typing, infer_types and binding there; the other
  // directives of such a comment (language_level, boundscheck, ...) stay comments.
  std::string_view text = source_.text();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    size_t first = line.find_first_not_of(" \t\r\f");
    if (first == std::string_view::npos) {
      continue;
    }
    if (line[first] != '#') {
      break;  // the first statement: directive comments end here
    }
    std::string_view body = line.substr(first + 1);
    body.remove_prefix(std::min(body.find_first_not_of(" \t"), body.size()));
    if (body.rfind("cython:", 0) != 0) {
      continue;
    }
    body.remove_prefix(7);
    while (!body.empty()) {
      size_t comma = body.find(',');
      std::string item;
      for (char c : body.substr(0, comma)) {
        if (c != ' ' && c != '\t' && c != '\r') {
          item += c;
        }
      }
      const size_t item_begin =
          static_cast<size_t>(body.data() - text.data()) + std::min(body.find_first_not_of(" \t"), body.size());
      body = comma == std::string_view::npos ? std::string_view() : body.substr(comma + 1);
      if (item.rfind("c_string_type=", 0) == 0 || item.rfind("c_string_encoding=", 0) == 0) {
        // They change what C strings and C++ strings become in Python: not
        // compiled, so never ignored (docs/language/c-data.md).
        const base::SourceRange where{static_cast<uint32_t>(item_begin),
                                      static_cast<uint32_t>(item_begin + item.size())};
        sink_.Report(diag::Kind::UnsupportedStatement, where, fmt::format("the directive `{}`", item));
      } else if (item == "annotation_typing=False") {
        annotation_typing_ = false;
      } else if (item == "annotation_typing=True") {
        annotation_typing_ = true;
      } else if (item == "infer_types=True") {
        infer_types_ = FunctionAttrs::Inference::Full;
      } else if (item == "infer_types=None") {
        infer_types_ = FunctionAttrs::Inference::Safe;
      } else if (item == "infer_types=False") {
        infer_types_ = FunctionAttrs::Inference::Off;
      } else if (item == "binding=True" || item == "binding=False") {
        binding_ = item == "binding=True";
      }
    }
  }
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
