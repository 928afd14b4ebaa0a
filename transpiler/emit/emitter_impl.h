// Internal to the emit phase. One Emitter per module; split over
// emit_module.cpp, emit_function.cpp, emit_stmt.cpp, emit_expr.cpp, names.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "checked/checked_module.h"
#include "emit/emitter.h"

namespace pyxx::emit {

using check::Type;
using check::TypeKind;
using syntax::Expr;
using syntax::Stmt;

// A C++ expression and whether it names an object variable (a `pyxx::Ref` lvalue
// that must be copied, not moved, when stored).
struct CppExpr {
  std::string text;
  bool ref_lvalue = false;
};

// A C++ identifier for a Python one: keywords and names that could clash with
// pyxx's own (`pyxx...`) get a trailing underscore.
auto CppName(const std::string& name) -> std::string;
// A C++ string literal (quoted, escaped) for arbitrary bytes.
auto CppStringLiteral(std::string_view bytes) -> std::string;

class Emitter {
 public:
  Emitter(const check::CheckedModule& module, const base::SourceBuffer& source, const EmitOptions& options)
      : module_(module), source_(source), options_(options) {}
  auto Run() -> std::string;

 private:
  // ---- functions (emit_function.cpp)
  auto Signature(const check::FunctionInfo& fn) -> std::string;
  void EmitFunction(const check::FunctionInfo& fn);
  void EmitWrapper(const check::FunctionInfo& fn);
  auto NativeName(const check::FunctionInfo& fn) -> std::string { return CppName(fn.name()); }
  auto WrapperName(const check::FunctionInfo& fn) -> std::string { return "pyxx_wrap_" + fn.name(); }

  // ---- statements (emit_stmt.cpp)
  void EmitBlock(const syntax::Block& block);
  void EmitStmt(const Stmt& s);
  void EmitAssign(const Stmt& s);
  void EmitCDivmodAssign(const Stmt& s);
  void EmitStore(const Expr& target, const std::string& value_cpp, const Type& value_type, bool ref_lvalue);
  void EmitAugAssign(const Stmt& s);
  // `a, (b, c) = source`: unpacks a borrowed PyObject* into the targets, recursively.
  void EmitUnpack(const Expr& target, const std::string& source);
  void EmitIf(const Stmt& s);
  void EmitWhile(const Stmt& s);
  void EmitFor(const Stmt& s);
  void EmitWith(const Stmt& s, size_t item);
  void EmitReturn(const Stmt& s);
  void EmitRaise(const Stmt& s);
  void EmitImport(const Stmt& s);
  void EmitLoopElse(const Stmt& s, const std::string& flag);
  void EmitTry(const Stmt& s);
  void EmitDel(const Expr& target);
  void EmitTryExcept(const Stmt& s);

  // ---- expressions (emit_expr.cpp)
  auto EmitExpr(const Expr& e) -> CppExpr;
  auto EmitAs(const Expr& e, const Type& to) -> std::string;     // converted to `to`
  auto Convert(const CppExpr& value, const Type& from, const Type& to) -> std::string;
  auto EmitObject(const Expr& e) -> std::string;                  // as a pyxx::Ref prvalue or lvalue
  auto EmitPyObjectPtr(const Expr& e) -> std::string;             // as a borrowed PyObject* in a full-expression
  auto EmitCondition(const Expr& e) -> std::string;               // as a C++ bool
  auto EmitBinaryC(syntax::BinaryOp op, const std::string& a, const std::string& b, const Type& operand_type,
                   const Type& result) -> std::string;
  auto EmitBinary(const Expr& e) -> CppExpr;
  auto EmitUnary(const Expr& e) -> CppExpr;
  auto EmitCompare(const Expr& e) -> CppExpr;
  auto EmitBoolOp(const Expr& e) -> CppExpr;
  auto EmitCall(const Expr& e) -> CppExpr;
  auto EmitDefCall(const Expr& e, const check::FunctionInfo& target) -> std::string;
  auto EmitSubscript(const Expr& e) -> CppExpr;
  auto EmitComprehension(const Expr& e) -> CppExpr;
  auto EmitMemoryViewElement(const Expr& e) -> std::string;
  auto EmitObjectCall(const std::string& callable, const Expr& e) -> std::string;
  auto Site(const syntax::SourceRange& r) -> std::string;
  auto OwnedObject(const Expr& e) -> std::string;                 // always a pyxx::Ref prvalue
  // C++ leaves the order of function arguments unspecified; Python evaluates left
  // to right. When two or more operands may have effects (calls, object
  // operations), they are bound to temporaries in order inside a lambda and
  // `combine` gets the temporaries' names; otherwise it gets the operands.
  auto Sequence(const std::vector<std::string>& operands, const std::vector<const Expr*>& sources,
                const std::string& result_type,
                const std::function<std::string(const std::vector<std::string>&)>& combine) -> std::string;
  auto EmitIntLiteral(const Expr& e, const Type& t) -> std::string;

  // ---- output
  void Line(const std::string& text);
  void LineDirective(syntax::SourceRange r);
  auto Temp(const char* stem) -> std::string;
  auto TypeOf(const Expr& e) const -> const Type& { return module_.TypeOf(e); }
  auto LocalName(int index) -> std::string;

  const check::CheckedModule& module_;
  const base::SourceBuffer& source_;
  const EmitOptions& options_;
  std::string out_;
  int indent_ = 0;
  uint32_t last_line_ = 0;
  const check::FunctionInfo* fn_ = nullptr;  // nullptr at module level
  int temp_counter_ = 0;
  std::string stmt_site_ = "pyxx::Site{nullptr, 0}";  // Site of the statement being emitted
  // For loops with `else`: the flag `break` must set, innermost last ("" when none).
  std::vector<std::string> loop_flags_;
  // The caught exception of each enclosing `except` block, innermost last.
  std::vector<std::string> handler_exceptions_;
  // Functions that call raising functions of the module keep `pyxx_line`, the
  // line they are at, so an error passing through adds their traceback entry.
  bool track_line_ = false;
};

}  // namespace pyxx::emit
