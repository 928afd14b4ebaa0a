// Calls: the module's own functions, C builtins, libc math, dialect helpers
// (cython.cast, cython.declare, ...) and Python calls.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "check/checker_impl.h"
#include "check/class_stored_functions.h"
#include "checked/frame_builtins.h"
#include "syntax/c_data_syntax.h"
#include "syntax/libc_math.h"

namespace pyxx::check {

auto IsModuleAttribute(const std::string& name) -> bool {
  return name == "__name__" || name == "__doc__" || name == "__file__";
}

auto IsPythonBuiltin(const std::string& name) -> bool {
  static const std::set<std::string> kBuiltins = {
      "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "dict", "dir",
      "divmod", "enumerate", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash",
      "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max",
      "min", "next", "object", "oct", "ord", "pow", "print", "range", "repr", "reversed", "round", "set",
      "setattr", "slice", "sorted", "str", "sum", "tuple", "type", "vars", "zip", "memoryview",
      "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError",
      "ZeroDivisionError", "OverflowError", "ArithmeticError", "AttributeError", "NotImplementedError",
      "StopIteration", "AssertionError", "LookupError", "MemoryError", "NameError", "OSError",
      "UnboundLocalError", "ImportError", "ModuleNotFoundError", "FileNotFoundError", "PermissionError",
      "TimeoutError", "ConnectionError", "EOFError", "FloatingPointError", "RecursionError", "SystemError",
      "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "BufferError", "GeneratorExit",
      "KeyboardInterrupt", "SystemExit", "StopAsyncIteration", "IOError", "EnvironmentError", "Warning",
      "UserWarning", "DeprecationWarning", "RuntimeWarning", "FutureWarning", "ExceptionGroup",
      "BaseExceptionGroup", "classmethod", "staticmethod", "property", "super", "open", "compile", "eval",
      "exec", "breakpoint", "delattr", "complex", "aiter", "anext", "__import__", "__builtins__",
      "NotImplemented", "Ellipsis", "__name__", "__file__", "__doc__",
      // The rest of Python 3's exceptions and warnings (EncodingWarning is 3.10's: a NameError before, as in Python).
      "ReferenceError", "IndentationError", "TabError", "UnicodeTranslateError", "BlockingIOError",
      "BrokenPipeError", "ChildProcessError", "ConnectionAbortedError", "ConnectionRefusedError",
      "ConnectionResetError", "FileExistsError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
      "ProcessLookupError", "SyntaxError", "PendingDeprecationWarning", "SyntaxWarning", "ImportWarning",
      "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning",
  };
  return kBuiltins.count(name) != 0;
}

auto Checker::CheckCall(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  if (callee.kind == Expr::Kind::DialectRef && callee.dialect_path.rfind("libcpp.algorithm.", 0) == 0) {
    return CheckAlgorithmCall(e);  // `sort(v.begin(), v.end())`
  }
  if (callee.kind == Expr::Kind::DialectRef && callee.dialect_path == "libcpp.string.string") {
    return CheckCppStringConstructor(e);  // `string(b"abc")`: a new C++ string
  }
  if (callee.kind == Expr::Kind::DialectRef) {
    return CheckDialectCall(e);
  }
  // `vector[cython.int]()`: a new C++ vector.
  if (callee.kind == Expr::Kind::Subscript && callee.object().kind == Expr::Kind::DialectRef &&
      callee.object().dialect_path == "libcpp.vector.vector") {
    std::optional<Type> t = CDataTypeFromExpr(callee);
    return CheckVectorConstructor(e, t.value_or(Type::Error()));
  }
  // `map[K, V]()`, `set[T]()`, `pair[A, B](a, b)`: a new C++ container or pair.
  if (callee.kind == Expr::Kind::Subscript && callee.object().kind == Expr::Kind::DialectRef &&
      syntax::IsCppTemplatePath(callee.object().dialect_path)) {
    std::optional<Type> t = CDataTypeFromExpr(callee);
    return CheckCppTemplateConstructor(e, t.value_or(Type::Error()));
  }
  // `f[cython.double](x)`: the specialisation named.
  if (callee.kind == Expr::Kind::Subscript && callee.object().kind == Expr::Kind::Name &&
      LookupLocal(callee.object().name) < 0) {
    if (const syntax::FusedFunction* group = FusedGroupNamed(callee.object().name)) {
      int target = PickIndexedSpecialisation(callee, *group);
      if (target < 0) {
        return Type::Error();
      }
      out_.Write(callee).resolution = Resolution{Resolution::Kind::Function, target, group->name};
      return CheckCallToFunction(e, target);
    }
  }
  // `obj.m[cython.double](x)` of a fused C method: not yet (the arguments' types pick one).
  if (callee.kind == Expr::Kind::Subscript && callee.object().kind == Expr::Kind::Attribute) {
    const Expr& method = callee.object();
    std::optional<Type> owner = PeekInstanceType(method.object());
    const int m = owner ? out_.FindCMethod(owner->extension, method.name) : -1;
    if (m >= 0 && out_.functions[static_cast<size_t>(m)].syntax->fused_group >= 0) {
      Report(Kind::UnsupportedExpression, callee.range,
             fmt::format("indexing the fused C method `{}` to name a specialisation", method.name))
          .AddNote(Kind::FixItHint, callee.range,
                   "pass arguments of the member's type (`cython.cast(cython.double, x)`): they pick it");
      CheckObjectArguments(e);
      return Type::Error();
    }
  }
  const bool class_name = callee.kind == Expr::Kind::Name && IsClassBodyName(callee.name);
  if (callee.kind == Expr::Kind::Name && LookupLocal(callee.name) < 0 && !class_name) {
    if (callee.name == "super" && e.args.empty() && e.keywords.empty() && module_names_.count("super") == 0 &&
        out_.function_index.count("super") == 0) {
      return CheckZeroArgSuper(e);
    }
    if (auto it = out_.function_index.find(callee.name); it != out_.function_index.end()) {
      int target = it->second;
      if (const syntax::FusedFunction* group = FusedGroupNamed(callee.name)) {
        target = PickSpecialisation(e, *group);  // from the argument types, as Cython
        if (target < 0) {
          return Type::Error();
        }
      }
      out_.Write(callee).resolution = Resolution{Resolution::Kind::Function, target, callee.name};
      return CheckCallToFunction(e, target);
    }
    if (auto it = c_types_.find(callee.name);
        it != c_types_.end() && !(FindNamedEnum(callee.name) != nullptr && FindNamedEnum(callee.name)->cpdef)) {
      return CheckStructConstructor(e, it->second);
    }
    if (module_names_.count(callee.name) == 0 && checked::IsFrameBuiltin(callee.name)) {
      return CheckFrameBuiltinCall(e, callee.name);  // check_frames.cpp
    }
    if (module_names_.count(callee.name) == 0 && IsPythonBuiltin(callee.name)) {
      return CheckBuiltinCall(e, callee.name);
    }
    if (module_names_.count(callee.name) == 0 && callee.name == "unicode") {
      return CheckBuiltinCall(e, "str");  // Cython 3's name for `str` (plain Python 3 has none)
    }
  }
  // `obj.m(...)` on an instance of a cimported extension type with a C method `m`.
  if (int foreign = PeekForeignMethod(e); foreign >= 0 && !class_name) {
    return CheckForeignMethodCall(e, foreign);
  }
  // `Cls.m(...)`: a static C method of one of the module's extension types.
  if (int method = PeekStaticCMethod(callee); method >= 0) {
    return CheckStaticCMethodCall(e, method);
  }
  // `Base.m(self, ...)`: the C method of Base itself (check_cclass.cpp).
  if (int method = PeekUnboundCMethod(callee); method >= 0) {
    return CheckUnboundCMethodCall(e, method);
  }
  // `obj.m(...)` on an instance typed as an extension type with a C method `m`.
  if (int method = PeekCClassMethod(e); method >= 0 && !class_name) {
    return CheckCClassMethodCall(e, method);
  }
  // `super().m(...)` in a method of an extension type: the base type's C method itself.
  if (int method = PeekSuperCMethod(e); method >= 0) {
    const Expr& super_call = callee.object();
    Record(super_call.callee(), Type::Error());
    Record(super_call, Type::Error());
    Record(callee, Type::Error());
    if (const int group = out_.functions[method].syntax->fused_group; group >= 0) {
      method = PickSpecialisation(e, module_.fused_functions[group], 1);  // after `self`
      if (method < 0) {
        CheckObjectArguments(e);
        return Type::Error();
      }
    }
    out_.Write(callee).resolution = Resolution{Resolution::Kind::CClassSuper, method,
                                               out_.cclasses[static_cast<size_t>(out_.functions[method].cclass)].name};
    return CheckCallToFunction(e, method, &super_call);
  }
  // `super().m(...)` naming a C method of a cimported base type: no Python attribute
  // to look up (a cfunc method) and no override to skip (PX301 rejects them).
  if (int foreign = PeekSuperForeignMethod(e); foreign >= 0) {
    const checked::ForeignFunction& f = out_.foreign_functions[static_cast<size_t>(foreign)];
    Report(Kind::UnsupportedExpression, callee.range,
           fmt::format("`super().{}(...)` of the C method of the cimported extension type `{}.{}`: call `self.{}(...)`",
                       callee.name, f.module, f.method_of, callee.name));
    CheckObjectArguments(e);
    return Type::Error();
  }
  // `v.copy()`, `v.copy_fortran()` of a memoryview local: a new contiguous array.
  if (callee.kind == Expr::Kind::Attribute && (callee.name == "copy" || callee.name == "copy_fortran") &&
      callee.object().kind == Expr::Kind::Name && LookupLocal(callee.object().name) >= 0 &&
      out_.functions[current_fn_].locals[LookupLocal(callee.object().name)].type.IsMemoryView()) {
    return CheckViewCopy(e);
  }
  // `v.push_back(x)`, `v.size()`, ... of a C++ vector variable (check_cpp_vector.cpp).
  if (PeekVectorMethod(e)) {
    return CheckVectorMethod(e);
  }
  if (PeekCppMapMethod(e)) {
    return CheckCppMapMethod(e);  // `m.count(k)`, `s.insert(x)`, ... (check_cpp_map.cpp)
  }
  if (PeekCppStringMethod(e)) {
    return CheckCppStringMethod(e);  // `s.size()`, `s.append(b"x")`, ... (check_cpp_string.cpp)
  }
  // `x.is_integer()`, `(1.0).conjugate()`, `z.conjugate()`: methods of C numbers are C operations.
  // Another attribute (`i.__class__()`) is called on the Python number the value
  // converts to (CheckAttribute), as in Cython.
  if (callee.kind == Expr::Kind::Attribute && (PeekCNumber(callee.object()) || IsComplexLocal(callee.object())) &&
      (IsComplexLocal(callee.object()) || !callee.name.starts_with("__") || IsCNumberMethodName(callee.name))) {
    return CheckCNumberMethod(e);
  }
  // `math.sqrt(x)`: C in Numba bodies; a Python call elsewhere (fix-it: libc.math).
  if (callee.kind == Expr::Kind::Attribute && callee.object().kind == Expr::Kind::Name &&
      LookupLocal(callee.object().name) < 0) {
    auto mod = imported_modules_.find(callee.object().name);
    if (mod != imported_modules_.end() && mod->second == "math" && syntax::LibcMathArity(callee.name) >= 0) {
      if (InNumba()) {
        out_.Write(e).resolution = Resolution{Resolution::Kind::LibcMath, -1, callee.name};
        int arity = syntax::LibcMathArity(callee.name);
        if (static_cast<int>(e.args.size()) != arity || !e.keywords.empty()) {
          Report(Kind::WrongArgumentCount, e.range, Text(callee.range), arity, arity == 1 ? "" : "s",
                 e.args.size(), e.args.size() == 1 ? "was" : "were");
          return Type::Error();
        }
        for (const auto& a : e.args) {
          CheckConvertible(*a, CheckExpr(*a), Type::Of(TypeKind::Double));
        }
        return Type::Of(TypeKind::Double);
      }
      NoteGilNeed(Kind::GilRequiringCall, callee.range, -1);
      if (InNogil()) {
        if (gil_reported_in_stmt_) {
          return Type::Error();
        }
        gil_reported_in_stmt_ = true;
        auto b = Report(Kind::GilRequiringCall, callee.range, fmt::format("the Python function `{}`", Text(callee.range)));
        AddReleaseNote(b);
        b.AddNote(Kind::FixItHint, callee.range,
                  fmt::format("the C function needs no GIL: `from cython.cimports.libc.math import {}`", callee.name));
        b.AddFixIt(callee.range, callee.name);
        b.AddFixIt({0, 0}, fmt::format("from cython.cimports.libc.math import {}\n", callee.name));
        return Type::Error();
      }
    }
  }
  Type result = CheckObjectCall(e);
  if (result.IsObject() && !class_name) {
    // Calling an extension type makes an instance of exactly that type (its
    // `tp_new`; Cython types the call so too): its C fields and methods are usable.
    std::string cls = ForeignCClassNamed(callee);
    if (cls.empty() && NamesModuleCClass(callee)) {
      cls = callee.name;
    }
    if (!cls.empty()) {
      return Type::Instance(cls);
    }
  }
  return result;
}

namespace {

// The Python methods of numbers that CheckCNumberMethod answers for (as C
// operations, or PX302) rather than calling them on the converted number.
const std::set<std::string> kPythonNumberMethods = {
    "as_integer_ratio", "hex", "fromhex", "is_integer", "bit_length", "bit_count", "to_bytes", "from_bytes",
    "__round__", "__trunc__", "__floor__", "__ceil__", "__format__", "__abs__", "__neg__", "__pos__", "conjugate"};

}  // namespace

auto Checker::IsCNumberMethodName(const std::string& name) -> bool { return kPythonNumberMethods.count(name) != 0; }

auto Checker::CheckCNumberMethod(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  Type t = CheckExpr(callee.object());
  Record(callee, Type::Error());  // a method is no value of its own
  if (t.IsError()) {
    return Type::Error();
  }
  const std::string& name = callee.name;
  const char* kind = t.IsInteger() ? "C integer" : t.IsComplex() ? "C complex" : "C float";
  bool known = name == "conjugate" || (name == "is_integer" && t.IsFloating()) ||
               ((name == "bit_count" || name == "bit_length") && t.IsInteger());
  if (!known) {
    if (IsCNumberMethodName(name)) {
      Report(Kind::UnsupportedExpression, callee.range,
             fmt::format("the method `.{}()` of a {} (`{}` is {})", name, kind, Text(callee.object().range),
                         Describe(t)));
    } else {
      Report(Kind::InvalidOperands, callee.range, ".", Describe(t));
    }
    return Type::Error();
  }
  if (!e.args.empty() || !e.keywords.empty()) {
    size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, Text(callee.range), 0, "s", n,
           n == 1 ? "was" : "were");
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, name};
  if (name == "is_integer") {
    return Type::Of(TypeKind::Bint);
  }
  if (name == "bit_count" || name == "bit_length") {
    return Type::Of(TypeKind::Int);
  }
  return t.IsInteger() ? Promote(t) : t;
}

auto Checker::CheckCallToFunction(const Expr& e, int callee_index, const Expr* self_arg) -> Type {
  const FunctionInfo& callee = out_.functions[callee_index];
  MarkCalls(callee_index);
  if (!callee.nogil) {
    // A callee whose declaration was rejected has its own error; the call adds none.
    bool reported = bad_declarations_.count(callee_index) == 0 &&
                    RequireGilForCall(fmt::format("`{}`", callee.name()), e.range, callee_index);
    if (reported || InNogil()) {
      return Type::Error();
    }
  }
  if (callee.kind == FunctionKind::Def) {
    // A `def` function is looked up in the module at call time (it may have been
    // rebound) and may then be any callable: the call can raise.
    MarkUsesModule();
    MarkRaises();
    out_.functions[callee_index].called_in_module = true;
  }
  const auto& params = callee.syntax->params;
  bool variadic = false;
  for (const auto& p : params) {
    variadic |= p.kind != syntax::Param::Kind::Normal;
  }
  // A decorated function is whatever its decorators returned: Python binds the
  // arguments, and the result is an object.
  if (HasUnpacking(e) || variadic || !callee.decorators.empty()) {
    if (callee.kind != FunctionKind::Def) {
      // Cython too binds the arguments of a C function at compile time.
      Report(Kind::UnsupportedExpression, e.args_range.empty() ? e.range : e.args_range,
             fmt::format("`*`/`**` unpacking in a call of the C function `{}`", callee.name()));
      CheckObjectArguments(e);
      return Type::Error();
    }
    // Called through Python, as any callable (no call_arguments): CPython binds
    // the arguments, with its own errors.
    return CheckObjectArguments(e) ? Type::Object() : Type::Error();
  }
  for (size_t i = 0; i < params.size(); ++i) {
    if (!CallGives(e, callee, i) && callee.default_slots[i] >= 0) {
      MarkUsesModule();  // the default kept in the module's state
      MarkRaises();      // NameError before the `def` ran
    }
  }
  return CheckBoundArguments(e, callee, self_arg);
}

// Whether the call passes parameter `i` (by position or by keyword).
auto Checker::CallGives(const Expr& e, const FunctionInfo& callee, size_t i) -> bool {
  const auto& params = callee.syntax->params;
  size_t npositional = 0;
  while (npositional < params.size() && !params[npositional].keyword_only) {
    ++npositional;
  }
  if (i < npositional && i < e.args.size()) {
    return true;
  }
  return std::any_of(e.keywords.begin(), e.keywords.end(), [&](const auto& kw) { return kw.name == params[i].name; });
}

auto Checker::CheckBoundArguments(const Expr& e, const FunctionInfo& callee, const Expr* self_arg) -> Type {
  const auto& params = callee.syntax->params;
  // Bind arguments to parameters: positional, then keywords, then defaults.
  // A C method's object is its first argument (`self`), bound already.
  const size_t first = self_arg != nullptr ? 1 : 0;
  std::vector<const Expr*> bound(params.size(), nullptr);
  std::vector<bool> given(params.size(), false);
  if (self_arg != nullptr && !params.empty()) {
    bound[0] = self_arg;
    given[0] = true;
  }
  bool ok = true;
  size_t required = 0;
  for (size_t i = first; i < params.size(); ++i) {
    required += params[i].default_value ? 0 : 1;
  }
  const size_t nparams = params.size() - std::min(first, params.size());
  auto arity_error = [&](size_t got) {
    std::string takes = required == nparams ? std::to_string(nparams) : fmt::format("{} to {}", required, nparams);
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, callee.name(), takes,
           nparams == 1 && required == 1 ? "" : "s", got, got == 1 ? "was" : "were");
    ok = false;
  };
  size_t npositional = first;  // keyword-only parameters follow the positional ones
  while (npositional < params.size() && !params[npositional].keyword_only) {
    ++npositional;
  }
  if (e.args.size() + first > npositional) {
    arity_error(e.args.size() + e.keywords.size());
  }
  for (size_t i = 0; i < e.args.size() && i + first < npositional; ++i) {
    bound[i + first] = e.args[i].get();
    given[i + first] = true;
  }
  for (const auto& kw : e.keywords) {
    if (kw.name.empty()) {
      Report(Kind::UnsupportedExpression, kw.value->range, std::string("`**` unpacking in calls of the module's functions"));
      ok = false;
      continue;
    }
    size_t k = first;
    while (k < params.size() && params[k].name != kw.name) {
      ++k;
    }
    if (k == params.size()) {
      Report(Kind::WrongArgumentCount, kw.name_range, callee.name(), fmt::format("no argument named `{}`;", kw.name),
             "", "it", "was");
      ok = false;
      continue;
    }
    if (params[k].positional_only) {
      Report(Kind::WrongArgumentCount, kw.name_range, callee.name(), "positional-only",
             fmt::format(" `{}`", kw.name), "a keyword", "was");
      ok = false;
      continue;
    }
    if (given[k]) {
      Report(Kind::Redefinition, kw.name_range, fmt::format("argument {}", kw.name));
      ok = false;
      continue;
    }
    bound[k] = kw.value.get();
    given[k] = true;
  }
  if (ok) {
    for (size_t i = 0; i < params.size(); ++i) {
      if (!given[i] && !params[i].default_value) {
        arity_error(e.args.size() + e.keywords.size());
        break;
      }
    }
  }
  for (size_t i = 0; i < params.size(); ++i) {
    if (i < first) {
      continue;  // the method's object, checked by the caller
    }
    if (bound[i] != nullptr) {
      Type t = CheckValueFor(*bound[i], callee.param_types[i]);
      if (t.IsExtension() && callee.param_types[i].IsExtension() && callee.kind != FunctionKind::Def &&
          callee.kind != FunctionKind::Numba && InNogil()) {
        // Passed borrowed, without a reference count: a local variable only, of the type or a derived one.
        if (!out_.IsSubclass(t.extension, callee.param_types[i].extension)) {
          RequireGil(GilOp::ConvertFromObject, bound[i]->range,
                     fmt::format("(`{}` to `{}`)", t.extension, callee.param_types[i].extension));
          ok = false;
          continue;
        }
        ok &= CheckBorrowedInstance(*bound[i]);
        continue;
      }
      if (t.IsObject() && !IsCStringLiteral(*bound[i], callee.param_types[i]) &&
          !(callee.param_types[i].IsUcs4() && IsUcs4Literal(*bound[i])) &&
          RequireGil(GilOp::PassObject, bound[i]->range)) {
        ok = false;
        continue;
      }
      ok &= CheckConvertible(*bound[i], t, callee.param_types[i]);
      ok &= !t.IsError();
    }
  }
  for (const auto& a : e.args) {
    if (!out_.HasType(*a)) {
      CheckExpr(*a);
    }
  }
  if (!ok) {
    return Type::Error();
  }
  out_.Write(e).call_arguments = std::move(bound);
  return callee.return_type;
}

auto Checker::CheckBuiltinCall(const Expr& e, const std::string& name) -> Type {
  const Expr& callee = e.callee();
  if (name == "complex" && e.keywords.empty() && !e.args.empty() && e.args.size() <= 2 && !HasUnpacking(e) &&
      std::all_of(e.args.begin(), e.args.end(), [&](const auto& a) {
        auto t = PeekCNumber(*a);
        return t && !t->IsError();
      })) {
    // complex(x, y) of C numbers, and the imaginary literal `2j`: a C double complex, as in Cython.
    for (const auto& a : e.args) {
      CheckExpr(*a);
    }
    out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, name};
    return Type::Of(TypeKind::DoubleComplex);
  }
  // C versions of abs/min/max/len on C values (spec §5).
  if ((name == "abs" || name == "min" || name == "max" || name == "len" || name == "float") && e.keywords.empty() &&
      !e.args.empty() && !HasUnpacking(e)) {
    std::vector<Type> types;
    bool all_c = true;
    bool any_error = false;
    for (const auto& a : e.args) {
      Type t = CheckExpr(*a);
      any_error |= t.IsError();
      all_c &= t.IsC();
      types.push_back(t);
    }
    if (any_error) {
      return Type::Error();
    }
    if (all_c) {
      out_.Write(callee).resolution = Resolution{Resolution::Kind::CBuiltin, -1, name};
      if (name == "len") {
        if (e.args.size() != 1 || !(types[0].IsMemoryView() || (types[0].IsCppClass() && !types[0].IsCppPair()))) {
          Report(Kind::InvalidOperands, e.range, "len()", Describe(types[0]));
          return Type::Error();
        }
        return Type::Of(TypeKind::SSizeT);
      }
      for (size_t i = 0; i < types.size(); ++i) {
        if (!types[i].IsNumeric() && !(name == "abs" && types[i].IsComplex())) {
          Report(Kind::InvalidOperands, e.args[i]->range, name + "()", Describe(types[i]));
          return Type::Error();
        }
      }
      if (name == "float") {
        if (e.args.size() != 1) {
          Report(Kind::WrongArgumentCount, e.range, "float", 1, "", e.args.size(), "were");
          return Type::Error();
        }
        return Type::Of(TypeKind::Double);
      }
      if (name == "abs" && e.args.size() == 1 && types[0].IsComplex()) {
        MarkRaises();  // OverflowError
        return ComplexPart(types[0]);
      }
      if (name == "abs") {
        if (e.args.size() != 1) {
          Report(Kind::WrongArgumentCount, e.range, "abs", 1, "", e.args.size(), "were");
          return Type::Error();
        }
        return types[0].IsInteger() ? Promote(types[0]) : types[0];
      }
      if (e.args.size() < 2) {
        Report(Kind::UnsupportedExpression, e.range, fmt::format("`{}` of a single C value", name));
        return Type::Error();
      }
      Type result = types[0];
      for (size_t i = 1; i < types.size(); ++i) {
        bool lit = IsIntLiteral(*e.args[i]);
        // A literal takes the other value's C type, as in `v + 1`: it must fit (PX115).
        if ((lit && result.IsInteger() && !CheckLiteralFits(*e.args[i], result)) ||
            (!lit && i == 1 && types[i].IsInteger() && !CheckLiteralFits(*e.args[0], types[i]))) {
          return Type::Error();
        }
        result = lit && result.IsInteger() ? result
                 : IsIntLiteral(*e.args[0]) && i == 1 && types[i].IsInteger() ? types[i]
                                                                              : CommonArithmetic(result, types[i]);
      }
      return result;
    }
    // Fall through to the Python builtin (the arguments are already checked).
    if (RequireGilForCall(fmt::format("the Python builtin `{}`", name), e.range, -1)) {
      return Type::Error();
    }
    for (size_t i = 0; i < e.args.size(); ++i) {
      CheckConvertible(*e.args[i], types[i], Type::Object());
    }
    out_.Write(callee).resolution = Resolution{Resolution::Kind::Builtin, -1, name};
    return name == "len" ? Type::Of(TypeKind::SSizeT) : Type::Object();
  }
  if (RequireGilForCall(fmt::format("the Python builtin `{}`", name), e.range, -1)) {
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::Builtin, -1, name};
  if (!CheckObjectArguments(e)) {
    return Type::Error();
  }
  if (name == "setattr" && RejectNonBindingClassAttribute(SetattrOfClassValue(e, class_names_))) {
    return Type::Error();  // `setattr(Cls, "m", f)` stores `f` as `Cls.m = f` does
  }
  if (name == "len" && !HasUnpacking(e)) {
    return Type::Of(TypeKind::SSizeT);
  }
  return Type::Object();
}

auto Checker::CheckObjectCall(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  // Undefined names are reported as such, not as GIL errors.
  bool undefined = callee.kind == Expr::Kind::Name && LookupLocal(callee.name) < 0 &&
                   module_names_.count(callee.name) == 0 && !IsPythonBuiltin(callee.name);
  if (!undefined) {
    NoteGilNeed(Kind::GilRequiringCall, e.range, -1);
  }
  if (InNogil()) {
    if (undefined) {
      CheckName(callee);
      return Type::Error();
    }
    RequireGilForCall(fmt::format("`{}`", Text(callee.range)), e.range, -1);
    return Type::Error();
  }
  Type ct = CheckExpr(callee);
  if (ct.IsError()) {
    for (const auto& a : e.args) {
      CheckExpr(a->kind == Expr::Kind::Starred ? a->operand() : *a);
    }
    return Type::Error();
  }
  if (!ct.IsObject()) {
    Report(Kind::NotCallable, callee.range, Describe(ct));
    return Type::Error();
  }
  return CheckObjectArguments(e) ? Type::Object() : Type::Error();
}

auto Checker::HasUnpacking(const Expr& call) -> bool {
  for (const auto& a : call.args) {
    if (a->kind == Expr::Kind::Starred) {
      return true;
    }
  }
  for (const auto& kw : call.keywords) {
    if (kw.name.empty()) {
      return true;
    }
  }
  return false;
}

auto Checker::CheckObjectArguments(const Expr& e) -> bool {
  bool ok = true;
  for (const auto& a : e.args) {
    ok &= a->kind == Expr::Kind::Starred ? CheckUnpacked(*a) : CheckConvertible(*a, CheckExpr(*a), Type::Object());
  }
  for (const auto& kw : e.keywords) {
    ok &= CheckConvertible(*kw.value, CheckExpr(*kw.value), Type::Object());
    if (kw.name.empty()) {
      MarkRaises();  // `**m`: not a mapping, a name given twice
    }
  }
  return ok;
}

auto Checker::CheckDialectCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;  // for messages
  const DialectName name = e.callee().dialect;
  if (std::string cls = ForeignCClassNamed(e.callee()); !cls.empty()) {
    return CheckForeignCClassCall(e, cls);
  }
  if (IsArrayTypeRef(e.callee())) {
    // `array.array('i', ...)`: a call of the type, which makes exactly an array.array.
    Type made = CheckObjectCall(e);
    MarkRaises();
    return made.IsError() ? made : Type::Object(std::string(checked::kArrayArray));
  }
  if (path.rfind("cpython.array.", 0) == 0) {
    return CheckArrayHelperCall(e);
  }
  if (path == "cpython.buffer.PyBuffer_FillInfo" || path == "cpython.PyBuffer_FillInfo") {
    return CheckPyBufferFillInfo(e);  // check_buffer.cpp
  }
  if (int foreign = ResolveCimported(e.callee()); foreign != -1) {
    return foreign >= 0 ? CheckCimportedCall(e, foreign) : Type::Error();
  }
  if (name == DialectName::CythonCast || name == DialectName::CythonDeclare) {
    if (e.args.empty() || e.args.size() > 2 || (name == DialectName::CythonCast && e.args.size() != 2)) {
      Report(Kind::WrongArgumentCount, e.range, path, name == DialectName::CythonCast ? "2" : "1 or 2", "s", e.args.size(),
             e.args.size() == 1 ? "was" : "were");
      return Type::Error();
    }
    if (name == DialectName::CythonCast && e.args.size() == 2 && e.keywords.empty()) {
      if (std::optional<Type> view = CheckPointerViewCast(e)) {
        out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
        return *view;
      }
    }
    // A memoryview type declares a function's local or a module-level variable (class bodies have none).
    const bool view_allowed = name == DialectName::CythonDeclare && !InClassBody();
    auto t = view_allowed ? DeclaredType(*e.args[0]) : TypeFromExpr(*e.args[0]);
    if (!t) {
      Report(Kind::UnknownType, e.args[0]->range, Text(e.args[0]->range));
      return Type::Error();
    }
    for (const auto& kw : e.keywords) {
      if (name != DialectName::CythonCast || kw.name != "typecheck") {
        Report(Kind::WrongArgumentCount, kw.name_range, path, fmt::format("no argument named `{}`;", kw.name), "",
               "it", "was");
        return Type::Error();
      }
      if (kw.value->kind != Expr::Kind::Bool) {
        Report(Kind::InvalidTypeUse, kw.value->range, std::string("`typecheck=` of `cython.cast` must be `True` or `False`"));
        return Type::Error();
      }
    }
    if (e.args.size() == 2) {
      Type v = CheckExpr(*e.args[1]);
      if (v.IsError()) {
        return Type::Error();
      }
      const bool pointer_cast = name == DialectName::CythonCast &&
                                ((t->IsPointer() && (v.IsPointer() || v.IsArray() || v.IsInteger())) ||
                                 (t->IsInteger() && v.IsPointer()));
      if (name == DialectName::CythonCast && ((t->IsPointer() && v.IsObject()) || (t->IsObject() && v.IsPointer()))) {
        Report(Kind::UnsupportedExpression, e.range,
               fmt::format("`cython.cast` between a Python object and a pointer (`{}`): a borrowed pointer to an object "
                           "escapes reference counting",
                           Text(e.range)));
        return Type::Error();
      }
      if (!pointer_cast && !(v.IsNumeric() && t->IsNumeric()) && !CheckConvertible(*e.args[1], v, *t)) {
        return Type::Error();
      }
    }
    out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
    return *t;
  }
  if (name == DialectName::CythonSizeof) {
    auto t = e.args.size() == 1 ? TypeFromExpr(*e.args[0]) : std::nullopt;
    if (!t && e.args.size() == 1 && e.keywords.empty()) {
      t = CheckExpr(*e.args[0]);  // `cython.sizeof(n)`: the size of its type (not evaluated)
    }
    if (t && t->IsError()) {
      return Type::Error();
    }
    if (!t || !(t->IsNumeric() || t->IsComplex() || t->IsPointer() || t->IsArray() || t->IsStruct()) || t->IsNull()) {
      Report(Kind::UnsupportedExpression, e.range,
             std::string("`cython.sizeof` of anything but a C type or a C value (a scalar, pointer, array or struct)"));
      return Type::Error();
    }
    Record(*e.args[0], *t);
    out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
    return Type::Of(TypeKind::SizeT);
  }
  if (name == DialectName::CythonTypeof) {
    // The static type's name as Cython spells it, a str made at compile time:
    // the argument is typed, not evaluated.
    if (e.args.size() != 1 || !e.keywords.empty()) {
      size_t n = e.args.size() + e.keywords.size();
      Report(Kind::WrongArgumentCount, e.range, path, 1, "", n, n == 1 ? "was" : "were");
      return Type::Error();
    }
    if (RequireGil(GilOp::CreateString, e.range)) {
      return Type::Error();
    }
    if (CheckExpr(*e.args[0]).IsError()) {
      return Type::Error();
    }
    if (const Expr& x = *e.args[0]; x.kind == Expr::Kind::Name && current_fn_ >= 0 &&
                                    out_.Write(x).resolution.kind == Resolution::Kind::Local) {
      const LocalVar& local = out_.functions[current_fn_].locals[out_.Write(x).resolution.index];
      if (local.is_const || local.is_volatile) {
        // Cython names the qualifier too ("const int"); the checked type does not carry it.
        Report(Kind::UnsupportedType, e.range, fmt::format("`{}` of the qualified local `{}`", path, x.name));
        return Type::Error();
      }
    }
    out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
    return Type::Object("str");
  }
  if (name == DialectName::LibcMath) {
    std::string fn = path.substr(10);
    int arity = syntax::LibcMathPredicate(fn) ? 1 : syntax::LibcMathArity(fn);
    if (arity < 0) {
      Report(Kind::UndefinedName, e.callee().range, path);
      return Type::Error();
    }
    if (static_cast<int>(e.args.size()) != arity || !e.keywords.empty()) {
      Report(Kind::WrongArgumentCount, e.range, fn, arity, arity == 1 ? "" : "s", e.args.size(),
             e.args.size() == 1 ? "was" : "were");
      return Type::Error();
    }
    if (RequireGilForExtern(e)) {
      return Type::Error();
    }
    bool ok = true;
    for (const auto& a : e.args) {
      Type t = CheckExpr(*a);
      if (t.IsObject()) {
        ok &= CheckConvertible(*a, t, Type::Of(TypeKind::Double));
      } else if (!t.IsNumeric() && !t.IsError()) {
        Report(Kind::TypeMismatch, a->range, Describe(t), "`cython.double`");
        ok = false;
      }
      ok &= !t.IsError();
    }
    out_.Write(e).resolution = Resolution{Resolution::Kind::LibcMath, -1, fn};
    if (!ok) {
      return Type::Error();
    }
    return syntax::LibcMathPredicate(fn) ? Type::Of(TypeKind::Bint) : Type::Of(TypeKind::Double);
  }
  if (name == DialectName::CythonViewArray) {
    return CheckViewArray(e);
  }
  if (syntax::IsPrange(name)) {
    Report(Kind::UnsupportedExpression, e.range, std::string("`prange` outside the head of a `for` loop"));
    return Type::Error();
  }
  if (name == DialectName::CythonAddress) {
    return CheckAddress(e);
  }
  if (name == DialectName::CythonDereference) {
    return CheckDereference(e);
  }
  if (syntax::IsIncrementOperator(name)) {
    return CheckIncrement(e);
  }
  if (path == "cython.parallel.threadid") {
    // The thread's number in its team: always 0, as prange and parallel blocks run on one thread.
    if (!e.args.empty() || !e.keywords.empty()) {
      const size_t n = e.args.size() + e.keywords.size();
      Report(Kind::WrongArgumentCount, e.range, path, 0, "s", n, n == 1 ? "was" : "were");
      return Type::Error();
    }
    out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
    return Type::Of(TypeKind::Int);
  }
  if (path == "libc.stdio.printf" || path == "libc.stdio.fprintf" || path == "libc.stdio.snprintf") {
    return CheckPrintfCall(e);  // check_printf.cpp
  }
  if (path.rfind("libc.stdlib.", 0) == 0 || path.rfind("libc.string.", 0) == 0 || path.rfind("libc.stdio.", 0) == 0 ||
      path.rfind("cpython.mem.", 0) == 0) {
    return CheckLibcCall(e);
  }
  if (path.rfind("cpython.exc.", 0) == 0) {
    return CheckErrnoErrorCall(e);  // check_stdio.cpp
  }
  if (path.rfind("cpython.ref.", 0) == 0) {
    return CheckRefcountCall(e);  // check_cpython_ref.cpp
  }
  if (name == DialectName::CythonPointer) {
    Report(Kind::InvalidTypeUse, e.range, fmt::format("the type `{}` is not a value", Text(e.range)));
    return Type::Error();
  }
  if (name == DialectName::CythonNogil || name == DialectName::CythonGil) {
    Report(Kind::InvalidTypeUse, e.range, fmt::format("`{}` is only meaningful in a `with` statement", path));
    return Type::Error();
  }
  Report(Kind::UnsupportedExpression, e.range, fmt::format("`{}`", path));
  return Type::Error();
}

// `v.copy()` (C order) / `v.copy_fortran()`: the elements in a new buffer, as a
// contiguous view of it. The buffer is a Python object: the GIL is needed.
auto Checker::CheckViewCopy(const Expr& e) -> Type {
  const Expr& callee = e.callee();
  Type view = CheckExpr(callee.object());
  Record(callee, Type::Error());
  out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "view." + callee.name};
  if (!e.args.empty() || !e.keywords.empty()) {
    Report(Kind::WrongArgumentCount, e.range, Text(callee.range), 0, "s", e.args.size() + e.keywords.size(),
           e.args.size() + e.keywords.size() == 1 ? "was" : "were");
    return Type::Error();
  }
  if (RequireGil(GilOp::ViewCopy, e.range, fmt::format("(`.{}()`)", callee.name))) {
    return Type::Error();
  }
  MarkRaises();  // MemoryError
  view.contiguous_dim = callee.name == "copy" ? view.ndim - 1 : 0;
  return view;
}

// `cython.view.array(shape, itemsize, format, mode="c", allocate_buffer=True)`:
// a new zero-filled C-contiguous array with the buffer protocol (a Python
// object: the GIL is needed). The arguments are Python objects, checked at run
// time as Cython does.
auto Checker::CheckViewArray(const Expr& e) -> Type {
  static const char* const kParams[] = {"shape", "itemsize", "format", "mode", "allocate_buffer"};
  const std::string& path = e.callee().dialect_path;
  std::vector<const Expr*> bound(5, nullptr);
  bool ok = true;
  if (e.args.size() > 5) {
    Report(Kind::WrongArgumentCount, e.range, path, "at most 5", "s", e.args.size(), "were");
    return Type::Error();
  }
  for (size_t i = 0; i < e.args.size(); ++i) {
    bound[i] = e.args[i].get();
  }
  for (const auto& kw : e.keywords) {
    auto it = std::find_if(std::begin(kParams), std::end(kParams), [&](const char* p) { return kw.name == p; });
    if (it == std::end(kParams)) {
      Report(Kind::WrongArgumentCount, kw.name_range, path, fmt::format("no argument named `{}`;", kw.name), "", "it",
             "was");
      return Type::Error();
    }
    if (bound[it - std::begin(kParams)] != nullptr) {
      Report(Kind::InvalidTypeUse, kw.name_range, fmt::format("`{}` is given twice to `{}`", kw.name, path));
      return Type::Error();
    }
    bound[it - std::begin(kParams)] = kw.value.get();
  }
  for (int i = 0; i < 3; ++i) {
    if (bound[i] == nullptr) {
      Report(Kind::InvalidTypeUse, e.range, fmt::format("`{}` needs `shape`, `itemsize` and `format`", path));
      return Type::Error();
    }
  }
  if (bound[4] != nullptr && !(bound[4]->kind == Expr::Kind::Bool && bound[4]->bool_value)) {
    Report(Kind::UnsupportedExpression, bound[4]->range, std::string("`allocate_buffer=False`"));
    ok = false;
  }
  if (!ok) {
    return Type::Error();
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  if (RequireGil(GilOp::CreateViewArray, e.range)) {
    return Type::Error();
  }
  for (const auto& a : e.args) {
    Type t = CheckExpr(*a);
    ok &= !t.IsError() && CheckConvertible(*a, t, Type::Object());
  }
  for (const auto& kw : e.keywords) {
    Type t = CheckExpr(*kw.value);
    ok &= !t.IsError() && CheckConvertible(*kw.value, t, Type::Object());
  }
  out_.Write(e).call_arguments = bound;
  MarkRaises();
  return ok ? Type::Object() : Type::Error();
}

}  // namespace pyxx::check
