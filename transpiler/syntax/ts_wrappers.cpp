#include "syntax/ts_wrappers.h"

#include <stdexcept>

namespace pyxx::syntax {

auto Node::Type() const -> std::string_view {
  return IsNull() ? std::string_view() : std::string_view(ts_node_type(node_));
}

auto Node::Field(TSFieldId field) const -> Node {
  if (IsNull()) {
    return {};
  }
  return Node(ts_node_child_by_field_id(node_, field));
}

auto ChildrenOf(Node node) -> std::vector<FieldChild> {
  std::vector<FieldChild> children;
  if (node.IsNull()) {
    return children;
  }
  TSTreeCursor cursor = ts_tree_cursor_new(node.Raw());
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      children.push_back({Node(ts_tree_cursor_current_node(&cursor)), ts_tree_cursor_current_field_id(&cursor)});
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return children;
}

auto ChildrenWithField(Node node, TSFieldId field) -> std::vector<Node> {
  std::vector<Node> result;
  for (const FieldChild& child : ChildrenOf(node)) {
    if (child.field == field) {
      result.push_back(child.node);
    }
  }
  return result;
}

auto NamedChildrenOf(Node node) -> std::vector<Node> {
  std::vector<Node> result;
  const uint32_t count = node.NamedChildCount();
  for (uint32_t i = 0; i < count; ++i) {
    Node child = node.NamedChild(i);
    if (child.Type() != "comment") {
      result.push_back(child);
    }
  }
  return result;
}

Parser::Parser() : parser_(ts_parser_new(), &ts_parser_delete) {
  if (!ts_parser_set_language(parser_.get(), tree_sitter_python())) {
    // Only a build that links a grammar of the wrong ABI gets here.
    throw std::runtime_error("tree-sitter-python grammar has an incompatible ABI version");
  }
}

namespace {

// tree-sitter calls the progress callback once per this many parser operations
// (OP_COUNT_PER_PARSER_TIMEOUT_CHECK in its parser.c).
constexpr uint64_t kOperationsPerCallback = 100;

struct Budget {
  uint64_t callbacks_left;
};

// Called by tree-sitter now and then while parsing; true cancels the parse.
auto BudgetSpent(TSParseState* state) -> bool {
  auto* budget = static_cast<Budget*>(state->payload);
  if (budget->callbacks_left == 0) {
    return true;
  }
  --budget->callbacks_left;
  return false;
}

}  // namespace

auto Parser::Parse(std::string_view text, uint64_t max_operations) -> std::optional<Tree> {
  // The one place that knows how tree-sitter is given a limit (the progress
  // callback API is new in 0.25; keep the knowledge here).
  Budget budget{max_operations / kOperationsPerCallback};
  TSInput input{};
  struct Text {
    std::string_view text;
  } source{text};
  input.payload = &source;
  input.read = [](void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) -> const char* {
    const auto* s = static_cast<const Text*>(payload);
    if (byte >= s->text.size()) {
      *bytes_read = 0;
      return "";
    }
    *bytes_read = static_cast<uint32_t>(s->text.size() - byte);
    return s->text.data() + byte;
  };
  input.encoding = TSInputEncodingUTF8;
  TSParseOptions options{};
  options.payload = &budget;
  options.progress_callback = &BudgetSpent;
  TSTree* tree = ts_parser_parse_with_options(parser_.get(), nullptr, input, options);
  if (tree == nullptr) {
    ts_parser_reset(parser_.get());
    return std::nullopt;
  }
  return Tree(tree);
}

auto Parser::ParseFragment(std::string_view text, base::SourceRange range, TSPoint begin, TSPoint end,
                           uint64_t max_operations) -> std::optional<Tree> {
  const TSRange included{begin, end, range.begin, range.end};
  ts_parser_set_included_ranges(parser_.get(), &included, 1);
  std::optional<Tree> tree = Parse(text, max_operations);
  ts_parser_set_included_ranges(parser_.get(), nullptr, 0);  // the whole text again
  return tree;
}

}  // namespace pyxx::syntax
