// Number and string literals. Strings are decoded to their value; f-strings
// become FString parts, with `!r` and format specs spelled as the calls Python
// defines them to be: f"{x!r:>10}" is format(repr(x), ">10").
#include <cctype>
#include <string>

#include "syntax/lowerer.h"
#include "syntax/string_literal.h"

namespace pyxx::syntax {

auto Lowerer::LowerNumber(Node node, Expr::Kind kind) -> ExprPtr {
  std::string text(Text(node));
  std::erase(text, '_');
  const base::SourceRange range = node.Range();
  if (!text.empty() && (text.back() == 'j' || text.back() == 'J')) {
    // An imaginary literal is exactly complex(0, value).
    text.pop_back();
    auto call = MakeExpr(Expr::Kind::Call, range);
    auto callee = MakeExpr(Expr::Kind::Name, range);
    callee->name = "complex";
    call->operands.push_back(std::move(callee));
    auto zero = MakeExpr(Expr::Kind::Int, range);
    zero->text = "0";
    call->args.push_back(std::move(zero));
    const bool is_float = text.find_first_of(".eE") != std::string::npos && text.rfind("0x", 0) != 0;
    auto value = MakeExpr(is_float ? Expr::Kind::Float : Expr::Kind::Int, range);
    value->text = text;
    call->args.push_back(std::move(value));
    call->args_range = range;
    return call;
  }
  if (kind == Expr::Kind::Int && !text.empty() && (text.back() == 'l' || text.back() == 'L')) {
    sink_.Report(diag::Kind::SyntaxError, range, ": Python 2 long literal; remove the `L`")
        .AddFixIt({range.end - 1, range.end}, "");
    text.pop_back();
  } else if (kind == Expr::Kind::Int && text.size() > 1 && text[0] == '0' &&
             std::isdigit(static_cast<unsigned char>(text[1])) && text.find_first_not_of('0') != std::string::npos) {
    sink_.Report(diag::Kind::SyntaxError, range,
                 ": leading zeros in decimal integer literals are not permitted; use an `0o` prefix for octal")
        .AddFixIt({range.begin, range.begin + 1}, "0o");
  }
  auto expr = MakeExpr(kind, range);
  expr->text = std::move(text);
  return expr;
}

auto Lowerer::LowerString(Node node) -> ExprPtr {
  std::vector<ExprPtr> parts;
  bool is_bytes = false;
  bool is_fstring = false;
  AppendStringParts(node, parts, is_bytes, is_fstring);
  if (!is_fstring) {
    auto expr = MakeExpr(Expr::Kind::String, node.Range());
    expr->is_bytes = is_bytes;
    for (ExprPtr& part : parts) {
      expr->text += part->text;
    }
    return expr;
  }
  auto expr = MakeExpr(Expr::Kind::FString, node.Range());
  expr->parts = std::move(parts);
  return expr;
}

auto Lowerer::LowerConcatenatedString(Node node) -> ExprPtr {
  std::vector<ExprPtr> parts;
  bool any_fstring = false;
  int bytes_count = 0;
  int string_count = 0;
  for (Node piece : NamedChildrenOf(node)) {
    if (!Is(piece, kinds_.String)) {
      continue;
    }
    bool is_bytes = false;
    bool is_fstring = false;
    AppendStringParts(piece, parts, is_bytes, is_fstring);
    any_fstring |= is_fstring;
    bytes_count += is_bytes ? 1 : 0;
    ++string_count;
  }
  if (bytes_count != 0 && bytes_count != string_count) {
    sink_.Report(diag::Kind::SyntaxError, node.Range(), ": cannot mix bytes and nonbytes literals");
  }
  if (!any_fstring) {
    auto expr = MakeExpr(Expr::Kind::String, node.Range());
    expr->is_bytes = bytes_count == string_count && bytes_count > 0;
    for (ExprPtr& part : parts) {
      expr->text += part->text;
    }
    return expr;
  }
  // Merge neighbouring literal parts ("a" f"b{x}" -> "ab", x).
  auto expr = MakeExpr(Expr::Kind::FString, node.Range());
  for (ExprPtr& part : parts) {
    if (part->kind == Expr::Kind::String && !expr->parts.empty() && expr->parts.back()->kind == Expr::Kind::String) {
      expr->parts.back()->text += part->text;
      expr->parts.back()->range = Join(expr->parts.back()->range, part->range);
    } else {
      expr->parts.push_back(std::move(part));
    }
  }
  return expr;
}

void Lowerer::AppendStringParts(Node string, std::vector<ExprPtr>& parts, bool& is_bytes, bool& is_fstring) {
  std::vector<FieldChild> children = ChildrenOf(string);
  Node start;
  Node end;
  for (const FieldChild& child : children) {
    if (Is(child.node, kinds_.StringStart)) {
      start = child.node;
    } else if (Is(child.node, kinds_.StringEnd)) {
      end = child.node;
    }
  }
  const StringPrefix prefix = ParseStringPrefix(Text(start));
  is_bytes = prefix.bytes;
  is_fstring = prefix.formatted;
  uint32_t cursor = start ? start.End() : string.Begin();
  const uint32_t content_end = end ? end.Begin() : string.End();
  auto add_literal = [&](uint32_t from, uint32_t to) {
    if (to <= from) {
      return;
    }
    auto literal = MakeExpr(Expr::Kind::String, {from, to});
    literal->is_bytes = prefix.bytes;
    literal->text = DecodeStringText(Text(base::SourceRange{from, to}), prefix);
    parts.push_back(std::move(literal));
  };
  for (const FieldChild& child : children) {
    if (!Is(child.node, kinds_.Interpolation)) {
      continue;
    }
    add_literal(cursor, child.node.Begin());
    for (ExprPtr& part : LowerInterpolation(child.node)) {
      parts.push_back(std::move(part));
    }
    cursor = child.node.End();
  }
  add_literal(cursor, content_end);
  if (!is_fstring && parts.empty()) {
    auto empty = MakeExpr(Expr::Kind::String, {cursor, cursor});
    empty->is_bytes = prefix.bytes;
    parts.push_back(std::move(empty));
  }
}

auto Lowerer::LowerInterpolation(Node interpolation) -> std::vector<ExprPtr> {
  std::vector<ExprPtr> parts;
  const base::SourceRange range = interpolation.Range();
  Node expression = interpolation.Field(fields_.ExpressionField);
  Node conversion = interpolation.Field(fields_.TypeConversionField);
  Node spec = interpolation.Field(fields_.FormatSpecifierField);
  ExprPtr value = LowerExprOrError(expression, range);
  auto call = [&](const char* function, std::vector<ExprPtr> args) {
    auto result = MakeExpr(Expr::Kind::Call, range);
    auto callee = MakeExpr(Expr::Kind::Name, range);
    callee->name = function;
    result->operands.push_back(std::move(callee));
    result->args = std::move(args);
    result->args_range = range;
    return result;
  };
  // `{x=}` prints the expression's text, then its repr (unless a conversion or spec says otherwise).
  std::string_view conversion_text;
  if (conversion) {
    conversion_text = Text(conversion);
  }
  for (const FieldChild& child : ChildrenOf(interpolation)) {
    if (!child.node.IsNamed() && child.node.Type() == "=") {
      auto literal = MakeExpr(Expr::Kind::String, {range.begin + 1, child.node.End()});
      literal->text = std::string(Text(literal->range));
      parts.push_back(std::move(literal));
      if (!conversion && !spec) {
        conversion_text = "!r";
      }
    }
  }
  if (conversion_text == "!r" || conversion_text == "!s" || conversion_text == "!a") {
    std::vector<ExprPtr> args;
    args.push_back(std::move(value));
    value = call(conversion_text == "!r" ? "repr" : conversion_text == "!s" ? "str" : "ascii", std::move(args));
  }
  if (spec) {
    // The spec's text after `:`, with nested `{expr}` parts.
    std::vector<ExprPtr> spec_parts;
    uint32_t cursor = spec.Begin();
    for (const FieldChild& child : ChildrenOf(spec)) {
      if (!child.node.IsNamed() && child.node.Type() == ":" && cursor == spec.Begin()) {
        cursor = child.node.End();
      } else if (Is(child.node, kinds_.FormatExpression)) {
        if (child.node.Begin() > cursor) {
          auto literal = MakeExpr(Expr::Kind::String, {cursor, child.node.Begin()});
          literal->text = std::string(Text(literal->range));
          spec_parts.push_back(std::move(literal));
        }
        spec_parts.push_back(LowerExprOrError(child.node.Field(fields_.ExpressionField), child.node.Range()));
        cursor = child.node.End();
      }
    }
    if (spec.End() > cursor) {
      auto literal = MakeExpr(Expr::Kind::String, {cursor, spec.End()});
      literal->text = std::string(Text(literal->range));
      spec_parts.push_back(std::move(literal));
    }
    ExprPtr spec_expr;
    if (spec_parts.size() == 1 && spec_parts[0]->kind == Expr::Kind::String) {
      spec_expr = std::move(spec_parts[0]);
    } else if (spec_parts.empty()) {
      spec_expr = MakeExpr(Expr::Kind::String, {spec.End(), spec.End()});
    } else {
      spec_expr = MakeExpr(Expr::Kind::FString, spec.Range());
      spec_expr->parts = std::move(spec_parts);
    }
    std::vector<ExprPtr> args;
    args.push_back(std::move(value));
    args.push_back(std::move(spec_expr));
    value = call("format", std::move(args));
  }
  parts.push_back(std::move(value));
  return parts;
}

}  // namespace pyxx::syntax
