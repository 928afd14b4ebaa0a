#include "syntax/misparse_recovery.h"

#include <algorithm>

#include "syntax/node_kinds.h"

namespace pyxx::syntax {
namespace {

struct Patch {
  uint32_t def_begin = 0;        // the `def` (or `async`) that starts the definition
  base::SourceRange blank;       // `-> annotation`, blanked in the re-parsed copy
  base::SourceRange annotation;  // parsed on its own
  base::SourceRange region;      // the construct that held the error
  std::optional<Tree> fragment;  // the annotation's own parse
  Node expression;               // the annotation, in `fragment`
};

auto IsToken(Node node, std::string_view text) -> bool { return !node.IsNull() && !node.IsNamed() && node.Type() == text; }

// The statement holding `node`: its ancestor whose parent is a block or the module.
auto EnclosingStatement(Node node, const NodeKinds& kinds) -> Node {
  Node current = node;
  while (true) {
    Node parent = current.Parent();
    if (parent.IsNull() || parent.Symbol() == kinds.Module || parent.Symbol() == kinds.Block) {
      return current;
    }
    current = parent;
  }
}

// One-line definitions with a return annotation, `def f(a) -> T: body`, found on the
// tokens of `statement` (however the parser grouped them): where each annotation is.
auto FindReturnAnnotationPatches(Node statement, const base::SourceBuffer& source) -> std::vector<Patch> {
  std::vector<Node> tokens;
  WalkTree(statement, [&](Node n) {
    if (n.ChildCount() == 0 && n.End() > n.Begin()) {
      tokens.push_back(n);
    }
    return true;
  });
  auto line_of = [&](uint32_t offset) { return source.Locate(offset).line; };
  std::vector<Patch> patches;
  for (size_t i = 0; i + 3 < tokens.size(); ++i) {
    if (!IsToken(tokens[i], "def") || !IsToken(tokens[i + 2], "(")) {
      continue;
    }
    // The parameters' closing parenthesis, then `->`.
    size_t k = i + 2;
    int depth = 0;
    for (; k < tokens.size(); ++k) {
      std::string_view t = tokens[k].IsNamed() ? std::string_view() : tokens[k].Type();
      depth += (t == "(" || t == "[" || t == "{") ? 1 : (t == ")" || t == "]" || t == "}") ? -1 : 0;
      if (depth == 0) {
        break;
      }
    }
    if (k + 2 >= tokens.size() || !IsToken(tokens[k + 1], "->")) {
      continue;
    }
    // The annotation runs to the first `:` outside brackets.
    size_t first = k + 2;
    size_t colon = first;
    for (depth = 0; colon < tokens.size(); ++colon) {
      std::string_view t = tokens[colon].IsNamed() ? std::string_view() : tokens[colon].Type();
      if (t == ":" && depth == 0) {
        break;
      }
      depth += (t == "(" || t == "[" || t == "{") ? 1 : (t == ")" || t == "]" || t == "}") ? -1 : 0;
    }
    // Only one-line bodies are misread: a body token right after the colon, on its line.
    if (colon == first || colon + 1 >= tokens.size() ||
        line_of(tokens[colon + 1].Begin()) != line_of(tokens[colon].Begin())) {
      continue;
    }
    Patch patch;
    patch.def_begin = i > 0 && IsToken(tokens[i - 1], "async") ? tokens[i - 1].Begin() : tokens[i].Begin();
    patch.annotation = {tokens[first].Begin(), tokens[colon - 1].End()};
    patch.blank = {tokens[k + 1].Begin(), patch.annotation.end};
    const uint32_t line = line_of(tokens[colon].Begin());
    patch.region = {patch.def_begin, source.LineStart(line) + static_cast<uint32_t>(source.LineText(line).size())};
    patches.push_back(std::move(patch));
    i = colon;
  }
  return patches;
}

auto ErrorSites(Node root) -> std::vector<Node> {
  std::vector<Node> sites;
  WalkTree(root, [&](Node n) {
    if (n.IsError() || n.IsMissing()) {
      sites.push_back(n);
      return false;
    }
    return n.HasError();
  });
  return sites;
}

auto Overlaps(base::SourceRange a, base::SourceRange b) -> bool {
  return a.begin < b.end && b.begin < a.end;
}

// Parses the annotation on its own, at its real offsets; false when it is not one expression.
auto ParseAnnotation(const base::SourceBuffer& source, Parser& parser, uint64_t max_operations, Patch& p,
                     const NodeKinds& kinds) -> bool {
  const base::LineColumn b = source.Locate(p.annotation.begin);
  const base::LineColumn e = source.Locate(p.annotation.end);
  TSPoint begin{b.line - 1, p.annotation.begin - source.LineStart(b.line)};
  TSPoint end{e.line - 1, p.annotation.end - source.LineStart(e.line)};
  p.fragment = parser.ParseFragment(source.text(), p.annotation, begin, end, max_operations);
  if (!p.fragment || p.fragment->Root().HasError() || p.fragment->Root().NamedChildCount() != 1) {
    return false;
  }
  Node statement = p.fragment->Root().NamedChild(0);
  if (statement.Symbol() != kinds.ExpressionStatement || statement.NamedChildCount() != 1) {
    return false;
  }
  p.expression = statement.NamedChild(0);
  return p.expression.Range() == p.annotation;
}

}  // namespace

auto RecoverMisparses(const base::SourceBuffer& source, Node root, Parser& parser, uint64_t max_operations)
    -> RecoveredParse {
  RecoveredParse result;
  if (!root.HasError()) {
    return result;
  }
  const NodeKinds& kinds = Kinds();
  std::vector<Patch> accepted;
  Node current = root;
  constexpr int kMaxReparses = 8;
  int parses = 0;
  // Each round patches what the current tree shows; a later round sees what a patch uncovered.
  for (int round = 0; round < 4; ++round) {
    std::vector<Patch> candidates;
    std::vector<uint32_t> statements_seen;
    for (Node site : ErrorSites(current)) {
      Node statement = EnclosingStatement(site, kinds);
      if (std::find(statements_seen.begin(), statements_seen.end(), statement.Begin()) != statements_seen.end()) {
        continue;
      }
      statements_seen.push_back(statement.Begin());
      for (Patch& patch : FindReturnAnnotationPatches(statement, source)) {
        bool known = false;
        for (const Patch& p : accepted) {
          known |= p.def_begin == patch.def_begin;
        }
        if (!known && ParseAnnotation(source, parser, max_operations, patch, kinds)) {
          candidates.push_back(std::move(patch));
        }
      }
    }
    if (candidates.empty()) {
      break;
    }
    // Try all candidates together; drop each one whose region still holds an error.
    while (!candidates.empty()) {
      if (++parses > kMaxReparses) {
        return {};  // a file full of errors: keep the original diagnosis
      }
      std::string patched(source.text());
      for (const auto* list : {&accepted, &candidates}) {
        for (const Patch& p : *list) {
          std::fill(patched.begin() + p.blank.begin, patched.begin() + p.blank.end, ' ');
        }
      }
      std::optional<Tree> tree = parser.Parse(patched, max_operations);
      if (!tree) {
        return {};  // out of time: keep the original diagnosis
      }
      std::vector<Node> errors = ErrorSites(tree->Root());
      size_t kept = 0;
      for (Patch& p : candidates) {
        bool clean = std::none_of(errors.begin(), errors.end(), [&](Node e) { return Overlaps(e.Range(), p.region); });
        if (clean && &candidates[kept] != &p) {
          candidates[kept] = std::move(p);
        }
        kept += clean ? 1 : 0;
      }
      if (kept == candidates.size()) {
        for (Patch& p : candidates) {
          accepted.push_back(std::move(p));
        }
        result.tree = std::move(tree);
        current = result.tree->Root();
        break;
      }
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end());
    }
  }
  if (accepted.empty()) {
    return result;
  }
  for (Patch& p : accepted) {
    result.return_annotations.emplace(p.def_begin, p.expression);
    result.fragments.push_back(std::move(*p.fragment));
  }
  return result;
}

}  // namespace pyxx::syntax
