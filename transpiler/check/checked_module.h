// What the checker hands to the emitter: the syntax tree plus every decision
// the emitter needs (types, name resolution, GIL effects, which functions can
// raise). The emitter makes no decisions that could fail.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "check/types.h"
#include "syntax/tree.h"

namespace pyxx::check {

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
};

struct FunctionInfo {
  const syntax::Function* syntax = nullptr;
  FunctionKind kind = FunctionKind::Def;
  bool nogil = false;          // callable without the GIL
  bool with_gil = false;       // acquires the GIL on entry
  bool release_on_entry = false;  // Numba nogil=True: the Python entry point releases the GIL
  bool can_raise = false;      // some path raises: not `noexcept`
  bool swallows_errors = false;  // @cython.exceptval(check=False) and its body can raise
  // Touches module globals (or calls a function that does, or calls a `def`
  // function, which is looked up at call time): the native function takes the
  // module object as its first parameter.
  bool uses_module = false;
  std::vector<Type> param_types;
  Type return_type = Type::Of(TypeKind::Void);
  std::vector<LocalVar> locals;  // parameters first, in order
  std::unordered_map<std::string, int> local_index;
  bool boundscheck = true;
  bool wraparound = true;
  bool cdivision = false;

  [[nodiscard]] auto python_visible() const -> bool { return kind != FunctionKind::CFunc; }
  [[nodiscard]] auto name() const -> const std::string& { return syntax->name; }
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
};

struct CheckedModule {
  const syntax::Module* syntax = nullptr;
  std::vector<FunctionInfo> functions;  // in source order
  std::unordered_map<std::string, int> function_index;

  std::unordered_map<const syntax::Expr*, Type> expr_types;
  std::unordered_map<const syntax::Expr*, Resolution> resolutions;
  std::unordered_map<const syntax::WithItem*, WithEffect> with_effects;
  // Calls of the module's own functions: the argument for each parameter, in
  // parameter order (nullptr: the parameter's default value).
  std::unordered_map<const syntax::Expr*, std::vector<const syntax::Expr*>> call_arguments;
  // For loops compiled as C counting loops (`for i in range(...)` on C integers).
  std::unordered_map<const syntax::Stmt*, Type> c_range_loops;

  [[nodiscard]] auto TypeOf(const syntax::Expr& e) const -> const Type& {
    static const Type error = Type::Error();
    auto it = expr_types.find(&e);
    return it == expr_types.end() ? error : it->second;
  }
  [[nodiscard]] auto Resolve(const syntax::Expr& e) const -> const Resolution& {
    static const Resolution none;
    auto it = resolutions.find(&e);
    return it == resolutions.end() ? none : it->second;
  }
};

}  // namespace pyxx::check
