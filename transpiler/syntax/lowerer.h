// Lowering: tree-sitter's concrete tree -> pyxx's own syntax tree (tree.h).
// One Lowerer per file; its parts live in lower_*.cpp by topic.
//
// The caller (parse.cpp) has already reported syntax errors and checked that
// the tree is not nested too deeply for these recursive functions. Lowering
// never fails: ERROR subtrees are skipped (statements) or become a Name
// `<error>` (expressions), so the tree holds whatever could be recovered.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/dialect_names.h"
#include "syntax/fused_annotations.h"
#include "syntax/identifier.h"
#include "syntax/node_kinds.h"
#include "syntax/parse.h"
#include "syntax/tree.h"
#include "syntax/ts_wrappers.h"

namespace pyxx::syntax {

class Lowerer {
 public:
  Lowerer(const base::SourceBuffer& source, diag::DiagnosticSink& sink);

  void LowerModule(Node root, Module& module);
  // Return annotations misparse recovery took out of the text, by the start of their `def`.
  void SetRecoveredReturnAnnotations(const std::unordered_map<uint32_t, Node>* annotations) {
    recovered_return_annotations_ = annotations;
  }
  void SetAugmentingNames(const AugmentingNames* names) { augmenting_ = names; }
  // `x: my_type[:, ::1]` annotations whose subscript was blanked before parsing.
  void SetBlankedViewAnnotations(const std::unordered_map<uint32_t, BlankedViewAnnotation>* views) {
    blanked_views_ = views;
  }

 private:
  // ---- imports and the compile-time namespaces (lower_imports.cpp)
  void CollectDialectImports(Node root, Module& module);
  void CollectImport(Node import, Module& module);
  auto LowerImport(Node node) -> StmtPtr;

  // ---- statements (lower_stmt.cpp)
  void LowerBlockInto(Node block, Block& out);
  void LowerStatementInto(Node node, Block& out);
  auto LowerExpressionStatement(Node node) -> StmtPtr;
  auto LowerAssignment(Node node, Node statement) -> StmtPtr;
  // An `if` whose conditions test `cython.compiled` keeps only the live
  // branch: the others are not lowered (nor checked), as in Cython.
  void LowerIfInto(Node node, Block& out);
  auto LowerWhile(Node node) -> StmtPtr;
  auto LowerFor(Node node) -> StmtPtr;
  auto LowerWith(Node node) -> StmtPtr;
  // `item` gives the range; `value` is the context expression, maybe `expr as target`.
  auto LowerWithItem(Node item, Node value) -> WithItem;
  auto LowerTry(Node node) -> StmtPtr;
  auto LowerClass(Node node, Node outer) -> StmtPtr;
  auto LowerSimpleKeywordStatement(Node node) -> StmtPtr;
  auto LowerPython2Statement(Node node) -> StmtPtr;
  void LowerElseClauseInto(Node clause, Stmt& stmt);
  auto Unsupported(Node node, std::string description) -> StmtPtr;

  // ---- functions, parameters, decorators (lower_function.cpp)
  auto LowerFunction(Node node, Node outer) -> StmtPtr;
  // True when the signature (not the body) holds a syntax error.
  auto HeaderHasError(Node function) const -> bool;
  void LowerParameters(Node parameters, Function& function);
  auto LowerLambda(Node node) -> ExprPtr;
  void ApplyDecorator(Node decorator, FunctionAttrs& attrs);
  void ApplyCythonDecorator(const std::string& path, Expr& expr, Node decorator, FunctionAttrs& attrs);
  void ApplyNumbaDecorator(const std::string& path, Expr& expr, Node decorator, FunctionAttrs& attrs);
  void ParseNumbaSignature(const Expr& literal, FunctionAttrs& attrs);

  // ---- expressions (lower_expr.cpp)
  auto LowerExpr(Node node) -> ExprPtr;
  auto LowerExprOrError(Node node, base::SourceRange fallback) -> ExprPtr;
  auto LowerTargetList(Node node) -> ExprPtr;
  auto LowerCall(Node node) -> ExprPtr;
  auto LowerSlice(Node node) -> ExprPtr;
  auto LowerCollection(Node node, Expr::Kind kind) -> ExprPtr;
  auto LowerDictionary(Node node) -> ExprPtr;
  auto LowerComparison(Node node) -> ExprPtr;
  auto LowerBoolean(Node node) -> ExprPtr;
  auto LowerAttribute(Node node) -> ExprPtr;
  // `cython.compiled` becomes the literal True (marked, for the `if` folding).
  static void FoldCythonCompiled(Expr& expr);

  // ---- literals (lower_literals.cpp)
  auto LowerNumber(Node node, Expr::Kind kind) -> ExprPtr;
  auto LowerString(Node node) -> ExprPtr;
  auto LowerConcatenatedString(Node node) -> ExprPtr;
  // Appends the parts of one (f-)string literal to `parts` (Strings and expressions).
  void AppendStringParts(Node string, std::vector<ExprPtr>& parts, bool& is_bytes, bool& is_fstring);
  auto LowerInterpolation(Node interpolation) -> std::vector<ExprPtr>;

  // ---- types (lower_types.cpp)
  auto LowerAnnotation(Node type_node) -> TypeExpr;
  // The annotation's expression (the child of a `type` node, or a recovered one).
  auto LowerAnnotationExpression(Node inner, base::SourceRange range) -> TypeExpr;
  auto TypeFromExpr(const Expr& expr) -> TypeExpr;
  auto TypeFromSubscript(const Expr& expr) -> TypeExpr;
  // `typing.X` / a name imported from typing: "X", else empty.
  auto TypingMember(const Expr& expr) const -> std::string;
  // A typing generic or special form (`List[int]`, `Optional[T]`, `Union[...]`,
  // `Any`) with its parameters already lowered.
  auto TypingType(const std::string& member, std::vector<TypeExpr> params, bool subscripted,
                  base::SourceRange range) -> TypeExpr;
  // `tuple[cython.int, cython.double]`: a C tuple, or nullopt for a `tuple` object.
  auto CTupleOf(std::vector<TypeExpr> elements, base::SourceRange range) -> std::optional<TypeExpr>;
  // `A | B | None`, from an annotation's union_type node or a `|` expression.
  auto UnionOf(std::vector<TypeExpr> members, base::SourceRange range) -> TypeExpr;
  void CollectUnionMembers(Node node, std::vector<TypeExpr>& out);
  // "cython.int", "List", "typing.Any": a string annotation naming a type.
  auto TypeFromString(const Expr& literal) -> TypeExpr;
  // Module-level `Alias = <type>` assignments, read before lowering (lower_types.cpp).
  void CollectTypeAliases(Node root);
  // A module-level class statement decorated with `@cython.cclass`; the annotation type naming it.
  auto IsCClassDefinition(Node statement) -> bool;
  // `class C(Enum)` / `(enum.IntEnum)`, ...: a base imported from the `enum` module.
  auto HasEnumBase(Node class_definition) const -> bool;
  static auto ExtensionType(std::string name, base::SourceRange range) -> TypeExpr;
  // ---- fused types (lower_fused.cpp)
  // `T = cython.fused_type(A, B)` at module level: true when `right` is one
  // (recorded, or reported when a member is not supported).
  auto CollectFusedType(Node left, Node right) -> bool;
  // A type where Cython reads a C type, not an annotation (a fused type's member,
  // `@cython.locals`, `@cython.returns`): a bare C name (`double`, `p_char`) is that
  // type, `int`/`float`/`bool`/`complex` C int, float, bint, double complex.
  auto CTypeFromExpr(const Expr& arg) -> TypeExpr;
  // The index in fused_defs_ of the fused type `expr` names (`T`, `cython.floating`), or -1.
  auto FusedIndex(const Expr& expr) -> int;
  // `cython.pointer[T]` / `cython.pointer(T)` (nested too) of a fused type `T`:
  // a Pointer whose `fused` is T's, specialised with each member (syntax/fused.cpp).
  auto FusedPointer(const Expr& expr) -> std::optional<TypeExpr>;
  std::vector<FusedTypeDef> fused_defs_;
  std::map<std::string, int, std::less<>> fused_names_;
  // Start offsets of the module-level `T = cython.fused_type(...)` statements:
  // compile-time declarations, not lowered (no Python global is bound, as in Cython).
  std::set<uint32_t> fused_statements_;
  const std::unordered_map<uint32_t, BlankedViewAnnotation>* blanked_views_ = nullptr;
  auto InvalidType(base::SourceRange range) -> TypeExpr;

  // `(x for x in xs)` into the call of a generator function (lower_genexpr.cpp).
  auto LowerGeneratorExpression(ExprPtr genexpr) -> ExprPtr;

  // ---- helpers
  [[nodiscard]] auto Text(Node node) const -> std::string_view { return source_.Slice(node.Range()); }
  [[nodiscard]] auto Text(base::SourceRange range) const -> std::string_view { return source_.Slice(range); }
  // An identifier as Python spells it (NFKC, PEP 3131).
  [[nodiscard]] auto Identifier(Node node) const -> std::string { return NormalizeIdentifier(Text(node)); }
  [[nodiscard]] auto Is(Node node, TSSymbol symbol) const -> bool { return !node.IsNull() && node.Symbol() == symbol; }
  // Every node is made here: each gets the next dense id.
  auto MakeExpr(Expr::Kind kind, base::SourceRange range) -> ExprPtr;
  auto MakeStmt(Stmt::Kind kind, base::SourceRange range) -> StmtPtr;
  // The range from `node`'s start to the end of its last child before the `:` token.
  auto HeadBeforeColon(Node node) const -> base::SourceRange;
  // The range of the first anonymous child with this token text, or `node`'s start.
  auto KeywordRange(Node node, std::string_view keyword) const -> base::SourceRange;

  // Type diagnostics go nowhere while lowering a construct that holds a syntax
  // error: the syntax error is the diagnosis, the rest would be noise.
  auto TypeSink() -> diag::DiagnosticSink& { return quiet_types_ ? discarded_ : sink_; }
  template <class Builder>
  void NoteCythonNotImported(Builder& builder, const Expr& expr) const;

  const base::SourceBuffer& source_;
  diag::DiagnosticSink& sink_;
  diag::DiagnosticSink discarded_;
  bool quiet_types_ = false;
  // Lowering the statements directly in a class body (not a method's).
  bool in_class_body_ = false;
  // ... of an extension type (`@cython.cclass`): its annotations declare typed fields.
  bool in_cclass_body_ = false;
  // `annotation_typing(False)` (decorator, `with` block, or the module's
  // `# cython:` comment): annotations are read as plain objects, not types.
  bool annotation_typing_ = true;
  // The module's `# cython: infer_types=...`, or the enclosing function's decorator.
  FunctionAttrs::Inference infer_types_ = FunctionAttrs::Inference::Full;
  // The module's `# cython: binding=...`: every function's default for `@cython.binding`.
  std::optional<bool> binding_;
  void ReadDirectiveComments();
  const NodeKinds& kinds_;
  const FieldIds& fields_;
  DialectNames dialect_;
  // Annotations only: local names of the `typing` module and of names imported from it.
  std::set<std::string, std::less<>> typing_modules_;
  // `import dataclasses [as d]`: `d.InitVar[T]` is read in annotations.
  std::set<std::string, std::less<>> dataclasses_modules_;
  std::map<std::string, std::string, std::less<>> typing_names_;
  // Local names of the `enum` module and of its enum classes (`Enum`, `IntEnum`, ...):
  // `@cython.cclass` on an enum class makes a Python enum (HasEnumBase).
  std::set<std::string, std::less<>> enum_modules_;
  std::set<std::string, std::less<>> enum_class_names_;
  // Module-level `Alias = List[float]`: the type an annotation `Alias` stands for.
  std::map<std::string, TypeExpr, std::less<>> type_aliases_;
  // Module-level `X = cython.struct(...)` / `cython.union(...)` / `cython.typedef(T)`:
  // an annotation `X` names that C type (the checker resolves it).
  std::set<std::string, std::less<>> c_type_names_;
  const std::unordered_map<uint32_t, Node>* recovered_return_annotations_ = nullptr;
  // What the module's augmenting .pxd declares, or nullptr; and the start
  // offsets of the module-level classes it makes extension types.
  const AugmentingNames* augmenting_ = nullptr;
  std::set<uint32_t> augmented_classes_;
  uint32_t next_expr_id_ = 0;
  uint32_t next_stmt_id_ = 0;
};

}  // namespace pyxx::syntax
