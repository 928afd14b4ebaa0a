#include "syntax/syntax_errors.h"

#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "syntax/node_kinds.h"
#include "syntax/scalar_names.h"

namespace pyxx::syntax {
namespace {

auto LeavesOf(Node node) -> std::vector<Node> {
  std::vector<Node> leaves;
  WalkTree(node, [&](Node n) {
    if (n.ChildCount() == 0 && (n.End() > n.Begin() || n.IsMissing())) {
      leaves.push_back(n);
    }
    return true;
  });
  return leaves;
}

auto IsCompoundKeyword(std::string_view text) -> bool {
  static constexpr std::string_view kKeywords[] = {"if",  "elif",   "else",    "while", "for",  "def",
                                                   "class", "with", "try",     "except", "finally"};
  for (std::string_view keyword : kKeywords) {
    if (keyword == text) {
      return true;
    }
  }
  return false;
}

auto IsBinaryOperator(std::string_view token) -> bool {
  static constexpr std::string_view kOperators[] = {"+",  "-",  "*",  "/", "//", "%",  "**", "<<", ">>", "&", "|",
                                                    "^",  "@",  "<",  ">", "<=", ">=", "==", "!=", "and", "or",
                                                    "not", "in", "is", "=", ","};
  for (std::string_view op : kOperators) {
    if (op == token) {
      return true;
    }
  }
  return false;
}

class SyntaxErrorReporter {
 public:
  SyntaxErrorReporter(const base::SourceBuffer& source, diag::DiagnosticSink& sink)
      : source_(source), sink_(sink), kinds_(Kinds()) {}

  void Run(Node root) {
    ReportUnindentedBlocks(root);
    if (!root.HasError()) {
      return;
    }
    std::vector<Node> sites;
    WalkTree(root, [&](Node node) {
      if (node.IsError() || node.IsMissing()) {
        sites.push_back(node);
        return false;  // one report per region: nothing nested inside an ERROR
      }
      return node.HasError();
    });
    for (Node site : sites) {
      if (reported_ >= kMaxSyntaxErrors) {
        return;
      }
      if (ReportBareMemoryviews(site)) {
        continue;
      }
      if (site.IsMissing()) {
        ReportMissing(site);
      } else {
        ReportError(site);
      }
    }
  }

 private:
  auto Text(Node node) const -> std::string_view { return source_.Slice(node.Range()); }

  // The statement holding `node` (its ancestor whose parent is a block or the module).
  auto EnclosingStatement(Node node) const -> Node {
    Node current = node;
    while (true) {
      Node parent = current.Parent();
      if (parent.IsNull() || parent.Symbol() == kinds_.Module || parent.Symbol() == kinds_.Block) {
        return current;
      }
      current = parent;
    }
  }

  // `a: double[:]` and `def f(x: int[:, ::1])`: the stock grammar cannot parse a
  // bare-name memoryview annotation. Finds them on the lines of the statement
  // holding the error; when there are any, they are the diagnosis.
  auto ReportBareMemoryviews(Node site) -> bool {
    Node statement = EnclosingStatement(site);
    uint32_t first_line = source_.Locate(statement.Begin()).line;
    uint32_t last_line = std::min(source_.Locate(statement.End()).line, first_line + 50);
    bool found = false;
    for (uint32_t line = first_line; line <= last_line; ++line) {
      std::string_view text = source_.LineText(line);
      const uint32_t line_start = source_.LineStart(line);
      for (size_t i = 0; i < text.size(); ++i) {
        const bool annotation_start = text[i] == ':' || (text[i] == '>' && i > 0 && text[i - 1] == '-');
        if (!annotation_start) {
          continue;
        }
        size_t name_begin = i + 1;
        while (name_begin < text.size() && (text[name_begin] == ' ' || text[name_begin] == '\t')) ++name_begin;
        size_t name_end = name_begin;
        while (name_end < text.size() && (std::isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '_')) {
          ++name_end;
        }
        std::string_view name = text.substr(name_begin, name_end - name_begin);
        if (name.empty() || !CythonScalar(name)) {
          continue;
        }
        size_t open = name_end;
        while (open < text.size() && text[open] == ' ') ++open;
        if (open >= text.size() || text[open] != '[') {
          continue;
        }
        size_t close = open + 1;
        bool has_colon = false;
        while (close < text.size() && (text[close] == ':' || text[close] == ',' || text[close] == ' ' ||
                                       std::isdigit(static_cast<unsigned char>(text[close])))) {
          has_colon |= text[close] == ':';
          ++close;
        }
        if (close >= text.size() || text[close] != ']' || !has_colon) {
          continue;
        }
        base::SourceRange range{static_cast<uint32_t>(line_start + name_begin), static_cast<uint32_t>(line_start + close + 1)};
        found = true;
        if (reported_memoryviews_.insert(range.begin).second && reported_ < kMaxSyntaxErrors) {
          std::string written(source_.Slice(range));
          sink_.Report(diag::Kind::BareMemoryviewAnnotation, range, written).AddFixIt(range, "cython." + written);
          ++reported_;
        }
      }
    }
    return found;
  }

  // Where a missing token goes: right after the previous token, not after the line break.
  auto InsertionPoint(uint32_t offset) const -> uint32_t {
    std::string_view text = source_.text();
    while (offset > 0 && std::isspace(static_cast<unsigned char>(text[offset - 1]))) {
      --offset;
    }
    return offset;
  }

  // Python's IndentationError "expected an indented block": the grammar takes a
  // statement on the line after `if x:` as the body even when it is not indented
  // deeper than the statement that opens the block, so the column is checked here.
  void ReportUnindentedBlocks(Node root) {
    WalkTree(root, [&](Node node) {
      if (node.Symbol() != kinds_.Block || node.Parent().IsNull() || reported_ >= kMaxSyntaxErrors) {
        return true;
      }
      if (node.Parent().HasError()) {
        return false;  // reported where the grammar found the error
      }
      const TSPoint opener = ts_node_start_point(node.Parent().Raw());
      bool empty = true;
      for (Node statement : NamedChildrenOf(node)) {
        empty &= statement.Symbol() == kinds_.Comment;
      }
      if (empty) {
        // The body is missing: the grammar leaves an empty block at the end of the header.
        const uint32_t at = node.Begin();
        sink_.Report(diag::Kind::SyntaxError, {at, at}, ": expected an indented block");
        ++reported_;
        return false;
      }
      for (Node statement : NamedChildrenOf(node)) {
        if (statement.Symbol() == kinds_.Comment) {
          continue;  // a comment may stand at any column
        }
        const TSPoint first = ts_node_start_point(statement.Raw());
        if (first.row > opener.row && first.column <= opener.column) {
          sink_.Report(diag::Kind::SyntaxError, statement.Range(), ": expected an indented block");
          ++reported_;
          return false;
        }
        break;
      }
      return true;
    });
  }

  void ReportMissing(Node site) {
    const uint32_t at = InsertionPoint(site.Begin());
    if (site.IsNamed()) {
      sink_.Report(diag::Kind::MissingToken, {at, at}, site.Type());
    } else {
      sink_.Report(diag::Kind::MissingToken, {at, at}, site.Type()).AddFixIt({at, at}, std::string(site.Type()));
    }
    ++reported_;
  }

  void ReportError(Node site) {
    std::vector<Node> leaves = LeavesOf(site);
    ++reported_;
    if (leaves.empty()) {
      sink_.Report(diag::Kind::SyntaxError, site.Range(), "");
      return;
    }
    // 1. A bracket that is never closed (or closes nothing).
    std::vector<Node> open;
    for (Node leaf : leaves) {
      if (leaf.IsNamed()) {
        continue;
      }
      std::string_view t = leaf.Type();
      if (t == "(" || t == "[" || t == "{") {
        open.push_back(leaf);
      } else if (t == ")" || t == "]" || t == "}") {
        if (open.empty()) {
          sink_.Report(diag::Kind::SyntaxError, leaf.Range(), fmt::format(": unmatched `{}`", t));
          return;
        }
        open.pop_back();
      }
    }
    if (!open.empty()) {
      Node bracket = open.front();
      sink_.Report(diag::Kind::SyntaxError, bracket.Range(), fmt::format(": `{}` was never closed", bracket.Type()));
      return;
    }
    // 2. A compound statement's header without its colon.
    const uint32_t first_line = source_.Locate(leaves.front().Begin()).line;
    if (IsCompoundKeyword(Text(leaves.front()))) {
      bool has_colon = false;
      Node last_on_line = leaves.front();
      for (Node leaf : leaves) {
        if (source_.Locate(leaf.Begin()).line != first_line) {
          break;
        }
        has_colon |= !leaf.IsNamed() && leaf.Type() == ":";
        last_on_line = leaf;
      }
      if (!has_colon && LacksColon(first_line)) {
        ReportMissingColon(first_line);  // at the end of the line, after any `(bases)` or annotation
        return;
      }
      if (!has_colon) {
        if (colon_reported_.insert(first_line).second) {
          const uint32_t at = last_on_line.End();
          sink_.Report(diag::Kind::MissingToken, {at, at}, ":").AddFixIt({at, at}, ":");
        }
        return;
      }
    }
    // 3. A line that ends in an operator (`x = 1 +`): the operand is missing.
    Node last_on_first_line = leaves.front();
    bool continues = false;
    for (Node leaf : leaves) {
      if (source_.Locate(leaf.Begin()).line != first_line) {
        continues = true;
        break;
      }
      last_on_first_line = leaf;
    }
    if (continues && !last_on_first_line.IsNamed() && IsBinaryOperator(Text(last_on_first_line)) &&
        Text(last_on_first_line) != ",") {
      sink_.Report(diag::Kind::SyntaxError, last_on_first_line.Range(),
                   fmt::format(": expected an expression after `{}`", Text(last_on_first_line)));
      return;
    }
    // 4. A statement indented under a header line that lacks its colon
    //    (`def f() -> cython.double` then the body): the parser gave up inside
    //    the body, but the colon is what is missing.
    if (auto header = HeaderWithoutColon(site, first_line)) {
      ReportMissingColon(*header);
      return;
    }
    // 5. Otherwise: tokens that fit nowhere. An ERROR that starts a line holds
    //    a statement the parser gave up on at its last token; one inside a line
    //    holds exactly the skipped tokens.
    const uint32_t line_start = source_.LineStart(first_line);
    std::string_view before = source_.text().substr(line_start, site.Begin() - line_start);
    const bool starts_line = before.find_first_not_of(" \t\f") == std::string_view::npos;
    Node culprit = starts_line ? leaves.back() : leaves.front();
    base::SourceRange range = starts_line ? culprit.Range() : site.Range();
    std::string_view token = Text(culprit);
    if (starts_line && !culprit.IsNamed() && IsBinaryOperator(token) && leaves.size() > 1) {
      sink_.Report(diag::Kind::SyntaxError, range, fmt::format(": expected an expression after `{}`", token));
    } else if (token.size() > 40 || token.find('\n') != std::string_view::npos) {
      sink_.Report(diag::Kind::SyntaxError, range, "");
    } else {
      sink_.Report(diag::Kind::SyntaxError, range, fmt::format(": unexpected `{}`", token));
    }
  }

  // The line of a compound statement's header without its colon that the
  // error belongs to: the error's own line, or, when the error starts a line,
  // the previous non-blank line if it is indented less. Lines with quotes are
  // left alone: their end cannot be read without the tokens.
  auto HeaderWithoutColon(Node site, uint32_t line) const -> std::optional<uint32_t> {
    auto indent_of = [](std::string_view text) { return text.find_first_not_of(" \t"); };
    if (LacksColon(line)) {
      return line;
    }
    std::string_view here = source_.LineText(line);
    const size_t site_column = site.Begin() - source_.LineStart(line);
    if (indent_of(here) != site_column) {
      return std::nullopt;  // the error does not start its line
    }
    uint32_t header = line;
    std::string_view text;
    do {
      if (--header == 0) {
        return std::nullopt;
      }
      text = source_.LineText(header);
    } while (indent_of(text) == std::string_view::npos || text[indent_of(text)] == '#');
    if (indent_of(text) >= site_column || !LacksColon(header)) {
      return std::nullopt;
    }
    return header;
  }

  // A compound statement's header line that does not end in its colon.
  auto LacksColon(uint32_t header) const -> bool {
    std::string_view text = source_.LineText(header);
    const size_t indent = text.find_first_not_of(" \t");
    if (indent == std::string_view::npos || text.find_first_of("'\"\\") != std::string_view::npos) {
      return false;
    }
    std::string_view code = CodeOf(text);
    if (indent >= code.size()) {
      return false;  // a comment or a lone `\r`: no header
    }
    const size_t word_end = code.find_first_of(" \t:(", indent);
    std::string_view keyword =
        code.substr(indent, word_end == std::string_view::npos ? code.size() - indent : word_end - indent);
    if (!IsCompoundKeyword(keyword) || code.empty() || code.back() == ',') {
      return false;
    }
    // A colon outside brackets (not `:=`) ends the header already: `if x: y = 1`.
    int depth = 0;
    for (size_t i = indent; i < code.size(); ++i) {
      const char c = code[i];
      depth += (c == '(' || c == '[' || c == '{') ? 1 : (c == ')' || c == ']' || c == '}') ? -1 : 0;
      if (c == ':' && depth == 0 && (i + 1 == code.size() || code[i + 1] != '=')) {
        return false;
      }
    }
    return depth == 0;  // an open bracket continues the header on the next line
  }

  // A line without its comment and trailing blanks (the line has no quotes).
  static auto CodeOf(std::string_view text) -> std::string_view {
    std::string_view code = text.substr(0, text.find('#'));
    while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) {
      code.remove_suffix(1);
    }
    return code;
  }

  void ReportMissingColon(uint32_t header_line) {
    if (!colon_reported_.insert(header_line).second) {
      return;  // one diagnostic per header
    }
    const uint32_t at = source_.LineStart(header_line) + static_cast<uint32_t>(CodeOf(source_.LineText(header_line)).size());
    sink_.Report(diag::Kind::MissingToken, {at, at}, ":").AddFixIt({at, at}, ":");
  }

  const base::SourceBuffer& source_;
  diag::DiagnosticSink& sink_;
  const NodeKinds& kinds_;
  int reported_ = 0;
  std::set<uint32_t> reported_memoryviews_;
  std::set<uint32_t> colon_reported_;  // header lines told they lack their colon
};

}  // namespace

void ReportSyntaxErrors(Node root, const base::SourceBuffer& source, diag::DiagnosticSink& sink) {
  SyntaxErrorReporter(source, sink).Run(root);
}

auto FindTooDeepNode(Node root, uint32_t max_depth) -> std::optional<Node> {
  std::optional<Node> found;
  TSTreeCursor cursor = ts_tree_cursor_new(root.Raw());
  uint32_t depth = 0;
  while (!found) {
    if (depth > max_depth) {
      found = Node(ts_tree_cursor_current_node(&cursor));
      break;
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      continue;
    }
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        break;
      }
      --depth;
    }
    if (!moved) {
      break;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

}  // namespace pyxx::syntax
