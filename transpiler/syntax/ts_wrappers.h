// Thin RAII owners for tree-sitter's parser and tree, and `Node`, a borrowed
// value wrapping TSNode. tree-sitter is used inside syntax/ only.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "base/source_range.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace pyxx::syntax {

// A node of a live Tree. Cheap to copy; valid while its Tree lives.
class Node {
 public:
  Node() = default;
  explicit Node(TSNode node) : node_(node) {}

  [[nodiscard]] auto IsNull() const -> bool { return ts_node_is_null(node_); }
  explicit operator bool() const { return !IsNull(); }
  [[nodiscard]] auto Symbol() const -> TSSymbol { return IsNull() ? TSSymbol{0} : ts_node_symbol(node_); }
  [[nodiscard]] auto Type() const -> std::string_view;
  [[nodiscard]] auto IsNamed() const -> bool { return !IsNull() && ts_node_is_named(node_); }
  [[nodiscard]] auto IsError() const -> bool { return !IsNull() && ts_node_is_error(node_); }
  [[nodiscard]] auto IsMissing() const -> bool { return !IsNull() && ts_node_is_missing(node_); }
  [[nodiscard]] auto HasError() const -> bool { return !IsNull() && ts_node_has_error(node_); }
  [[nodiscard]] auto Begin() const -> uint32_t { return ts_node_start_byte(node_); }
  [[nodiscard]] auto End() const -> uint32_t { return ts_node_end_byte(node_); }
  [[nodiscard]] auto Range() const -> base::SourceRange { return {Begin(), End()}; }

  [[nodiscard]] auto ChildCount() const -> uint32_t { return IsNull() ? 0 : ts_node_child_count(node_); }
  [[nodiscard]] auto Child(uint32_t i) const -> Node { return Node(ts_node_child(node_, i)); }
  [[nodiscard]] auto NamedChildCount() const -> uint32_t { return IsNull() ? 0 : ts_node_named_child_count(node_); }
  [[nodiscard]] auto NamedChild(uint32_t i) const -> Node { return Node(ts_node_named_child(node_, i)); }
  [[nodiscard]] auto Field(TSFieldId field) const -> Node;
  [[nodiscard]] auto Parent() const -> Node { return Node(ts_node_parent(node_)); }
  [[nodiscard]] auto Raw() const -> TSNode { return node_; }

 private:
  TSNode node_{};
};

// One child of a node with the field it fills (0 when none).
struct FieldChild {
  Node node;
  TSFieldId field = 0;
};

// All children (named and anonymous) in order, with their fields.
auto ChildrenOf(Node node) -> std::vector<FieldChild>;
// The named children that fill `field` (several for e.g. `subscript`, `operators`).
auto ChildrenWithField(Node node, TSFieldId field) -> std::vector<Node>;
// The named children, skipping comments.
auto NamedChildrenOf(Node node) -> std::vector<Node>;

// Visits every node under `root` (itself included) in document order without
// recursion; `visit` returns false to skip a node's children.
template <typename Visit>
void WalkTree(Node root, Visit visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(root.Raw());
  while (true) {
    Node node(ts_tree_cursor_current_node(&cursor));
    if (visit(node) && ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        break;
      }
    }
    if (!moved) {
      break;
    }
  }
  ts_tree_cursor_delete(&cursor);
}

class Tree {
 public:
  explicit Tree(TSTree* tree) : tree_(tree, &ts_tree_delete) {}
  [[nodiscard]] auto Root() const -> Node { return Node(ts_tree_root_node(tree_.get())); }

 private:
  std::unique_ptr<TSTree, decltype(&ts_tree_delete)> tree_;
};

class Parser {
 public:
  Parser();
  // Parses `text` as Python; nullopt when the parse needed more than
  // `max_operations` parser operations (counted, so the answer never depends
  // on the machine or its load).
  auto Parse(std::string_view text, uint64_t max_operations) -> std::optional<Tree>;
  // Parses only the bytes [range.begin, range.end) of `text` (a fragment such as
  // an annotation); node offsets stay those of `text`. `begin` is at row/column.
  auto ParseFragment(std::string_view text, base::SourceRange range, TSPoint begin, TSPoint end,
                     uint64_t max_operations) -> std::optional<Tree>;

 private:
  std::unique_ptr<TSParser, decltype(&ts_parser_delete)> parser_;
};

}  // namespace pyxx::syntax
