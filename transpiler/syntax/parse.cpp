// Parse(): limits and encoding, the classic-Cython pre-scan, tree-sitter,
// syntax errors, then lowering.
#include "syntax/parse.h"

#include "syntax/classic_cython.h"
#include "syntax/fused.h"
#include "syntax/fused_annotations.h"
#include "syntax/lowerer.h"
#include "syntax/misparse_recovery.h"
#include "syntax/syntax_errors.h"
#include "syntax/ts_wrappers.h"

namespace pyxx::syntax {
namespace {

// Lowering, dumping and destroying the tree are recursive; a tree deeper than
// this is refused (10,000 nested parentheses must not overflow the stack).
// Real code stays far below it: each level of indentation adds about 3.
constexpr uint32_t kMaxTreeDepth = 1000;

}  // namespace

auto Parse(const base::SourceBuffer& source, const std::string& module_name, diag::DiagnosticSink& sink,
           const ParseOptions& options) -> Module {
  Module module;
  module.name = module_name;
  const std::string_view text = source.text();
  if (text.size() > options.max_bytes) {
    sink.Report(diag::Kind::ParseLimitExceeded, {0, 0},
                fmt::format("source file is {} bytes; pyxx reads at most {} bytes", text.size(), options.max_bytes));
    return module;
  }
  if (auto bad = source.FirstInvalidUtf8()) {
    sink.Report(diag::Kind::InvalidUtf8, {*bad, *bad + 1});
    return module;
  }
  if (ReportClassicCython(source, sink)) {
    return module;  // nothing useful can be parsed from classic Cython
  }
  Parser parser;
  const uint64_t budget = options.base_operations + options.max_operations_per_byte * text.size();
  // `x: my_type[:, ::1]` of a fused type: parsed with the subscript blanked.
  std::string patched(text);
  const auto fused_views = BlankFusedViewAnnotations(text, patched);
  std::optional<Tree> tree = parser.Parse(fused_views.empty() ? text : std::string_view(patched), budget);
  if (!tree) {
    sink.Report(diag::Kind::ParseLimitExceeded, {0, 0},
                fmt::format("parsing needs more than {} parser operations, the limit for a file of this size; "
                            "simplify or split this file",
                            budget));
    return module;
  }
  Node root = tree->Root();
  if (auto deep = FindTooDeepNode(root, kMaxTreeDepth)) {
    const uint32_t at = deep->Begin();
    sink.Report(diag::Kind::ParseLimitExceeded, {at, std::max(at + 1, std::min(deep->End(), at + 1))},
                "expressions or blocks are nested too deeply here; simplify this code");
    return module;
  }
  RecoveredParse recovered;
  if (fused_views.empty() || root.HasError()) {
    recovered = RecoverMisparses(source, root, parser, budget);
  }
  if (recovered.tree) {
    root = recovered.tree->Root();
  }
  ReportSyntaxErrors(root, source, sink);
  Lowerer lowerer(source, sink);
  lowerer.SetRecoveredReturnAnnotations(&recovered.return_annotations);
  lowerer.SetBlankedViewAnnotations(recovered.tree ? nullptr : &fused_views);
  lowerer.SetAugmentingNames(options.augmenting);
  lowerer.LowerModule(root, module);
  if (options.expand_fused) {
    ExpandFusedFunctions(module, sink);
  }
  return module;
}

}  // namespace pyxx::syntax
