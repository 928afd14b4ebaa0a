#include "checked/types.h"

#include <fmt/format.h>

#include <algorithm>

namespace pyxx::checked {

using syntax::ScalarKind;

auto operator==(const Type& a, const Type& b) -> bool {
  if (a.kind != b.kind) {
    return false;
  }
  if (a.kind == TypeKind::MemoryView) {
    return a.element == b.element && a.struct_id == b.struct_id && a.ndim == b.ndim &&
           a.contiguous_dim == b.contiguous_dim;
  }
  if (a.kind == TypeKind::Pointer || a.kind == TypeKind::Array || a.kind == TypeKind::Struct || a.kind == TypeKind::Vector ||
      a.kind == TypeKind::CppMap || a.kind == TypeKind::CppSet || a.kind == TypeKind::CppPair) {
    return SameCData(a, b);
  }
  if (a.kind == TypeKind::Void) {
    return a.struct_name == b.struct_name;  // `void` or an opaque C struct (FILE)
  }
  return true;
}

auto Type::IsSigned() const -> bool {
  switch (kind) {
    case TypeKind::Char:  // plain char is signed on the targets pyxx supports (x86-64 Linux)
    case TypeKind::SChar: case TypeKind::Short: case TypeKind::Int: case TypeKind::Long:
    case TypeKind::LongLong: case TypeKind::SSizeT: case TypeKind::HashT:
      return true;
    default:
      return IsFloating();
  }
}

auto ViewElement(const Type& view) -> Type {
  if (view.struct_id < 0) {
    return FromScalar(view.element);
  }
  Type element = Type::Of(TypeKind::Struct);
  element.struct_id = view.struct_id;
  element.struct_name = view.struct_name;
  element.is_union = view.is_union;
  return element;
}

auto ViewOf(const Type& element, int ndim) -> Type {
  Type view = Type::Of(TypeKind::MemoryView);
  view.ndim = ndim;
  if (element.IsStruct()) {
    view.element = ScalarKind::Void;  // not a C number: ViewElement gives the struct
    view.struct_id = element.struct_id;
    view.struct_name = element.struct_name;
    view.is_union = element.is_union;
  } else {
    view.element = ScalarOf(element.kind);
  }
  return view;
}

auto FromScalar(ScalarKind s) -> Type {
  switch (s) {
    case ScalarKind::Char: return Type::Of(TypeKind::Char);
    case ScalarKind::SChar: return Type::Of(TypeKind::SChar);
    case ScalarKind::UChar: return Type::Of(TypeKind::UChar);
    case ScalarKind::Short: return Type::Of(TypeKind::Short);
    case ScalarKind::UShort: return Type::Of(TypeKind::UShort);
    case ScalarKind::Int: return Type::Of(TypeKind::Int);
    case ScalarKind::UInt: return Type::Of(TypeKind::UInt);
    case ScalarKind::Long: return Type::Of(TypeKind::Long);
    case ScalarKind::ULong: return Type::Of(TypeKind::ULong);
    case ScalarKind::LongLong: return Type::Of(TypeKind::LongLong);
    case ScalarKind::ULongLong: return Type::Of(TypeKind::ULongLong);
    case ScalarKind::Float: return Type::Of(TypeKind::Float);
    case ScalarKind::Double: return Type::Of(TypeKind::Double);
    case ScalarKind::LongDouble: return Type::Of(TypeKind::LongDouble);
    case ScalarKind::Bint: return Type::Of(TypeKind::Bint);
    case ScalarKind::SizeT: return Type::Of(TypeKind::SizeT);
    case ScalarKind::SSizeT: return Type::Of(TypeKind::SSizeT);
    case ScalarKind::HashT: return Type::Of(TypeKind::HashT);
    case ScalarKind::Void: return Type::Of(TypeKind::Void);
    case ScalarKind::FloatComplex: return Type::Of(TypeKind::FloatComplex);
    case ScalarKind::DoubleComplex: return Type::Of(TypeKind::DoubleComplex);
    case ScalarKind::LongDoubleComplex: return Type::Of(TypeKind::LongDoubleComplex);
    case ScalarKind::UCS4: return Type::Of(TypeKind::UCS4);
  }
  return Type::Error();
}

auto ScalarOf(TypeKind k) -> ScalarKind {
  switch (k) {
    case TypeKind::Char: return ScalarKind::Char;
    case TypeKind::SChar: return ScalarKind::SChar;
    case TypeKind::UChar: return ScalarKind::UChar;
    case TypeKind::Short: return ScalarKind::Short;
    case TypeKind::UShort: return ScalarKind::UShort;
    case TypeKind::Int: return ScalarKind::Int;
    case TypeKind::UInt: return ScalarKind::UInt;
    case TypeKind::Long: return ScalarKind::Long;
    case TypeKind::ULong: return ScalarKind::ULong;
    case TypeKind::LongLong: return ScalarKind::LongLong;
    case TypeKind::ULongLong: return ScalarKind::ULongLong;
    case TypeKind::Float: return ScalarKind::Float;
    case TypeKind::Double: return ScalarKind::Double;
    case TypeKind::LongDouble: return ScalarKind::LongDouble;
    case TypeKind::Bint: return ScalarKind::Bint;
    case TypeKind::SizeT: return ScalarKind::SizeT;
    case TypeKind::SSizeT: return ScalarKind::SSizeT;
    case TypeKind::HashT: return ScalarKind::HashT;
    case TypeKind::FloatComplex: return ScalarKind::FloatComplex;
    case TypeKind::DoubleComplex: return ScalarKind::DoubleComplex;
    case TypeKind::LongDoubleComplex: return ScalarKind::LongDoubleComplex;
    case TypeKind::UCS4: return ScalarKind::UCS4;
    default: return ScalarKind::Void;
  }
}

auto IntegerBits(TypeKind k) -> int {
  switch (k) {
    case TypeKind::Bint: return 1;
    case TypeKind::Char: case TypeKind::SChar: case TypeKind::UChar: return 8;
    case TypeKind::Short: case TypeKind::UShort: return 16;
    case TypeKind::Int: case TypeKind::UInt: return 32;
    default: return 64;
  }
}

namespace {

// Integer conversion rank (C11 6.3.1.1); size_t & co. rank as the type they alias.
auto Rank(TypeKind k) -> int {
  switch (k) {
    case TypeKind::Bint: return 0;
    case TypeKind::Char: case TypeKind::SChar: case TypeKind::UChar: return 1;
    case TypeKind::Short: case TypeKind::UShort: return 2;
    case TypeKind::Int: case TypeKind::UInt: return 3;
    case TypeKind::Long: case TypeKind::ULong: case TypeKind::SizeT: case TypeKind::SSizeT:
    case TypeKind::HashT: return 4;
    default: return 5;
  }
}

auto UnsignedOf(TypeKind k) -> TypeKind {
  switch (k) {
    case TypeKind::Int: return TypeKind::UInt;
    case TypeKind::Long: case TypeKind::HashT: return TypeKind::ULong;
    case TypeKind::SSizeT: return TypeKind::SizeT;
    case TypeKind::LongLong: return TypeKind::ULongLong;
    default: return k;
  }
}

}  // namespace

auto Promote(const Type& t) -> Type {
  if (t.IsInteger() && Rank(t.kind) < 3) {
    return Type::Of(TypeKind::Int);
  }
  return t;
}

auto CommonArithmetic(const Type& a, const Type& b) -> Type {
  if (a.IsError() || b.IsError()) {
    return Type::Error();
  }
  if (a.IsFloating() || b.IsFloating()) {
    TypeKind k = TypeKind::Float;
    for (const Type* t : {&a, &b}) {
      if (t->IsFloating() && t->kind > k) {
        k = t->kind;
      }
    }
    // float with a 64-bit integer: C says float, but Python code expects no precision loss; keep C.
    return Type::Of(k);
  }
  Type pa = Promote(a);
  Type pb = Promote(b);
  if (pa.kind == pb.kind) {
    return pa;
  }
  bool sa = pa.IsSigned();
  bool sb = pb.IsSigned();
  int ra = Rank(pa.kind);
  int rb = Rank(pb.kind);
  if (sa == sb) {
    if (ra != rb) {
      return ra > rb ? pa : pb;
    }
    // Same rank, same signedness, different spelling (long vs Py_ssize_t): keep the first.
    return pa;
  }
  const Type& u = sa ? pb : pa;
  const Type& s = sa ? pa : pb;
  int ru = Rank(u.kind);
  int rs = Rank(s.kind);
  if (ru >= rs) {
    return u;
  }
  if (IntegerBits(s.kind) > IntegerBits(u.kind)) {
    return s;
  }
  return Type::Of(UnsignedOf(s.kind));
}

auto ComplexPart(const Type& t) -> Type {
  switch (t.kind) {
    case TypeKind::FloatComplex: return Type::Of(TypeKind::Float);
    case TypeKind::LongDoubleComplex: return Type::Of(TypeKind::LongDouble);
    default: return Type::Of(TypeKind::Double);
  }
}

auto CommonComplex(const Type& a, const Type& b) -> Type {
  if (a.IsError() || b.IsError()) {
    return Type::Error();
  }
  // A floating operand widens the parts (float complex * double: double
  // complex); an integer operand does not.
  auto part = [](const Type& t) -> TypeKind {
    return t.IsComplex() ? ComplexPart(t).kind : t.IsFloating() ? t.kind : TypeKind::Float;
  };
  const TypeKind k = std::max(part(a), part(b));
  return Type::Of(k == TypeKind::Float        ? TypeKind::FloatComplex
                  : k == TypeKind::LongDouble ? TypeKind::LongDoubleComplex
                                              : TypeKind::DoubleComplex);
}

auto Join(const Type& a, const Type& b) -> Type {
  if (a.IsError()) {
    return b;
  }
  if (b.IsError()) {
    return a;
  }
  if (a.IsObject() && b.IsObject() && a.extension != b.extension) {
    return Type::Object();  // an instance of one extension type and something else
  }
  if (a.enum_name != b.enum_name) {
    return Type::Object();  // a C enum and another number: no C type holds both (Cython infers an object)
  }
  if (a == b) {
    return a;
  }
  if (a.IsPointer() && b.IsPointer() && (a.IsNull() || b.IsNull())) {
    return a.IsNull() ? b : a;  // `p = NULL` then `p = q`: q's pointer type
  }
  if (a.IsNumeric() && b.IsNumeric()) {
    return CommonArithmetic(a, b);
  }
  if ((a.IsComplex() || a.IsNumeric()) && (b.IsComplex() || b.IsNumeric())) {
    return CommonComplex(a, b);
  }
  return Type::Object();
}

auto IsExactlyTestedName(const std::string& object_name) -> bool {
  static constexpr std::string_view kTested[] = {"int", "float", "complex", "bool", "str", "bytes",
                                                 "bytearray", "list", "dict", "tuple", "set", "frozenset"};
  for (std::string_view name : kTested) {
    if (name == object_name) {
      return true;
    }
  }
  return false;
}

auto IsArrayArray(const Type& t) -> bool { return t.IsObject() && t.object_name == kArrayArray; }

auto InstanceTestName(const Type& t) -> const std::string& { return IsArrayArray(t) ? t.object_name : t.extension; }

auto NeedsInstanceTest(const Type& from, const Type& to) -> bool {
  if (IsArrayArray(to)) {
    return from.IsObject() && !IsArrayArray(from);
  }
  return from.IsObject() && to.IsExtension() && from.extension != to.extension;
}

auto NeedsExactTest(const Type& from, const Type& to) -> bool {
  return from.IsObject() && to.IsObject() && IsExactlyTestedName(to.object_name) &&
         (from.object_name != to.object_name || from.object_name == "bool");
}

namespace {

auto ScalarName(TypeKind k) -> std::string_view {
  switch (k) {
    case TypeKind::Void: return "void";
    case TypeKind::Bint: return "bint";
    case TypeKind::Char: return "char";
    case TypeKind::SChar: return "schar";
    case TypeKind::UChar: return "uchar";
    case TypeKind::Short: return "short";
    case TypeKind::UShort: return "ushort";
    case TypeKind::Int: return "int";
    case TypeKind::UInt: return "uint";
    case TypeKind::Long: return "long";
    case TypeKind::ULong: return "ulong";
    case TypeKind::LongLong: return "longlong";
    case TypeKind::ULongLong: return "ulonglong";
    case TypeKind::SizeT: return "size_t";
    case TypeKind::SSizeT: return "Py_ssize_t";
    case TypeKind::HashT: return "Py_hash_t";
    case TypeKind::Float: return "float";
    case TypeKind::Double: return "double";
    case TypeKind::LongDouble: return "longdouble";
    case TypeKind::FloatComplex: return "floatcomplex";
    case TypeKind::DoubleComplex: return "doublecomplex";
    case TypeKind::LongDoubleComplex: return "longdoublecomplex";
    case TypeKind::UCS4: return "Py_UCS4";
    default: return "?";
  }
}

auto CppScalarName(TypeKind k) -> std::string_view {
  switch (k) {
    case TypeKind::Void: return "void";
    case TypeKind::Bint: return "bool";
    case TypeKind::Char: return "char";
    case TypeKind::SChar: return "signed char";
    case TypeKind::UChar: return "unsigned char";
    case TypeKind::Short: return "short";
    case TypeKind::UShort: return "unsigned short";
    case TypeKind::Int: return "int";
    case TypeKind::UInt: return "unsigned int";
    case TypeKind::Long: return "long";
    case TypeKind::ULong: return "unsigned long";
    case TypeKind::LongLong: return "long long";
    case TypeKind::ULongLong: return "unsigned long long";
    case TypeKind::SizeT: return "size_t";
    case TypeKind::SSizeT: return "Py_ssize_t";
    case TypeKind::HashT: return "Py_hash_t";
    case TypeKind::Float: return "float";
    case TypeKind::Double: return "double";
    case TypeKind::LongDouble: return "long double";
    case TypeKind::FloatComplex: return "pyxx::Complex<float>";
    case TypeKind::DoubleComplex: return "pyxx::Complex<double>";
    case TypeKind::LongDoubleComplex: return "pyxx::Complex<long double>";
    case TypeKind::UCS4: return "pyxx::ucs4";  // its own C++ type: never an integer by mistake
    default: return "?";
  }
}

auto MemoryViewDims(const Type& t) -> std::string {
  std::string dims;
  for (int i = 0; i < t.ndim; ++i) {
    if (i > 0) {
      dims += ", ";
    }
    dims += i == t.contiguous_dim ? "::1" : ":";
  }
  return dims;
}

}  // namespace

auto SpellPyxx(const Type& t) -> std::string {
  switch (t.kind) {
    case TypeKind::Pointer: case TypeKind::Array: case TypeKind::Struct: case TypeKind::Vector: case TypeKind::CppString:
    case TypeKind::CppMap: case TypeKind::CppSet: case TypeKind::CppPair: return SpellCDataPyxx(t);
    case TypeKind::Error: return "<error>";
    case TypeKind::Object: return t.object_name.empty() ? "object" : t.object_name;
    case TypeKind::Void:
      return t.struct_name.empty() ? "cython.void" : t.struct_name;
    case TypeKind::MemoryView:
      if (t.struct_id >= 0) {
        return fmt::format("{}[{}]", t.struct_name, MemoryViewDims(t));
      }
      return fmt::format("cython.{}[{}]", ScalarName(FromScalar(t.element).kind), MemoryViewDims(t));
    default: return fmt::format("cython.{}", ScalarName(t.kind));
  }
}

auto SpellCpp(const Type& t) -> std::string {
  switch (t.kind) {
    case TypeKind::Pointer: case TypeKind::Array: case TypeKind::Struct: case TypeKind::Vector: case TypeKind::CppString:
    case TypeKind::CppMap: case TypeKind::CppSet: case TypeKind::CppPair: return SpellCDataCpp(t);
    case TypeKind::Error: return "<error>";
    case TypeKind::Object: return "PyObject*";
    case TypeKind::Void: return t.struct_name.empty() ? "void" : t.struct_name;
    case TypeKind::MemoryView:
      return fmt::format("pyxx::View<{}, {}>", SpellCpp(ViewElement(t)), t.ndim);
    default: return std::string(CppScalarName(t.kind));
  }
}

auto SpellCython(const Type& t) -> std::string {
  if (!t.enum_name.empty()) {
    return t.enum_name;
  }
  switch (t.kind) {
    case TypeKind::Pointer: case TypeKind::Array: case TypeKind::Struct: case TypeKind::Vector: case TypeKind::CppString:
    case TypeKind::CppMap: case TypeKind::CppSet: case TypeKind::CppPair: return SpellCDataCython(t);
    case TypeKind::Error: return "<error>";
    case TypeKind::Bint: return "bint";
    case TypeKind::Void: return t.struct_name.empty() ? "void" : t.struct_name;
    case TypeKind::Object:
      if (t.IsExtension()) {
        return t.extension;  // Cython's typeof names an extension type bare
      }
      return t.object_name.empty() || t.object_name == "object" ? "Python object" : t.object_name + " object";
    case TypeKind::MemoryView:
      if (t.struct_id >= 0) {
        return fmt::format("{}[{}]", t.struct_name, MemoryViewDims(t));
      }
      return fmt::format("{}[{}]", CppScalarName(FromScalar(t.element).kind), MemoryViewDims(t));
    case TypeKind::FloatComplex: return "float complex";
    case TypeKind::DoubleComplex: return "double complex";
    case TypeKind::LongDoubleComplex: return "long double complex";
    case TypeKind::UCS4: return "Py_UCS4";
    default: return std::string(CppScalarName(t.kind));
  }
}

auto Describe(const Type& t) -> std::string {
  if (t.IsExtension()) {
    return fmt::format("a `{}` (an extension type)", t.extension);
  }
  if (t.IsObject()) {
    return t.object_name.empty() || t.object_name == "object" ? "a Python object"
                                                              : fmt::format("a Python `{}`", t.object_name);
  }
  if (!t.enum_name.empty()) {
    return fmt::format("the C enum `{}`", t.enum_name);
  }
  return fmt::format("`{}`", SpellPyxx(t));
}

}  // namespace pyxx::checked
