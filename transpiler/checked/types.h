// The types the checker assigns: C scalars, typed memoryviews, Python objects,
// and <error>, the poison type that stops one mistake from cascading.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/tree.h"

namespace pyxx::checked {

enum class TypeKind : uint8_t {
  Error,   // poison: a diagnostic was already reported
  Void,
  Bint,
  Char, SChar, UChar, Short, UShort, Int, UInt, Long, ULong, LongLong, ULongLong,
  SizeT, SSizeT, HashT,
  Float, Double, LongDouble,
  FloatComplex, DoubleComplex, LongDoubleComplex,  // C complex numbers (pyxx::Complex<T>)
  // cython.Py_UCS4: a code point (pyxx::ucs4). Not a number: arithmetic and
  // truth tests are Python's on the one-character `str` it converts to, as in Cython.
  UCS4,
  MemoryView,
  Pointer, Array, Struct,  // C data (checked/c_data_types.cpp): `target`, `length`, `struct_id`
  Vector,  // a C++ std::vector of `target` (`libcpp.vector.vector[T]`, checked/c_data_types.cpp)
  CppString,  // a C++ std::string (`libcpp.string.string`): bytes at the Python boundary
  // `libcpp.map` / `libcpp.unordered_map` (`key` to `target`), `libcpp.set` /
  // `libcpp.unordered_set` (of `target`), `libcpp.utility.pair` (`key`, `target`):
  // checked/c_data_types.cpp
  CppMap, CppSet, CppPair,
  Object,  // any Python object; object_name refines it for messages ("list", "int")
};

struct Type {
  TypeKind kind = TypeKind::Error;
  // MemoryView
  syntax::ScalarKind element = syntax::ScalarKind::Double;
  int ndim = 0;
  int contiguous_dim = -1;
  // Object: the builtin name it was declared with, or empty for plain `object`.
  std::string object_name;
  // Object: an instance of the module's extension type (`@cython.cclass`) of
  // this name, or None; object_name names it too. Empty for other objects.
  std::string extension;
  // Pointer: the pointee (null for the type of `cython.NULL`, which converts to
  // any pointer); Array: the element type.
  std::shared_ptr<const Type> target;
  // CppMap: the key type (`target` is the mapped type); CppPair: `first`'s type
  // (`target` is `second`'s).
  std::shared_ptr<const Type> key;
  bool unordered = false;    // CppMap, CppSet: std::unordered_map / std::unordered_set
  long long length = 0;      // Array: the number of elements
  int struct_id = -1;        // Struct: index into CheckedModule::structs (C++ name pyxx_struct_<id>);
                             // MemoryView: its element's, when the element is a struct (else -1)
  std::string struct_name;   // Struct: the name it was declared with; Void: an opaque C struct (`FILE`)
  bool is_union = false;     // Struct: a `cython.union`
  bool py_buffer = false;    // Struct: CPython's `Py_buffer` (declared by Python.h, spelled as itself)
  // Struct: a C tuple (`tuple[cython.int, cython.double]`), the struct of its
  // element types (fields f0, f1, ...; one struct per distinct tuple type).
  std::shared_ptr<const std::vector<Type>> elements;
  // Int/UInt: a C enum of a .pxd (`cdef enum color`), held in the C type the C
  // compiler gives it. Its own type for assignments (an integer is not
  // converted to it implicitly, as in Cython) and for `cython.typeof`.
  std::string enum_name;
  // A pointer's target written `cython.const[T]` (C++ `const T*`): read through
  // the pointer, never written (PX307). Values are not const: only targets.
  bool is_const = false;

  static auto Of(TypeKind k) -> Type {
    Type t;
    t.kind = k;
    return t;
  }
  static auto Error() -> Type { return Of(TypeKind::Error); }
  static auto Object(std::string name = {}) -> Type {
    Type t = Of(TypeKind::Object);
    t.object_name = std::move(name);
    return t;
  }
  static auto Instance(const std::string& cclass) -> Type {
    Type t = Object(cclass);
    t.extension = cclass;
    return t;
  }

  [[nodiscard]] auto IsError() const -> bool { return kind == TypeKind::Error; }
  [[nodiscard]] auto IsObject() const -> bool { return kind == TypeKind::Object; }
  [[nodiscard]] auto IsExtension() const -> bool { return kind == TypeKind::Object && !extension.empty(); }
  [[nodiscard]] auto IsVoid() const -> bool { return kind == TypeKind::Void; }
  // libc's FILE: void-like (no value, no size, nothing to index), only pointed at.
  [[nodiscard]] auto IsOpaqueStruct() const -> bool { return kind == TypeKind::Void && !struct_name.empty(); }
  [[nodiscard]] auto IsMemoryView() const -> bool { return kind == TypeKind::MemoryView; }
  [[nodiscard]] auto IsInteger() const -> bool { return kind >= TypeKind::Bint && kind <= TypeKind::HashT; }
  [[nodiscard]] auto IsFloating() const -> bool { return kind >= TypeKind::Float && kind <= TypeKind::LongDouble; }
  [[nodiscard]] auto IsNumeric() const -> bool { return IsInteger() || IsFloating(); }
  // A C complex number: not IsNumeric (no order, no // or %), but arithmetic.
  [[nodiscard]] auto IsComplex() const -> bool { return kind >= TypeKind::FloatComplex && kind <= TypeKind::LongDoubleComplex; }
  // A C value: no GIL needed to hold or copy it.
  [[nodiscard]] auto IsC() const -> bool {
    return IsNumeric() || IsComplex() || IsUcs4() || IsMemoryView() || IsPointer() || IsArray() || IsStruct() || IsCppClass();
  }
  [[nodiscard]] auto IsUcs4() const -> bool { return kind == TypeKind::UCS4; }
  [[nodiscard]] auto IsVector() const -> bool { return kind == TypeKind::Vector; }
  [[nodiscard]] auto IsCppString() const -> bool { return kind == TypeKind::CppString; }
  [[nodiscard]] auto IsCppMap() const -> bool { return kind == TypeKind::CppMap; }
  [[nodiscard]] auto IsCppSet() const -> bool { return kind == TypeKind::CppSet; }
  [[nodiscard]] auto IsCppPair() const -> bool { return kind == TypeKind::CppPair; }
  // A C++ class value (a vector, a string, a map, a set, a pair): constructed,
  // copied and destroyed by C++, so it cannot live where C data is zeroed or
  // copied as bytes.
  [[nodiscard]] auto IsCppClass() const -> bool {
    return IsVector() || IsCppString() || IsCppMap() || IsCppSet() || IsCppPair();
  }
  [[nodiscard]] auto IsPointer() const -> bool { return kind == TypeKind::Pointer; }
  [[nodiscard]] auto IsNull() const -> bool { return kind == TypeKind::Pointer && target == nullptr; }
  [[nodiscard]] auto IsArray() const -> bool { return kind == TypeKind::Array; }
  [[nodiscard]] auto IsStruct() const -> bool { return kind == TypeKind::Struct; }
  [[nodiscard]] auto IsCTuple() const -> bool { return kind == TypeKind::Struct && elements != nullptr; }
  // A pointer to or an array of char (signed or unsigned): `bytes` at the Python boundary.
  [[nodiscard]] auto IsCString() const -> bool {
    return (IsPointer() || IsArray()) && target != nullptr &&
           (target->kind == TypeKind::Char || target->kind == TypeKind::SChar || target->kind == TypeKind::UChar);
  }
  // The type `cython.NULL` has, `T*`, `T[n]`, a struct type.
  static auto Null() -> Type { return Of(TypeKind::Pointer); }
  static auto PointerTo(Type t) -> Type;
  static auto ArrayOf(Type t, long long n) -> Type;
  static auto VectorOf(Type t) -> Type;
  static auto CppMapOf(Type key, Type value, bool unordered) -> Type;
  static auto CppSetOf(Type element, bool unordered) -> Type;
  static auto CppPairOf(Type first, Type second) -> Type;
  [[nodiscard]] auto IsSigned() const -> bool;

  friend auto operator==(const Type& a, const Type& b) -> bool;
};

// The element type of a memoryview: a C number, or a struct (`Point[:]`).
auto ViewElement(const Type& view) -> Type;
// A memoryview of `element` (a C number or a struct) with `ndim` dimensions, strided.
auto ViewOf(const Type& element, int ndim) -> Type;
auto FromScalar(syntax::ScalarKind s) -> Type;
auto ScalarOf(TypeKind k) -> syntax::ScalarKind;  // inverse, for C scalar kinds

// Bit width and signedness of integer kinds on the target (LP64).
auto IntegerBits(TypeKind k) -> int;
// The promoted type of an integer operand (char/short/bint -> int), C's rule.
auto Promote(const Type& t) -> Type;
// C's usual arithmetic conversions, for two numeric types.
auto CommonArithmetic(const Type& a, const Type& b) -> Type;
// The complex type of arithmetic between a complex and a number (or two
// complex numbers): the parts' wider floating type (an integer adds none).
auto CommonComplex(const Type& a, const Type& b) -> Type;
// The floating type of a complex type's parts (double for double complex).
auto ComplexPart(const Type& t) -> Type;
// The type a variable gets when values of both types are assigned to it.
auto Join(const Type& a, const Type& b) -> Type;

// A Python object stored where a builtin type is declared (`x: list = f()`, a
// `@cython.ccall` returning `-> list`): Cython 3 tests the exact type (None
// passes). A value known to be of that type needs no test; a comparison of
// objects may return anything, so an object typed `bool` is always tested.
auto IsExactlyTestedName(const std::string& object_name) -> bool;
auto NeedsExactTest(const Type& from, const Type& to) -> bool;
// An object stored where an extension type is declared (`p: Point = obj`):
// tested with isinstance (None passes), unless it is known to be one already.
auto NeedsInstanceTest(const Type& from, const Type& to) -> bool;
// `array.array` of `from cython.cimports.cpython import array`: an object whose
// stores are tested with isinstance against the `array` module's type, as the
// module's extension types are (Cython declares it as an extern extension type).
inline constexpr std::string_view kArrayArray = "array.array";
auto IsArrayArray(const Type& t) -> bool;
// The type an instance test names: an extension type, or `array.array`.
auto InstanceTestName(const Type& t) -> const std::string&;

// How the type reads in pyxx source ("cython.ulong", "object", "cython.double[:, ::1]").
auto SpellPyxx(const Type& t) -> std::string;
// How the type reads in generated C++ ("unsigned long", "PyObject*").
auto SpellCpp(const Type& t) -> std::string;
// How Cython's `cython.typeof` names the type ("int", "unsigned long", "list object", "Python object").
auto SpellCython(const Type& t) -> std::string;
// The same for pointers, arrays, structs and vectors (checked/c_data_types.cpp).
auto SpellCDataPyxx(const Type& t) -> std::string;
auto SpellCDataCpp(const Type& t) -> std::string;
auto SpellCDataCython(const Type& t) -> std::string;
// Equality of two pointer, array or struct types (of the same kind).
auto SameCData(const Type& a, const Type& b) -> bool;

// A phrase for diagnostics: "`cython.ulong`", "a Python object", "a Python `list`".
auto Describe(const Type& t) -> std::string;

}  // namespace pyxx::checked
