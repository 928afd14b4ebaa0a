// Dump(): a stable S-expression text of a Module for snapshot tests. Every
// node shows its kind, its fields that matter and `line:col` of its start.
#include <string>

#include "syntax/parse.h"
#include "syntax/scalar_names.h"

namespace pyxx::syntax {
namespace {

constexpr std::string_view kBinaryOps[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
constexpr std::string_view kUnaryOps[] = {"-", "+", "~", "not"};
constexpr std::string_view kCompareOps[] = {"<", "<=", ">", ">=", "==", "!=", "in", "not-in", "is", "is-not"};

auto Quote(std::string_view text) -> std::string {
  std::string out = "\"";
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

class Dumper {
 public:
  explicit Dumper(const base::SourceBuffer& source) : source_(source) {}

  auto Take() -> std::string { return std::move(out_); }

  void DumpModule(const Module& module) {
    out_ += fmt::format("(Module {}", Quote(module.name));
    ++depth_;
    for (const DialectImport& import : module.dialect_imports) {
      Line();
      out_ += fmt::format("(DialectImport {} {} {})", import.local, import.path, Pos(import.range));
    }
    for (const StmtPtr& stmt : module.body) {
      DumpStmt(*stmt);
    }
    --depth_;
    out_ += ")\n";
  }

 private:
  void Line() {
    out_ += '\n';
    out_.append(static_cast<size_t>(depth_) * 2, ' ');
  }

  auto Pos(base::SourceRange range) const -> std::string {
    base::LineColumn at = source_.Locate(range.begin);
    return fmt::format("{}:{}", at.line, at.column);
  }

  static auto TypeText(const TypeExpr& type) -> std::string {
    switch (type.kind) {
      case TypeExpr::Kind::Scalar:
        return fmt::format("scalar:{}{}", CythonName(type.scalar), type.python_builtin_spelling ? "(builtin)" : "");
      case TypeExpr::Kind::Object:
        return fmt::format("object:{}{}", type.object_name, type.python_builtin_spelling ? "(builtin)" : "");
      case TypeExpr::Kind::MemoryView:
        return fmt::format("memoryview:{}:{}d:contiguous={}", CythonName(type.element), type.ndim, type.contiguous_dim);
      case TypeExpr::Kind::Pointer:
        return fmt::format("pointer:{}", type.target != nullptr ? TypeText(*type.target) : "?");
      case TypeExpr::Kind::Array:
        return fmt::format("array:{}:{}", type.target != nullptr ? TypeText(*type.target) : "?", type.length);
      case TypeExpr::Kind::CppVector:
        return fmt::format("vector:{}", type.target != nullptr ? TypeText(*type.target) : "?");
      case TypeExpr::Kind::CppString:
        return "string";
      case TypeExpr::Kind::CppTemplate: {
        std::string params;
        for (const TypeExpr& param : type.elements) {
          params += (params.empty() ? "" : ",") + TypeText(param);
        }
        return fmt::format("{}[{}]", type.c_name, params);
      }
      case TypeExpr::Kind::PyBuffer:
        return "Py_buffer";
      case TypeExpr::Kind::CName:
        return fmt::format("cname:{}", type.c_name);
      case TypeExpr::Kind::Fused:
        return fmt::format("fused:{}", type.fused);
      case TypeExpr::Kind::CTuple: {
        std::string elements;
        for (const TypeExpr& element : type.elements) {
          elements += (elements.empty() ? "" : ",") + TypeText(element);
        }
        return fmt::format("ctuple:({})", elements);
      }
      case TypeExpr::Kind::Invalid:
        return "invalid";
    }
    return "?";
  }

  void DumpType(std::string_view label, const TypeExpr& type) {
    Line();
    out_ += fmt::format("({} {} {})", label, TypeText(type), Pos(type.range));
  }

  void Open(std::string_view head, base::SourceRange range) {
    Line();
    out_ += fmt::format("({} {}", head, Pos(range));
    ++depth_;
  }
  void Close() {
    --depth_;
    out_ += ")";
  }

  void DumpBlock(std::string_view label, const Block& block) {
    Line();
    out_ += fmt::format("({}", label);
    ++depth_;
    for (const StmtPtr& stmt : block) {
      DumpStmt(*stmt);
    }
    Close();
  }

  void DumpExprs(std::string_view label, const std::vector<ExprPtr>& exprs) {
    if (exprs.empty()) {
      return;
    }
    Line();
    out_ += fmt::format("({}", label);
    ++depth_;
    for (const ExprPtr& expr : exprs) {
      DumpExpr(expr.get());
    }
    Close();
  }

  void DumpStmt(const Stmt& stmt) {
    static constexpr std::string_view kNames[] = {
        "Expr", "Assign", "AnnAssign", "AugAssign", "If",     "While",  "For",         "Break",
        "Continue", "Pass", "Return",  "With",      "Function", "Import", "Raise",     "Try",
        "Del",    "Assert", "Global",  "Nonlocal",  "Class",  "Print2", "Exec2",       "Unsupported"};
    std::string head(kNames[static_cast<size_t>(stmt.kind)]);
    if (stmt.kind == Stmt::Kind::AugAssign) {
      head += fmt::format(" {}=", kBinaryOps[static_cast<size_t>(stmt.aug_op)]);
    }
    if (!stmt.name.empty()) {
      head += " " + stmt.name;
    }
    if (!stmt.description.empty()) {
      head += " " + Quote(stmt.description);
    }
    for (const std::string& name : stmt.names) {
      head += " " + name;
    }
    Open(head, stmt.range);
    if (stmt.head_range != stmt.range) {
      out_ += fmt::format(" head={}-{}", Pos(stmt.head_range), Pos({stmt.head_range.end, stmt.head_range.end}));
    }
    for (const ImportName& import : stmt.imports) {
      Line();
      out_ += fmt::format("(ImportName {} {} {} {})", Quote(import.module), Quote(import.name), Quote(import.alias),
                          Pos(import.range));
    }
    DumpExprs("targets", stmt.targets);
    if (stmt.annotation) {
      DumpType("annotation", *stmt.annotation);
    }
    for (size_t i = 0; i < stmt.conditions.size(); ++i) {
      Line();
      out_ += "(condition";
      ++depth_;
      DumpExpr(stmt.conditions[i].get());
      Close();
      if (i < stmt.blocks.size()) {
        DumpBlock("then", stmt.blocks[i]);
      }
    }
    for (const WithItem& item : stmt.with_items) {
      DumpWithItem(item);
    }
    if (stmt.value) {
      Line();
      out_ += "(value";
      ++depth_;
      DumpExpr(stmt.value.get());
      Close();
    }
    if (stmt.cause) {
      Line();
      out_ += "(cause";
      ++depth_;
      DumpExpr(stmt.cause.get());
      Close();
    }
    if (stmt.message) {
      Line();
      out_ += "(message";
      ++depth_;
      DumpExpr(stmt.message.get());
      Close();
    }
    if (stmt.conditions.empty()) {
      for (const Block& block : stmt.blocks) {
        DumpBlock("body", block);
      }
    }
    for (const ExceptHandler& handler : stmt.handlers) {
      Open(handler.name.empty() ? std::string("except") : "except as " + handler.name, handler.range);
      if (handler.type) {
        DumpExpr(handler.type.get());
      }
      DumpBlock("body", handler.body);
      Close();
    }
    if (stmt.has_else) {
      DumpBlock("else", stmt.else_block);
    }
    if (stmt.has_finally) {
      DumpBlock("finally", stmt.finally_block);
    }
    if (stmt.function) {
      DumpFunction(*stmt.function);
    }
    for (const ExprPtr& d : stmt.decorators) {
      Line();
      out_ += "(decorator";
      ++depth_;
      DumpExpr(d.get());
      Close();
    }
    for (const ExprPtr& b : stmt.bases) {
      Line();
      out_ += "(base";
      ++depth_;
      DumpExpr(b.get());
      Close();
    }
    for (const Keyword& keyword : stmt.class_keywords) {
      Line();
      out_ += fmt::format("(keyword {}", keyword.name.empty() ? std::string("**") : keyword.name);
      ++depth_;
      DumpExpr(keyword.value.get());
      Close();
    }
    Close();
  }

  void DumpWithItem(const WithItem& item) {
    static constexpr std::string_view kKinds[] = {"nogil", "gil", "directive", "parallel", "other"};
    std::string head = fmt::format("item {}", kKinds[static_cast<size_t>(item.kind)]);
    if (item.kind == WithItem::Kind::Directive) {
      head += fmt::format(" {}={}", item.directive, item.directive_value ? "True" : "False");
    }
    Open(head, item.range);
    if (item.condition) {
      DumpExpr(item.condition.get());
    }
    if (item.value) {
      DumpExpr(item.value.get());
    }
    if (item.target) {
      Line();
      out_ += "(as";
      ++depth_;
      DumpExpr(item.target.get());
      Close();
    }
    Close();
  }

  void DumpFunction(const Function& function) {
    const FunctionAttrs& a = function.attrs;
    std::string flags;
    auto flag = [&](bool on, std::string_view name) {
      if (on) flags += (flags.empty() ? "" : " ") + std::string(name);
    };
    flag(a.cfunc, "cfunc");
    flag(a.ccall, "ccall");
    flag(a.nogil, "nogil");
    flag(a.with_gil, "with_gil");
    flag(a.numba, "numba");
    flag(a.numba_nopython, "nopython");
    flag(a.numba_nogil, "numba_nogil");
    flag(function.is_async, "async");
    flag(function.genexpr, "genexpr");
    auto tristate = [&](const std::optional<bool>& value, std::string_view name) {
      if (value) flags += fmt::format("{}{}={}", flags.empty() ? "" : " ", name, *value ? "True" : "False");
    };
    tristate(a.boundscheck, "boundscheck");
    tristate(a.wraparound, "wraparound");
    tristate(a.cdivision, "cdivision");
    tristate(a.nonecheck, "nonecheck");
    tristate(a.binding, "binding");
    if (a.has_exceptval) {
      flags += fmt::format("{}exceptval(check={})", flags.empty() ? "" : " ", a.exceptval_check ? "True" : "False");
    }
    Open(fmt::format("def {} [{}]", function.name, flags), function.name_range);
    for (const DecoratorInfo& decorator : a.decorators) {
      Line();
      out_ += fmt::format("(decorator {} {})", decorator.path, Pos(decorator.range));
    }
    DumpExprs("unknown-decorators", a.unknown_decorators);
    if (a.dropped_classmethod) {
      Line();
      out_ += fmt::format("(dropped-classmethod {})", Pos(a.dropped_classmethod->range));
    }
    if (a.exceptval_value) {
      Line();
      out_ += "(exceptval";
      ++depth_;
      DumpExpr(a.exceptval_value.get());
      Close();
    }
    for (const auto& [name, type] : a.locals) {
      DumpType("local " + name, type);
    }
    if (a.returns) {
      DumpType("returns", *a.returns);
    }
    if (a.has_numba_signature) {
      Line();
      out_ += fmt::format("(signature {}", Pos(a.numba_signature_range));
      ++depth_;
      if (a.numba_return_type) {
        DumpType("returns", *a.numba_return_type);
      }
      for (const TypeExpr& type : a.numba_param_types) {
        DumpType("param", type);
      }
      Close();
    }
    static constexpr std::string_view kParamKinds[] = {"", "*", "**"};
    for (const Param& param : function.params) {
      Open(fmt::format("param {}{}{}{}", kParamKinds[static_cast<size_t>(param.kind)], param.name,
                       param.keyword_only ? " kwonly" : "", param.positional_only ? " posonly" : ""),
           param.range);
      if (param.annotation) {
        DumpType("type", *param.annotation);
      }
      if (param.default_value) {
        Line();
        out_ += "(default";
        ++depth_;
        DumpExpr(param.default_value.get());
        Close();
      }
      Close();
    }
    if (function.return_type) {
      DumpType("returns", *function.return_type);
    }
    DumpBlock("body", function.body);
    Close();
  }

  void DumpExpr(const Expr* expr) {
    if (expr == nullptr) {
      Line();
      out_ += "(null)";
      return;
    }
    static constexpr std::string_view kNames[] = {
        "Name",  "DialectRef", "Int",   "Float", "Bool",   "None",    "String",    "FString", "Binary",
        "Unary", "BoolOp",     "Compare", "Conditional", "Call", "Attribute", "Subscript", "Slice",   "Tuple",
        "List",  "Set",        "Dict",  "Starred", "Lambda", "Comprehension", "Await", "Yield", "NamedExpr",
        "Ellipsis"};
    std::string head(kNames[static_cast<size_t>(expr->kind)]);
    switch (expr->kind) {
      case Expr::Kind::Name:
      case Expr::Kind::Attribute:
        head += " " + expr->name;
        break;
      case Expr::Kind::DialectRef:
        head += " " + expr->dialect_path;
        break;
      case Expr::Kind::Int:
      case Expr::Kind::Float:
        head += " " + expr->text;
        break;
      case Expr::Kind::String:
        head += std::string(expr->is_bytes ? " b" : " ") + Quote(expr->text);
        break;
      case Expr::Kind::Bool:
        head += expr->bool_value ? " True" : " False";
        head += expr->cython_compiled ? " (cython.compiled)" : "";
        break;
      case Expr::Kind::Binary:
        head += " " + std::string(kBinaryOps[static_cast<size_t>(expr->binary_op)]);
        break;
      case Expr::Kind::Unary:
        head += " " + std::string(kUnaryOps[static_cast<size_t>(expr->unary_op)]);
        break;
      case Expr::Kind::BoolOp:
        head += expr->bool_op == BoolOp::And ? " and" : " or";
        break;
      case Expr::Kind::Compare:
        for (CompareOp op : expr->compare_ops) {
          head += " " + std::string(kCompareOps[static_cast<size_t>(op)]);
        }
        break;
      case Expr::Kind::Comprehension:
        head += std::string(" ") + ComprehensionKindName(expr->comprehension_kind);
        break;
      case Expr::Kind::Starred:
      case Expr::Kind::Yield:
        if (!expr->text.empty()) head += " " + expr->text;
        break;
      default:
        break;
    }
    Open(head, expr->range);
    for (const ExprPtr& operand : expr->operands) {
      DumpExpr(operand.get());
    }
    for (const ExprPtr& arg : expr->args) {
      DumpExpr(arg.get());
    }
    for (const Keyword& keyword : expr->keywords) {
      Line();
      out_ += fmt::format("(keyword {}", keyword.name.empty() ? std::string("**") : keyword.name);
      ++depth_;
      DumpExpr(keyword.value.get());
      Close();
    }
    for (const ExprPtr& part : expr->parts) {
      DumpExpr(part.get());
    }
    for (const ComprehensionClause& clause : expr->clauses) {
      Open("for", clause.range);
      DumpExpr(clause.target.get());
      DumpExpr(clause.iterable.get());
      for (const ExprPtr& condition : clause.conditions) {
        DumpExpr(condition.get());
      }
      Close();
    }
    if (expr->function) {
      DumpFunction(*expr->function);
    }
    Close();
  }

  const base::SourceBuffer& source_;
  std::string out_;
  int depth_ = 0;
};

}  // namespace

auto Dump(const Module& module, const base::SourceBuffer& source) -> std::string {
  Dumper dumper(source);
  dumper.DumpModule(module);
  return dumper.Take();
}

}  // namespace pyxx::syntax
