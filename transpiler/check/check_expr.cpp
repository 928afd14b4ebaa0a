// Types and GIL rules of expressions other than calls.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "check/checker_impl.h"
#include "syntax/c_data_syntax.h"
#include "syntax/walk.h"
#include "checked/frame_builtins.h"
#include "syntax/libc_math.h"
#include "syntax/scalar_names.h"

namespace pyxx::check {
namespace {

// `cython.cimports.cpython.version.PY_VERSION_HEX` and its parts: C macros of Python.h.
auto IsPythonVersionMacro(std::string_view path) -> bool {
  for (std::string_view name : {"PY_VERSION_HEX", "PY_MAJOR_VERSION", "PY_MINOR_VERSION", "PY_MICRO_VERSION",
                                "PY_RELEASE_LEVEL", "PY_RELEASE_SERIAL"}) {
    if (path.size() == 16 + name.size() && path.substr(0, 16) == "cpython.version." && path.substr(16) == name) {
      return true;
    }
  }
  return false;
}

}  // namespace

using syntax::BinaryOp;
using syntax::UnaryOp;

auto Checker::Record(const Expr& e, Type t) -> Type {
  out_.RecordType(e, t);
  return t;
}

void Checker::MarkRaises() {
  if (current_fn_ >= 0 && !inferring_) {
    raises_directly_[current_fn_] = true;
  }
}

void Checker::MarkUsesModule() {
  if (current_fn_ >= 0 && !inferring_) {
    uses_module_directly_[current_fn_] = true;
  }
}

void Checker::MarkCalls(int callee) {
  if (current_fn_ >= 0 && !inferring_) {
    callees_[current_fn_].insert(callee);
  }
}

auto Checker::LookupLocal(const std::string& name) const -> int {
  if (current_fn_ < 0) {
    return -1;
  }
  const FunctionInfo& fn = out_.functions[current_fn_];
  auto it = fn.local_index.find(name);
  return it == fn.local_index.end() ? -1 : it->second;
}

auto Checker::InNumba() const -> bool {
  return current_fn_ >= 0 && out_.functions[current_fn_].kind == FunctionKind::Numba;
}

auto IntLiteralValue(const Expr& e) -> std::optional<IntLiteral> {
  bool negative = e.kind == Expr::Kind::Unary && e.unary_op == UnaryOp::Neg;
  bool signed_literal = e.kind == Expr::Kind::Unary && (e.unary_op == UnaryOp::Neg || e.unary_op == UnaryOp::Pos);
  const Expr& lit = signed_literal ? *e.operands[0] : e;
  if (lit.kind != Expr::Kind::Int) {
    return std::nullopt;
  }
  std::string digits;
  for (char c : lit.text) {
    if (c != '_') {
      digits += c;
    }
  }
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0') {
    char p = static_cast<char>(digits[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    digits = base == 10 ? digits : digits.substr(2);
  }
  errno = 0;
  unsigned long long v = std::strtoull(digits.c_str(), nullptr, base);
  if (errno == ERANGE) {
    return std::nullopt;
  }
  return IntLiteral{negative && v != 0, v};
}

auto LiteralFits(const IntLiteral& v, const Type& t) -> bool {
  int bits = IntegerBits(t.kind);
  if (t.kind == TypeKind::Bint) {
    return true;  // a truth value
  }
  if (!t.IsSigned()) {
    return !v.negative && (bits >= 64 || v.magnitude < (1ULL << bits));
  }
  unsigned long long limit = 1ULL << (bits - 1);  // |MIN|
  return v.negative ? v.magnitude <= limit : v.magnitude < limit;
}

auto Checker::CheckLiteralFits(const Expr& e, const Type& to) -> bool {
  if (!to.IsInteger() || !IsIntLiteral(e)) {
    return true;
  }
  auto v = IntLiteralValue(e);
  if (v && LiteralFits(*v, to)) {
    return true;
  }
  Report(Kind::IntegerLiteralOutOfRange, e.range, Text(e.range), Describe(to));
  return false;
}

auto Checker::IsIntLiteral(const Expr& e) const -> bool {
  if (e.kind == Expr::Kind::Int) {
    return true;
  }
  return e.kind == Expr::Kind::Unary && (e.unary_op == UnaryOp::Neg || e.unary_op == UnaryOp::Pos) &&
         e.operand().kind == Expr::Kind::Int;
}

auto Checker::TypeOfIntLiteral(const Expr& e) const -> Type {
  const std::string& text = e.text;
  int base = 10;
  std::string digits = text;
  if (text.size() > 2 && text[0] == '0') {
    char p = static_cast<char>(text[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) {
      digits = text.substr(2);
    }
  }
  errno = 0;
  unsigned long long v = std::strtoull(digits.c_str(), nullptr, base);
  if (errno == ERANGE) {
    return Type::Object("int");
  }
  if (v <= static_cast<unsigned long long>(LONG_MAX)) {
    return Type::Of(TypeKind::Long);
  }
  return Type::Of(TypeKind::ULongLong);
}

// Every caller reads a type where Cython expects a C type (cython.cast, sizeof,
// declare, typedef, struct fields, a fused function's index), not an annotation.
auto Checker::TypeFromExpr(const Expr& e) -> std::optional<Type> {
  if (auto c_data = CDataTypeFromExpr(e)) {
    return c_data;  // pointers, C arrays, structs, typedefs (check_cdata.cpp)
  }
  if (auto c_tuple = CTupleTypeFromExpr(e)) {
    return c_tuple;  // check_ctuple.cpp
  }
  if (e.kind == Expr::Kind::DialectRef && !syntax::CythonMember(e.dialect_path).empty()) {
    std::string_view member = syntax::CythonMember(e.dialect_path);
    if (member == "object") {
      return Type::Object();  // Cython's name for `object`
    }
    if (member == "unicode") {
      return Type::Object("str");  // Cython 3's name for `str`
    }
    // The names annotations take (syntax/scalar_names.cpp): one table for both.
    if (auto scalar = syntax::CythonScalar(member); scalar && *scalar != syntax::ScalarKind::Void) {
      return checked::FromScalar(*scalar);
    }
    return std::nullopt;
  }
  if (e.kind == Expr::Kind::Name && LookupLocal(e.name) < 0 && out_.cclass_index.count(e.name) != 0) {
    return Type::Instance(e.name);  // an extension type of the module
  }
  if (e.kind == Expr::Kind::Name && e.name == "unicode" && LookupLocal(e.name) < 0 &&
      module_names_.count(e.name) == 0) {
    return Type::Object("str");  // `cython.cast(unicode, s)`: Cython 3's name for `str`
  }
  if (std::string cls = ForeignCClassNamed(e); !cls.empty()) {
    return Type::Instance(cls);  // an extension type cimported from another module
  }
  if (IsArrayTypeRef(e)) {
    UseArrayType(e.range);
    return Type::Object(std::string(checked::kArrayArray));  // cpython.array's array.array
  }
  if (e.kind == Expr::Kind::Name && LookupLocal(e.name) < 0) {
    // Cython reads these types where a C type is expected (its parse_basic_type
    // comes first): `int` is C's int, `float` C's float, `double`, `p_char`.
    if (auto c_type = syntax::BareCTypeName(e.name, e.range)) {
      return ResolveCType(*c_type);
    }
  }
  if (e.kind == Expr::Kind::Name && LookupLocal(e.name) < 0 && module_names_.count(e.name) == 0) {
    if (e.name == "object") {
      return Type::Object();
    }
    if (e.name == "bool" || e.name == "complex") {
      // The builtins' C equivalents, as Cython reads a type there.
      return Type::Of(e.name == "bool" ? TypeKind::Bint : TypeKind::DoubleComplex);
    }
    if (e.name == "list" || e.name == "dict" || e.name == "str" || e.name == "tuple" || e.name == "set" ||
        e.name == "bytes") {
      return Type::Object(e.name);
    }
  }
  return std::nullopt;
}

auto Checker::IsComplexLocal(const Expr& e) const -> bool {
  if (e.kind != Expr::Kind::Name || !comprehension_scopes_.empty() || current_fn_ < 0) {
    return false;
  }
  const int idx = LookupLocal(e.name);
  return idx >= 0 && out_.functions[current_fn_].locals[idx].type.IsComplex();
}

auto Checker::PeekCNumber(const Expr& e) const -> std::optional<Type> {
  auto numeric = [](const Type& t) -> std::optional<Type> {
    return t.IsNumeric() || t.IsError() ? std::optional<Type>(t) : std::nullopt;
  };
  switch (e.kind) {
    case Expr::Kind::Int:
      return numeric(TypeOfIntLiteral(e));
    case Expr::Kind::Float:
      return Type::Of(TypeKind::Double);
    case Expr::Kind::Bool:
      return Type::Of(TypeKind::Bint);
    case Expr::Kind::Name: {
      for (const auto& scope : comprehension_scopes_) {
        if (scope.count(e.name) != 0) {
          return std::nullopt;
        }
      }
      int idx = LookupLocal(e.name);
      if (idx >= 0) {
        return numeric(out_.functions[current_fn_].locals[idx].type);
      }
      return std::nullopt;
    }
    case Expr::Kind::Unary: {
      if (e.unary_op == UnaryOp::Not) {
        return std::nullopt;
      }
      auto t = PeekCNumber(e.operand());
      return t && t->IsInteger() ? std::optional<Type>(Promote(*t)) : t;
    }
    case Expr::Kind::Binary: {
      auto a = PeekCNumber(e.left());
      auto b = PeekCNumber(e.right());
      if (!a || !b || e.binary_op == BinaryOp::MatMul) {
        return std::nullopt;
      }
      if (a->IsError() || b->IsError()) {
        return Type::Error();
      }
      Type t = CommonArithmetic(IsIntLiteral(e.left()) && b->IsInteger() ? *b : *a,
                                IsIntLiteral(e.right()) && a->IsInteger() ? *a : *b);
      return e.binary_op == BinaryOp::TrueDiv && !t.IsFloating() ? Type::Of(TypeKind::Double) : t;
    }
    case Expr::Kind::Call: {
      const Expr& callee = e.callee();
      if (callee.kind == Expr::Kind::Name && LookupLocal(callee.name) < 0) {
        if (auto it = out_.function_index.find(callee.name); it != out_.function_index.end()) {
          if (FusedGroupNamed(callee.name) != nullptr) {
            return std::nullopt;  // the specialisation is picked when the call is checked
          }
          const Type& r = out_.functions[it->second].return_type;
          return r.IsNumeric() ? std::optional<Type>(r) : std::nullopt;
        }
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

auto Checker::CheckExpr(const Expr& e) -> Type {
  Type t = CheckExprInner(e);
  if (t.IsObject() && e.kind != Expr::Kind::Name) {
    MarkRaises();  // the C API can fail on any object operation
  }
  return Record(e, t);
}

// A literal that becomes a C string pointer (`strlen(b"ab")`, `s: cython.p_char
// = b"ab"`) is read from the module's constant bytes without touching a
// reference count and cannot fail: it needs no GIL, as Cython's C literal does not.
auto Checker::IsCStringLiteral(const Expr& e, const Type& to) -> bool {
  return e.kind == Expr::Kind::String && to.IsPointer() && to.IsCString();
}

auto Checker::CheckValueFor(const Expr& e, const Type& to) -> Type {
  if (IsCStringLiteral(e, to)) {
    return Record(e, Type::Object(e.is_bytes ? "bytes" : "str"));
  }
  if (to.IsUcs4() && IsUcs4Literal(e)) {
    return Record(e, Type::Object("str"));  // its code, a C constant (no object, no GIL)
  }
  if (e.kind == Expr::Kind::Tuple && to.IsCTuple()) {
    return CheckCTupleDisplay(e, to);
  }
  return CheckExpr(e);
}

// The declared type of an assignment's plain-name target, when it has one
// before the value is checked (a typed local or a module-level C variable).
auto Checker::DeclaredTypeOfName(const Expr& target) -> std::optional<Type> {
  if (target.kind != Expr::Kind::Name || InClassBody()) {
    return std::nullopt;
  }
  if (int idx = current_fn_ >= 0 ? LookupLocal(target.name) : -1; idx >= 0) {
    return out_.functions[current_fn_].locals[idx].type;
  }
  if (int g = LookupCGlobal(target.name); g >= 0) {
    return out_.c_globals[g].type;
  }
  return std::nullopt;
}

auto Checker::CheckName(const Expr& e) -> Type {
  for (auto scope = comprehension_scopes_.rbegin(); scope != comprehension_scopes_.rend(); ++scope) {
    if (scope->count(e.name) != 0) {
      out_.Write(e).resolution = Resolution{Resolution::Kind::ComprehensionVar, -1, e.name};
      return Type::Object();
    }
  }
  if (InClassBody() && class_scopes_.back().names.count(e.name) != 0 && LookupLocal(e.name) < 0 &&
      LookupCGlobal(e.name) >= 0) {
    // Python reads the class's namespace, then the module's globals, where a C variable is not.
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("reading `{}` in a class body that binds it, where `{}` is a module-level C variable", e.name,
                       e.name));
    return Type::Error();
  }
  if (auto t = ClassNameResolution(e)) {
    return *t;
  }
  if (int idx = LookupLocal(e.name); idx >= 0) {
    out_.Write(e).resolution = Resolution{Resolution::Kind::Local, idx, e.name};
    if (!inferring_) {
      ++local_reads_[current_fn_][idx];
    }
    const LocalVar& local = out_.functions[current_fn_].locals[idx];
    if (local.in_cell() && local.type.IsObject()) {
      MarkRaises();  // unbound when read: UnboundLocalError, or NameError in an inner function
    }
    if (inferring_ && local.type.IsError() && !local.is_param && declared_names_[current_fn_].count(e.name) == 0 &&
        poisoned_locals_.count(e.name) == 0) {
      read_untyped_local_ = true;
    }
    if (auto it = narrowed_.find(idx); it != narrowed_.end() && comprehension_scopes_.empty()) {
      return it->second;  // in the branch of `if isinstance(x, T):`
    }
    return local.type;
  }
  if (int g = LookupCGlobal(e.name); g >= 0) {
    // A C global: read without the GIL, like a C local (a memoryview: with it).
    out_.Write(e).resolution = Resolution{Resolution::Kind::CGlobal, g, e.name};
    if ((out_.c_globals[g].type.IsMemoryView() || out_.c_globals[g].type.IsObject()) && RequireGilForModuleView(e)) {
      return Type::Error();
    }
    return out_.c_globals[g].type;
  }
  if (int c = LookupEnumConstant(e.name); c >= 0) {
    // A compile-time C constant: no GIL, no code but its value.
    out_.Write(e).resolution = Resolution{Resolution::Kind::EnumConstant, c, e.name};
    return EnumConstantType(module_.enum_constants[static_cast<size_t>(c)]);
  }
  if (auto it = out_.function_index.find(e.name); it != out_.function_index.end()) {
    out_.Write(e).resolution = Resolution{Resolution::Kind::Function, it->second, e.name};
    const FunctionInfo& f = out_.functions[it->second];
    if (!f.python_visible()) {
      Report(Kind::UnsupportedExpression, e.range,
             fmt::format("using the C function `{}` as a value (only calls are supported)", e.name));
      return Type::Error();
    }
    RequireGil(GilOp::ReadGlobal, e.range, fmt::format("`{}`", e.name));
    MarkUsesModule();
    MarkRaises();  // NameError once deleted from the module
    return Type::Object("function");
  }
  if (module_names_.count(e.name) != 0) {
    out_.Write(e).resolution = Resolution{Resolution::Kind::Global, -1, e.name};
    const size_t diagnostics_before = sink_->diagnostics().size();
    RequireGil(GilOp::ReadGlobal, e.range, fmt::format("`{}`", e.name));
    HintAnnotatedGlobal(e.name, diagnostics_before);
    MarkUsesModule();
    MarkRaises();  // NameError once deleted from the module
    return Type::Object();
  }
  if (IsCTypeName(e.name)) {
    Report(Kind::InvalidTypeUse, e.range, fmt::format("the C type `{}` is not a value", e.name));
    return Type::Error();
  }
  if (checked::IsFrameBuiltin(e.name)) {
    RejectFrameBuiltinValue(e);  // check_frames.cpp
    return Type::Error();
  }
  if (e.name == "unicode") {
    // Cython 3 compiles `unicode` as the builtin `str` (plain Python 3 has no such name).
    out_.Write(e).resolution = Resolution{Resolution::Kind::Builtin, -1, "str"};
    RequireGil(GilOp::ReadGlobal, e.range, "`unicode`");
    MarkRaises();
    return Type::Object();
  }
  if (IsPythonBuiltin(e.name)) {
    // `__name__`, `__doc__`, `__file__` are the module's: globals read from its dict.
    const bool module_attribute = IsModuleAttribute(e.name);
    out_.Write(e).resolution =
        Resolution{module_attribute ? Resolution::Kind::Global : Resolution::Kind::Builtin, -1, e.name};
    RequireGil(GilOp::ReadGlobal, e.range, fmt::format("`{}`", e.name));
    if (module_attribute) {
      MarkUsesModule();
    }
    MarkRaises();  // NameError once deleted
    return Type::Object();
  }
  if (inferring_) {
    return Type::Error();
  }
  auto b = Report(Kind::UndefinedName, e.range, e.name);
  if (const std::string written = Text(e.range); written != e.name && written.rfind("__", 0) == 0) {
    // Mangled by the lowerer (syntax/mangle.h): say so, the source shows another name.
    b.AddNote(Kind::FixItHint, e.range,
              fmt::format("inside a class `{}` is the private name `{}`, as in Python (Cython 3 would fall back "
                          "to a global `{}` where Python raises NameError): define `{}` at module level",
                          written, e.name, written, e.name));
  }
  if (e.name == "nogil" || e.name == "gil" || e.name == "cfunc" || e.name == "prange") {
    std::string from = e.name == "prange" ? "cython.parallel" : "cython";
    b.AddNote(Kind::FixItHint, e.range, fmt::format("import it: `from {} import {}`", from, e.name));
    b.AddFixIt({0, 0}, fmt::format("from {} import {}\n", from, e.name));
  }
  return Type::Error();
}

auto Checker::CheckExprInner(const Expr& e) -> Type {
  using K = Expr::Kind;
  switch (e.kind) {
    case K::Name:
      return CheckName(e);
    case K::DialectRef:
      if (e.dialect == syntax::DialectName::LibcMath && syntax::LibcMathConstant(e.dialect_path.substr(10)) != nullptr) {
        out_.Write(e).resolution = Resolution{Resolution::Kind::LibcMath, -1, e.dialect_path.substr(10)};
        return Type::Of(TypeKind::Double);
      }
      if (e.dialect == syntax::DialectName::CythonNull) {
        return Type::Null();
      }
      if (IsPythonVersionMacro(e.dialect_path)) {
        // A macro of the Python headers the module is compiled with (Cython's cpython/version.pxd: int).
        out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, e.dialect_path};
        return Type::Of(TypeKind::Int);
      }
      if (e.dialect_path == "libc.stdio.stdin" || e.dialect_path == "libc.stdio.stdout" ||
          e.dialect_path == "libc.stdio.stderr") {
        // The C streams (Cython's stdio.pxd: `FILE *stdout`), read without the GIL.
        out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, e.dialect_path};
        return Type::PointerTo(OpaqueStruct("FILE"));
      }
      if (std::string flag = PyBufferFlag(e.dialect_path); !flag.empty()) {
        // A PyBUF_* macro of Python.h (Cython's cpython/buffer.pxd: an anonymous enum, so int).
        out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "cpython.buffer." + flag};
        return Type::Of(TypeKind::Int);
      }
      if (e.dialect_path == "libcpp.string.npos") {
        // std::string::npos, what `find` returns when it finds nothing.
        out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "string.npos"};
        return Type::Of(TypeKind::SizeT);
      }
      if (IsArrayTypeRef(e)) {
        return CheckArrayTypeValue(e);
      }
      if (std::string cls = ForeignCClassNamed(e); !cls.empty()) {
        // A cimported extension type as a value: its type object.
        if (RequireGil(GilOp::PassObject, e.range, fmt::format("(the type `{}`)", cls))) {
          return Type::Error();
        }
        out_.Write(e).resolution = Resolution{Resolution::Kind::ForeignCClass, -1, cls};
        return Type::Object();
      }
      if (int foreign = ResolveCimported(e); foreign != -1) {
        if (foreign >= 0) {
          Report(Kind::UnsupportedExpression, e.range,
                 fmt::format("the cimported C function `{}` as a value (call it)", e.dialect_path));
        }
        return Type::Error();
      }
      if (auto t = TypeFromExpr(e)) {
        Report(Kind::InvalidTypeUse, e.range, fmt::format("the type `{}` is not a value", e.dialect_path));
        return Type::Error();
      }
      Report(Kind::InvalidTypeUse, e.range, fmt::format("`{}` is not a value", e.dialect_path));
      return Type::Error();
    case K::Int:
      return TypeOfIntLiteral(e);
    case K::Float:
      return Type::Of(TypeKind::Double);
    case K::Bool:
      return Type::Of(TypeKind::Bint);
    case K::None:
      if (RequireGil(GilOp::PassObject, e.range, "(`None`)")) {
        return Type::Error();
      }
      return Type::Object("None");
    case K::String:
      if (RequireGil(GilOp::CreateString, e.range)) {
        return Type::Error();
      }
      return Type::Object(e.is_bytes ? "bytes" : "str");
    case K::FString: {
      if (RequireGil(GilOp::FormatString, e.range)) {
        return Type::Error();
      }
      for (const auto& p : e.parts) {
        Type t = CheckExpr(*p);
        if (t.IsMemoryView()) {
          Report(Kind::UnsupportedExpression, p->range, std::string("formatting a memoryview"));
        } else if (t.IsPointer() || t.IsArray() || t.IsStruct() || t.IsCppClass()) {
          CheckConvertible(*p, t, Type::Object());  // formatted as its Python value (list, dict, bytes)
        }
      }
      return Type::Object("str");
    }
    case K::Binary:
      return CheckBinary(e);
    case K::Unary:
      return CheckUnary(e);
    case K::BoolOp:
      return CheckBoolOp(e);
    case K::Compare:
      return CheckCompare(e);
    case K::Conditional: {
      CheckCondition(e.condition());
      Type a = CheckExpr(e.then_value());
      Type b = CheckExpr(e.else_value());
      if (a.IsError() || b.IsError()) {
        return Type::Error();
      }
      if (IsIntLiteral(e.then_value()) && b.IsNumeric()) {
        return b;
      }
      if (IsIntLiteral(e.else_value()) && a.IsNumeric()) {
        return a;
      }
      if (a.IsNumeric() && b.IsNumeric()) {
        return CommonArithmetic(a, b);
      }
      if (a == b && a.IsMemoryView()) {
        return a;
      }
      if (a.IsMemoryView() || b.IsMemoryView()) {
        Report(Kind::TypeMismatch, e.range, Describe(a), Describe(b));
        return Type::Error();
      }
      if (RequireGil(GilOp::ConvertToObject, e.range)) {
        return Type::Error();
      }
      return Type::Object();
    }
    case K::Call:
      return CheckCall(e);
    case K::Attribute:
      return CheckAttribute(e);
    case K::Subscript:
      return CheckSubscript(e);
    case K::Slice:
      Report(Kind::UnsupportedExpression, e.range, std::string("a slice outside `[]`"));
      return Type::Error();
    case K::Tuple:
    case K::List:
    case K::Set:
    case K::Dict:
      return CheckDisplay(e);
    case K::Lambda:
      return CheckLambda(e);
    case K::Comprehension:
      if (e.function) {
        return CheckGeneratorExpression(e);
      }
      if (RequireGil(GilOp::CreateComprehension, e.range)) {
        return Type::Error();
      }
      return CheckComprehension(e);
    case K::Await:
      if (RequireGil(GilOp::Await, e.range)) {
        return Type::Error();
      }
      Report(Kind::CoroutineSyntax, e.range, std::string("`await`"));
      return Type::Error();
    case K::Yield: {
      const FunctionInfo* fn = CurrentFunction();
      if (fn == nullptr) {
        Report(Kind::MisplacedStatement, e.range, "yield", "a function");
        return Type::Error();
      }
      if (fn->kind != FunctionKind::Def) {
        if (e.yield_value() != nullptr) {
          CheckExpr(*e.yield_value());  // its names are used: no PX401 after the PX116
        }
        return Type::Error();  // the declaration was reported (PX116)
      }
      if (RequireGil(GilOp::Await, e.range)) {
        return Type::Error();
      }
      if (const Expr* v = e.yield_value()) {
        Type t = CheckExpr(*v);
        if (!t.IsError()) {
          CheckConvertible(*v, t, Type::Object());
        }
      }
      MarkRaises();  // throw() raises at the `yield`
      return Type::Object();
    }
    case K::Starred:
      // Calls, displays and assignment targets check their `*x` themselves (CheckUnpacked).
      Report(Kind::SyntaxError, e.range, ": can't use starred expression here");
      return Type::Error();
    case K::NamedExpr:
      return CheckWalrus(e);
    case K::Ellipsis:
      Report(Kind::UnsupportedExpression, e.range, std::string("`...` as a value"));
      return Type::Error();
  }
  return Type::Error();
}

namespace {

auto BinaryOpText(BinaryOp op) -> const char* {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::TrueDiv: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "**";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::MatMul: return "@";
  }
  return "?";
}

}  // namespace

// The C result type of `a op b`, or Error when the operator does not apply.
namespace {

auto BinaryResultType(BinaryOp op, const Type& a, const Type& b, bool a_literal, bool b_literal) -> Type {
  Type la = a_literal && b.IsInteger() ? b : a;
  Type lb = b_literal && a.IsInteger() ? a : b;
  Type common = CommonArithmetic(la, lb);
  switch (op) {
    case BinaryOp::TrueDiv:
      return common.IsFloating() ? common : Type::Of(TypeKind::Double);
    case BinaryOp::LShift:
    case BinaryOp::RShift:
    case BinaryOp::BitAnd:
    case BinaryOp::BitOr:
    case BinaryOp::BitXor:
      if (!la.IsInteger() || !lb.IsInteger()) {
        return Type::Error();
      }
      if (op == BinaryOp::LShift || op == BinaryOp::RShift) {
        return Promote(la);
      }
      return common;
    case BinaryOp::MatMul:
      return Type::Error();
    default:
      return common;
  }
}

}  // namespace

auto Checker::CheckBinary(const Expr& e) -> Type {
  // A bytes literal next to a C++ string is its C string (`s + b"x"`, as Cython).
  const auto literal = [](const Expr& x) { return x.kind == Expr::Kind::String; };
  Type a;
  Type b;
  if (literal(e.left()) && !literal(e.right())) {
    b = CheckExpr(e.right());
    a = b.IsCppString() ? CheckCppStringOperand(e.left(), false) : CheckExpr(e.left());
  } else {
    a = CheckExpr(e.left());
    b = a.IsCppString() && literal(e.right()) ? CheckCppStringOperand(e.right(), false) : CheckExpr(e.right());
  }
  if (a.IsError() || b.IsError()) {
    return Type::Error();
  }
  if (a.IsCppString() || b.IsCppString()) {
    return CheckCppStringConcat(e, a, b, BinaryOpText(e.binary_op));  // check_cpp_string.cpp
  }
  if (a.IsPointer() || a.IsArray() || b.IsPointer() || b.IsArray()) {
    return CheckPointerArithmetic(e, a, b);
  }
  // A Py_UCS4 operand is the one-character str it converts to, as in Cython:
  // `c + 1` is Python's TypeError, `c * 3` a str of three.
  if (a.IsObject() || b.IsObject() || a.IsUcs4() || b.IsUcs4()) {
    if (RequireGil(GilOp::Arithmetic, e.range, fmt::format("(`{}`)", BinaryOpText(e.binary_op)), &e)) {
      return Type::Error();
    }
    if (a.IsMemoryView() || b.IsMemoryView()) {
      Report(Kind::InvalidOperands, e.range, BinaryOpText(e.binary_op), "a memoryview");
      return Type::Error();
    }
    return Type::Object();
  }
  if (!a.enum_name.empty() || !b.enum_name.empty()) {
    return RejectEnumArithmetic(e.range, !a.enum_name.empty() ? a : b,
                                fmt::format("the operator `{}`", BinaryOpText(e.binary_op)));
  }
  if (a.IsComplex() || b.IsComplex()) {
    // C complex arithmetic (+ - * / **) with Python's semantics; // % and the
    // bitwise operators are TypeErrors in Python and compile errors in Cython.
    const BinaryOp op = e.binary_op;
    const bool operands = (a.IsComplex() || a.IsNumeric()) && (b.IsComplex() || b.IsNumeric());
    if (!operands || (op != BinaryOp::Add && op != BinaryOp::Sub && op != BinaryOp::Mul && op != BinaryOp::TrueDiv &&
                      op != BinaryOp::Pow)) {
      Report(Kind::InvalidOperands, e.range, BinaryOpText(op), fmt::format("{} and {}", Describe(a), Describe(b)));
      return Type::Error();
    }
    if (op == BinaryOp::Pow || (op == BinaryOp::TrueDiv && !Cdivision())) {
      MarkRaises();  // ZeroDivisionError, OverflowError
    }
    return CommonComplex(a, b);
  }
  if (!a.IsNumeric() || !b.IsNumeric()) {
    Report(Kind::InvalidOperands, e.range, BinaryOpText(e.binary_op),
           fmt::format("{} and {}", Describe(a), Describe(b)));
    return Type::Error();
  }
  Type t = BinaryResultType(e.binary_op, a, b, IsIntLiteral(e.left()), IsIntLiteral(e.right()));
  if (t.IsError()) {
    Report(Kind::InvalidOperands, e.range, BinaryOpText(e.binary_op),
           fmt::format("{} and {}", Describe(a), Describe(b)));
    return Type::Error();
  }
  // A literal operand is a C value of the operation's type (a shift count keeps its own).
  if (t.IsInteger() && !CheckLiteralFits(*e.operands[0], t)) {
    return Type::Error();
  }
  if (t.IsInteger() && e.binary_op != BinaryOp::LShift && e.binary_op != BinaryOp::RShift &&
      !CheckLiteralFits(*e.operands[1], t)) {
    return Type::Error();
  }
  bool cdivision = Cdivision();
  switch (e.binary_op) {
    case BinaryOp::TrueDiv:
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod:
      if (!cdivision || t.IsFloating() || e.binary_op == BinaryOp::TrueDiv) {
        MarkRaises();  // ZeroDivisionError
      }
      break;
    case BinaryOp::Pow:
      if (t.IsInteger()) {
        MarkRaises();  // negative exponent
      }
      break;
    case BinaryOp::LShift:
    case BinaryOp::RShift:
      MarkRaises();  // negative shift count
      break;
    default:
      break;
  }
  return t;
}

auto Checker::CheckUnary(const Expr& e) -> Type {
  if (e.unary_op == UnaryOp::Not) {
    CheckCondition(e.operand());
    return Type::Of(TypeKind::Bint);
  }
  Type a = CheckExpr(e.operand());
  if (a.IsError()) {
    return Type::Error();
  }
  if (a.IsObject()) {
    if (RequireGil(GilOp::Arithmetic, e.range, {}, &e)) {
      return Type::Error();
    }
    return Type::Object();
  }
  if (!a.enum_name.empty()) {
    return RejectEnumArithmetic(e.range, a,
                                fmt::format("the operator `{}`", e.unary_op == UnaryOp::Neg   ? "-"
                                                                 : e.unary_op == UnaryOp::Pos ? "+"
                                                                                              : "~"));
  }
  if (a.IsComplex() && e.unary_op != UnaryOp::Invert) {
    return a;
  }
  if (!a.IsNumeric() || (e.unary_op == UnaryOp::Invert && !a.IsInteger())) {
    Report(Kind::InvalidOperands, e.range, e.unary_op == UnaryOp::Invert ? "~" : e.unary_op == UnaryOp::Neg ? "-" : "+",
           Describe(a));
    return Type::Error();
  }
  if (e.unary_op == UnaryOp::Neg && e.operands[0]->kind == Expr::Kind::Int && a.kind == TypeKind::ULongLong) {
    // -N for a literal N beyond long: LONG_MIN is still a long; anything below
    // is an exact Python int (negating the unsigned C value would wrap).
    auto v = IntLiteralValue(e);
    if (v && LiteralFits(*v, Type::Of(TypeKind::Long))) {
      return Type::Of(TypeKind::Long);
    }
    if (RequireGil(GilOp::Arithmetic, e.range, {}, &e)) {
      return Type::Error();
    }
    return Type::Object("int");
  }
  return a.IsInteger() ? Promote(a) : a;
}

auto Checker::CheckBoolOp(const Expr& e) -> Type {
  // `a and b` yields one of its operands, as in Python; on C values both must be numbers.
  std::vector<Type> types;
  bool any_object = false;
  bool any_test = false;
  if (!(e.bool_op == syntax::BoolOp::And ? CheckConjuncts(e, types, any_object, any_test)
                                         : CheckOperands(e, types, any_object))) {
    return Type::Error();
  }
  if (any_test && !std::all_of(types.begin(), types.end(), [](const Type& t) { return t.kind == TypeKind::Bint; })) {
    // `isinstance(x, T) and x.n` is Python's `False` or the value: an object, as the test was one.
    any_object = true;
  }
  if (any_object) {
    if (RequireGil(GilOp::TruthTest, e.range)) {
      return Type::Error();
    }
    return Type::Object();
  }
  Type result = types[0];
  for (size_t i = 0; i < types.size(); ++i) {
    if (!types[i].IsNumeric()) {
      Report(Kind::InvalidOperands, e.values()[i]->range, e.bool_op == syntax::BoolOp::And ? "and" : "or",
             Describe(types[i]));
      return Type::Error();
    }
    if (i > 0) {
      bool lit_prev = IsIntLiteral(*e.values()[i - 1]);
      bool lit_this = IsIntLiteral(*e.values()[i]);
      result = lit_this && result.IsInteger() ? result
               : lit_prev && types[i].IsInteger() && i == 1 ? types[i]
               : (result.kind == TypeKind::Bint && types[i].kind == TypeKind::Bint) ? result
                                                                                     : CommonArithmetic(result, types[i]);
    }
  }
  return result;
}

// The operands of `a and b and ...`: after `isinstance(x, T)` (T an extension
// type), the operands that follow see `x` as a T, since they run only when
// the test passed (unless one of them binds `x` with `:=`).
auto Checker::CheckConjuncts(const Expr& e, std::vector<Type>& types, bool& any_object, bool& any_test) -> bool {
  std::vector<std::pair<int, std::optional<Type>>> restore;  // what each narrowed local was
  bool any_error = false;
  const auto& ops = e.values();
  for (size_t i = 0; i < ops.size(); ++i) {
    std::optional<std::pair<int, Type>> narrowed = IsinstanceNarrowing(*ops[i], nullptr, nullptr);
    for (size_t j = i + 1; narrowed && j < ops.size(); ++j) {
      if (BindsByWalrus(*ops[j], ops[i]->args[0]->name)) {
        narrowed.reset();
      }
    }
    Type t = Type::Of(TypeKind::Bint);
    if (narrowed) {
      CheckIsinstanceTest(*ops[i], narrowed->second);
      Narrow(*narrowed, restore);
      any_test = true;
    } else {
      t = CheckExpr(*ops[i]);
    }
    any_error |= t.IsError();
    any_object |= t.IsObject();
    types.push_back(t);
  }
  RestoreNarrowed(restore);
  return !any_error;
}

// `y := v`: stores as `y = v` does, and its value is `y`'s after the store.
// Python's own rules for where it may stand are SyntaxErrors (PX002).
auto Checker::CheckWalrus(const Expr& e) -> Type {
  const Expr& target = e.walrus_target();
  for (const auto& scope : comprehension_scopes_) {
    if (scope.count(target.name) != 0) {
      Report(Kind::SyntaxError, target.range,
             fmt::format(": assignment expression cannot rebind comprehension iteration variable `{}`", target.name));
      return Type::Error();
    }
  }
  if (!class_scopes_.empty() && class_scopes_.back().fn == current_fn_ &&
      comprehension_scopes_.size() > class_scopes_.back().comprehension_depth) {
    Report(Kind::SyntaxError, e.range, ": assignment expression within a comprehension cannot be used in a class body");
    return Type::Error();
  }
  if (current_fn_ >= 0 && out_.functions[current_fn_].syntax->genexpr) {
    // Python binds it in the function around the generator expression, which would
    // have to keep it in a cell the generator shares.
    Report(Kind::UnsupportedExpression, e.range, std::string("an assignment expression (`:=`) in a generator expression"));
    return Type::Error();
  }
  Type v = CheckValueFor(e.walrus_value(), DeclaredTypeOfName(target).value_or(Type::Error()));
  CheckAssignTarget(target, v, &e.walrus_value(), e.range);
  if (const Resolution& r = out_.Resolve(target); r.kind == Resolution::Kind::Local) {
    out_.functions[current_fn_].locals[r.index].stored_in_expression = true;
  }
  if (v.IsError()) {
    return Type::Error();
  }
  return TypeOf(target);
}

auto Checker::BindsByWalrus(const Expr& e, const std::string& name) -> bool {
  bool binds = false;
  syntax::ForEachExprIn(e, [&](const Expr& sub) {
    if (sub.kind == Expr::Kind::NamedExpr) {
      syntax::ForEachBoundName(sub.walrus_target(), [&](const Expr& n) { binds |= n.name == name; });
    }
  });
  return binds;
}

auto Checker::CheckOperands(const Expr& e, std::vector<Type>& types, bool& any_object) -> bool {
  bool any_error = false;
  for (const auto& op : e.values()) {
    Type t = CheckExpr(*op);
    any_error |= t.IsError();
    any_object |= t.IsObject();
    types.push_back(t);
  }
  return !any_error;
}

namespace {

auto IsOneByteBytes(const Expr& e) -> bool {
  return e.kind == Expr::Kind::String && e.is_bytes && e.text.size() == 1;
}

auto IsCChar(const Type& t) -> bool {
  return t.kind == TypeKind::Char || t.kind == TypeKind::SChar || t.kind == TypeKind::UChar;
}

}  // namespace

// `x in (1, 2, 3)` (or a list or set display) with C numbers everywhere is C
// `x == 1 || x == 2 || ...`, as Cython compiles it, so it needs no GIL. Every
// element is still evaluated, in order, before the comparisons (as Python
// builds the tuple first).
auto Checker::IsMembershipDisplay(const Expr& e) -> bool {
  using syntax::CompareOp;
  if (e.compare_ops.size() != 1 || (e.compare_ops[0] != CompareOp::In && e.compare_ops[0] != CompareOp::NotIn)) {
    return false;
  }
  const Expr& display = *e.values()[1];
  if ((display.kind != Expr::Kind::Tuple && display.kind != Expr::Kind::List && display.kind != Expr::Kind::Set) ||
      display.args.empty()) {
    return false;
  }
  // Starred items stay Python; so do bytes/str literals (a C char against b'a' is PX402's business).
  return std::none_of(display.args.begin(), display.args.end(), [](const auto& element) {
    return element->kind == Expr::Kind::Starred || element->kind == Expr::Kind::String;
  });
}

// The display of a membership test, its elements checked one by one: C
// membership when the left operand and every element are C numbers, else the
// display is built as a Python object, checked as CheckDisplay would.
auto Checker::CheckMembershipDisplay(const Expr& e, const Type& left) -> Type {
  const Expr& display = *e.values()[1];
  std::vector<Type> elements;
  bool all_numeric = left.IsNumeric();
  for (const auto& element : display.args) {
    elements.push_back(CheckExpr(*element));
    if (elements.back().IsError()) {
      return Record(display, Type::Error());
    }
    all_numeric &= elements.back().IsNumeric();
  }
  if (all_numeric) {
    out_.Write(e).c_membership = true;
    return Record(display, left);
  }
  GilOp op = display.kind == Expr::Kind::List ? GilOp::CreateList
             : display.kind == Expr::Kind::Set ? GilOp::CreateSet
                                               : GilOp::CreateTuple;
  if (RequireGil(op, display.range)) {
    return Record(display, Type::Error());
  }
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].IsMemoryView()) {
      Report(Kind::UnsupportedExpression, display.args[i]->range, std::string("a memoryview inside a Python container"));
      return Record(display, Type::Error());
    }
  }
  MarkRaises();
  return Record(display, Type::Object(display.kind == Expr::Kind::List  ? "list"
                                      : display.kind == Expr::Kind::Set ? "set"
                                                                        : "tuple"));
}

auto Checker::CheckCompare(const Expr& e) -> Type {
  if (std::optional<Type> found = CheckCppFoundCompare(e)) {
    return *found;  // `m.find(k) != m.end()` (check_cpp_map.cpp)
  }
  bool any_object = false;
  std::vector<Type> types(e.operands.size());
  // A one-byte bytes literal next to a C char is that character's code, as in
  // Cython (PX402 says plain Python differs): checked after its neighbours.
  bool any_error = false;
  bool membership = IsMembershipDisplay(e);
  std::vector<bool> checked(e.operands.size(), false);
  std::vector<bool> deferred_str(e.operands.size(), false);
  if (e.compare_ops.size() == 1 &&
      (e.compare_ops[0] == syntax::CompareOp::Is || e.compare_ops[0] == syntax::CompareOp::IsNot)) {
    // `v is None` of a typed view touches no Python object: None is not checked as a value.
    for (size_t i = 0; i < 2; ++i) {
      if (e.operands[1 - i]->kind == Expr::Kind::None && e.operands[i]->kind != Expr::Kind::None) {
        types[i] = CheckExpr(*e.operands[i]);
        checked[i] = true;
        if (types[i].IsMemoryView()) {
          Record(*e.operands[1 - i], Type::Object());
          return Type::Of(TypeKind::Bint);
        }
        any_error |= types[i].IsError();
      }
    }
  }
  for (size_t i = 0; i < e.operands.size(); ++i) {
    if (checked[i]) {
      continue;
    }
    if (i == 1 && membership) {
      types[i] = CheckMembershipDisplay(e, types[0]);
      any_error |= types[i].IsError();
    } else if (e.operands[i]->kind == Expr::Kind::String && !e.operands[i]->is_bytes) {
      deferred_str[i] = true;  // a Py_UCS4 constant next to one (check_ucs4.cpp), else an object
    } else if (!IsOneByteBytes(*e.operands[i])) {
      types[i] = CheckExpr(*e.operands[i]);
      any_error |= types[i].IsError();
    }
  }
  CheckUcs4CompareLiterals(e, types, deferred_str);
  for (size_t i = 0; i < e.operands.size(); ++i) {
    any_error |= deferred_str[i] && types[i].IsError();
  }
  for (size_t i = 0; i < e.operands.size(); ++i) {
    if (!IsOneByteBytes(*e.operands[i])) {
      continue;
    }
    auto char_neighbour = [&](size_t j, size_t op) -> bool {
      using syntax::CompareOp;
      // The last operand has no operator after it: check j before reading compare_ops[op].
      if (j >= e.operands.size() || !IsCChar(types[j])) {
        return false;
      }
      CompareOp c = e.compare_ops[op];
      return c != CompareOp::In && c != CompareOp::NotIn && c != CompareOp::Is && c != CompareOp::IsNot;
    };
    size_t op = 0;
    size_t neighbour = 0;
    if (i > 0 && char_neighbour(i - 1, i - 1)) {
      op = i - 1;
      neighbour = i - 1;
    } else if (char_neighbour(i + 1, i)) {
      op = i;
      neighbour = i + 1;
    } else {
      types[i] = CheckExpr(*e.operands[i]);
      any_error |= types[i].IsError();
      continue;
    }
    types[i] = Record(*e.operands[i], types[neighbour]);
    syntax::CompareOp c = e.compare_ops[op];
    const char* python = c == syntax::CompareOp::Eq ? "False" : c == syntax::CompareOp::Ne ? "True" : "a TypeError";
    std::string literal = Text(e.operands[i]->range);
    auto b = Report(Kind::CharComparedWithBytes, e.operands[i]->range, literal, python);
    b.AddNote(Kind::FixItHint, e.operands[i]->range,
              fmt::format("compare with the character code in both: `ord({})`", literal));
    b.AddFixIt(e.operands[i]->range, fmt::format("ord({})", literal));
  }
  if (any_error) {
    return Type::Error();
  }
  for (const Type& t : types) {
    if (t.IsCppString()) {
      return CheckCppStringCompare(e, types);  // check_cpp_string.cpp
    }
  }
  for (const Type& t : types) {
    if (t.IsPointer() || t.IsArray()) {
      return CheckPointerCompare(e, types);
    }
  }
  if (membership && out_.Write(e).c_membership) {
    return Type::Of(TypeKind::Bint);
  }
  if (RejectUcs4Compare(e, types)) {
    return Type::Error();
  }
  if (IsUcs4InLiteral(e, types)) {
    return Type::Of(TypeKind::Bint);  // `c in "aeiou"`: a C test (check_ucs4.cpp)
  }
  for (const Type& t : types) {
    any_object |= t.IsObject();
  }
  for (auto op : e.compare_ops) {
    if (op == syntax::CompareOp::In || op == syntax::CompareOp::NotIn || op == syntax::CompareOp::Is ||
        op == syntax::CompareOp::IsNot) {
      any_object = true;  // containment and identity are Python-object operations here
    }
  }
  if (any_object) {
    // Cython 3 misses `obj == 1` in nogil code (its optimised comparison helpers); pyxx does not.
    if (RequireGil(GilOp::Compare, e.range, {}, &e)) {
      return Type::Error();
    }
    for (size_t i = 0; i < types.size(); ++i) {
      if (types[i].IsMemoryView()) {
        Report(Kind::InvalidOperands, e.values()[i]->range, "comparison", "a memoryview");
        return Type::Error();
      }
    }
    return Type::Object("bool");
  }
  for (size_t i = 0; i < types.size(); ++i) {
    if (types[i].IsComplex()) {
      // Complex numbers have no order (Python: TypeError; Cython: a compile error).
      for (size_t k = i == 0 ? 0 : i - 1; k < std::min(i + 1, e.compare_ops.size()); ++k) {
        syntax::CompareOp op = e.compare_ops[k];
        if (op != syntax::CompareOp::Eq && op != syntax::CompareOp::Ne) {
          const char* text = op == syntax::CompareOp::Lt   ? "<"
                             : op == syntax::CompareOp::Le ? "<="
                             : op == syntax::CompareOp::Gt ? ">"
                             : op == syntax::CompareOp::Ge ? ">="
                                                           : "comparison";
          Report(Kind::InvalidOperands, e.range, text, fmt::format("{} (complex numbers have no order)", Describe(types[i])));
          return Type::Error();
        }
      }
      continue;
    }
    if (!types[i].IsNumeric() && !types[i].IsUcs4()) {
      Report(Kind::InvalidOperands, e.values()[i]->range, "comparison", Describe(types[i]));
      return Type::Error();
    }
  }
  return Type::Of(TypeKind::Bint);
}

void Checker::CheckCondition(const Expr& e) {
  Type t = CheckExpr(e);
  if (t.IsObject()) {
    if (!RequireGil(GilOp::TruthTest, e.range, {}, &e)) {
      MarkRaises();
    }
  } else if (t.IsMemoryView() || t.IsArray() || t.IsStruct() || t.IsCppClass() || t.IsUcs4()) {
    // Py_UCS4: Cython tests the code (`not c`) or the str (`bool(c)`), never both alike.
    Report(Kind::InvalidOperands, e.range, "truth test", Describe(t));
  } else if (t.IsVoid()) {
    Report(Kind::TypeMismatch, e.range, Describe(t), "a condition");
  }
}

auto Checker::CheckAttribute(const Expr& e) -> Type {
  const Expr& base = e.object();
  if (RejectFrameBuiltinThroughModule(e)) {  // check_frames.cpp
    return Type::Error();
  }
  // `math.pi` and friends in Numba bodies are C constants.
  if (InNumba() && base.kind == Expr::Kind::Name && base.name == "math" && LookupLocal("math") < 0 &&
      module_names_.count("math") != 0 &&
      (e.name == "pi" || e.name == "e" || e.name == "inf" || e.name == "nan" || e.name == "tau")) {
    out_.Write(e).resolution = Resolution{Resolution::Kind::LibcMath, -1, e.name};
    return Type::Of(TypeKind::Double);
  }
  if (int method = PeekStaticCMethod(e); method >= 0) {
    return RejectStaticCMethodValue(e, out_.functions[static_cast<size_t>(method)].static_of);
  }
  if (auto member = CheckEnumMember(e)) {
    return *member;  // check_enums.cpp
  }
  if (int method = PeekUnboundCMethod(e);
      method >= 0 && out_.functions[static_cast<size_t>(method)].kind == FunctionKind::CFunc) {
    // `Cls.m` of a cfunc method: no attribute of the type (Cython has no Python object for it either).
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("the `@cython.cfunc` method `{}` of `{}` used as a value (only calls reach it)", e.name,
                       base.name));
    return Type::Error();
  }
  const Expr* outer_data = array_data_base_;
  array_data_base_ = base.kind == Expr::Kind::Attribute && base.name == "data" ? &base : nullptr;
  // `s[a:b].decode(...)` of a C++ string: the one place its slice is allowed (check_cpp_string.cpp).
  const Expr* outer_slice = cpp_string_decode_slice_;
  cpp_string_decode_slice_ = e.name == "decode" && base.kind == Expr::Kind::Subscript ? &base : nullptr;
  Type t = CheckExpr(base);
  cpp_string_decode_slice_ = outer_slice;
  array_data_base_ = outer_data;
  if (t.IsError()) {
    return Type::Error();
  }
  if (std::optional<Type> data = CheckArrayData(e)) {
    return *data;  // `a.data.as_ints` of an array.array (check_cpython_array.cpp)
  }
  if (IsArrayArray(t) && e.name == "data") {
    if (&e == array_data_base_) {
      return Type::Object();  // the `.data` of `a.data.as_ints`: the outer attribute decides
    }
    Report(Kind::UnsupportedExpression, e.range,
           std::string("`.data` of an `array.array` alone (read one of its members: `.data.as_ints`, ...)"));
    return Type::Error();
  }
  if (IsArrayArray(t) && (e.name == "ob_descr" || e.name == "ob_size" || e.name == "allocated")) {
    // Fields of CPython's private arrayobject struct that Cython's pxd declares.
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("the field `.{}` of an `array.array` (CPython's array struct is private)", e.name));
    return Type::Error();
  }
  if (int method = t.IsExtension() ? out_.FindStaticMethod(t.extension, e.name) : -1; method >= 0) {
    return RejectStaticCMethodValue(e, out_.functions[static_cast<size_t>(method)].static_of);
  }
  if (t.IsCTuple()) {
    Report(Kind::InvalidTypeUse, e.range, fmt::format("{} has no attribute `{}`: index it (`t[0]`)", Describe(t), e.name));
    return Type::Error();
  }
  if (t.IsCppPair()) {
    return CheckCppPairField(e, t);  // `p.first`, `p.second` (check_cpp_pair.cpp)
  }
  if (t.IsStruct() || (t.IsPointer() && t.target != nullptr && t.target->IsStruct())) {
    return CheckStructField(e, t);  // `s.x`, and `p.x` through a pointer to a struct, as Cython
  }
  if (t.IsMemoryView()) {
    if (Nonecheck()) {
      MarkRaises();  // AttributeError for a None view
    }
    if (&e == indexed_geometry_) {
      return Type::Error();  // `.shape[k]`: CheckSubscript types it (a C value)
    }
    if (e.name == "shape" || e.name == "strides" || e.name == "suboffsets") {
      // The whole array as a Python tuple (`.shape[k]` alone stays C: CheckSubscript).
      if (RequireGil(GilOp::ViewObject, e.range, fmt::format("(`.{}` as a tuple)", e.name))) {
        return Type::Error();
      }
      MarkRaises();
      return Type::Object("tuple");
    }
    if (e.name == "ndim") {
      return Type::Of(TypeKind::Int);
    }
    if (e.name == "T") {
      // The dimensions reversed: C-contiguous becomes Fortran-contiguous (no GIL needed).
      Type transposed = t;
      if (t.contiguous_dim >= 0) {
        transposed.contiguous_dim = t.ndim - 1 - t.contiguous_dim;
      }
      return transposed;
    }
    if (e.name == "size" || e.name == "itemsize" || e.name == "nbytes") {
      return Type::Of(TypeKind::SSizeT);
    }
    Report(Kind::UnsupportedExpression, e.range, fmt::format("memoryview attribute `.{}`", e.name));
    return Type::Error();
  }
  if (t.IsComplex() && (e.name == "real" || e.name == "imag")) {
    out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, e.name};
    return ComplexPart(t);
  }
  if (t.IsNumeric() && (e.name == "real" || e.name == "imag" ||
                         (t.IsInteger() && (e.name == "numerator" || e.name == "denominator")))) {
    // The parts of a C number are C numbers: `x.real` is `x`, `x.imag` is 0, as in Python.
    out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, e.name};
    return t.IsInteger() ? Promote(t) : t;
  }
  if (t.IsCppString() && e.name != "decode") {
    Report(Kind::UnsupportedExpression, e.range, fmt::format("`.{}` of a C++ `string` that is not a variable", e.name));
    return Type::Error();
  }
  if (t.IsCString() || t.IsCppString()) {
    // `p.decode("utf-8")`: Cython makes `bytes` of the C string first.
    if (!CheckConvertible(e.object(), t, Type::Object())) {
      return Type::Error();
    }
    t = Type::Object("bytes");
  }
  if (t.IsUcs4()) {
    // `c.isdigit()`, `c.upper()`: a method of the one-character str, as Cython's.
    if (!CheckConvertible(e.object(), t, Type::Object())) {
      return Type::Error();
    }
    t = Type::Object("str");
  }
  if (t.IsNumeric() && t.enum_name.empty() && e.name.starts_with("__")) {
    // `i.__class__`, `x.__repr__()`: an attribute of the Python number the C value
    // converts to, as Cython reads it (the value is the same, so is the attribute).
    // Other names stay errors here: a C number's own are handled above.
    if (!CheckConvertible(e.object(), t, Type::Object())) {
      return Type::Error();
    }
    t = Type::Object(t.kind == TypeKind::Bint ? "bool" : t.IsFloating() ? "float" : "int");
  }
  if (!t.IsObject()) {
    Report(Kind::InvalidOperands, e.range, ".", Describe(t));
    return Type::Error();
  }
  if (t.IsExtension()) {
    if (std::optional<Type> field = CheckCClassAttribute(e, t)) {
      return *field;
    }
  }
  if (RequireGil(GilOp::Attribute, e.range, fmt::format("(`.{}`)", e.name))) {
    return Type::Error();
  }
  return Type::Object();
}

auto Checker::CheckSubscript(const Expr& e) -> Type {
  const Expr& base = e.object();
  // mv.shape[k], mv.strides[k], mv.suboffsets[k]: C values, as Python's tuples index
  if (base.kind == Expr::Kind::Attribute &&
      (base.name == "shape" || base.name == "strides" || base.name == "suboffsets")) {
    indexed_geometry_ = &base;
    Type bt = CheckExpr(base);
    indexed_geometry_ = nullptr;
    const Type owner = TypeOf(base.object());
    if (owner.IsMemoryView()) {
      Record(base, Type::Of(TypeKind::Error));
      if (e.args.size() != 1 || e.args[0]->kind == Expr::Kind::Slice) {
        Report(Kind::InvalidTypeUse, e.range, fmt::format("`.{}` takes one integer index", base.name));
        return Type::Error();
      }
      Type k = CheckExpr(*e.args[0]);
      if (!k.IsInteger() && !k.IsError()) {
        Report(Kind::TypeMismatch, e.args[0]->range, Describe(k), "an integer index");
        return Type::Error();
      }
      if (auto literal = IntLiteralValue(*e.args[0])) {
        // A constant index: checked here (Python's IndexError would be certain).
        if (literal->magnitude > static_cast<unsigned long long>(owner.ndim) ||
            (!literal->negative && literal->magnitude == static_cast<unsigned long long>(owner.ndim))) {
          Report(Kind::InvalidTypeUse, e.range,
                 fmt::format("`.{}[{}]` of a {}-dimensional memoryview is out of range", base.name,
                             Text(e.args[0]->range), owner.ndim));
          return Type::Error();
        }
      } else {
        MarkRaises();  // IndexError, as a tuple's
      }
      return Type::Of(TypeKind::SSizeT);
    }
    return CheckSubscriptOf(e, bt);
  }
  Type t = CheckExpr(base);
  return CheckSubscriptOf(e, t);
}

auto Checker::CheckSubscriptOf(const Expr& e, const Type& t) -> Type {
  if (t.IsError()) {
    for (const auto& a : e.args) {
      CheckExpr(*a);
    }
    return Type::Error();
  }
  if (t.IsMemoryView()) {
    return CheckViewSubscript(e, t);
  }
  if (t.IsPointer() || t.IsArray()) {
    return CheckCIndex(e, t);
  }
  if (t.IsVector()) {
    return CheckVectorIndex(e, t);  // check_cpp_vector.cpp
  }
  if (t.IsCppString()) {
    return CheckCppStringIndex(e);  // check_cpp_string.cpp
  }
  if (t.IsCppMap() || t.IsCppSet()) {
    return CheckCppMapIndex(e, t);  // check_cpp_map.cpp
  }
  if (t.IsCTuple()) {
    return CheckCTupleIndex(e, t);
  }
  if (!t.IsObject()) {
    Report(Kind::InvalidOperands, e.range, "[]", Describe(t));
    return Type::Error();
  }
  bool slicing = false;
  for (const auto& a : e.args) {
    slicing |= a->kind == Expr::Kind::Slice;
  }
  if (RequireGil(slicing ? GilOp::Slice : GilOp::Index, e.range)) {
    return Type::Error();
  }
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Slice) {
      for (const Expr* part : {a->lower(), a->upper(), a->step()}) {
        if (part) {
          Type pt = CheckExpr(*part);
          if (pt.IsMemoryView()) {
            Report(Kind::TypeMismatch, part->range, Describe(pt), "a slice bound");
          }
        }
      }
      Record(*a, Type::Object("slice"));
    } else {
      Type k = CheckExpr(*a);
      if (k.IsMemoryView()) {
        Report(Kind::TypeMismatch, a->range, Describe(k), "an index");
        return Type::Error();
      }
    }
  }
  return Type::Object();
}

// `v[i, j]` (an element), `v[1:-1]`, `v[:, j]`, `v[i]` of a 2-D view (a view of
// fewer dimensions sharing the buffer). C integer indices and slice bounds
// only: nothing here needs the GIL.
auto Checker::CheckViewSubscript(const Expr& e, const Type& t) -> Type {
  // `...` stands for as many `:` as the dimensions the other subscripts leave.
  int ellipses = 0;
  bool slices = false;
  for (const auto& a : e.args) {
    ellipses += a->kind == Expr::Kind::Ellipsis ? 1 : 0;
    slices |= a->kind == Expr::Kind::Slice;
  }
  const int written = static_cast<int>(e.args.size()) - ellipses;
  if (written > t.ndim) {
    Report(Kind::InvalidTypeUse, e.range,
           fmt::format("too many indices for a {}-dimensional memoryview ({} given)", t.ndim, written));
    return Type::Error();
  }
  if (ellipses > 1) {
    Report(Kind::InvalidTypeUse, e.range, std::string("a memoryview subscript with more than one `...`"));
    return Type::Error();
  }
  if (ellipses == 1 && written == t.ndim && !slices) {
    Report(Kind::InvalidTypeUse, e.range,
           fmt::format("`...` in `{}` stands for no dimension: every dimension has an index (leave `...` out)",
                       Text(e.range)));
    return Type::Error();
  }
  bool ok = true;
  bool raises = false;
  int kept = t.ndim - written;
  const bool boundscheck = Boundscheck();
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Slice) {
      ++kept;
      Record(*a, Type::Of(TypeKind::SSizeT));
      const Expr* step = a->step();
      if (step != nullptr && !(IsIntLiteral(*step) && step->text != "0")) {
        raises = true;  // ValueError for a zero step
      }
      for (const Expr* part : {a->lower(), a->upper(), a->step()}) {
        if (part == nullptr) {
          continue;
        }
        if (part->kind == Expr::Kind::None) {
          Record(*part, Type::Object());  // `v[None:2]`: the bound is left out
          continue;
        }
        Type pt = CheckExpr(*part);
        if (pt.IsError()) {
          ok = false;
        } else if (!pt.IsInteger()) {
          Report(Kind::TypeMismatch, part->range, Describe(pt), "a memoryview slice bound (a C integer)");
          ok = false;
        }
      }
      continue;
    }
    if (a->kind == Expr::Kind::Ellipsis) {
      Record(*a, Type::Of(TypeKind::SSizeT));  // expanded to `:` by the emitter
      continue;
    }
    Type k = CheckExpr(*a);
    if (k.IsError()) {
      ok = false;
    } else if (!k.IsInteger()) {
      Report(Kind::TypeMismatch, a->range, Describe(k), "a memoryview index (a C integer)");
      ok = false;
    }
    raises |= boundscheck;  // IndexError
  }
  if (kept == 0 && Nonecheck()) {
    raises = true;  // indexing a None view is a TypeError
    out_.Write(e).none_checked_element = true;
  }
  if (raises) {
    MarkRaises();
  }
  if (!ok) {
    return Type::Error();
  }
  if (kept == 0) {
    return ViewElement(t);
  }
  MarkRaises();  // slicing a None view is a TypeError
  return ViewOf(ViewElement(t), kept);  // strided: a slice keeps no contiguity promise
}

auto Checker::CheckDisplay(const Expr& e) -> Type {
  GilOp op = e.kind == Expr::Kind::List  ? GilOp::CreateList
             : e.kind == Expr::Kind::Dict ? GilOp::CreateDict
             : e.kind == Expr::Kind::Set  ? GilOp::CreateSet
                                          : GilOp::CreateTuple;
  if (RequireGil(op, e.range)) {
    return Type::Error();
  }
  bool ok = true;
  for (const auto& a : e.args) {
    if (a->kind == Expr::Kind::Starred) {
      ok &= CheckUnpacked(*a);  // `*xs` (list, tuple, set) or `**m` (a dict's key slot)
      continue;
    }
    Type t = CheckExpr(*a);
    if (t.IsMemoryView() || t.IsPointer() || t.IsArray() || t.IsStruct() || t.IsCppClass()) {
      ok &= CheckConvertible(*a, t, Type::Object());  // a Python memoryview object, list, dict, bytes
    }
    ok &= !t.IsError();
  }
  if (!ok) {
    return Type::Error();
  }
  switch (e.kind) {
    case Expr::Kind::List: return Type::Object("list");
    case Expr::Kind::Dict: return Type::Object("dict");
    case Expr::Kind::Set: return Type::Object("set");
    default: return Type::Object("tuple");
  }
}

void Checker::BindComprehensionTarget(const Expr& target) {
  if (target.kind == Expr::Kind::Name) {
    comprehension_scopes_.back().insert(target.name);
    out_.Write(target).resolution = Resolution{Resolution::Kind::ComprehensionVar, -1, target.name};
    Record(target, Type::Object());
  } else if (target.kind == Expr::Kind::Tuple || target.kind == Expr::Kind::List) {
    Record(target, Type::Object());
    size_t starred = 0;
    for (const auto& t : target.args) {
      if (t->kind == Expr::Kind::Starred) {
        if (++starred > 1) {
          Report(Kind::SyntaxError, t->range, ": multiple starred expressions in assignment");
          continue;
        }
        Record(*t, Type::Object("list"));
        BindComprehensionTarget(t->operand());
        continue;
      }
      BindComprehensionTarget(*t);
    }
  } else {
    Report(Kind::UnsupportedExpression, target.range, std::string("this comprehension target"));
  }
}

// [x * 2 for x in xs if x], {k: v for ...}, {x for ...}: built eagerly with the
// GIL (generator expressions are generator functions: CheckGeneratorExpression).
auto Checker::CheckComprehension(const Expr& e) -> Type {
  if (e.clauses.empty()) {
    Report(Kind::UnsupportedExpression, e.range, fmt::format("this {} comprehension", syntax::ComprehensionKindName(e.comprehension_kind)));
    return Type::Error();
  }
  bool ok = true;
  for (const auto& clause : e.clauses) {
    syntax::ForEachExprIn(*clause.iterable, [&](const Expr& sub) {
      if (sub.kind == Expr::Kind::NamedExpr) {
        Report(Kind::SyntaxError, sub.range, ": assignment expression cannot be used in a comprehension iterable expression");
        ok = false;
      }
    });
  }
  if (!ok) {
    return Type::Error();
  }
  comprehension_scopes_.emplace_back();
  for (const auto& clause : e.clauses) {
    // The first iterable is evaluated in the scope around (a class body's names are seen there).
    Type it = &clause == &e.clauses.front() ? CheckFirstIterable(*clause.iterable) : CheckExpr(*clause.iterable);
    if (it.IsMemoryView()) {
      ok &= CheckViewIteration(it, clause.target.get());  // its items are Python objects, as in a `for`
    } else if (!it.IsObject() && !it.IsError()) {
      Report(Kind::InvalidOperands, clause.iterable->range, "for", Describe(it));
      ok = false;
    }
    ok &= !it.IsError();
    BindComprehensionTarget(*clause.target);
    for (const auto& c : clause.conditions) {
      CheckCondition(*c);
    }
  }
  for (const auto& element : e.operands) {
    Type t = CheckExpr(*element);
    ok &= !t.IsError() && CheckConvertible(*element, t, Type::Object());
  }
  comprehension_scopes_.pop_back();
  if (!ok) {
    return Type::Error();
  }
  MarkRaises();
  if (e.comprehension_kind == syntax::ComprehensionKind::Dict || e.comprehension_kind == syntax::ComprehensionKind::Set) {
    return Type::Object(syntax::ComprehensionKindName(e.comprehension_kind));
  }
  return Type::Object("list");
}

auto Checker::CheckUnpacked(const Expr& starred) -> bool {
  Type t = CheckExpr(starred.operand());
  bool ok = !t.IsError() && CheckConvertible(starred.operand(), t, Type::Object());
  Record(starred, ok ? Type::Object() : Type::Error());
  MarkRaises();  // iterating or merging it can raise
  return ok;
}

auto Checker::CheckConvertible(const Expr& e, const Type& from, const Type& to) -> bool {
  if ((to.IsExtension() || IsArrayArray(to)) && !from.IsError() && !from.IsObject()) {
    Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
    return false;
  }
  if (from.IsExtension() && to.IsExtension() && out_.IsSubclass(from.extension, to.extension)) {
    return true;  // an instance of a derived extension type is one of its base
  }
  if (NeedsInstanceTest(from, to)) {
    MarkRaises();  // TypeError "Cannot convert tuple to Point"
    return true;
  }
  if (NeedsExactTest(from, to)) {
    MarkRaises();  // TypeError "Expected list, got tuple"
    return true;
  }
  if (from.IsError() || to.IsError()) {
    return true;
  }
  if (auto c_data = CheckCDataConvertible(e, from, to)) {
    return *c_data;
  }
  if (auto code_point = CheckUcs4Convertible(e, from, to)) {
    return *code_point;  // check_ucs4.cpp
  }
  if (!to.enum_name.empty() && (from.IsNumeric() || from.IsComplex()) && from.enum_name != to.enum_name) {
    // Cython: "Cannot assign type 'int' to 'color'": only the enum's own values (or a cast).
    Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
    return false;
  }
  if (from == to) {
    return true;
  }
  if (from.IsVoid()) {
    Report(Kind::TypeMismatch, e.range, "the result of a `cython.void` function", Describe(to));
    return false;
  }
  if (IsIntLiteral(e) && to.IsInteger()) {
    return CheckLiteralFits(e, to);  // a C value whatever its own type: it must fit
  }
  if (from.IsNumeric() && to.IsNumeric()) {
    return true;
  }
  if ((from.IsNumeric() || from.IsComplex()) && to.IsComplex()) {
    return true;  // a real number is complex(x, 0.0)
  }
  if ((from.IsNumeric() || from.IsComplex()) && to.IsObject()) {
    if (RequireGil(GilOp::ConvertToObject, e.range)) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (from.IsObject() && (to.IsNumeric() || to.IsComplex())) {
    if (RequireGil(GilOp::ConvertFromObject, e.range, fmt::format("(to {})", Describe(to)), &e)) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (from.IsObject() && to.IsObject()) {
    return true;
  }
  if (from.IsObject() && to.IsMemoryView()) {
    // Acquiring the buffer of an object (TypeError/ValueError when unusable).
    if (RequireGil(GilOp::ConvertFromObject, e.range, "(taking a memoryview of it)")) {
      return false;
    }
    MarkRaises();
    return true;
  }
  if (from.IsMemoryView() && to.IsMemoryView() && ViewElement(from) == ViewElement(to) && from.ndim == to.ndim &&
      to.contiguous_dim < 0) {
    return true;  // a contiguous view is also a strided one; the copy shares the buffer (no GIL needed)
  }
  if (from.IsMemoryView() && to.IsObject()) {
    // A Python memoryview object over the same buffer.
    if (RequireGil(GilOp::ConvertToObject, e.range, "(a memoryview as a Python object)")) {
      return false;
    }
    MarkRaises();
    return true;
  }
  Report(Kind::TypeMismatch, e.range, Describe(from), Describe(to));
  return false;
}

}  // namespace pyxx::check
