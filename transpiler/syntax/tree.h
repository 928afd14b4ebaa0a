// pyxx's own syntax tree. tree-sitter ends in syntax/lower_*.cpp; every later
// phase works on these nodes. Every node has a SourceRange.
//
// The dialect is recognised here, during lowering, and nowhere else:
// decorators become FunctionAttrs, annotations become TypeExpr, `with nogil`
// items become WithItem::Kind::Nogil, and names that refer to the compile-time
// namespaces (`cython.ulong`, `prange`, libc.math's `sqrt`, numba's `jit`)
// become DialectRef expressions carrying a canonical path.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/check.h"
#include "base/source_range.h"
#include "syntax/dialect_names.h"

namespace pyxx::base {
class SourceBuffer;
}  // namespace pyxx::base

namespace pyxx::syntax {

using base::SourceRange;

// Dense node ids, handed out by the lowerer in creation order (0, 1, 2, ...):
// later phases keep per-node facts in vectors indexed by them.
enum class ExprId : uint32_t { None = UINT32_MAX };
enum class StmtId : uint32_t { None = UINT32_MAX };
inline auto Index(ExprId id) -> size_t { return static_cast<size_t>(id); }
inline auto Index(StmtId id) -> size_t { return static_cast<size_t>(id); }

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

// ---- Types written in annotations -------------------------------------------

// C scalar types of spec §4, in the order of the spec.
enum class ScalarKind : uint8_t {
  Char, SChar, UChar, Short, UShort, Int, UInt, Long, ULong, LongLong, ULongLong,
  Float, Double, LongDouble, Bint, SizeT, SSizeT, HashT, Void,
  // Numba's fixed-width spellings map onto these too (int64 -> LongLong etc.).
  FloatComplex, DoubleComplex, LongDoubleComplex,  // `complex`, cython.doublecomplex, ...
  UCS4,  // cython.Py_UCS4: a code point, a one-character `str` at the Python boundary
};

struct TypeExpr {
  enum class Kind : uint8_t {
    Scalar,      // cython.ulong, numba int64, ...
    Object,      // object, list, dict, str, int (a Python int in Cython code), bool, None
    MemoryView,  // cython.double[:, ::1]
    Invalid,     // a diagnostic was already reported; treat as <error>
    Pointer,     // cython.pointer(T), cython.p_int: `target`
    Array,       // cython.int[10]: `length` elements of `target`
    CName,       // a struct, union or typedef declared in the module: `c_name`
    Fused,       // a fused type (`cython.floating`, `T = cython.fused_type(...)`): `fused`
    CTuple,      // tuple[cython.int, cython.double]: a C tuple of `elements`
    CppVector,   // vector[T] of `from cython.cimports.libcpp.vector import vector`: `target`
    CppString,   // `string` of `from cython.cimports.libcpp.string import string`
    // map[K, V], unordered_map[K, V], set[T], unordered_set[T], pair[A, B] of
    // `libcpp.map` & co.: `c_name` is the template's path ("libcpp.map.map"),
    // `elements` its parameters as written (the checker counts them).
    CppTemplate,
    PyBuffer,    // CPython's `Py_buffer` (`from cython.cimports.cpython(.buffer) import Py_buffer`)
  };
  Kind kind = Kind::Invalid;
  SourceRange range;
  ScalarKind scalar = ScalarKind::Long;
  // Kind::Object: the builtin name written ("object", "list", "int", "None", ...).
  std::string object_name;
  // Kind::MemoryView: element type, dimensions, and which dimension is
  // contiguous (`::1`): -1 none, otherwise its index (only the last for C order).
  ScalarKind element = ScalarKind::Double;
  int ndim = 0;
  int contiguous_dim = -1;
  // Kind::Fused, or a Kind::MemoryView whose element is fused (`floating[:]`):
  // the index in Module::fused_types; -1 otherwise. syntax/fused.cpp replaces
  // it by a member in each specialisation of a function.
  int fused = -1;
  // Python spelled `int`/`float`/`bool` without `cython.`: the checker decides
  // whether it means a C type (Numba bodies, `float` anywhere) or an object.
  bool python_builtin_spelling = false;
  // Kind::Object: `Optional[T]`, `Union[T, None]`, `T | None`: None passes the
  // type test at a `def` boundary (so does a `= None` default).
  bool allows_none = false;
  // `typing.ClassVar[T]`: a class attribute, not an instance's (in an extension
  // type's body, no field).
  bool class_var = false;
  // `dataclasses.InitVar[T]` (the type is T's): in a dataclass extension type, an
  // argument of the made `__init__` passed to `__post_init__`; the checker
  // refuses it anywhere else.
  bool init_var = false;
  // Kind::Object: the annotation names a builtin type whose instances a `def`
  // boundary tests exactly, as Cython 3 does (`list`, `Optional[dict]`, ...);
  // false for `object`, `typing.Any`, unions of several types, `Iterable[...]`.
  bool exact = false;
  // Pointer / Array / CppVector: the pointee or element type; Array: its length; CName: the
  // name; MemoryView: the typedef naming its element (`char_type[:]`), or empty.
  std::shared_ptr<TypeExpr> target;
  long long length = 0;
  std::string c_name;
  // Kind::CTuple: the element types, in order; Kind::CppTemplate: its parameters.
  std::vector<TypeExpr> elements;
  // Kind::Object: object_name is an extension type of the module (a module-level
  // `@cython.cclass` class); a boundary tests it with isinstance, not exactly.
  bool extension = false;
  // Kind::Object, extension: a name cimported from another pyxx module
  // (`from cython.cimports.mod import T`): object_name is "mod.T", and the
  // checker finds the type in mod's declarations.
  bool cimported = false;
  std::string cimport_module;
  // `cython.const[T]` / `cython.volatile[T]` around the whole type (the rest of
  // the TypeExpr is T). Only a function's local may carry them (the checker
  // rejects them elsewhere).
  bool is_const = false;
  bool is_volatile = false;
};

// ---- Expressions -------------------------------------------------------------

enum class BinaryOp : uint8_t { Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMul };
enum class UnaryOp : uint8_t { Neg, Pos, Invert, Not };
enum class CompareOp : uint8_t { Lt, Le, Gt, Ge, Eq, Ne, In, NotIn, Is, IsNot };
enum class BoolOp : uint8_t { And, Or };
enum class ComprehensionKind : uint8_t { List, Set, Dict, Generator };

// "list", "set", "dict", "generator": for messages and dumps.
inline auto ComprehensionKindName(ComprehensionKind kind) -> const char* {
  switch (kind) {
    case ComprehensionKind::List: return "list";
    case ComprehensionKind::Set: return "set";
    case ComprehensionKind::Dict: return "dict";
    case ComprehensionKind::Generator: return "generator";
  }
  return "list";
}

struct Keyword {
  std::string name;
  SourceRange name_range;
  ExprPtr value;
};

// `for target in iterable if c1 if c2` inside a comprehension.
struct ComprehensionClause {
  SourceRange range;
  ExprPtr target;
  ExprPtr iterable;
  std::vector<ExprPtr> conditions;
};

struct Expr {
  enum class Kind : uint8_t {
    Name,         // name
    DialectRef,   // dialect_path, e.g. "cython.nogil", "cython.parallel.prange", "libc.math.sqrt"
    Int,          // text (digits as written, underscores removed, base prefix kept)
    Float,        // text
    Bool,         // bool_value
    None,
    String,       // text = decoded value; is_bytes
    FString,      // parts: alternating literal Strings and formatted operands
    Binary,       // binary_op, operands[0..1]
    Unary,        // unary_op, operands[0]
    BoolOp,       // bool_op, operands (2 or more)
    Compare,      // compare_ops (n), operands (n + 1): a < b <= c
    Conditional,  // operands: [then, condition, else]
    Call,         // operands[0] = callee, args = positional, keywords
    Attribute,    // operands[0] = object, name = attribute
    Subscript,    // operands[0] = object, args = indices (one per comma-separated item)
    Slice,        // operands: [lower, upper, step] with nullptr for missing parts
    Tuple, List, Set,  // args
    Dict,         // args: key, value, key, value, ...
    Starred,      // operands[0]
    Lambda,       // function: parameters and a body of one `return` statement
    Comprehension,  // operands: [element] or [key, value] (dict); clauses
    Await, Yield, NamedExpr, Ellipsis,
  };

  Kind kind;
  SourceRange range;

  std::string name;          // Name, Attribute (attribute name)
  std::string dialect_path;  // DialectRef
  // DialectRef of a name a .pxd declares in a `cdef extern from "<header>"`
  // block: its index in Module::extern_functions; -1 otherwise.
  int extern_function = -1;
  DialectName dialect = DialectName::Other;  // DialectRef: what dialect_path names
  std::string text;          // Int, Float, String
  bool bool_value = false;
  // Bool: written `cython.compiled` (a compile-time True); `if` folds on it.
  bool cython_compiled = false;
  bool is_bytes = false;
  BinaryOp binary_op = BinaryOp::Add;
  UnaryOp unary_op = UnaryOp::Neg;
  BoolOp bool_op = BoolOp::And;
  std::vector<CompareOp> compare_ops;
  std::vector<ExprPtr> operands;
  std::vector<ExprPtr> args;
  std::vector<Keyword> keywords;
  // Call: range of the argument list, for diagnostics about arguments.
  SourceRange args_range;
  // FString parts (String literals and formatted expressions, in order).
  std::vector<ExprPtr> parts;
  // Comprehension: what it builds, and its for/if clauses. A generator
  // expression has neither clauses nor operands: it is a call of `function`
  // (a generator, Function::genexpr) with iter(args[0]), its first iterable.
  ComprehensionKind comprehension_kind = ComprehensionKind::List;
  std::vector<ComprehensionClause> clauses;
  // Lambda: the function it makes, named `<lambda>`, whose body returns its expression.
  std::unique_ptr<struct Function> function;

  ExprId id = ExprId::None;

  // Named children. Each asserts the kind it belongs to; syntax/walk.h is the
  // one place that lists every child of every kind.
  [[nodiscard]] auto callee() const -> const Expr& { return Child(Kind::Call, 0); }
  // Attribute and Subscript: the object that is indexed or whose attribute is read.
  [[nodiscard]] auto object() const -> const Expr& {
    PYXX_CHECK(kind == Kind::Attribute || kind == Kind::Subscript, "object() of a node without one");
    return *operands.at(0);
  }
  // Unary, Starred, Await: the one operand.
  [[nodiscard]] auto operand() const -> const Expr& {
    PYXX_CHECK(kind == Kind::Unary || kind == Kind::Starred || kind == Kind::Await, "operand() of a node without one");
    return *operands.at(0);
  }
  [[nodiscard]] auto left() const -> const Expr& { return Child(Kind::Binary, 0); }
  [[nodiscard]] auto right() const -> const Expr& { return Child(Kind::Binary, 1); }
  // Conditional: `then_value if condition else else_value`.
  [[nodiscard]] auto then_value() const -> const Expr& { return Child(Kind::Conditional, 0); }
  [[nodiscard]] auto condition() const -> const Expr& { return Child(Kind::Conditional, 1); }
  [[nodiscard]] auto else_value() const -> const Expr& { return Child(Kind::Conditional, 2); }
  // Slice parts: nullptr when not written.
  [[nodiscard]] auto lower() const -> const Expr* { return OptionalChild(Kind::Slice, 0); }
  [[nodiscard]] auto upper() const -> const Expr* { return OptionalChild(Kind::Slice, 1); }
  [[nodiscard]] auto step() const -> const Expr* { return OptionalChild(Kind::Slice, 2); }
  // NamedExpr: `target := value`.
  [[nodiscard]] auto walrus_target() const -> const Expr& { return Child(Kind::NamedExpr, 0); }
  [[nodiscard]] auto walrus_value() const -> const Expr& { return Child(Kind::NamedExpr, 1); }
  // Yield: the value, nullptr for a bare `yield`.
  [[nodiscard]] auto yield_value() const -> const Expr* { return OptionalChild(Kind::Yield, 0); }
  // Comprehension: the element of a list/set/generator comprehension, or the key
  // and value of a dict comprehension.
  [[nodiscard]] auto element() const -> const Expr& {
    PYXX_CHECK(kind == Kind::Comprehension && comprehension_kind != ComprehensionKind::Dict, "element() of a non-element comprehension");
    return *operands.at(0);
  }
  [[nodiscard]] auto dict_key() const -> const Expr& {
    PYXX_CHECK(kind == Kind::Comprehension && comprehension_kind == ComprehensionKind::Dict, "dict_key() of a non-dict comprehension");
    return *operands.at(0);
  }
  [[nodiscard]] auto dict_value() const -> const Expr& {
    PYXX_CHECK(kind == Kind::Comprehension && comprehension_kind == ComprehensionKind::Dict, "dict_value() of a non-dict comprehension");
    return *operands.at(1);
  }
  // BoolOp and Compare: the operands in order (n + 1 for n comparison operators).
  [[nodiscard]] auto values() const -> const std::vector<ExprPtr>& {
    PYXX_CHECK(kind == Kind::BoolOp || kind == Kind::Compare, "values() of a node without a value list");
    return operands;
  }

 private:
  [[nodiscard]] auto Child(Kind expected, size_t i) const -> const Expr& {
    PYXX_CHECK(kind == expected && i < operands.size() && operands[i] != nullptr, "named child of the wrong kind");
    return *operands[i];
  }
  [[nodiscard]] auto OptionalChild(Kind expected, size_t i) const -> const Expr* {
    PYXX_CHECK(kind == expected, "named child of the wrong kind");
    return i < operands.size() ? operands[i].get() : nullptr;
  }
};

// ---- Statements --------------------------------------------------------------

struct Param {
  std::string name;
  SourceRange range;
  std::optional<TypeExpr> annotation;
  ExprPtr default_value;
  // The bare `*` and `/` markers are no parameters: the lowerer records them as
  // `keyword_only` / `positional_only` on the parameters they mark.
  enum class Kind : uint8_t { Normal, VarArgs, KwArgs } kind = Kind::Normal;
  bool keyword_only = false;     // after `*` or `*args`
  bool positional_only = false;  // before `/`
};

// A decorator pyxx understood, kept for notes and fix-its.
struct DecoratorInfo {
  std::string path;  // canonical: "cython.cfunc", "numba.jit", ...
  SourceRange range;
  DialectName name = DialectName::Other;  // what `path` names
};

struct FunctionAttrs {
  bool cfunc = false;           // @cython.cfunc
  bool ccall = false;           // @cython.ccall
  bool nogil = false;           // @cython.nogil
  bool with_gil = false;        // @cython.with_gil
  bool numba = false;           // @jit / @njit
  bool numba_nopython = false;  // nopython=True or njit
  bool numba_nogil = false;     // nogil=True
  // @jit("int64(int64, float64)"): parsed by lowering into C types.
  bool has_numba_signature = false;
  SourceRange numba_signature_range;
  std::vector<TypeExpr> numba_param_types;
  std::optional<TypeExpr> numba_return_type;
  std::optional<bool> boundscheck, wraparound, cdivision;
  std::optional<bool> nonecheck;  // @cython.nonecheck(True): Cython's errors for a None memoryview
  // @cython.binding(True/False), or the module's `# cython: binding=...`: True
  // makes a module-level `def` a function object that binds as a method.
  std::optional<bool> binding;
  // @cython.exceptval(value, check=...)
  bool has_exceptval = false;
  ExprPtr exceptval_value;
  bool exceptval_check = true;
  // @cython.locals(name=type, ...)
  std::vector<std::pair<std::string, TypeExpr>> locals;
  // @cython.returns(T): the return type, as `-> T` would give it.
  std::optional<TypeExpr> returns;
  // @cython.final (bare): where it was written; the checker decides where it is allowed.
  std::optional<SourceRange> final_range;
  std::vector<DecoratorInfo> decorators;  // every recognised one, in source order
  // Decorators pyxx does not know: reported by the checker.
  std::vector<ExprPtr> unknown_decorators;
  // `@classmethod` on a method an augmenting .pxd declares `cpdef`/`cdef`:
  // Cython drops it (the method takes the instance first), and so does pyxx.
  // Where it stood, or null when none was dropped.
  ExprPtr dropped_classmethod;
  // `@cython.infer_types(...)` (or the module's `# cython: infer_types=...`):
  // True infers C types for unannotated locals (pyxx's default), None only the
  // safe ones (no C integers), False none (every unannotated local is an object).
  enum class Inference : uint8_t { Full, Safe, Off };
  Inference infer_types = Inference::Full;
};

struct WithItem {
  enum class Kind : uint8_t { Nogil, Gil, Directive, Parallel, Other };
  Kind kind = Kind::Other;
  SourceRange range;
  // Nogil/Gil: `nogil(cond)`; nullptr when unconditional. Parallel:
  // `parallel(num_threads=n)`'s n, or nullptr.
  ExprPtr condition;
  // Directive: `cython.boundscheck(False)` etc. as a with item.
  std::string directive;
  bool directive_value = false;
  // Other: the context manager expression and optional `as` target.
  ExprPtr value;
  ExprPtr target;
};

struct ExceptHandler {
  SourceRange range;
  ExprPtr type;        // nullptr for a bare `except:`
  std::string name;    // `as name`
  Block body;
};

struct ImportName {
  std::string module;  // dotted
  std::string name;    // for `from m import name`; empty for `import m`
  std::string alias;   // as-name or empty
  SourceRange range;
};

// `@cython.cclass`, or `@cython.dataclasses.dataclass` (bare or called), which
// makes an extension type too, as in Cython.
inline auto IsExtensionTypeDecorator(const Expr& d) -> bool {
  const Expr& head = d.kind == Expr::Kind::Call && !d.operands.empty() ? *d.operands[0] : d;
  return head.kind == Expr::Kind::DialectRef &&
         ((&head == &d && head.dialect_path == "cython.cclass") || head.dialect_path == "cython.dataclasses.dataclass");
}

// `@cython.cclass` itself (not called, not a dataclass decorator).
inline auto IsBareCClassDecorator(const Expr& d) -> bool {
  return d.kind == Expr::Kind::DialectRef && d.dialect_path == "cython.cclass";
}

struct Stmt {
  enum class Kind : uint8_t {
    Expr,         // value
    Assign,       // targets (one per `=`), value; a, b = ... uses a Tuple target
    AnnAssign,    // targets[0], annotation, value (may be null)
    AugAssign,    // targets[0], aug_op, value
    If,           // conditions[i] with blocks[i]; else_block
    While,        // conditions[0], blocks[0], else_block
    For,          // targets[0], value = iterable, blocks[0], else_block
    Break, Continue, Pass,
    Return,       // value (may be null)
    With,         // with_items, blocks[0]
    Function,     // function
    Import,       // imports
    Raise,        // value (may be null: bare re-raise), cause
    Try,          // blocks[0] = body, handlers, else_block, finally_block
    Del,          // targets
    Assert,       // value, message
    Global, Nonlocal,  // names
    Class,        // name, blocks[0]
    Print2, Exec2,     // Python 2 statements the grammar accepts (always an error)
    Unsupported,  // anything else: description says what
  };

  Kind kind;
  SourceRange range;
  // Range of the statement's leading keyword or head (`with cython.nogil:` up to the colon),
  // where diagnostics about the statement as a whole point.
  SourceRange head_range;

  std::vector<ExprPtr> targets;
  ExprPtr value;
  ExprPtr cause;     // raise ... from cause
  ExprPtr message;   // assert message
  std::optional<TypeExpr> annotation;
  BinaryOp aug_op = BinaryOp::Add;
  std::vector<ExprPtr> conditions;
  std::vector<Block> blocks;
  Block else_block;
  Block finally_block;
  bool has_else = false;
  bool has_finally = false;
  std::vector<WithItem> with_items;
  std::vector<ExceptHandler> handlers;
  std::vector<ImportName> imports;
  std::vector<std::string> names;
  std::string name;
  std::string description;  // Unsupported
  bool coroutine = false;   // Unsupported: `async def`, `async for`, `async with`
  std::unique_ptr<struct Function> function;
  // Class: decorators (in source order), bases and keywords (`metaclass=...`).
  std::vector<ExprPtr> decorators;
  std::vector<ExprPtr> bases;
  std::vector<Keyword> class_keywords;
  // Class: the name as written when `name` is its class-private mangled binding
  // (`__Inner` in class `Outer` binds `_Outer__Inner`); empty otherwise.
  std::string unmangled_name;

  StmtId id = StmtId::None;
};

struct Function {
  std::string name;
  // The name as written when `name` is its class-private mangled binding (a
  // method `__f` of class `C` is bound as `_C__f` but named `__f`); else empty.
  std::string unmangled_name;
  SourceRange range;        // whole definition, decorators included
  SourceRange name_range;
  SourceRange def_range;    // `def name(...)` header up to the colon
  std::vector<Param> params;
  std::optional<TypeExpr> return_type;
  FunctionAttrs attrs;
  Block body;
  bool is_async = false;
  // Made by the lowerer from a generator expression: `def <genexpr>(.0)` whose
  // body is the expression's loops and a `yield` of its element.
  bool genexpr = false;
  // One specialisation of a function with fused types (syntax/fused.cpp): its
  // index in Module::fused_functions, and which member of each of the group's
  // fused types it takes. -1: not a specialisation.
  int fused_group = -1;
  int fused_specialisation = -1;
  // Declared in the module's augmenting .pxd (syntax/augment.cpp): that file and
  // the declaration's range in it, for notes; nullptr otherwise. The buffer
  // outlives the module (the driver holds it).
  const base::SourceBuffer* pxd = nullptr;
  SourceRange pxd_range;
};

// A C function of a standard header declared in a .pxd
// (`cdef extern from "math.h": double _sin "sin" (double x)`): the name is
// bound to pyxx's own declaration of the function (`path`), whose signature
// the declaration was checked against (syntax/pxd_extern.cpp).
struct ExternFunction {
  std::string local;  // `_sin`
  std::string path;   // `libc.math.sin`
  bool nogil = false;  // declared `nogil` (on the block or the function)
  // Where it is declared, for notes (the buffer outlives the module).
  const base::SourceBuffer* pxd = nullptr;
  SourceRange pxd_range;
};

// A C enum a .pxd declares (`cdef enum color: red, green`, `ctypedef enum`,
// an anonymous `cdef enum:`). Its type is spelled in the .pxd's shadow as a
// typedef of the C type the C compiler gives it (unsigned int when no value is
// negative, as GCC and Clang do; else int); `name` marks that typedef as this
// enum. An anonymous enum has no name and no type: its constants are ints.
struct CEnum {
  std::string name;  // empty: anonymous
  bool is_unsigned = false;
  std::vector<std::pair<std::string, long long>> constants;  // in order, with their values
  // `cpdef enum`: also a Python object of the module, as Cython 3 makes it: a
  // named one an `enum.IntFlag` class (its values converted to its members), an
  // anonymous one's values module attributes holding ints.
  bool cpdef = false;
  std::string doc;  // a one-line docstring of a named cpdef enum (its class's __doc__)
  bool has_doc = false;
  SourceRange declared;  // its first line in the .pxd
};

// An enumerator the module can name: `local` (its name in the module, or the
// name it is cimported as) is the constant `value` of the enum `enum_name`
// (empty: an anonymous enum's, a C int).
struct EnumConstant {
  std::string local;
  std::string enum_name;
  bool is_unsigned = false;
  long long value = 0;
  SourceRange cimported_at{};  // the name in `from cython.cimports.M import NAME`; empty for the module's own .pxd
};

// Compile-time imports pyxx understood (`import cython`, `from numba import jit`).
struct DialectImport {
  std::string path;   // canonical path bound: "cython", "cython.nogil", "numba.jit", "libc.math.sqrt"
  std::string local;  // the local name
  SourceRange range;
  // `from cython.cimports.M import name`: M ("libc.math", "pkg.mod"); else empty.
  std::string cimport_module;
  // A `from cython.cimports... import` (the imported name may be a module: `path`).
  bool cimport = false;
};

// `T = cython.fused_type(A, B, ...)` at module level, or one of Cython's
// predefined `cython.floating`, `cython.integral`, `cython.numeric`.
struct FusedTypeDef {
  std::string name;  // as written: "my_type", "cython.floating"
  SourceRange range;
  std::vector<TypeExpr> members;  // Scalar or MemoryView, in the order written
};

// A function written with fused types: one specialisation per combination of
// the members of the fused types of its parameters (syntax/fused.cpp).
struct FusedFunction {
  std::string name;
  std::vector<int> fused;           // indices in Module::fused_types, in order of first use
  std::vector<int> deciding_param;  // per fused type: the first parameter that has it
  // Per parameter: the fused type it has (itself or as a memoryview's element), or -1.
  std::vector<int> param_fused;
  // Per specialisation (in itertools.product order): the member index of each fused type.
  std::vector<std::vector<int>> choices;
  std::vector<const Function*> specialisations;
};

struct Module {
  std::string name;  // module name (file stem or --module-name)
  Block body;        // module-level statements, functions included, in order
  std::vector<DialectImport> dialect_imports;
  // How many ids the lowerer handed out: every ExprId/StmtId is below these.
  uint32_t expr_count = 0;
  uint32_t stmt_count = 0;
  std::vector<FusedTypeDef> fused_types;
  std::vector<FusedFunction> fused_functions;
  std::vector<ExternFunction> extern_functions;
  // The C enums of the module's .pxd or of the declarations-only .pxd files it
  // cimports from (their types are typedefs of the body), and the enumerators
  // it can name.
  std::vector<CEnum> c_enums;
  std::vector<EnumConstant> enum_constants;
  // `from __future__ import annotations`: class-body annotations are stored as text (PEP 563).
  bool postponed_annotations = false;
};

}  // namespace pyxx::syntax
