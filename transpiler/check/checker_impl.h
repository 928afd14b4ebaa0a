// Internal to the check phase: the Checker walks one module. Split by topic
// over check_decl.cpp (signatures, locals, inference), check_stmt.cpp,
// check_expr.cpp, check_call.cpp and gil_rules.cpp.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/source_buffer.h"
#include "check/checked_module.h"
#include "checked/frame_builtins.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::check {

using base::SourceRange;
using diag::Kind;
using syntax::DialectName;
using syntax::Expr;
using syntax::Stmt;

// What kind of object operation needs the GIL (PX201 wording).
enum class GilOp : uint8_t {
  ObjectLocal, ReadGlobal, Attribute, Index, Slice, Arithmetic, Compare, TruthTest, Iterate,
  CreateList, CreateTuple, CreateDict, CreateSet, CreateString, FormatString, CreateLambda,
  CreateClass, CreateComprehension, CreateFunction, ConvertToObject, ConvertFromObject, Delete, Import, TryExcept,
  Reraise, ReturnObject, AssignObject, PassObject, DiscardObject, CallObject, Unpack, Await,
  ViewObject, ViewCopy, CreateViewArray, IterateView, ModuleView, ModuleObject, ArrayData,
};

// Why code runs without the GIL, for the note at the release point.
// The first construct in a function's body that needs the GIL (a use of a Python
// object or a call that needs it), recorded while the body is checked: it
// explains, in notes, why calling that function from nogil code needs the GIL.
struct GilNeed {
  Kind kind;         // PythonObjectWithoutGil or GilRequiringCall
  SourceRange range;
  int callee_fn;     // for a call to one of the module's functions; -1 otherwise
};

struct GilFrame {
  GilState state = GilState::Held;
  SourceRange where;         // the decorator or `with` item; empty at function level when held
  bool from_function = false;  // the function's own declaration (nogil / Numba)
  std::string function_name;
};

// The value of an integer literal (`5`, `-5`, `0x10`) up to 64 bits of magnitude.
struct IntLiteral {
  bool negative = false;
  unsigned long long magnitude = 0;
};
auto IntLiteralValue(const Expr& e) -> std::optional<IntLiteral>;
// Can the C integer type `t` hold the literal's value?
auto LiteralFits(const IntLiteral& v, const Type& t) -> bool;

class Checker {
 public:
  Checker(const syntax::Module& module, const base::SourceBuffer& source, diag::DiagnosticSink& sink,
          const std::vector<CimportedModule>* cimports = nullptr);
  auto Run() -> CheckedModule;

  // ---- declarations (check_decl.cpp)
  void CollectModuleNames();
  // ---- module-level C variables (check_globals.cpp)
  void DeclareCGlobals();
  auto CGlobalUnstorable(const Type& t) const -> std::string;
  void MarkStructsInCGlobal(const Type& t);
  void CheckDeclarationsFirst(const syntax::Block& body);
  void RejectUnconvertibleSignature(const syntax::Function& fn, FunctionInfo& info, SourceRange result_range);
  void DeclareCGlobal(const std::string& name, Type t, SourceRange where, SourceRange type_range, const Stmt& s);
  // The index in c_globals of a module-level C variable, or -1.
  auto LookupCGlobal(const std::string& name) const -> int;
  // check_enums.cpp: the enumerators of a .pxd's C enums.
  void DeclareEnumConstants();
  auto LookupEnumConstant(const std::string& name) const -> int;
  static auto EnumConstantType(const syntax::EnumConstant& c) -> Type;
  auto FindNamedEnum(const std::string& name) const -> const syntax::CEnum*;
  auto CheckEnumMember(const Expr& e) -> std::optional<Type>;
  auto RejectEnumArithmetic(SourceRange range, const Type& operand, const std::string& what) -> Type;
  std::set<const Stmt*> c_global_declarations_;  // top-level statements that declare C globals
  std::set<const Stmt*> rejected_c_declarations_;  // ... whose type was rejected (reported)
  // Top-level names annotated with a C type (`x: cython.int = 0`): Python globals
  // (as in Cython); a GIL error on one gets a note that says so.
  std::unordered_map<std::string, SourceRange> c_annotated_globals_;
  void HintAnnotatedGlobal(const std::string& name, size_t diagnostics_before);
  // A module-level function, or (nested) a nested `def`/`lambda` made in the
  // scope of function `parent` (-1: the module's code).
  void DeclareFunction(const syntax::Function& fn, bool nested = false, int parent = -1,
                       const std::string& qualname = {});

  // ---- nested functions and closures (check_closures.cpp)
  // Declares the nested `def`s and `lambda`s of `block`, made in the scope of
  // `parent`, whose qualified names start with `prefix`; then theirs.
  void DeclareNestedIn(const syntax::Block& block, int parent, const std::string& prefix);
  void DeclareNestedInExpr(const Expr& e, int parent, const std::string& prefix);
  void DeclareNested(const syntax::Function& fn, int parent, const std::string& qualname);
  // After DeclareLocals: each name a nested function uses that an enclosing
  // function binds becomes a free variable of it (and of the functions in
  // between), and a cell variable of the function that binds it.
  void ResolveClosures();
  auto CaptureName(int fn_index, const std::string& name, SourceRange where) -> int;
  void CheckNestedDef(const Stmt& s);
  auto CheckLambda(const Expr& e) -> Type;
  // The default values and decorators of a nested function, where it is made.
  void CheckFunctionCreation(const syntax::Function& fn);
  std::vector<std::set<std::string>> global_decls_;    // per function: names declared `global`
  std::vector<std::set<std::string>> nonlocal_decls_;  // per function: names declared `nonlocal`
  // Lambdas inside a comprehension that use its variable (rejected, PX302; their
  // bodies are not checked): the first such use.
  std::unordered_map<int, const Expr*> lambdas_using_comprehension_;
  // The same for generator expressions inside a list/set/dict comprehension.
  std::unordered_map<int, const Expr*> genexprs_using_comprehension_;
  auto CheckGeneratorExpression(const Expr& e) -> Type;

  // ---- classes (check_classes.cpp)
  void CheckClass(const Stmt& s);
  // A statement a class body may hold (pyxx runs class bodies in a namespace).
  auto CheckClassBodyStatements(const syntax::Block& body) -> bool;
  // `name` read or stored in the class body being checked: its namespace.
  auto ClassNameResolution(const Expr& e) -> std::optional<Type>;
  // Zero-argument `super()` in a method: the call is resolved to the class cell.
  auto CheckZeroArgSuper(const Expr& e) -> Type;
  // The code being checked is a C method's, or that of a function nested in one.
  auto InCMethod() const -> bool;
  struct ClassScope {
    std::set<std::string> names;  // bound in the body
    std::set<std::string> globals, nonlocals;  // declared `global`/`nonlocal` in the body
    size_t comprehension_depth = 0;
    int fn = -1;                  // the function whose code runs the body (-1: the module's)
    std::string qualname;
  };
  // A comprehension's first iterable, checked in the scope around it, as Python evaluates it.
  auto CheckFirstIterable(const Expr& iterable) -> Type;
  // Checking the statements directly in a class body (not a method's).
  auto InClassBody() const -> bool;
  // Does `fn`'s code, or that of the `def`s and lambdas nested in it (not of
  // classes), name `super` or `__class__`? Each nested function that does gets
  // the class cell: CPython makes `__class__` a free variable of all of them.
  auto MarkClassCellUsers(const syntax::Function& fn) -> bool;
  // A name of the class body being checked (bound there, not `global`/`nonlocal`,
  // and not read from inside one of its comprehensions, which do not see it).
  auto IsClassBodyName(const std::string& name) const -> bool;
  // Where a name bound directly in a class body goes: its namespace, a global
  // (`global`) or the enclosing function's variable (`nonlocal`); nullopt
  // outside class bodies.
  auto ClassBodyBinding(const std::string& name, SourceRange where) -> std::optional<Resolution>;
  std::vector<ClassScope> class_scopes_;

  // ---- extension types (check_cclass.cpp)
  void DeclareCClasses();
  static auto IsCClassStatement(const Stmt& s) -> bool;
  auto NamesCClassStatement(const Expr& e) const -> bool;
  auto TakeInstanceDict(CClassInfo& cls) -> bool;
  auto FieldVisibilityOf(const Expr& declare_call, bool& ok) -> checked::FieldVisibility;
  // `x = cython.declare(cython.double[:])` in a cclass body: reported (true) when
  // `type` spells a memoryview, which only an annotation declares as a field.
  auto ReportDeclaredView(const std::string& field, const Expr& type) -> bool;
  void DeclareCClassField(checked::CClassInfo& cls, const std::string& name, Type t, checked::FieldVisibility visibility,
                          SourceRange where, SourceRange type_range);
  // A method of an extension type: its `self` is an instance of the class.
  void TypeCClassMethod(const syntax::Function& fn, FunctionInfo& info);
  // `obj.name` on an instance of an extension type: a field, or nullopt (looked up as in Python).
  auto CheckCClassAttribute(const Expr& e, const Type& object) -> std::optional<Type>;
  void CheckCClass(const Stmt& s, int index);
  // `obj.m(...)` where `obj` is certainly typed as an extension type with a C method `m`: its function index, else -1.
  auto PeekCClassMethod(const Expr& call) const -> int;
  auto PeekInstanceType(const Expr& e) const -> std::optional<Type>;
  // A call of a C method through the vtable.
  auto CheckCClassMethodCall(const Expr& e, int method) -> Type;
  // A nogil C function keeps its instance parameters borrowed: none may be bound again.
  auto RejectForeignOverride(const CClassInfo& cls, const syntax::Function& fn) -> bool;
  void RejectReboundInstanceParams(const syntax::Function& fn, const FunctionInfo& info);
  // `isinstance(x, T)` as the condition of an `if` whose branch does not bind `x`, a
  // local of the function that is an object (or an instance of a base type of T),
  // T an extension type of the module: x's local index and its type in the branch.
  auto IsinstanceNarrowing(const Expr& cond, const syntax::Block& branch) const -> std::optional<std::pair<int, Type>>;
  // The same test for the statements [first, last) (the rest of a block after a guard).
  auto IsinstanceNarrowing(const Expr& cond, const syntax::StmtPtr* first, const syntax::StmtPtr* last) const
      -> std::optional<std::pair<int, Type>>;
  // `if not isinstance(x, T): raise ...` (a branch that never falls through):
  // `x` is a T in the rest of the block. The narrowing, or nothing.
  auto IsinstanceGuard(const syntax::Block& block, size_t at) const -> std::optional<std::pair<int, Type>>;
  void CheckCClassNamesKept();
  void MarkCalleeDefaults();
  void RejectUsedDroppedClassmethod(const syntax::Function& fn);
  auto KeepsCClassByImport(const Stmt& s, std::string_view name, int cclass) -> bool;
  auto NamesModuleCClass(const Expr& e) const -> bool;
  auto IsFreelistDecorator(const Expr& d) const -> bool;
  auto IsTypeVersionTagDecorator(const Expr& d) const -> bool;
  auto CheckCollectionType(const Expr& d, CClassInfo& cls) -> bool;
  auto ConjunctNarrowings(const Expr& cond, const syntax::Block& branch) const -> std::vector<std::pair<int, Type>>;
  // Narrows a local, remembering what it was; RestoreNarrowed undoes a list of them.
  void Narrow(const std::pair<int, Type>& narrowing, std::vector<std::pair<int, std::optional<Type>>>& restore);
  void RestoreNarrowed(const std::vector<std::pair<int, std::optional<Type>>>& restore);
  // The condition of a narrowing `if`: a C test against the type itself (as Cython's).
  void CheckIsinstanceTest(const Expr& cond, const Type& narrowed);
  std::unordered_map<int, Type> narrowed_;  // locals narrowed in the code being checked
  // A C method of an extension type: a new vtable slot, or the override of a base type's method.
  void DeclareCMethod(FunctionInfo& info, int index);
  void DeclareStaticCMethod(FunctionInfo& info, int index);
  auto CheckTotalOrdering(const Stmt& s, const Expr& decorator) -> bool;
  auto StaticmethodDecorator(const syntax::Function& fn) const -> const Expr*;
  auto IsStaticmethodName(const Expr& d) const -> bool;
  auto CheckStaticCMethodCall(const Expr& e, int method) -> Type;
  auto PeekStaticCMethod(const Expr& callee) const -> int;
  auto PeekUnboundCMethod(const Expr& callee) const -> int;
  auto CheckUnboundCMethodCall(const Expr& e, int method) -> Type;
  auto RejectStaticCMethodValue(const Expr& e, int cclass) -> Type;
  // `super().m(...)` in a method of an extension type whose base type has the C method `m`: its index, else -1.
  auto PeekSuperCMethod(const Expr& call) const -> int;
  auto PeekSuperForeignMethod(const Expr& call) const -> int;
  auto SuperBase(const Expr& call) const -> const std::string*;
  // An instance passed borrowed without the GIL: a local variable (not in a cell), or else PX201.
  auto CheckBorrowedInstance(const Expr& e) -> bool;
  std::unordered_map<const Stmt*, int> cclass_statements_;  // index into out_.cclasses
  // `@cython.dataclasses.dataclass`: its options, the field statements with a default (type, field).
  struct DataclassOptions {
    bool init = true, repr = true, eq = true, order = false, unsafe_hash = false, frozen = false;
  };
  bool reading_dataclass_field_ = false;    // an InitVar annotation is read only there
  std::set<uint32_t> reported_init_vars_;   // InitVar annotations reported elsewhere (once each)
  auto InheritDataclassFields(CClassInfo& cls, const Stmt& s) -> bool;
  std::map<const Stmt*, DataclassOptions> dataclass_options_;
  std::map<const Stmt*, std::pair<std::string, int>> dataclass_defaults_;
  static auto IsDataclassDecorator(const Expr& d) -> bool;
  auto CheckDataclassOptions(const Expr& d, DataclassOptions& options) -> bool;
  auto DeclareDataclassField(CClassInfo& cls, const Stmt& m) -> bool;
  auto RejectDeclaredDataclassField(const Stmt& m) -> bool;
  auto FinishDataclass(CClassInfo& cls, const Stmt& s) -> bool;
  void CheckDataclassDefault(const Stmt& m);
  std::set<const Stmt*> rejected_cclasses_;  // reported: the body is not checked
  std::set<const Stmt*> cclass_fields_;      // field declarations in their bodies
  std::unordered_map<const syntax::Function*, std::string> cclass_methods_;  // method -> its class
  // The `def`s directly in class bodies (methods), known before they are declared.
  std::set<const syntax::Function*> methods_;
  auto AnnotationType(const syntax::TypeExpr& t, bool numba) -> Type;
  auto ViewTypeFromExpr(const Expr& e) -> std::optional<Type>;
  auto RequireGilForModuleView(const Expr& name) -> bool;
  auto DeclaredType(const Expr& e) -> std::optional<Type>;
  // ---- fused types (check_fused.cpp)
  // A fused type outside the parameters of a module-level function (or not
  // among its parameters' fused types): reported once per place.
  void ReportMisplacedFused(const syntax::TypeExpr& t);
  // What pyxx does not specialise: Numba functions, stored defaults, Python decorators
  // (reported on the first specialisation; the function then has <error> types).
  void RejectUnsupportedFused(FunctionInfo& info);
  std::set<uint32_t> misplaced_fused_reported_;
  // A call of a function with fused types (`f(x)`, `f[cython.double](x)`): the
  // specialisation the arguments (or the index) pick, or -1 after a report.
  // `skip`: leading parameters the call's arguments do not bind (a method's `self`).
  auto PickSpecialisation(const Expr& call, const syntax::FusedFunction& group, size_t skip = 0) -> int;
  auto PickIndexedSpecialisation(const Expr& subscript, const syntax::FusedFunction& group) -> int;
  // The fused function `name` (a module-level function with fused types), or nullptr.
  auto FusedGroupNamed(const std::string& name) const -> const syntax::FusedFunction*;
  // The C type an argument certainly has, without checking it (nullopt: a Python object or unknown).
  auto PeekArgumentType(const Expr& e) -> std::optional<Type>;
  // Diagnostics reported while checking a specialisation get a note naming it.
  void NoteSpecialisation(int fn_index, size_t diagnostics_before);
  void DeclareLocals(int fn_index);
  // `x: cython.const[T] = v` in a function (check_qualifiers.cpp): T, or nullopt once reported.
  auto QualifiedLocalType(const FunctionInfo& fn, const Stmt& s, bool numba, bool top_level) -> std::optional<Type>;
  // `cython.const[T]` on a parameter or a result: T (a C number or a pointer), else PX304.
  auto ConstValueType(const syntax::TypeExpr& annotation, bool numba) -> Type;
  // A `cython.const[T]` parameter: a local the body may not store to (PX110).
  void MarkConstParams(FunctionInfo& fn, const std::vector<std::pair<std::string, SourceRange>>& bindings);
  void MarkQualifiedLocals(FunctionInfo& fn, const std::unordered_map<std::string, const Stmt*>& qualified,
                           const std::vector<std::pair<std::string, SourceRange>>& bindings);
  void InferLocals(int fn_index);
  void CollectBindings(const syntax::Block& block, std::vector<const Stmt*>& out);
  void ComputeCanRaise();
  void ComputeUsesModule();

  // ---- statements (check_stmt.cpp)
  void CheckFunctionBody(int fn_index);
  void CheckModuleBody();
  void CheckDefStatement(const Stmt& s);
  void CheckBlock(const syntax::Block& block);
  // Every statement's start: the GIL state it runs in (a checked fact), no GIL error reported yet.
  void BeginStmt(const Stmt& s);
  void CheckStmt(const Stmt& s);
  void CheckAssign(const Stmt& s);
  void CheckAssignTarget(const Expr& target, const Type& value_type, const Expr* value, SourceRange stmt_range);
  auto RejectNonBindingClassAttribute(const Expr* value) -> bool;
  // A store through a pointer to const (`p[0] = x`, `p.x = 1`, `dereference(p) = x`): PX307 (check_const_pointers.cpp).
  auto RejectStoreThroughConst(const Expr& target) -> bool;
  auto ConstPointerConvertible(const Type& from, const Type& to) const -> bool;
  auto CheckCDivmodAssign(const Stmt& s) -> bool;
  // The C number type `e` certainly has (a literal, a C local, arithmetic on those, a call
  // of a C function), judged without checking it, so without diagnostics or other effects:
  // nullopt when it is not certainly a C number, <error> when it depends on a local that
  // inference has not typed yet.
  [[nodiscard]] auto PeekCNumber(const Expr& e) const -> std::optional<Type>;
  // A local holding a C complex number (`z` in `z.conjugate()`).
  [[nodiscard]] auto IsComplexLocal(const Expr& e) const -> bool;
  // `divmod(a, b)` of C integers as the value of `q, r = ...`: the type of both results.
  [[nodiscard]] auto PeekCDivmod(const Stmt& s) const -> std::optional<Type>;
  void CheckFor(const Stmt& s);
  void CheckWith(const Stmt& s, size_t item_index);
  void CheckReturn(const Stmt& s);
  void CheckRaise(const Stmt& s);
  void CheckCondition(const Expr& e);
  void CheckAugAssign(const Stmt& s);
  // PX110's message for a target nothing can be bound to.
  auto UnassignableTarget(const Expr& target, std::string_view verb) const -> std::string;
  void CheckDelTarget(const Expr& target);
  auto TypeOf(const Expr& e) const -> const Type& { return out_.TypeOf(e); }
  void CheckTry(const Stmt& s);
  // The body of a block statement without its header, one level less indented (for fix-its).
  auto DedentedBody(const Stmt& s) -> std::string;

  // ---- expressions (check_expr.cpp, check_call.cpp)
  auto CheckExpr(const Expr& e) -> Type;
  static auto IsCStringLiteral(const Expr& e, const Type& to) -> bool;
  auto CheckValueFor(const Expr& e, const Type& to) -> Type;
  auto DeclaredTypeOfName(const Expr& target) -> std::optional<Type>;
  auto CheckExprInner(const Expr& e) -> Type;
  auto CheckName(const Expr& e) -> Type;
  auto CheckBinary(const Expr& e) -> Type;
  auto CheckUnary(const Expr& e) -> Type;
  auto CheckCompare(const Expr& e) -> Type;
  auto IsMembershipDisplay(const Expr& e) -> bool;
  auto CheckMembershipDisplay(const Expr& e, const Type& left) -> Type;
  auto CheckBoolOp(const Expr& e) -> Type;
  auto CheckSubscript(const Expr& e) -> Type;
  auto CheckViewSubscript(const Expr& e, const Type& view) -> Type;
  auto CheckViewCopy(const Expr& e) -> Type;  // v.copy(), v.copy_fortran()
  auto CheckViewArray(const Expr& e) -> Type;  // cython.view.array(...)
  // `for x in v` (statement or comprehension): false after reporting what pyxx does not take.
  auto CheckViewIteration(const Type& view, const Expr* target) -> bool;
  auto CheckSubscriptOf(const Expr& e, const Type& base_type) -> Type;  // base already checked
  // The `.shape` of `.shape[k]` being checked: a C array, not a Python tuple.
  const Expr* indexed_geometry_ = nullptr;
  // `v[...] = x` / `v[:, 0] = w`: the single target of the assignment being checked (a
  // slice store into a view is a statement of its own, not one of several targets).
  const Expr* view_store_target_ = nullptr;
  void CheckViewSliceStore(const Expr& target, const Type& slice, const Type& value_type, const Expr* value);
  auto CheckAttribute(const Expr& e) -> Type;
  auto CheckCall(const Expr& e) -> Type;
  // `self_arg`: a C method's call, whose object binds the first parameter.
  auto CheckCallToFunction(const Expr& e, int callee, const Expr* self_arg = nullptr) -> Type;
  // Binds and checks the arguments of a call of a C or `def` function known at
  // compile time (records call_arguments); returns its result type.
  auto CheckBoundArguments(const Expr& e, const FunctionInfo& callee, const Expr* self_arg = nullptr) -> Type;
  static auto CallGives(const Expr& e, const FunctionInfo& callee, size_t param) -> bool;
  // ---- C functions of other pyxx modules (check_cimports.cpp)
  // The index in foreign_functions of the cimported function a dialect path
  // names; -1 when it names no cimported module, -2 when it was reported.
  auto ResolveCimported(const Expr& ref) -> int;
  auto CheckCimportedCall(const Expr& e, int foreign) -> Type;
  const std::vector<CimportedModule>* cimports_ = nullptr;
  // ---- Extension types of other pyxx modules (check_foreign_cclass.cpp)
  // Declares every extension type the cimported modules' declarations export, as
  // "mod.T" (fields, bases, and C methods as foreign functions).
  void DeclareForeignCClasses();
  // Whether a struct can be a memoryview's element (else reported at `where`).
  auto StructViewable(const Type& element, SourceRange where) -> bool;
  // The cimported extension type a dialect path ("mod.T") names, or empty.
  auto ForeignCClassNamed(const Expr& ref) const -> std::string;
  // `T(...)` of a cimported extension type: a call of its type object.
  auto CheckForeignCClassCall(const Expr& e, const std::string& cls) -> Type;
  // ---- `cpython.array` (check_cpython_array.cpp)
  // `array.array` of `from cython.cimports.cpython import array`.
  static auto IsArrayTypeRef(const Expr& e) -> bool;
  void UseArrayType(SourceRange where);
  auto CheckArrayTypeValue(const Expr& e) -> Type;     // `array.array` as a value
  auto CheckArrayHelperCall(const Expr& e) -> Type;    // `array.clone(...)`, `array.resize(...)`, ...
  // `a.data.as_ints` of an `array.array` a (`a.data` checked): its items as a C
  // pointer; nullopt if `e` is no such attribute.
  auto CheckArrayData(const Expr& e) -> std::optional<Type>;
  // The `.data` of `a.data.as_X` being checked (not a value of its own).
  const Expr* array_data_base_ = nullptr;
  // The slice `s[a:b]` of `s[a:b].decode(...)` being checked, the one a C++ string allows.
  const Expr* cpp_string_decode_slice_ = nullptr;
  // Inside the iterator arguments of a `libcpp.algorithm` call or of
  // `cython.operator.dereference`: `v.begin()` and `v.end()` are allowed there
  // (check_cpp_algorithm.cpp, check_cpp_operator.cpp).
  int iterator_arguments_ = 0;
  // `obj.m(...)` on an instance of a cimported type with the C method `m`:
  // its index in foreign_functions, or -1.
  auto PeekForeignMethod(const Expr& call) const -> int;
  auto CheckForeignMethodCall(const Expr& e, int foreign) -> Type;
  auto CheckDialectCall(const Expr& e) -> Type;
  auto CheckBuiltinCall(const Expr& e, const std::string& name) -> Type;
  // ---- globals(), locals(), vars(), dir(), eval(), exec() (check_frames.cpp)
  auto FrameScopeHere() const -> checked::FrameScope;
  auto CheckFrameBuiltinCall(const Expr& e, const std::string& name) -> Type;
  // `locals()`/`vars()` in a function: records the dict's entries (ExprFacts::locals_dict),
  // or reports why this function's variables cannot be given exactly.
  auto CheckLocalsDict(const Expr& e, const std::string& name) -> bool;
  void RejectFrameBuiltinValue(const Expr& e);  // `f = locals`: PX302
  auto RejectFrameBuiltinThroughModule(const Expr& e) -> bool;  // `builtins.eval`: PX302
  void RejectFrameImport(const syntax::ImportName& imp);        // `from builtins import eval`: PX302
  auto CheckObjectCall(const Expr& e) -> Type;
  // The arguments of a call through Python (`*xs` and `**m` included), as objects.
  auto CheckObjectArguments(const Expr& e) -> bool;
  // `x.conjugate()`, `x.is_integer()` on a C number.
  auto CheckCNumberMethod(const Expr& e) -> Type;
  static auto IsCNumberMethodName(const std::string& name) -> bool;  // answered by CheckCNumberMethod
  auto CheckDisplay(const Expr& e) -> Type;
  // Checks every operand; says whether any is a Python object or <error>.
  auto CheckOperands(const Expr& e, std::vector<Type>& types, bool& any_object) -> bool;
  auto CheckConjuncts(const Expr& e, std::vector<Type>& types, bool& any_object, bool& any_test) -> bool;
  auto CheckWalrus(const Expr& e) -> Type;
  static auto BindsByWalrus(const Expr& e, const std::string& name) -> bool;
  auto CheckComprehension(const Expr& e) -> Type;
  void BindComprehensionTarget(const Expr& target);
  // `*xs` in a call or display, `**m` in a call or dict display: an object operand.
  auto CheckUnpacked(const Expr& starred) -> bool;
  // Does the call unpack `*xs` or `**m` into its arguments?
  static auto HasUnpacking(const Expr& call) -> bool;
  // Checks `e` where a value of type `to` is needed; reports impossible conversions.
  auto CheckConvertible(const Expr& e, const Type& from, const Type& to) -> bool;
  // ---- cython.Py_UCS4 (check_ucs4.cpp)
  // A `str` literal of exactly one character: a Py_UCS4 constant where one is expected.
  static auto IsUcs4Literal(const Expr& e) -> bool;
  // `c in "aeiou"` of a Py_UCS4 `c`: a C test against the literal's characters.
  static auto IsUcs4InLiteral(const Expr& e, const std::vector<Type>& types) -> bool;
  // Conversions to and from Py_UCS4, or nullopt when neither side is one.
  auto CheckUcs4Convertible(const Expr& e, const Type& from, const Type& to) -> std::optional<bool>;
  // The str literals of a comparison that CheckCompare left unchecked: a
  // character next to a Py_UCS4 is its code, `c in "abc"` a C test; else an object.
  void CheckUcs4CompareLiterals(const Expr& e, std::vector<Type>& types, const std::vector<bool>& deferred);
  // PX111 for an operation a Py_UCS4 cannot take in a comparison, or false.
  auto RejectUcs4Compare(const Expr& e, const std::vector<Type>& types) -> bool;
  auto IsIntLiteral(const Expr& e) const -> bool;
  // PX115 when the integer literal `e` does not fit the C integer type `to` it is used as.
  auto CheckLiteralFits(const Expr& e, const Type& to) -> bool;
  // A type written as an expression: `cython.int` in cython.declare/cast, or nullopt.
  auto TypeFromExpr(const Expr& e) -> std::optional<Type>;
  void MarkRaises();
  void MarkCalls(int callee);
  void MarkUsesModule();  // the current function reads, writes or looks up a module global
  auto TypeOfIntLiteral(const Expr& e) const -> Type;

  // ---- GIL rules (gil_rules.cpp)
  [[nodiscard]] auto InNogil() const -> bool;
  [[nodiscard]] auto CurrentGil() const -> const GilFrame& { return gil_stack_.back(); }
  // PX201 at `range` when in a nogil context; returns true when it reported.
  auto RequireGil(GilOp op, SourceRange range, const std::string& detail = {}, const Expr* operands = nullptr) -> bool;
  // When an object in `e` is an unannotated parameter, suggest a C annotation (fix-it).
  void SuggestCParameter(diag::DiagnosticBuilder& b, const Expr& e);
  // PX202 for calling something that needs the GIL.
  auto RequireGilForCall(const std::string& what, SourceRange range, int callee_fn,
                         const syntax::ExternFunction* declared = nullptr) -> bool;
  // PX202 for a call of a C function a .pxd's extern block declares without
  // `nogil` (`call.callee()` is its DialectRef); true when it reported.
  auto RequireGilForExtern(const Expr& call) -> bool;
  void AddReleaseNote(diag::DiagnosticBuilder& b);
  // Records `range` as the current function's first GIL need unless the GIL is
  // held there whatever the caller does (`with gil:`, `raise`, default values).
  void NoteGilNeed(Kind kind, SourceRange range, int callee_fn);
  // After all bodies are checked: the notes under each PX202 for a call to one
  // of ours that say why the callee needs the GIL (its first GIL need, and so on
  // down the chain of calls).
  void AddCallChainNotes();
  void AddCallChainNotes(diag::DiagnosticBuilder& b, int callee_fn, std::set<int>& seen);
  auto FoldCondition(const Expr& cond) -> std::optional<bool>;

  // ---- C data: structs, unions, typedefs, pointers, C arrays (check_cdata.cpp)
  void DeclareCTypes();
  [[nodiscard]] auto IsCTypeName(const std::string& name) const -> bool;
  auto ResolveCType(const syntax::TypeExpr& t) -> Type;
  // Buffer export (check_buffer.cpp): `Py_buffer`, the `__getbuffer__` and
  // `__releasebuffer__` of an extension type.
  auto PyBufferType(const syntax::TypeExpr& t) -> Type;
  static auto IsBufferSlotName(const std::string& name) -> bool;
  static auto IsPyBufferPointer(const Type& t) -> bool;
  static auto PyBufferFlag(const std::string& path) -> std::string;
  auto CheckPyBufferFillInfo(const Expr& e) -> Type;
  void CheckBufferSlotSignature(const syntax::Function& fn, FunctionInfo& info);
  auto RejectPyBufferPointerUse(const Expr& e, const Type& t) -> bool;
  bool py_buffer_allowed_ = false;  // resolving the parameters of a buffer slot method
  int py_buffer_struct_ = -1;       // its index in out_.structs, once used
  // C tuples (check_ctuple.cpp).
  auto CTupleType(const syntax::TypeExpr& t) -> Type;
  auto CTupleTypeFromExpr(const Expr& e) -> std::optional<Type>;
  auto IsCTupleElement(const Type& element, SourceRange range) -> bool;
  auto InternCTuple(std::vector<Type> elements, SourceRange declared) -> Type;
  auto CheckCTupleDisplay(const Expr& e, const Type& to) -> Type;
  auto CheckCTupleIndex(const Expr& e, const Type& t) -> Type;
  void CheckCTupleUnpack(const Expr& target, const Type& value_type, SourceRange range);
  // C++ vectors of `libcpp.vector` (check_cpp_vector.cpp).
  auto VectorType(const syntax::TypeExpr& t) -> Type;
  [[nodiscard]] auto PeekVectorMethod(const Expr& call) -> bool;
  auto CheckVectorMethod(const Expr& e) -> Type;
  auto CheckVectorConstructor(const Expr& e, const Type& t) -> Type;
  auto CheckVectorIndex(const Expr& e, const Type& t) -> Type;
  // The type of `v`, `vv[i]`, `self.v`, ...: a C++ value the code names in place
  // (a local, an extension type's field, an element of a vector that is one), or nullptr.
  [[nodiscard]] auto PeekCppPlaceType(const Expr& e) -> const Type*;
  // The type of a C++ value that is no place (`f()` of a cfunc returning a vector
  // or a string, `a + b` of strings, `string(p)`), without checking it: its
  // methods and `[i]` work on a temporary the statement holds.
  [[nodiscard]] auto PeekCppValueType(const Expr& e) -> std::optional<Type>;
  [[nodiscard]] auto PeekCppType(const Expr& e) -> std::optional<Type>;
  auto CheckCppPlaceIndex(const Expr& e, std::string_view container) -> bool;
  // C++ strings of `libcpp.string` (check_cpp_string.cpp).
  auto CheckCppStringConvertible(const Expr& e, const Type& from, const Type& to) -> bool;
  auto CheckCppStringConstructor(const Expr& e) -> Type;
  auto CheckCppStringOperand(const Expr& a, bool string_ok) -> Type;
  auto CheckCppCount(const Expr& a) -> bool;
  [[nodiscard]] auto PeekCppStringMethod(const Expr& call) -> bool;
  auto CheckCppStringMethod(const Expr& e) -> Type;
  auto CheckCppStringIndex(const Expr& e) -> Type;
  auto CheckCppStringConcat(const Expr& e, const Type& a, const Type& b, const char* op) -> Type;
  auto CheckCppStringCompare(const Expr& e, const std::vector<Type>& types) -> Type;
  // C++ maps and sets of `libcpp.map` & co. (check_cpp_map.cpp).
  static auto IsCppKeyType(const Type& t) -> bool;
  static auto IsCppMemberType(const Type& t) -> bool;
  auto CppTemplateType(const syntax::TypeExpr& t) -> Type;
  auto CheckCppContainerConvertible(const Expr& e, const Type& from, const Type& to) -> bool;
  [[nodiscard]] auto PeekCppMapMethod(const Expr& call) -> bool;
  auto CheckCppKeyArgument(const Expr& a, const Type& key) -> bool;
  auto CheckCppMapMethod(const Expr& e) -> Type;
  auto CheckCppTemplateConstructor(const Expr& e, const Type& t) -> Type;
  auto CheckCppMapIndex(const Expr& e, const Type& t) -> Type;
  auto CheckCppFoundCompare(const Expr& e) -> std::optional<Type>;
  void CheckCppContainerLoop(const Stmt& s, const Type& it);
  // `libcpp.utility.pair` (check_cpp_pair.cpp).
  auto CheckCppPairConstructor(const Expr& e, const Type& t) -> Type;
  auto CheckCppPairField(const Expr& e, const Type& t) -> Type;
  // `libcpp.algorithm` functions over pointer ranges (check_cpp_algorithm.cpp).
  auto CheckAlgorithmCall(const Expr& e) -> Type;
  // `cython.operator.dereference` and the increments (check_cpp_operator.cpp).
  auto CheckDereference(const Expr& e) -> Type;
  auto CheckIncrement(const Expr& e) -> Type;
  auto OneArgument(const Expr& e, const std::string& path) -> bool;  // of cython.operator
  // A pointer, array, struct or typedef type written as an expression, or nullopt.
  auto CDataTypeFromExpr(const Expr& e) -> std::optional<Type>;
  auto CheckCIndex(const Expr& e, const Type& t) -> Type;
  auto CheckStructField(const Expr& e, const Type& t) -> Type;
  auto CheckAddress(const Expr& e) -> Type;
  // `cython.cast(cython.double[:n, :m], p)`: std::nullopt when the type is not of that shape.
  auto CheckPointerViewCast(const Expr& e) -> std::optional<Type>;
  auto CheckLibcCall(const Expr& e) -> Type;
  // libc.stdio's FILE, and PX304 for one that is not behind a pointer.
  static auto OpaqueStruct(const std::string& name) -> Type;
  // cpython.exc's PyErr_SetFromErrno(type) and ...WithFilenameObject(type, name):
  // the OSError of C's errno, raised (check_stdio.cpp).
  auto CheckErrnoErrorCall(const Expr& e) -> Type;
  auto CheckRefcountCall(const Expr& e) -> Type;  // check_cpython_ref.cpp
  auto CheckPrintfCall(const Expr& e) -> Type;    // check_printf.cpp
  auto RejectOpaqueValue(const syntax::TypeExpr& t) -> Type;
  auto CheckPointerArithmetic(const Expr& e, const Type& a, const Type& b) -> Type;
  auto CheckPointerCompare(const Expr& e, const std::vector<Type>& types) -> Type;
  auto CheckCDataConvertible(const Expr& e, const Type& from, const Type& to) -> std::optional<bool>;
  // ---- C arrays as memoryviews (check_array_views.cpp)
  auto CheckArrayAsView(const Expr& e, const Type& from, const Type& to) -> bool;
  // After every body: a view of a local array used where it could outlive the array (PX127).
  void CheckArrayViewLifetimes();
  struct LocalArrayView {
    const Expr* array;  // the array variable converted to a view
    int fn;
  };
  std::vector<LocalArrayView> local_array_views_;
  auto CheckCharPointerFromObject(const Expr& e, const Type& from, const Type& to) -> bool;
  [[nodiscard]] auto ConvertibleToObject(const Type& t) const -> bool;
  [[nodiscard]] auto ConvertibleFromObject(const Type& t) const -> bool;
  auto CheckConversionFromObject(const Expr& e, const Type& from, const Type& to) -> bool;
  // `Point(1, 2.0)`, `Point(x=1)`: a struct value from its fields.
  auto CheckStructConstructor(const Expr& e, const Type& t) -> Type;
  std::set<std::string> c_type_names_;              // declared by the module, resolved or not
  std::unordered_map<std::string, Type> c_types_;   // resolved struct/union/typedef names
  std::unordered_map<std::string, Type> c_tuples_;  // C tuple types by spelling: one struct each

  // ---- helpers
  template <typename... Args>
  auto Report(Kind kind, SourceRange range, Args&&... args) -> diag::DiagnosticBuilder {
    return sink_->Report(kind, range, std::forward<Args>(args)...);
  }
  auto Record(const Expr& e, Type t) -> Type;
  auto LookupLocal(const std::string& name) const -> int;
  auto CurrentFunction() -> FunctionInfo* { return current_fn_ < 0 ? nullptr : &out_.functions[current_fn_]; }
  [[nodiscard]] auto InNumba() const -> bool;
  [[nodiscard]] auto Text(SourceRange r) const -> std::string { return std::string(source_.Slice(r)); }

  const syntax::Module& module_;
  const base::SourceBuffer& source_;
  diag::DiagnosticSink* sink_;
  diag::DiagnosticSink quiet_sink_;  // inference reports here; discarded
  CheckedModule out_;
  int current_fn_ = -1;
  std::vector<GilFrame> gil_stack_;
  int loop_depth_ = 0;
  // Names bound by the `for` clauses of the comprehensions being checked, innermost last.
  std::vector<std::set<std::string>> comprehension_scopes_;
  int handler_depth_ = 0;  // inside `except` blocks: a bare `raise` re-raises
  bool gil_reported_in_stmt_ = false;  // one GIL diagnostic per statement: its root cause
  // `with cython.boundscheck(False):` etc. around the code being checked; else the function's.
  std::optional<bool> with_boundscheck_, with_cdivision_;
  [[nodiscard]] auto Boundscheck() const -> bool {
    return with_boundscheck_.value_or(current_fn_ < 0 || out_.functions[current_fn_].boundscheck);
  }
  [[nodiscard]] auto Cdivision() const -> bool {
    return with_cdivision_.value_or(current_fn_ >= 0 && out_.functions[current_fn_].cdivision);
  }
  std::optional<bool> with_nonecheck_;
  [[nodiscard]] auto Nonecheck() const -> bool {
    return with_nonecheck_.value_or(current_fn_ >= 0 && out_.functions[current_fn_].nonecheck);
  }
  bool inferring_ = false;  // locals not yet typed read as <error>, silently
  bool read_untyped_local_ = false;  // inference read a local it has not typed yet
  std::set<int> bad_declarations_;  // functions whose decorators were rejected
  // The first methods of chains of C method overrides where an override changes a default value.
  std::set<int> callee_default_roots_;
  // Module-level functions reported as PX105: their second declaration (as a
  // function made at run time) reports nothing more.
  std::set<const syntax::Function*> redefined_;
  std::set<std::string> poisoned_locals_;  // locals inference found <error> from a reported mistake
  std::set<std::string> module_names_;      // Python globals bound at module level
  // Names the module stores as class attributes (class_stored_functions.h).
  std::set<std::string> stored_in_classes_;
  // Names whose attributes the module stores (function_attribute_stores.h).
  std::set<std::string> attributes_stored_;
  std::set<std::string> class_names_;  // what the module's `class` statements bind
  std::unordered_map<std::string, std::string> imported_modules_;  // local name -> module (`import math`)
  std::unordered_map<std::string, SourceRange> module_name_ranges_;
  std::vector<std::optional<GilNeed>> first_gil_need_;  // per function
  // PX202 diagnostics (index in the sink) for a call to one of ours: the callee.
  std::vector<std::pair<size_t, int>> calls_needing_gil_;
  // Functions whose bodies raise or call raising functions (before the fixpoint).
  std::vector<bool> raises_directly_;
  std::vector<std::set<int>> callees_;
  std::vector<bool> uses_module_directly_;  // before the fixpoint over callees_
  // Per function: locals whose type was written down (annotation, @cython.locals, declare).
  std::vector<std::set<std::string>> declared_names_;
  std::vector<std::vector<int>> unresolved_;   // per function: locals inference could not type
  std::vector<std::vector<int>> local_reads_;  // per function, per local: how often it is read
  void WarnUnusedLocals(int fn_index);
};

// A default value written where it is used instead of stored when the `def`
// runs: a literal (signed number, str, bytes, True/False/None), immutable.
auto IsConstantDefault(const Expr& e) -> bool;

// Builtins whose Python-object behaviour pyxx knows (calls to them need the GIL).
auto IsPythonBuiltin(const std::string& name) -> bool;
// `__name__`, `__doc__`, `__file__`: attributes of the module, read from its __dict__.
auto IsModuleAttribute(const std::string& name) -> bool;
auto GilOpText(GilOp op) -> std::string;

}  // namespace pyxx::check
