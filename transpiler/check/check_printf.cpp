// printf, fprintf and snprintf of libc.stdio: variadic, so C checks nothing. A
// call is compiled only with a literal format whose every conversion is checked
// against its argument's C type (after C's default promotions: a char, short
// or bint is passed as an int, a float as a double); anything else is refused
// at the argument, naming the conversion and the type it takes.
#include <fmt/format.h>

#include <optional>
#include <vector>

#include "check/checker_impl.h"
#include "syntax/printf_format.h"

namespace pyxx::check {
namespace {

using syntax::FormatConversion;
using syntax::ParseFormat;
using Wants = syntax::FormatArg;

auto Spell(Wants w) -> const char* {
  switch (w) {
    case Wants::Int: return "a `cython.int` (or a narrower integer, which C promotes to int)";
    case Wants::UInt: return "a `cython.uint`";
    case Wants::Long: return "a `cython.long`";
    case Wants::ULong: return "a `cython.ulong`";
    case Wants::LongLong: return "a `cython.longlong`";
    case Wants::ULongLong: return "a `cython.ulonglong`";
    case Wants::SSize: return "a `cython.Py_ssize_t`";
    case Wants::Size: return "a `cython.size_t`";
    case Wants::Double: return "a `cython.double` or `cython.float`";
    case Wants::LongDouble: return "a `cython.longdouble`";
    case Wants::CString: return "a C string (`cython.p_char`, a char array or a string literal)";
    case Wants::Pointer: return "a pointer";
  }
  return "";
}

auto IsCharTarget(const Type& t) -> bool {
  return t.target != nullptr &&
         (t.target->kind == TypeKind::Char || t.target->kind == TypeKind::SChar || t.target->kind == TypeKind::UChar);
}

// Does an argument of type `t` fit `w` exactly (after C's default promotions)?
auto Fits(const Type& t, Wants w) -> bool {
  switch (w) {
    case Wants::Int:
      return t.kind == TypeKind::Int || t.kind == TypeKind::Bint || t.kind == TypeKind::Char ||
             t.kind == TypeKind::SChar || t.kind == TypeKind::UChar || t.kind == TypeKind::Short ||
             t.kind == TypeKind::UShort;
    case Wants::UInt:
      // An unsigned char or short is promoted to a non-negative int, which C lets an
      // unsigned conversion read.
      return t.kind == TypeKind::UInt || t.kind == TypeKind::UChar || t.kind == TypeKind::UShort;
    case Wants::Long: return t.kind == TypeKind::Long;
    case Wants::ULong: return t.kind == TypeKind::ULong;
    case Wants::LongLong: return t.kind == TypeKind::LongLong;
    case Wants::ULongLong: return t.kind == TypeKind::ULongLong;
    case Wants::SSize: return t.kind == TypeKind::SSizeT || t.kind == TypeKind::HashT;
    case Wants::Size: return t.kind == TypeKind::SizeT;
    case Wants::Double: return t.kind == TypeKind::Double || t.kind == TypeKind::Float;
    case Wants::LongDouble: return t.kind == TypeKind::LongDouble;
    case Wants::CString: return (t.IsPointer() || t.IsArray()) && IsCharTarget(t);
    case Wants::Pointer: return (t.IsPointer() && !t.IsNull()) || t.IsArray();
  }
  return false;
}

}  // namespace

auto Checker::CheckPrintfCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  const std::string name = path.substr(path.rfind('.') + 1);
  // The fixed parameters before the format: fprintf's stream, snprintf's buffer and size.
  const size_t fixed = name == "printf" ? 0 : name == "fprintf" ? 1 : 2;
  if (e.args.size() < fixed + 1 || !e.keywords.empty()) {
    Report(Kind::WrongArgumentCount, e.range, name, fixed + 1, fixed == 0 ? "" : "s",
           e.args.size() + e.keywords.size(), e.args.size() + e.keywords.size() == 1 ? "was" : "were");
    return Type::Error();
  }
  if (RequireGilForExtern(e)) {
    return Type::Error();
  }
  bool ok = true;
  if (fixed > 0) {
    Type t = CheckExpr(*e.args[0]);
    if (name == "fprintf" && !t.IsError() &&
        !(t.IsPointer() && !t.IsNull() && t.target->IsOpaqueStruct() && t.target->struct_name == "FILE")) {
      Report(Kind::TypeMismatch, e.args[0]->range, Describe(t), "a `cython.pointer(FILE)`");
      ok = false;
    } else if (name == "snprintf" && !t.IsError() && !((t.IsPointer() || t.IsArray()) && IsCharTarget(t))) {
      Report(Kind::TypeMismatch, e.args[0]->range, Describe(t), "a `cython.p_char` buffer");
      ok = false;
    }
    ok &= !t.IsError();
  }
  if (name == "snprintf") {
    Type n = CheckExpr(*e.args[1]);
    ok &= !n.IsError() && CheckConvertible(*e.args[1], n, Type::Of(TypeKind::SizeT));
  }
  const Expr& format = *e.args[fixed];
  if (format.kind != Expr::Kind::String) {
    Report(Kind::UnsupportedExpression, format.range,
           fmt::format("a format of `{}` that is not a string literal (its conversions are checked against the "
                       "arguments at compile time)",
                       name));
    return Type::Error();
  }
  CheckValueFor(format, Type::PointerTo(Type::Of(TypeKind::Char)));
  std::vector<FormatConversion> conversions;
  if (auto refused = ParseFormat(format.text, conversions)) {
    Report(Kind::UnsupportedExpression, format.range, fmt::format("{} in a format of `{}`", *refused, name));
    return Type::Error();
  }
  size_t wanted = 0;
  for (const FormatConversion& c : conversions) {
    wanted += c.args.size();
  }
  const size_t given = e.args.size() - fixed - 1;
  if (given != wanted) {
    Report(Kind::InvalidTypeUse, e.range,
           fmt::format("the format of `{}` takes {} argument{}, but {} {} given", name, wanted, wanted == 1 ? "" : "s",
                       given, given == 1 ? "is" : "are"));
    return Type::Error();
  }
  size_t next = fixed + 1;
  for (const FormatConversion& c : conversions) {
    for (Wants w : c.args) {
      const Expr& a = *e.args[next++];
      if (a.kind == Expr::Kind::String && w == Wants::CString) {
        CheckValueFor(a, Type::PointerTo(Type::Of(TypeKind::Char)));  // the literal's C string
        continue;
      }
      Type t = CheckExpr(a);
      if (t.IsError()) {
        ok = false;
        continue;
      }
      if (IsIntLiteral(a) && syntax::FormatInteger(w)) {
        // A literal is passed as the conversion's own type (the emitter casts it), if it fits.
        auto v = IntLiteralValue(a);
        if (v && LiteralFits(*v, FromScalar(*syntax::FormatInteger(w)))) {
          continue;
        }
      }
      if (!Fits(t, w)) {
        Report(Kind::InvalidTypeUse, a.range,
               fmt::format("`{}` in the format of `{}` takes {}, but this argument is {}", c.spelled, name, Spell(w),
                           Describe(t)));
        ok = false;
      }
    }
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  return ok ? Type::Of(TypeKind::Int) : Type::Error();
}

}  // namespace pyxx::check
