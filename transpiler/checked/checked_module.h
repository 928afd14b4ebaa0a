// The checked program: what check/ hands to emit/. The syntax tree plus every
// decision the emitter needs, stored by dense node id (ExprId/StmtId): types,
// name resolution, GIL state, effects. check/ is the only writer; emit/ only
// reads, through accessors that stop pyxx (internal error) on a fact that was
// never recorded instead of guessing.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/check.h"
#include "checked/types.h"
#include "syntax/tree.h"

namespace pyxx::checked {

enum class GilState : uint8_t {
  Held,           // module level, def bodies, `with gil:` blocks
  Released,       // `with nogil:` blocks, prange bodies
  MaybeReleased,  // bodies of @cython.nogil functions and Numba functions
};

enum class FunctionKind : uint8_t { Def, CFunc, CCall, Numba };

struct LocalVar {
  std::string name;
  Type type;
  bool is_param = false;
  syntax::SourceRange first_binding;
  int reads = 0;  // how often the body reads it (0: only ever assigned)
  // An inner function (nested `def`, `lambda`) uses it: it lives in a cell
  // shared with the inner functions (runtime/closure.hpp).
  bool cell = false;
  // A variable of an enclosing function: its cell is this function's
  // closure[free_slot] (-1: the function's own variable).
  int free_slot = -1;
  // An assignment expression (`x := v`) or an increment of cython.operator
  // (`preincrement(x)`) stores to it: an operand may change it in the middle of
  // an expression, so reads are ordered with the other operands.
  bool stored_in_expression = false;
  // `x: cython.const[T] = v` / `cython.volatile[T]`: declared with the qualifier
  // (the emitter writes it into the C++ declaration).
  bool is_const = false;
  bool is_volatile = false;
  [[nodiscard]] auto in_cell() const -> bool { return cell || free_slot >= 0; }
};

struct ParamFacts {
  // A memoryview parameter stored into, by the function itself or by a callee it
  // hands the view to: its buffer is acquired writable.
  bool view_written = false;
  // The body binds the parameter's name again (assignment, loop or `with`
  // target, `except … as`, `:=`, `del`): it is a variable, not a read-only view.
  bool rebound = false;
  // A memoryview parameter passed by reference (not rebound, no cell, not
  // borrowed, not in a generator) whose elements the body addresses through a
  // pyxx::ViewAccess local: its data pointer and strides, copied at entry.
  bool view_access = false;
};

// A `def` boundary's test of an object parameter annotated with a builtin type
// (`x: list`, `Optional[dict]`): exact type, None only where allowed.
struct ParamTypeTest {
  std::string type_name;  // "list", "int", ...; empty: no test
  bool allows_none = false;
  // type_name is an extension type of the module: isinstance, not the exact type.
  bool instance = false;
};

struct FunctionInfo {
  const syntax::Function* syntax = nullptr;
  FunctionKind kind = FunctionKind::Def;
  bool nogil = false;          // callable without the GIL
  bool with_gil = false;       // acquires the GIL on entry
  bool release_on_entry = false;  // Numba nogil=True: the Python entry point releases the GIL
  bool can_raise = false;      // some path raises: not `noexcept`
  bool swallows_errors = false;  // @cython.exceptval(check=False) and its body can raise
  // Some statement calls a function of the module that can raise: the function
  // keeps the line it is at, for the traceback entry of an error passing through.
  bool tracks_line = false;
  // Touches module globals (or calls a function that does, or calls a `def`
  // function, which is looked up at call time): the native function takes the
  // module object as its first parameter, `pyxx_module`.
  bool uses_module = false;
  // A `def` function some code of the module calls (by looking its name up).
  bool called_in_module = false;
  // Its body yields: calling it makes a generator object that runs the body
  // (as a coroutine, runtime/generator.hpp); its return type is the object.
  bool is_generator = false;
  std::vector<Type> param_types;
  std::vector<ParamFacts> param_facts;  // one per parameter
  std::vector<ParamTypeTest> param_type_tests;  // one per parameter
  // Per parameter of a module-level function: the module-state slot that holds
  // its default value when the default is no literal (evaluated once, when the
  // `def` statement runs); -1 for no default or a literal one (written where it
  // is used). A nested function keeps all its defaults in its function object.
  std::vector<int> default_slots;
  // Decorators written in Python, outermost first (applied innermost first).
  std::vector<const syntax::Expr*> decorators;
  // A module-level `def` with decorators or with default values that are no
  // literals: a function object made when its `def` statement runs (as nested
  // functions always are, see made_at_def), not a method of the module.
  bool bound_at_def = false;
  Type return_type = Type::Of(TypeKind::Void);
  std::vector<LocalVar> locals;  // parameters first, in order
  std::unordered_map<std::string, int> local_index;
  bool boundscheck = true;
  bool nonecheck = false;  // @cython.nonecheck(True)
  bool wraparound = true;
  bool cdivision = false;
  // A nested `def` or a `lambda` (not a module-level function): made at run time
  // as a function object when its definition runs, in the scope of `parent`
  // (a function index, or -1 for the module's code).
  bool nested = false;
  int parent = -1;
  std::string qualname;  // `outer.<locals>.inner`
  // One per free variable (LocalVar::free_slot): the index of the variable in
  // the parent's locals whose cell goes into the closure.
  std::vector<int> closure_sources;
  // A `def` directly in a class body (a method), and whether it uses zero-argument
  // `super()`: its native function then gets its function object, whose class
  // cell the class statement fills once the class exists (CPython's `__class__`).
  bool method = false;
  bool uses_class_cell = false;
  // A C method (`@cython.cfunc`/`@cython.ccall` in an extension type): the index
  // in CheckedModule::cclasses of its class, else -1. Called through the class's
  // vtable; its `self` (and, in a nogil function, any parameter typed as an
  // extension type) is borrowed: `const pyxx::Ref&`.
  int cclass = -1;
  // A C method that overrides one of a base extension type: that method's function index.
  int overrides = -1;
  // A cfunc method that overrides one of a base type adding parameters with
  // defaults (as Cython allows): that method's function index. It has a vtable
  // slot of its own (calls through its type may pass the new arguments) and fills
  // the base method's slot with a thunk that passes the defaults.
  int extends = -1;
  // A C method of a chain of overrides (one vtable slot family, rooted at a
  // cfunc method) where an override gives a parameter another default value:
  // as in Cython, the method that runs fills in the defaults of what a call
  // leaves out. Its vtable slots take a mask of the parameters passed (bit i
  // for parameter i, `self` included) and hold a thunk that fills the others.
  bool callee_defaults = false;
  // A `@staticmethod` `@cython.cfunc` of an extension type (Cython's factory idiom): the
  // index of its class, else -1. A plain C function (no `self`, no vtable slot), called
  // as `Cls.m(...)`; `cclass` stays -1.
  int static_of = -1;
  // `__getbuffer__`/`__releasebuffer__` of an extension type: the index of its
  // class, else -1. A C function (kind CFunc, not in the vtable nor the type's
  // namespace) that the type's bf_getbuffer/bf_releasebuffer slot calls.
  int buffer_slot_of = -1;

  [[nodiscard]] auto python_visible() const -> bool { return kind != FunctionKind::CFunc; }
  // Parameter `i` is lent by the caller, who keeps it alive for the call; the
  // body never binds it again and no inner function shares it (no cell):
  // - a C function's extension type instance (`const pyxx::Ref&`), so nogil
  //   code passes it without touching its reference count;
  // - a `def` function's object parameter (`pyxx::Lent`), so its Python entry
  //   point passes the argument it was given, holding no reference itself. Not
  //   a generator's: its body runs after the call returned. Not an extension
  //   type instance: the C methods it is passed to take `const pyxx::Ref&`.
  [[nodiscard]] auto borrows_param(size_t i) const -> bool {
    if (i >= param_types.size() || i >= param_facts.size() || param_facts[i].rebound ||
        (i < locals.size() && locals[i].in_cell())) {
      return false;
    }
    if (kind == FunctionKind::Def) {
      return !is_generator && param_types[i].IsObject() && !param_types[i].IsExtension();
    }
    return (kind == FunctionKind::CFunc || kind == FunctionKind::CCall) && param_types[i].IsExtension();
  }
  // A pyxx function object (runtime/closure.hpp) made when its definition runs:
  // its wrapper is called with that object, which holds the module, the
  // closure and the default values.
  [[nodiscard]] auto made_at_def() const -> bool { return nested || bound_at_def; }
  [[nodiscard]] auto name() const -> const std::string& { return syntax->name; }
};

// A field of an extension type: C storage in each instance.
enum class FieldVisibility : uint8_t { Private, ReadOnly, Public };
struct CClassField {
  std::string name;
  Type type;
  FieldVisibility visibility = FieldVisibility::Private;
  syntax::SourceRange declared;
};

// A field of a `@cython.dataclasses.dataclass` extension type.
struct DataclassField {
  int field = -1;  // its index in the fields of `owner`
  std::string owner;  // the type that declares it: this one, or a dataclass base
  bool initvar = false;  // `dataclasses.InitVar[T]`: an __init__ argument for __post_init__
  // `x: T = value` or field(default=value) / field(default_factory=f): the
  // expression its statement evaluates in the class body (null: none).
  const syntax::Expr* default_value = nullptr;
  const syntax::Expr* default_factory = nullptr;
  bool init = true;
  bool repr = true;
  bool compare = true;
  int hash = -1;          // field(hash=...): -1 None (as compare), 0 False, 1 True
  std::string type_text;  // the annotation as written (its Field.type)
};

// `@cython.dataclasses.dataclass(...)`: the fields (in declaration order) and
// the methods made for the type (Cython 3's; the class body's own win).
struct DataclassInfo {
  std::vector<DataclassField> fields;  // the dataclass base's first (`inherited` of them)
  size_t inherited = 0;
  std::string base;  // the nearest dataclass base type (its fields are inherited), or empty
  unsigned params = 0;  // the decorator's options for __dataclass_params__ (runtime DataclassParam bits)
  bool make_init = false;
  bool make_repr = false;
  unsigned compare_ops = 0;  // a bit per comparison made (1 << Py_EQ, ...: 0 EQ... see emit)
  bool make_hash = false;    // __hash__ from the fields
  bool hash_none = false;    // __hash__ = None (eq without unsafe_hash)
  bool post_init = false;    // the body defines __post_init__
};

// An extension type (`@cython.cclass` at module level): a CPython heap type
// whose instances hold the fields in a C struct.
struct CClassInfo {
  std::optional<DataclassInfo> dataclass;
  std::string name;
  const syntax::Stmt* syntax = nullptr;
  std::vector<CClassField> fields;
  std::unordered_map<std::string, int> field_index;
  bool final = false;  // @cython.final: no subclasses
  // @cython.total_ordering: the class body's missing ordering methods are made
  // from its `__eq__` (or `__ne__`) and one ordering method when the type is made.
  bool total_ordering = false;
  // @cython.collection_type("sequence" | "mapping"): Py_TPFLAGS_SEQUENCE or
  // Py_TPFLAGS_MAPPING, which `match` statements read (subtypes inherit them).
  enum class Collection : uint8_t { None, Sequence, Mapping };
  Collection collection = Collection::None;
  // @cython.no_gc_clear: no tp_clear, so a cycle's collection leaves the fields
  // for __dealloc__ to read (Cython's reason for it).
  bool no_gc_clear = false;
  // `__dict__: dict` in the body: instances hold a dictionary of attributes the
  // type does not declare (tp_dictoffset), as Cython's do. No C field of its own.
  bool instance_dict = false;
  std::string base;    // the extension type it derives from (its struct starts with the base's), or empty
  // The builtin type its root derives from (`class C(list)`, checked/builtin_bases.h):
  // the root's struct starts with that builtin's instance struct. Empty for most types.
  std::string builtin_base;
  // C methods (`@cython.cfunc`, `@cython.ccall`): function indexes, in vtable order.
  std::vector<int> c_methods;
  std::unordered_map<std::string, int> c_method_index;  // name -> function index
  // Static C methods (`@staticmethod` `@cython.cfunc`): name -> function index.
  std::unordered_map<std::string, int> static_methods;
  // `__getbuffer__` / `__releasebuffer__` (function indexes, -1 if absent): the
  // type's buffer slots (emit/emit_buffer.cpp).
  int getbuffer = -1;
  int releasebuffer = -1;
  // A type cimported from another pyxx module (`from cython.cimports.m import T`):
  // that module's name (the type's `name` is "m.T"), else empty. Its fields are the
  // ones the declarations file exports, reached through offsets the exporting
  // module publishes; its C methods are foreign functions (index into
  // foreign_functions, by name), called through that module's trampolines.
  std::string foreign_module;
  std::string foreign_name;  // the type's name in its own module ("T")
  std::unordered_map<std::string, int> foreign_methods;
  [[nodiscard]] auto IsForeign() const -> bool { return !foreign_module.empty(); }
  [[nodiscard]] auto CMethod(const std::string& method) const -> int {
    auto it = c_method_index.find(method);
    return it == c_method_index.end() ? -1 : it->second;
  }
  [[nodiscard]] auto Field(const std::string& field) const -> const CClassField* {
    auto it = field_index.find(field);
    return it == field_index.end() ? nullptr : &fields[it->second];
  }
};

// A C function of another pyxx module that this one calls
// (`from cython.cimports.pkg.mod import f`), as its declarations file declares
// it. `info.syntax` points into that file's tree, which the driver keeps.
struct ForeignFunction {
  std::string module;  // "pkg.mod"
  FunctionInfo info;   // can_raise as declared: no `@cython.exceptval(check=False)`
  // A C method of a cimported extension type: the type's name in its own module
  // ("T"; `info` takes the instance first). Empty for a module-level function.
  std::string method_of;
  // The function as the declarations file declares it (the capsule's signature
  // is computed from it, on both sides); null for a module-level function, whose
  // `info` is that declaration.
  const FunctionInfo* declared = nullptr;
};

// A module-level C variable.
struct CGlobal {
  std::string name;
  Type type;
  syntax::SourceRange declared;
};

// A `cython.struct(...)` / `cython.union(...)` named by a module-level assignment.
struct CStruct {
  std::string name;
  bool is_union = false;
  std::vector<std::pair<std::string, Type>> fields;  // in declaration order
  syntax::SourceRange declared;
  bool viewed = false;  // a memoryview's element somewhere (`Point[:]`): its record layout is emitted
  bool in_c_global = false;  // inside a module-level C variable: its leaf-by-leaf relaxed copy is emitted
  // A C tuple (`tuple[cython.int, cython.double]`): its element types (the
  // fields are f0, f1, ...); null for a struct or union.
  std::shared_ptr<const std::vector<Type>> ctuple_elements;
  // CPython's `Py_buffer` (cpython.buffer): Python.h defines it, so no definition
  // is emitted; its field `obj` is an object (a counted reference), as in Cython.
  bool py_buffer = false;
};

// What a name, call or with-item was resolved to.
struct Resolution {
  enum class Kind : uint8_t {
    None,
    Local,          // index into the function's locals
    Function,       // index into CheckedModule::functions
    Global,         // a module-level Python name
    Builtin,        // a Python builtin (name)
    CBuiltin,       // abs/min/max/len on C values, range in a C loop, cython.cast, ... (name)
    LibcMath,       // C math function (name)
    ComprehensionVar,  // a target of a comprehension's `for` (name), local to it
    ClassName,      // a name of a class body: its namespace, then globals and builtins
    CGlobal,        // a module-level C variable: index into CheckedModule::c_globals
    CClassField,    // `obj.f`, a field of an extension type: index into its fields, name the class
    ForeignFunction,  // a cimported C function of another module: index into foreign_functions
    ForeignCClass,    // a cimported extension type as a value (its type object): name the type
    CClassMethod,   // `obj.m` called: a C method, index into functions, name the class
    CClassSuper,    // `super().m` called in a method: the base type's C method `index` itself (no vtable)
    EnumConstant,   // an enumerator of a .pxd's C enum: index into Module::enum_constants
  };
  Kind kind = Kind::None;
  int index = -1;
  std::string name;
};

// The run-time effect of one `with` item, after constant folding.
enum class WithEffect : uint8_t {
  None,            // nogil(False) / gil(False): the body runs in the surrounding state
  Release,         // nogil / nogil(True)
  Acquire,         // gil / gil(True)
  ReleaseIf,       // nogil(cond) with a run-time condition
  AcquireIf,       // gil(cond)
  ContextManager,  // a Python context manager: __enter__, then __exit__ on every way out
};

// The values a C integer expression takes (check/value_ranges.cpp), on the LP64 target.
struct ValueRange {
  long long lo = 0;
  long long hi = 0;
};

struct ExprFacts {
  bool typed = false;   // the checker gave it a type
  Type type;            // <error> until typed
  Resolution resolution;
  // Calls of the module's own functions: the argument for each parameter, in
  // parameter order (nullptr: the parameter's default value).
  std::optional<std::vector<const syntax::Expr*>> call_arguments;
  // Compare `x in (a, b, c)` of C numbers: C `==` with each element, as Cython;
  // the display is never built (its node is typed as the element type).
  bool c_membership = false;
  // `t[k]` of a C tuple: the element read (k made non-negative); -1 otherwise.
  int ctuple_index = -1;
  // `locals()`/`vars()` in a function: the entries of the dict it makes, sorted
  // by name as Cython does: a local's index, or kLocalsClassCell for a method's
  // `__class__`. An unbound one is left out when the call runs.
  std::vector<int> locals_dict;
  static constexpr int kLocalsClassCell = -1;
  // Written by the effects pass, for every expression of the module:
  bool analysed = false;
  bool has_effects = false;   // may run code whose order is observable (calls, object operations)
  bool calls_raising = false;  // calls a function of the module that can raise
  bool needs_bound_check = false;  // a read of an object local that may be unbound here
  // A memoryview element `v[i, j]`: bit d set when the loop around it proves
  // the index of dimension d in [0, v.shape[d]) (check/index_ranges.cpp).
  uint8_t indices_in_range = 0;
  // A memoryview element under nonecheck(True): a None view is a TypeError.
  bool none_checked_element = false;
  // ... read or written through its view parameter's pyxx::ViewAccess local
  // (check/view_facts.cpp): the locals, not the View, address it.
  bool through_view_access = false;
  // `obj.field[i]` of a view field of a local's extension type instance, with
  // indices that are C locals and literals: nothing between reading the field
  // and indexing it can rebind the field or free the instance, so the view is
  // used in place, not copied (check/view_facts.cpp).
  bool view_field_in_place = false;
  // An integer expression whose values the checker bounds more tightly than its
  // type does (check/value_ranges.cpp); shown by --dump checked.
  std::optional<ValueRange> value_range;
  // `a + b`, `a - b`, `a * b`, `-a` of a signed C integer whose exact result
  // fits its type on every target: plain C++ arithmetic, no wrap-around helper.
  bool no_overflow = false;
};

// Kinds of `return`/`break`/`continue` that leave a block (check/leaving_jumps.h).
struct JumpKinds {
  bool return_ = false;
  bool break_ = false;
  bool continue_ = false;
  [[nodiscard]] auto any() const -> bool { return return_ || break_ || continue_; }
  auto operator|=(const JumpKinds& o) -> JumpKinds& {
    return_ |= o.return_;
    break_ |= o.break_;
    continue_ |= o.continue_;
    return *this;
  }
};

struct StmtFacts {
  bool gil_recorded = false;
  GilState gil = GilState::Held;  // the GIL state the statement runs in
  std::vector<WithEffect> with_effects;  // With: one per item
  std::optional<Type> c_range_loop;      // For compiled as a C counting loop: the loop variable's type
  // ... with a bound the loop variable's type cannot hold: counted in a wider
  // type, each value checked (OverflowError), so no iteration is lost.
  bool c_range_checked = false;
  // A statement of a function's body (not nested in a block) that binds a local
  // memoryview bound nowhere else: the local whose pyxx::ViewAccess follows it
  // (check/view_facts.cpp), or -1.
  int view_access_local = -1;
  // Written by the effects pass:
  bool analysed = false;
  bool calls_raising = false;  // one of its own expressions (not nested statements') calls a raising function
  // Nested `def`, `class`: where the name it binds is stored (a local, a global,
  // or the namespace of the class body it is in).
  Resolution binding;
  // Class: a method uses zero-argument `super()` (the class cell is made), and
  // the body annotates names (`__annotations__` is made first, as Python does).
  bool class_cell = false;
  bool class_annotations = false;
  std::string class_qualname;  // Class: its __qualname__ (`Outer.Inner`, `f.<locals>.C`)
  // Import (one per name) and Try (one per handler with `as`) directly in a
  // class body: where each name is bound. Empty elsewhere.
  std::vector<Resolution> bindings;
  // Import in module code: per name, the extension type of the module that a
  // `from m import T` names (the name keeps the type; the import must give it),
  // else -1. Empty when it names none.
  std::vector<int> import_kept_cclass;
  // `X = cython.struct(...)`, `cython.union(...)`, `cython.typedef(T)`: a
  // compile-time declaration, no code.
  bool c_type_declaration = false;
  // Class: an extension type (`@cython.cclass`): index into CheckedModule::cclasses.
  int cclass = -1;
  // A field declaration in an extension type's body (`x: cython.double`,
  // `cython.declare(...)`): no code runs for it.
  bool cclass_field = false;
  // ... of a dataclass with a default (or default factory) the statement
  // evaluates: the index into the type's DataclassInfo::fields, else -1.
  int dataclass_default = -1;
  int dataclass_cclass = -1;  // ... of that type (an index into CheckedModule::cclasses)
  // Try whose `finally` block may leave it by `return`, `break` or `continue`
  // (which drops the propagating exception or the pending return, as Python
  // does): the block is emitted inline after the `try`, not as a guard, and
  // the jumps of these kinds out of the other blocks (`jumps_through`) pass
  // through it.
  bool finally_jumps = false;
  JumpKinds jumps_through;
};

struct CheckedModule;

// A module named in a `from cython.cimports.pkg.mod import ...` of the module:
// its declarations file, read and checked by the driver.
struct CimportedModule {
  std::string name;  // "pkg.mod"
  const CheckedModule* declarations = nullptr;  // nullptr: not found or invalid (reported)
};

struct CheckedModule {
  const syntax::Module* syntax = nullptr;
  // The limited API version the module is checked for and compiled against
  // (`--limited-api 3.9`: 0x03090000, the value of Py_LIMITED_API); 0: the full API.
  int limited_api = 0;
  // Where `cpython.array`'s `array.array` is used (a type test, the type as a
  // value, a helper): the exec function loads the type object first. The first use.
  std::optional<base::SourceRange> array_type_used;
  // Some type is a C++ vector: the generated code includes pyxx/cpp_vector.hpp
  // (kept out of the precompiled runtime every module loads).
  bool uses_cpp_vector = false;
  // Some type is a C++ string: pyxx/cpp_string.hpp, likewise.
  bool uses_cpp_string = false;
  // A `libcpp.algorithm` function is called: pyxx/cpp_algorithm.hpp, likewise.
  bool uses_cpp_algorithm = false;
  // Some type is a C++ map, set or pair: pyxx/cpp_map.hpp, pyxx/cpp_set.hpp,
  // pyxx/cpp_pair.hpp, likewise.
  bool uses_cpp_map = false;
  bool uses_cpp_set = false;
  bool uses_cpp_pair = false;
  std::vector<FunctionInfo> functions;  // in source order
  std::unordered_map<std::string, int> function_index;
  // Object slots in the module's state (default values of module-level functions).
  int state_slots = 0;
  // Module-level C variables (`x: cython.int = 0`, `x = cython.declare(T, v)`,
  // `cython.declare(x=T)` at the top level): C globals of the extension, not
  // attributes of the module. In declaration order.
  std::vector<CGlobal> c_globals;
  std::unordered_map<std::string, int> c_global_index;
  // Structs and unions (Type::struct_id indexes this), in declaration order.
  std::vector<CStruct> structs;
  // Extension types, in source order, by name.
  std::vector<CClassInfo> cclasses;
  std::unordered_map<std::string, int> cclass_index;
  [[nodiscard]] auto CClass(const std::string& name) const -> const CClassInfo& {
    auto it = cclass_index.find(name);
    PYXX_CHECK(it != cclass_index.end(), "an extension type the checker never declared");
    return cclasses[it->second];
  }
  // Specialisations of functions with fused types (syntax/fused.h): their index
  // in `functions` (function_index names the first one of each).
  std::unordered_map<const syntax::Function*, int> specialisation_index;
  // Is extension type `derived` the type `base` or one derived from it?
  [[nodiscard]] auto IsSubclass(const std::string& derived, const std::string& base) const -> bool {
    for (const std::string* k = &derived; !k->empty(); k = &CClass(*k).base) {
      if (*k == base) {
        return true;
      }
    }
    return false;
  }
  // The cimported type an extension type of the module derives from (through its
  // bases in the module), or nullptr: its fields follow that type's instance.
  [[nodiscard]] auto CimportedBase(const std::string& cls) const -> const CClassInfo* {
    for (const std::string* k = &CClass(cls).base; !k->empty(); k = &CClass(*k).base) {
      if (CClass(*k).IsForeign()) {
        return &CClass(*k);
      }
    }
    return nullptr;
  }
  // The field `name` of instances of `cls`, its own or a base type's: the class that
  // declares it and its index there; nullptr when there is none.
  [[nodiscard]] auto FindField(const std::string& cls, const std::string& name) const
      -> std::pair<const CClassInfo*, int> {
    for (const std::string* k = &cls; !k->empty(); k = &CClass(*k).base) {
      const CClassInfo& c = CClass(*k);
      if (auto it = c.field_index.find(name); it != c.field_index.end()) {
        return {&c, it->second};
      }
    }
    return {nullptr, -1};
  }
  // The C method `name` an instance of `cls` has (the most derived definition up
  // from `cls`): its function index, or -1.
  // The C method `name` of a cimported extension type `cls` (its own or a base's):
  // an index into foreign_functions, or -1.
  [[nodiscard]] auto FindForeignMethod(const std::string& cls, const std::string& name) const -> int {
    for (const std::string* k = &cls; !k->empty(); k = &CClass(*k).base) {
      const CClassInfo& c = CClass(*k);
      if (auto it = c.foreign_methods.find(name); it != c.foreign_methods.end()) {
        return it->second;
      }
    }
    return -1;
  }
  [[nodiscard]] auto FindCMethod(const std::string& cls, const std::string& name) const -> int {
    for (const std::string* k = &cls; !k->empty(); k = &CClass(*k).base) {
      if (int m = CClass(*k).CMethod(name); m >= 0) {
        return m;
      }
    }
    return -1;
  }
  // A static C method of `cls` or of a base type (inherited as Python inherits it), or -1.
  [[nodiscard]] auto FindStaticMethod(const std::string& cls, const std::string& name) const -> int {
    for (const std::string* k = &cls; !k->empty(); k = &CClass(*k).base) {
      const CClassInfo& c = CClass(*k);
      if (auto it = c.static_methods.find(name); it != c.static_methods.end()) {
        return it->second;
      }
    }
    return -1;
  }
  // The method whose vtable slot a C method fills: the one it overrides, recursively.
  [[nodiscard]] auto IntroducingMethod(int function) const -> int {
    while (functions[static_cast<size_t>(function)].overrides >= 0) {
      function = functions[static_cast<size_t>(function)].overrides;
    }
    return function;
  }
  // The method a C method overrides or extends (adding parameters), or -1.
  [[nodiscard]] auto BaseCMethod(int function) const -> int {
    const FunctionInfo& f = functions[static_cast<size_t>(function)];
    return f.overrides >= 0 ? f.overrides : f.extends;
  }
  // A `@cython.ccall` method overriding or extending a `@cython.cfunc` one
  // (Cython allows it): the function in its vtable slot looks for a Python
  // override, as a ccall dispatcher does, since calls through the base type
  // reach it through the vtable.
  [[nodiscard]] auto CcallOverCfunc(int function) const -> bool {
    const int base = BaseCMethod(function);
    return functions[static_cast<size_t>(function)].kind == FunctionKind::CCall && base >= 0 &&
           functions[static_cast<size_t>(base)].kind == FunctionKind::CFunc;
  }
  // The override in the chain of `defined` (itself, or a method it overrides or
  // extends) that extends the method introducing the vtable slot `slot`: its
  // thunk fills that slot in the vtable of `defined`'s type.
  [[nodiscard]] auto ExtensionOfSlot(int defined, int slot) const -> int {
    for (int f = defined; f >= 0; f = BaseCMethod(f)) {
      const int extended = functions[static_cast<size_t>(f)].extends;
      if (extended >= 0 && IntroducingMethod(extended) == slot) {
        return f;
      }
    }
    return -1;
  }
  // C functions of other pyxx modules that the module calls, in order of first use.
  std::vector<ForeignFunction> foreign_functions;
  std::unordered_map<std::string, int> foreign_index;  // by "pkg.mod.f"
  // Nested `def`s and `lambda`s: their index in `functions`.
  std::unordered_map<const syntax::Function*, int> nested_index;
  [[nodiscard]] auto NestedIndex(const syntax::Function& fn) const -> int {
    auto it = nested_index.find(&fn);
    PYXX_CHECK(it != nested_index.end(), "a nested function the checker never declared");
    return it->second;
  }

  // ---- writers (check/ only)
  void SizeFor(const syntax::Module& module) {
    syntax = &module;
    exprs_.assign(module.expr_count, ExprFacts{});
    stmts_.assign(module.stmt_count, StmtFacts{});
  }
  auto Write(const syntax::Expr& e) -> ExprFacts& { return exprs_.at(Slot(e)); }
  auto Write(const syntax::Stmt& s) -> StmtFacts& { return stmts_.at(Slot(s)); }
  void RecordType(const syntax::Expr& e, Type t) {
    ExprFacts& f = Write(e);
    f.type = std::move(t);
    f.typed = true;
  }

  // ---- readers
  // Facts of a node the effects pass analysed; any other node is an internal error.
  [[nodiscard]] auto Of(const syntax::Expr& e) const -> const ExprFacts& {
    const ExprFacts& f = exprs_.at(Slot(e));
    PYXX_CHECK(f.analysed, "an expression the checker never analysed");
    return f;
  }
  [[nodiscard]] auto Of(const syntax::Stmt& s) const -> const StmtFacts& {
    const StmtFacts& f = stmts_.at(Slot(s));
    PYXX_CHECK(f.analysed, "a statement the checker never analysed");
    return f;
  }
  // The GIL state of a statement; every statement the checker checked has one.
  [[nodiscard]] auto GilOf(const syntax::Stmt& s) const -> GilState {
    const StmtFacts& f = stmts_.at(Slot(s));
    PYXX_CHECK(f.gil_recorded, "a statement without a recorded GIL state");
    return f.gil;
  }
  [[nodiscard]] auto HasGil(const syntax::Stmt& s) const -> bool { return stmts_.at(Slot(s)).gil_recorded; }
  // Type and resolution are partial by design: names that are not values
  // (a DialectRef callee, a keyword) have none. <error> / Kind::None then.
  [[nodiscard]] auto TypeOf(const syntax::Expr& e) const -> const Type& { return exprs_.at(Slot(e)).type; }
  [[nodiscard]] auto HasType(const syntax::Expr& e) const -> bool { return exprs_.at(Slot(e)).typed; }
  [[nodiscard]] auto Resolve(const syntax::Expr& e) const -> const Resolution& {
    return exprs_.at(Slot(e)).resolution;
  }
  [[nodiscard]] auto CallArguments(const syntax::Expr& e) const -> const std::vector<const syntax::Expr*>* {
    const auto& args = exprs_.at(Slot(e)).call_arguments;
    return args ? &*args : nullptr;
  }
  [[nodiscard]] auto WithEffectOf(const syntax::Stmt& s, size_t item) const -> WithEffect {
    const auto& effects = stmts_.at(Slot(s)).with_effects;
    return item < effects.size() ? effects[item] : WithEffect::None;
  }
  [[nodiscard]] auto CRangeLoop(const syntax::Stmt& s) const -> const std::optional<Type>& {
    return stmts_.at(Slot(s)).c_range_loop;
  }

 private:
  static auto Slot(const syntax::Expr& e) -> size_t {
    PYXX_CHECK(e.id != syntax::ExprId::None, "an expression without an id");
    return syntax::Index(e.id);
  }
  static auto Slot(const syntax::Stmt& s) -> size_t {
    PYXX_CHECK(s.id != syntax::StmtId::None, "a statement without an id");
    return syntax::Index(s.id);
  }
  std::vector<ExprFacts> exprs_;
  std::vector<StmtFacts> stmts_;
};

}  // namespace pyxx::checked
