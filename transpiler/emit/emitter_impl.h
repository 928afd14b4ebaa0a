// Internal to the emit phase. One Emitter per module; split over
// emit_module.cpp, emit_function.cpp, emit_stmt.cpp, emit_expr.cpp, names.cpp.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "checked/checked_module.h"
#include "emit/emitter.h"

namespace pyxx::emit {

using checked::Type;
using checked::TypeKind;
using syntax::Expr;
using syntax::Stmt;

// What evaluating an expression may do, as far as Python's evaluation order is
// concerned (bit set). Reads of state another operand could change (globals,
// buffer elements), raising an exception, and anything else (calls, object
// operations: arbitrary Python code).
enum Effect : unsigned { kPure = 0, kReads = 1, kRaises = 2, kWrites = 4 };

// Must `a` be evaluated before `b` (and not interleaved with it) for the result
// to be Python's? Two reads commute, and a read commutes with a raise.
inline auto Conflicts(unsigned a, unsigned b) -> bool {
  return ((a & kWrites) != 0 && b != 0) || ((b & kWrites) != 0 && a != 0) ||
         ((a & kRaises) != 0 && (b & kRaises) != 0);
}

// A C++ expression and whether it names an object variable (a `pyxx::Ref` lvalue
// that must be copied, not moved, when stored). `effect` is what evaluating the
// whole Python expression does, including statements already hoisted for it;
// `pending` what the text itself still does when it is evaluated.
struct CppExpr {
  std::string text;
  bool ref_lvalue = false;
  unsigned effect = kPure;
  unsigned pending = kPure;
};

// An expression (its text to fill in) whose effects are its own plus its operands'.
inline auto Combined(const std::vector<CppExpr>& values, unsigned own) -> CppExpr {
  CppExpr out;
  out.effect = own;
  out.pending = own;
  for (const auto& v : values) {
    out.effect |= v.effect;
    out.pending |= v.pending;
  }
  return out;
}

// An operand still to be emitted, for Emitter::EmitInOrder: the C++ type it
// has (for a temporary) and how to emit it.
struct Operand {
  std::string type;
  std::function<CppExpr()> emit;
};

// The C++ identifier of a Python one (see names.cpp): plain names as they are,
// others `pyxx_u_` + EscapeIdentifier(name); never equal to another name.
auto CppName(const std::string& name) -> std::string;
// Lower-case ASCII, not a keyword, macro or runtime name: safe to write as it is.
auto IsPlainName(std::string_view name) -> bool;
// An injective spelling of any Python identifier in ASCII letters, digits and
// single underscores, not starting with `_` (for names built from user names).
auto EscapeIdentifier(std::string_view name) -> std::string;
// The PYXX_GENERATED_MODULE line that defines the module's init function
// (PyInit_name, or PyInitU_ + punycode for a name that is not ASCII, as PEP 489
// says), for the exec function `exec` and the pyxx::ConstantTable `constants`.
auto ModuleDefinition(const std::string& module_name, const std::string& doc, const std::string& exec,
                      const std::string& constants, int state_slots = 0) -> std::string;
// The docstring of a function or module body, as Python finds it (a first str literal).
auto DocstringOf(const syntax::Block& body) -> const std::string*;
// RFC 3492 punycode of UTF-8 text, as Python's "punycode" codec writes it.
auto Punycode(std::string_view text) -> std::string;
// A C++ string literal (quoted, escaped) for arbitrary bytes.
auto CppStringLiteral(std::string_view bytes) -> std::string;
// `condition` without the parentheses around all of it, for an `if`
// or `while` head: `if ((a == b))` draws clang's -Wparentheses-equality.
auto WithoutOuterParens(const std::string& condition) -> std::string;
// The layout constant a memoryview type asks for (pyxx::kStrided, kCContiguous, kFContiguous).
auto ViewContiguity(const Type& t) -> const char*;
// The C++ cast for a C number conversion: static_cast, or pyxx::c_cast where
// C++ leaves some values undefined (floating to integer, narrowing floating).
auto NumericCast(const Type& from, const Type& to) -> const char*;
// The CPython type object ("PyList_Type") of a builtin type an annotation names
// ("list"), or empty when it has none.
auto BuiltinTypeObject(const std::string& name) -> std::string;
// The type of the Python object a value of type `t` becomes (a C long: `int`).
auto AsObjectType(const Type& t) -> Type;
// C++ names of an extension type's instance struct, type object variable (a
// PyTypeObject*, null until its class statement ran) and field members.
auto CClassStruct(const std::string& name) -> std::string;
auto CClassTypeVar(const std::string& name) -> std::string;
auto DataclassVar(const std::string& cls) -> std::string;
auto CClassFieldMember(const std::string& name) -> std::string;
// The C++ return type of a native function, and that of its parameter `i`.
auto ReturnCpp(const Type& t) -> std::string;
auto ParamCpp(const checked::FunctionInfo& fn, size_t i) -> std::string;

// Does another pyxx module get `fn` through the capsule table? Module-level
// cfunc/ccall functions of plain signatures (C numbers, Python objects).
auto IsExported(const checked::FunctionInfo& fn) -> bool;
// Extension types are exported with the fields and C methods other modules can
// reach through the capsule table: fields of C numbers and Python objects other
// than extension types; C methods whose other parameters and result are such.
auto IsExportedField(const checked::CClassField& field) -> bool;
auto IsExportedMethod(const checked::FunctionInfo& fn) -> bool;
// The C methods an extension type defines (its own and its overrides), in source order.
auto IsExportedType(const checked::CheckedModule& module, const checked::CClassInfo& cls) -> bool;
auto MethodsDefinedBy(const checked::CClassInfo& cls) -> std::vector<int>;
// The capsule name both modules must agree on: name, types, GIL and error facts.
auto CapiSignature(const checked::FunctionInfo& fn) -> std::string;
// The same for a C method of the extension type `cls` (named "cls.method"), and
// for the type itself and one of its fields.
auto CapiMethodSignature(const std::string& cls, const checked::FunctionInfo& fn) -> std::string;
auto CapiTypeSignature(const checked::CClassInfo& cls) -> std::string;
auto CapiFieldSignature(const std::string& cls, const checked::CClassField& field) -> std::string;

class Emitter {
 public:
  Emitter(const checked::CheckedModule& module, const base::SourceBuffer& source, const EmitOptions& options)
      : module_(module), source_(source), options_(options) {}
  auto Run() -> std::string;

 private:
  // ---- parallel translation units (parts.h)
  // The prefix of a definition every part uses (functions, variables outside
  // a part's guard): `inline` when the file is compiled as one part.
  [[nodiscard]] auto Shared() const -> std::string { return parts_ > 1 ? "PYXX_SHARED " : ""; }
  [[nodiscard]] auto MaybeUnused() const -> std::string { return "[[maybe_unused]] " + Shared(); }
  auto InParts(const std::vector<std::string>& code, const std::vector<int>& part_of) const -> std::string;
  auto LocalToItsPart(const checked::FunctionInfo& fn) const -> bool;
  int parts_ = 1;
  // ---- functions (emit_function.cpp)
  auto Signature(const checked::FunctionInfo& fn) -> std::string;
  void EmitFunction(const checked::FunctionInfo& fn);
  void EmitWrapper(const checked::FunctionInfo& fn);
  auto NativeName(const checked::FunctionInfo& fn) -> std::string;
  auto WrapperName(const checked::FunctionInfo& fn) -> std::string;
  // ---- functions with fused types (emit_fused_dispatch.cpp)
  // The Python entry point of a `def`/`ccall` function with fused types: it calls
  // the wrapper of the specialisation the arguments' types pick.
  auto DispatcherName(const syntax::FusedFunction& group) -> std::string;
  void EmitFusedDispatcher(const syntax::FusedFunction& group);
  // The C++ name of a parameter in the native function's signature (a captured
  // parameter is copied into its cell: the signature names the argument).
  auto ParamName(const checked::FunctionInfo& fn, size_t i) -> std::string;

  // ---- nested functions, lambdas, closures (emit_closures.cpp)
  // Declares a local that lives in a cell (its own or an enclosing function's)
  // as a C++ reference to the cell's storage.
  void DeclareCellLocal(const checked::LocalVar& local);
  // The cell object (a borrowed PyObject*) of the current function's local `index`.
  auto CellOf(int index) -> std::string;
  // Makes the function object of a nested `def` or `lambda`: decorators and
  // default values evaluated here, the closure from this function's cells.
  // `impl`: the C++ function the object calls, if not the function's own wrapper (a fused method's dispatcher).
  auto MakeFunction(const syntax::Function& fn, const syntax::SourceRange& range, const std::string& impl = "")
      -> CppExpr;
  // The tuple of cells a nested function's closure is made of (`pyxx::Ref()`: none).
  auto ClosureTuple(const checked::FunctionInfo& inner, const std::string& site) -> std::string;
  void EmitDef(const Stmt& s);
  // The index in module_.functions of a module-level or nested function.
  auto FunctionIndexOf(const syntax::Function& fn) -> int;
  // The C++ variable of a module-level C variable (runtime/c_global.hpp).
  static auto CGlobalName(const std::string& name) -> std::string { return "pyxx_cg_" + EscapeIdentifier(name); }
  // `target = value;` for a C variable: a local, or a module-level one (an atomic store).
  auto CStore(const Expr& target, const std::string& value) -> std::string;
  // `lvalue = value;`, or the relaxed store a module-level C variable's place takes.
  static auto StoreLine(const std::string& lvalue, const std::string& value, bool c_global) -> std::string;
  // A module-level C variable's place bound once (`auto& ref = ...;`) and its value
  // read before the right side is evaluated (which may store to it).
  struct CGlobalRead {
    std::string place;
    std::string current;
  };
  auto ReadCGlobalPlace(const Expr& target, const Type& t) -> CGlobalRead;

  // ---- `def` statements, signatures, stored defaults (emit_def.cpp)
  // `name($module, a, b=1, *, c)\n--\n\n` + docstring: ml_doc with the text
  // signature; a function object's is `(a, b=1, *, c)` (no bound first parameter).
  auto MethodDoc(const checked::FunctionInfo& fn) -> std::string;
  auto DefEntry(const std::string& wrapper) const -> std::string;
  auto DefFunction(const std::string& wrapper) const -> std::string;
  auto TextSignature(const checked::FunctionInfo& fn, bool bound_module) -> std::string;
  // Stores the defaults of a module-level function that are no literals in the
  // module's state, where its `def` stands.
  void StoreDefaults(const checked::FunctionInfo& fn, const std::string& site);
  // The stored default of parameter `i` of `fn` (a slot of the module's state), as `t`.
  auto StoredDefault(const checked::FunctionInfo& fn, size_t i, const Type& t, const std::string& site) -> std::string;
  // The default value `object` (a PyObject*) as kept for a parameter of type `t`:
  // a C parameter's is converted to its C type (and back) when the `def` runs.
  auto DefaultObject(const std::string& object, const Type& t, const std::string& site) -> std::string;
  // `(x for x in xs)`: iter(xs), then the call of its generator function.
  auto EmitGeneratorExpression(const Expr& e) -> CppExpr;
  // Where a nested `def` or `class` statement stores the object it made.
  void StoreBinding(const Stmt& s, const std::string& name, const std::string& ref);
  // ---- classes (emit_classes.cpp)
  void EmitClass(const Stmt& s);
  // The class statements being emitted, innermost last: their ClassBuilder and
  // class cell variables ("" when the class needs none).
  std::vector<std::string> class_builders_;
  std::vector<std::string> class_cells_;
  // ---- extension types (emit_cclass.cpp)
  // The structs, slot functions and PyType_Specs of the module's extension types.
  auto CClassDeclarations() -> std::string;
  // emit_enums.cpp: the Python classes of a .pxd's cpdef enums.
  auto CpdefEnum(const std::string& name) const -> const syntax::CEnum*;
  // An integer C value of a named cpdef enum of the module (it converts to the enum's member).
  auto IsCpdefEnumValue(const Type& t) const -> bool;
  // Such a value, or a C++ container or C array holding one (converted element by element).
  auto HoldsCpdefEnum(const Type& t) const -> bool;
  auto ToPythonWithEnums(const Type& t, const std::string& value) const -> std::string;
  auto CpdefEnumDeclarations() -> std::string;
  auto CpdefEnumSetup() -> std::string;
  // `pyxx::enum_to_python(...)` of a C value of a cpdef enum (a new reference or nullptr), or the
  // conversion of a container holding such values (HoldsCpdefEnum), else nullopt.
  auto CpdefEnumToPython(const Type& t, const std::string& value) const -> std::optional<std::string>;
  auto CpdefEnumFieldGetter(const Type& t) const -> std::optional<std::string>;
  // `pyxx::enum_member(...)` (a pyxx::Ref; raises) of a C value of a cpdef enum (or the
  // conversion of a container holding such values), else nullopt.
  auto CpdefEnumObject(const Type& t, const std::string& value, const std::string& site) const
      -> std::optional<std::string>;
  auto ConvertCpdefEnum(CppExpr value, const Type& from, const Type& to) -> std::optional<CppExpr>;
  auto EnumConstantValue(int index) const -> std::string;
  // The expression that makes the type once the body ran into `builder`.
  auto CreateCClass(const checked::CClassInfo& cls, const std::string& builder, const std::string& site) -> std::string;
  auto CClassStructAt(const checked::CClassInfo& cls, const std::string& object) -> std::string;
  auto CClassStructOrNone(const checked::CClassInfo& cls, const std::string& object, const std::string& message,
                          const std::string& site) -> std::string;
  auto PlaceFunction(const std::string& cls) -> std::string;
  auto DataclassDefinitions(const checked::CClassInfo& cls, const std::string& getset_var, std::string& slots)
      -> std::string;
  void EmitDataclassDefault(const Stmt& s);
  auto PlaceFunctionDefinition(const checked::CClassInfo& cls, const checked::CClassInfo& cimported,
                               const std::string& getset_var) -> std::string;
  // `obj.f`, a field: the C++ lvalue of the field in the instance struct (None: AttributeError).
  // `hold`: the instance is kept in a temporary (the lvalue outlives the statement).
  auto EmitCClassField(const Expr& e, bool hold = false) -> CppExpr;
  // An expression certainly an instance (not None): a parameter tested at the boundary.
  auto KnownInstance(const Expr& e) -> bool;
  // The vtable, and the ccall dispatchers (Python overrides), of the module's extension types.
  auto VtableInit(const checked::CClassInfo& cls, const checked::CClassInfo& level) -> std::string;
  // The vtable of `cls` (a `const pyxx_vtab_...*`) of the instance whose root struct pointer is `root_struct`.
  auto VtableOf(const checked::CClassInfo& cls, const std::string& root_struct) -> std::string;
  auto CcallDispatcherDefinition(const checked::CClassInfo& cls, const checked::FunctionInfo& m, bool slot)
      -> std::string;
  auto CcallOverrides(const checked::CClassInfo& cls) -> std::vector<int>;
  auto CcallSlotName(const checked::FunctionInfo& m) -> std::string;
  auto CcallSlotPrototype(const checked::FunctionInfo& m) -> std::string;
  auto ExtensionThunkName(const checked::FunctionInfo& m) -> std::string;
  auto ExtensionThunkDefinition(const checked::CClassInfo& cls, const checked::FunctionInfo& m) -> std::string;
  auto DefaultsThunkName(const checked::FunctionInfo& m) -> std::string;
  auto DefaultsThunkDefinition(const checked::FunctionInfo& m) -> std::string;
  auto GivenMask(const Expr& call, const checked::FunctionInfo& m, std::vector<std::string>& by_param) -> std::string;
  // A call of the C method `m` on `object` (a PyObject* known not to be None), passed
  // as `self` (a pyxx::Ref): a ccall method through its dispatcher (a Python
  // override may run), a cfunc one through the vtable. `args`: ", a, b".
  auto CMethodCall(const checked::FunctionInfo& m, const std::string& object, const std::string& module,
                   const std::string& self, const std::string& site, const std::string& args) -> std::string;
  // The exported trampoline of the C method `index` of `cls` (emit_cimports.cpp).
  auto MethodTrampoline(const checked::CClassInfo& cls, int index, const std::string& name) -> std::string;
  // After the type is made: the statements that keep its ccall methods' Python functions.
  // Buffer export (emit_buffer.cpp): the bf_getbuffer/bf_releasebuffer slots of a
  // type with `__getbuffer__`/`__releasebuffer__`, and the fields of its Py_buffer.
  auto BufferSlotDefinitions(const checked::CClassInfo& cls, std::string& slots) -> std::string;
  auto BufferSlotsKeepModule(const checked::CClassInfo& cls) -> std::string;
  auto IsPyBufferField(const Expr& e, const char* field) const -> bool;
  auto EmitPyBufferField(const Expr& e, CppExpr pointer) -> CppExpr;
  void EmitPyBufferStore(const Expr& target, const std::string& value);
  auto EmitPyBufferFillInfo(const Expr& e) -> CppExpr;
  auto CClassMethodsKept(const checked::CClassInfo& cls, const std::string& type, const std::string& site)
      -> std::vector<std::string>;
  // `obj.m(...)`, a C method: through the vtable (a ccall method: its dispatcher).
  auto EmitCClassMethodCall(const Expr& e) -> CppExpr;
  // The instance a C method is called on, as a variable (it is lent as `self`).
  auto ReceiverOperand(const Expr& object) -> Operand;
  // `obj.m(...)` of a cimported extension type's C method (foreign_functions[k]).
  auto EmitForeignMethodCall(const Expr& e, size_t k) -> CppExpr;
  // The arguments of a call of one of the module's functions bound to its parameters, in
  // source order, defaults after them: the C++ argument for each parameter.
  auto EmitBoundArguments(const Expr& e, const checked::FunctionInfo& target, std::vector<Operand> first,
                          std::vector<CppExpr>& values) -> std::vector<std::string>;

  // ---- C functions shared with other pyxx modules (emit_cimports.cpp)
  // The trampolines and the `pyxx_capi` table of the functions the module exports.
  auto CapiExports() -> std::string;
  // The slot and the wrapper of each cimported function (ForeignName(k) calls it).
  auto CimportDeclarations() -> std::string;
  // The exec function's first steps: fill the slots, publish `__pyxx_capi__`.
  auto CapiExecSetup() -> std::string;
  // Some exported function reads the module's globals: the trampolines pass pyxx_capi_module.
  auto ExportsUseModule() -> bool;
  static auto ForeignSlot(size_t k) -> std::string;
  // A cimported extension type's slots (`c` indexes cclasses, `i` its fields).
  static auto ForeignTypeSlot(size_t c) -> std::string;
  static auto ForeignFieldSlot(size_t c, size_t i) -> std::string;
  auto ForeignMethodWrapper(size_t k) -> std::string;
  static auto ForeignName(size_t k) -> std::string;

  // ---- statements (emit_stmt.cpp)
  void EmitBlock(const syntax::Block& block);
  void EmitStmt(const Stmt& s);
  void EmitStmtBody(const Stmt& s);
  void EmitAssign(const Stmt& s);
  auto EmitConstLocal(const Stmt& s) -> bool;
  void EmitCDivmodAssign(const Stmt& s);
  void EmitStore(const Expr& target, const std::string& value_cpp, const Type& value_type, bool ref_lvalue);
  void EmitAugAssign(const Stmt& s);
  void EmitAugAssignObject(const Stmt& s);
  void EmitAssert(const Stmt& s);
  // Opens `if (cond) {` of an if/elif chain (or `{` for a null `cond`): first, or
  // after the previous branch. A condition that needs statements gets them in a
  // block opened here; `opened` counts those blocks for CloseChain.
  void OpenBranch(const std::function<CppExpr()>& cond, bool first, int& opened);
  void CloseChain(int opened);
  // `a, (b, c) = source`: unpacks a borrowed PyObject* into the targets, recursively.
  void EmitUnpack(const Expr& target, const std::string& source);
  void EmitIf(const Stmt& s);
  void EmitWhile(const Stmt& s);
  void EmitFor(const Stmt& s);
  void EmitWith(const Stmt& s, size_t item);
  void EmitWithContextManager(const Stmt& s, size_t item, const std::string& comment);
  void EmitReturn(const Stmt& s);
  void EmitRaise(const Stmt& s);
  void EmitImport(const Stmt& s);
  void EmitLoopElse(const Stmt& s, const std::string& flag);
  void EmitTry(const Stmt& s);
  void EmitDel(const Expr& target);
  void EmitTryExcept(const Stmt& s);
  // ---- `finally` blocks that jump (emit_finally.cpp)
  void EmitJumpingFinally(const Stmt& s);
  // `break`/`continue`, through the finally blocks that jump on the way out.
  void EmitLoopJump(bool is_break);
  // `return value` ("" in a void function), likewise.
  void EmitReturnValue(const std::string& value);

  // ---- expressions (emit_expr.cpp, emit_call.cpp, emit_compare.cpp)
  // Emitting an expression may write statements (temporaries) before the
  // statement being emitted; the returned text is evaluated after them.
  auto EmitExpr(const Expr& e) -> CppExpr;
  auto EmitNativeCall(const Expr& e, const checked::FunctionInfo& target, const std::string& callee_name) -> CppExpr;
  auto ValueAs(const Expr& e, const Type& to) -> CppExpr;       // converted to `to`
  auto ObjectValue(const Expr& e) -> CppExpr;                   // as a pyxx::Ref prvalue or lvalue
  auto OwnedValue(const Expr& e) -> CppExpr;                    // as a pyxx::Ref prvalue
  auto ConditionValue(const Expr& e) -> CppExpr;                // as a C++ bool
  auto ConvertValue(CppExpr value, const Type& from, const Type& to) -> CppExpr;
  auto EmitAs(const Expr& e, const Type& to) -> std::string { return ValueAs(e, to).text; }
  auto Convert(const CppExpr& value, const Type& from, const Type& to) -> std::string {
    return ConvertValue(value, from, to).text;
  }
  auto EmitObject(const Expr& e) -> std::string { return ObjectValue(e).text; }
  auto OwnedObject(const Expr& e) -> std::string { return OwnedValue(e).text; }
  auto EmitPyObjectPtr(const Expr& e) -> std::string { return EmitObject(e) + ".get()"; }
  // `for ... in v` over a typed memoryview: the iterator of the items Cython iterates (view_iter.hpp).
  auto ViewIterator(const Expr& view, const std::string& site) -> CppExpr;
  // The view for `.shape`, `.T`, ...: under @cython.nonecheck(True) checked not to be None first.
  auto NoneCheckedView(const Expr& view, const std::string& attribute, const std::string& site) -> CppExpr;
  auto EmitCondition(const Expr& e) -> std::string { return ConditionValue(e).text; }
  // no_overflow: the checker proved the exact result of `+ - *` fits (ExprFacts::no_overflow).
  auto EmitBinaryC(syntax::BinaryOp op, const std::string& a, const std::string& b, const Type& operand_type,
                   const Type& result, bool no_overflow = false) -> std::string;
  auto EmitBinary(const Expr& e) -> CppExpr;
  auto EmitUnary(const Expr& e) -> CppExpr;
  auto EmitCompare(const Expr& e) -> CppExpr;
  auto EmitChainedCompare(const Expr& e) -> CppExpr;
  auto EmitCMembership(const Expr& e) -> CppExpr;
  auto CMembershipTest(const Expr& left, const std::string& a, const Expr& element, const std::string& b)
      -> std::string;
  auto PairCompare(const Expr& e, size_t i, const std::string& a, const std::string& b) -> std::string;
  auto CompareOperand(const Expr& e, size_t i) -> Operand;
  // `a in b`, `a not in b`, `a is b`, `a is not b` of objects tested for truth:
  // the C bool itself (what the Python bool they make would test as).
  auto IdentityOrMembershipTest(const Expr& e) -> std::optional<CppExpr>;
  // `v` as a pyxx::Ref prvalue: temporaries are moved, variables borrowed.
  auto Owned(const CppExpr& v) -> std::string;
  auto EmitBoolOp(const Expr& e) -> CppExpr;
  auto EmitConditional(const Expr& e) -> CppExpr;
  auto EmitWalrus(const Expr& e) -> CppExpr;
  auto EmitCall(const Expr& e) -> CppExpr;
  // globals(), locals(), vars(), dir(), eval(), exec() (emit_frames.cpp).
  auto EmitFrameBuiltinCall(const Expr& e, const checked::Resolution& r) -> CppExpr;
  auto EmitLocalsDict(const Expr& e) -> CppExpr;  // `locals()` in a function
  auto EmitDefCallInOrder(const Expr& e, const checked::FunctionInfo& target) -> CppExpr;
  auto EmitSubscript(const Expr& e) -> CppExpr;
  auto EmitSubscriptKey(const Expr& e) -> Operand;
  // The object and the key of `obj[i]` / `obj[i, j:k]`, evaluated left to right.
  struct SubscriptOperands {
    std::vector<CppExpr> values;  // the object, then one value per index
    std::string key;              // a borrowed PyObject* expression
  };
  auto EmitSubscriptOperands(const Expr& e, const std::string& site) -> SubscriptOperands;
  auto EmitComprehension(const Expr& e) -> CppExpr;
  auto EmitMemoryViewElement(const Expr& e) -> CppExpr;
  auto EmitViewSlice(const Expr& e) -> CppExpr;                  // v[1:-1], v[:, j], v[i] of a 2-D view
  void EmitViewSliceStore(const Expr& target, const Expr& value);  // v[...] = w, v[:] = 0
  auto EmitViewGeometry(const Expr& e) -> CppExpr;               // v.shape[k], v.strides[k], v.suboffsets[k]
  auto EmitViewAttribute(const Expr& e) -> CppExpr;              // v.shape, v.ndim, v.size, ...
  auto EmitObjectCall(Operand callable, const Expr& e) -> CppExpr;
  // ---- `*`/`**` unpacking (emit_unpacking.cpp)
  auto EmitUnpackingCall(Operand callable, const Expr& e) -> CppExpr;
  auto EmitUnpackingDisplay(const Expr& e) -> CppExpr;
  // Emits `value` as an object now; a borrowed PyObject* for the next statement.
  auto UnpackingStep(const Expr& value) -> std::string;
  // The Site of code at `r`: `pyxx_site` when it holds that line there, else
  // `pyxx_site.at(line)` (a literal Site outside a function body: wrappers).
  auto Site(const syntax::SourceRange& r) -> std::string;
  // The Site of the statement (or except clause) being emitted.
  auto StmtSite() -> std::string {
    return Site(stmt_.active || fn_ == nullptr ? stmt_.range : fn_->syntax->def_range);
  }
  // Puts `pyxx_site.line = N;` in front of the statement being emitted if its code
  // so far uses `pyxx_site` (or it calls a raising function: add_caller reads the
  // line). Compound statements call it after the part that runs once, before their
  // blocks; simple ones get it when they are done.
  void CommitSite();
  auto EmitIntLiteral(const Expr& e, const Type& t) -> std::string;
  auto ObjectOperand(const Expr& e) -> Operand;
  auto OperandAs(const Expr& e, const Type& t) -> Operand;

  // ---- C data: structs, pointers, C arrays (emit_cdata.cpp)
  // The struct and union definitions and their dict conversions.
  auto RecordLayout(size_t struct_index) -> std::string;
  auto StructDefinitions() -> std::string;
  // A pointer, array or struct expression (element, field, address, arithmetic,
  // comparison, libc call, struct constructor); nullopt for anything else.
  auto EmitCData(const Expr& e) -> std::optional<CppExpr>;
  auto EmitCTupleDisplay(const Expr& e) -> CppExpr;
  auto CTupleConversions(size_t struct_index) -> std::string;
  void EmitCTupleUnpack(const Expr& target, const std::string& source, const Type& tuple);
  auto EmitCIndex(const Expr& e) -> CppExpr;
  // C++ vectors (emit_cpp_vector.cpp).
  auto VectorSizeOperand(const Expr& e) -> Operand;
  auto VectorPlaceOperand(const Expr& e) -> Operand;
  // A vector or string the code names in place (a local, an extension type's field,
  // an element of a vector that is one); any other is a value held in a temporary.
  [[nodiscard]] auto IsCppPlace(const Expr& e) const -> bool;
  auto EmitVectorMethodCall(const Expr& e, const std::string& method) -> CppExpr;
  auto EmitVectorConstructor(const Expr& e) -> CppExpr;
  auto EmitVectorIndex(const Expr& e) -> CppExpr;
  void EmitVectorLoopHead(const Stmt& s);
  // C++ maps, sets and pairs (emit_cpp_map.cpp). A key (or a set element, a
  // pair member) operand: a C string or bytes literal copied into a string.
  auto CppKeyOperand(const Expr& e, const Type& key) -> Operand;
  auto EmitCppMapMethodCall(const Expr& e, const std::string& method) -> CppExpr;
  auto EmitCppTemplateConstructor(const Expr& e) -> CppExpr;
  auto EmitCppMapIndex(const Expr& e) -> CppExpr;
  // `m[k]` as an augmented assignment's target: when `value` (null: any
  // operation) may change the map, the key in a temporary and `lookup` set to a
  // lookup that can run again after the value; else `lookup` stays empty.
  [[nodiscard]] auto IsCppMapElement(const Expr& target) const -> bool;
  auto EmitCppMapElementHeld(const Expr& target, const Expr* value, std::string& lookup) -> CppExpr;
  auto EmitCppFoundCompare(const Expr& e) -> CppExpr;
  void EmitCppContainerLoopHead(const Stmt& s);
  // C++ strings (emit_cpp_string.cpp).
  auto CppStringOperand(const Expr& e) -> Operand;
  auto EmitCppStringMethodCall(const Expr& e, const std::string& method) -> CppExpr;
  auto EmitCppStringConstructor(const Expr& e) -> CppExpr;
  auto EmitCppStringConcat(const Expr& e) -> CppExpr;
  auto EmitCppStringSlice(const Expr& e) -> CppExpr;
  // libcpp.algorithm calls (emit_cpp_algorithm.cpp).
  auto EmitAlgorithmCall(const Expr& e, const std::string& name) -> CppExpr;
  // cython.operator (emit_cpp_operator.cpp).
  auto EmitDereference(const Expr& e) -> CppExpr;
  auto EmitIncrement(const Expr& e) -> CppExpr;
  // A module-level C variable, or an element or field inside one (`g`, `g[i]`,
  // `g.x`, `g.a[i].y`): its storage, read and written only through the
  // relaxed atomic accesses of runtime c_global.hpp.
  auto IsCGlobalPlace(const Expr& e) const -> bool;
  auto EmitCGlobalPlace(const Expr& e) -> CppExpr;
  auto LoadCGlobal(CppExpr place) -> CppExpr;
  auto EmitCDataCall(const Expr& e) -> std::optional<CppExpr>;
  auto EmitPrintfCall(const Expr& e, const std::string& name) -> CppExpr;  // printf, fprintf, snprintf
  // ---- cpython.array (emit_cpython_array.cpp)
  auto ArrayTypeVar() -> std::string;  // the array.array type object's variable
  auto EmitArrayHelperCall(const Expr& e, const std::string& path) -> CppExpr;  // `array.clone(...)`, ...
  auto EmitArrayData(const Expr& e) -> CppExpr;  // `a.data.as_ints`
  // Conversions to, from and between C data types; nullopt when neither is one.
  auto ConvertCData(CppExpr value, const Type& from, const Type& to) -> std::optional<CppExpr>;
  // ---- cython.Py_UCS4 (emit_ucs4.cpp)
  // Conversions to and from a code point, or nullopt when neither side is one.
  auto ConvertUcs4(CppExpr value, const Type& from, const Type& to) -> std::optional<CppExpr>;
  // `c in "aeiou"`: C comparisons with the literal's characters.
  auto EmitUcs4InLiteral(const Expr& e) -> CppExpr;
  // A one-character literal compared with a Py_UCS4: its code, in the comparison's C type.
  auto EmitUcs4Code(const Expr& literal, const Type& as) -> std::string;

  // ---- module constants (emit_constants.cpp)
  // The pyxx::Constant variable for a value, added on first use.
  auto StrConstant(const std::string& utf8) -> std::string;
  auto NameConstant(const std::string& name) -> std::string;  // an attribute or global name (interned)
  auto BytesConstant(const std::string& bytes) -> std::string;
  auto IntConstant(const std::string& literal, bool negative) -> std::string;
  auto FloatConstant(const std::string& literal, bool negative) -> std::string;
  auto AddConstant(const std::string& key, const std::string& readable_name, const std::string& stem,
                   const std::string& spec) -> std::string;
  // A literal `e` used as a Python object, as a constant; nullopt when it is not one.
  auto ConstantObject(const Expr& e) -> std::optional<CppExpr>;
  // The constants' variables, their specs and the table the exec function fills.
  auto ConstantDefinitions() const -> std::string;
  struct ConstantEntry {
    std::string name;
    std::string spec;
  };
  std::map<std::string, size_t> constant_index_;
  std::vector<ConstantEntry> constants_;

  // ---- evaluation order (emit_order.cpp)
  // Emits the operands left to right, as Python evaluates them. An operand's text
  // stays inline unless a later operand conflicts with it (Conflicts), then it is
  // bound to a temporary declared before the later one's statements; object
  // operands that run code get a temporary of their own in any case, so that
  // each statement does one object operation.
  auto EmitInOrder(const std::vector<Operand>& operands) -> std::vector<CppExpr>;
  // Binds `value` to a temporary declared now (a statement of its own).
  void Materialize(CppExpr& value, const std::string& type);
  // Declares a temporary of `type` initialised with `init` ("" for none); its name.
  auto Declare(const std::string& type, const std::string& init) -> std::string;
  // Emits a statement through `emit`; when it declared temporaries they go into a
  // block of their own, so that object temporaries die at the statement's end.
  void Scoped(const std::function<void()>& emit);
  // Emits `emit` one level deeper and returns what it wrote (the caller places it).
  auto Capture(const std::function<void()>& emit) -> std::string;
  void Dedent(size_t from);
  // Temporaries declared in the innermost statement scope (Scoped).
  int scope_temps_ = 0;

  // ---- the function's frame of object slots (runtime/frame_slots.hpp)
  // In a function with a frame, its named object locals are slots [0,
  // frame_base_) and Declare puts object temporaries in the slots above, as a
  // stack: a statement (and Scoped) releases the slots it took when it ends.
  // Regions whose code repeats without statements of their own (a `while`
  // test, a comprehension) and `with gil:` blocks keep `pyxx::Ref` temporaries.
  bool frame_on_ = false;
  int frame_base_ = 0;
  int next_slot_ = 0;
  int frame_size_ = 0;
  // next_slot_ at the start of each enclosing loop body, innermost last: what a
  // `break` or `continue` releases first.
  std::vector<int> loop_slot_marks_;
  // Emits the release of slots [from, to), innermost first.
  void EmitSlotDrops(int from, int to);
  // Releases the slots taken since `mark` (the end of what held them).
  void DropSlotsFrom(int mark);
  // Emits `emit` with object temporaries as `pyxx::Ref` locals (no slots).
  void WithoutFrame(const std::function<void()>& emit);
  // What a handler, a `finally` block or `__exit__` runs first: the release of
  // what the `try` block held at `mark` and above (nothing without a frame).
  auto ClearFrameFrom(int mark) const -> std::string;
  void RemoveEmptyFrameClears(size_t from);

  // ---- output
  void Line(const std::string& text);
  void LineDirective(syntax::SourceRange r);
  auto Temp(const char* stem) -> std::string;
  // The type the right operand of `<<`/`>>` on C integers is evaluated in: its own
  // (a literal or a Python int: long long), so that the runtime checks it unconverted.
  auto ShiftCountType(const Expr& count) -> Type;
  auto TypeOf(const Expr& e) const -> const Type& { return module_.TypeOf(e); }
  auto LocalName(int index) -> std::string;

  const checked::CheckedModule& module_;
  const base::SourceBuffer& source_;
  const EmitOptions& options_;
  std::string out_;
  int indent_ = 0;
  uint32_t last_line_ = 0;
  const checked::FunctionInfo* fn_ = nullptr;  // nullptr at module level
  // `with cython.boundscheck(False):` etc. around the code being emitted; else the function's.
  std::optional<bool> with_boundscheck_, with_wraparound_, with_cdivision_;
  [[nodiscard]] auto Boundscheck() const -> bool { return with_boundscheck_.value_or(fn_ == nullptr || fn_->boundscheck); }
  [[nodiscard]] auto Wraparound() const -> bool { return with_wraparound_.value_or(fn_ == nullptr || fn_->wraparound); }
  [[nodiscard]] auto Cdivision() const -> bool { return with_cdivision_.value_or(fn_ != nullptr && fn_->cdivision); }
  std::optional<bool> with_nonecheck_;
  [[nodiscard]] auto Nonecheck() const -> bool { return with_nonecheck_.value_or(fn_ != nullptr && fn_->nonecheck); }
  int temp_counter_ = 0;
  // The source site. A function body (and the module's code) keeps one local
  // `pyxx::Site pyxx_site`, whose line is set at each statement that needs it.
  struct StmtSiteState {
    bool active = false;
    syntax::SourceRange range{};
    size_t mark = 0;         // where the statement's code starts in out_
    int indent = 0;
    uint32_t line = 0;
    bool committed = false;  // CommitSite ran
    bool caller_line = false;  // calls a raising function: add_caller reads the line
  };
  StmtSiteState stmt_;
  bool site_local_ = false;   // the code being emitted has `pyxx_site`
  uint32_t runtime_line_ = 0;  // the line `pyxx_site` holds here at run time (0: not known)
  // For loops with `else`: the flag `break` must set, innermost last ("" when none).
  std::vector<std::string> loop_flags_;
  // The caught exception of each enclosing `except` block, innermost last.
  std::vector<std::string> handler_exceptions_;
  // The `try` statements whose finally block jumps (emit_finally.cpp) whose
  // other blocks are being emitted, innermost last: a jump out of them sets
  // `leave` (and `value`, a return's) and goes to `label`, the finally block.
  struct FinallyExit {
    std::string label;
    std::string leave;
    std::string value;  // "" without a return, or in a void function
    size_t loops = 0;   // loop_flags_.size() at the `try`: the loops outside it
  };
  std::vector<FinallyExit> finally_exits_;
  // Functions that call raising functions of the module add `pyxx_site` (the
  // line they are at) to an error passing through: its traceback entry.
  bool track_line_ = false;
  // GCC 12 crashes (maybe_splice_retval_cleanup) on a function that returns a
  // class, has a local with a throwing destructor (pyxx::Finally, WithExit)
  // and a lambda after a `return`. Such functions return through one exit:
  // `return` stores `pyxx_return_value` and jumps to `pyxx_return` at the end.
  bool single_exit_ = false;
  bool exit_jumped_ = false;  // a `return` jumped to `pyxx_return`
  auto NeedsSingleExit(const checked::FunctionInfo& fn) const -> bool;
  // View parameters whose addressing is held in a local pyxx::ViewAccess
  // (`pyxx_view<i>`), by local index: element accesses go through it.
  std::map<int, std::string> view_access_;
  void DeclareViewAccesses(const checked::FunctionInfo& fn, size_t at);
  void DeclareLocalViewAccess(int local);
};

}  // namespace pyxx::emit
