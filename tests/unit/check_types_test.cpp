// The checker's type algebra: C's promotions and usual arithmetic conversions,
// and the join used by the inference of unannotated locals.
#include <catch2/catch.hpp>

#include "check/types.h"

using pyxx::check::CommonArithmetic;
using pyxx::check::Join;
using pyxx::check::Promote;
using pyxx::check::SpellCpp;
using pyxx::check::SpellPyxx;
using pyxx::check::Type;
using pyxx::check::TypeKind;

TEST_CASE("small integer types promote to int", "[check]") {
  CHECK(Promote(Type::Of(TypeKind::UChar)).kind == TypeKind::Int);
  CHECK(Promote(Type::Of(TypeKind::Short)).kind == TypeKind::Int);
  CHECK(Promote(Type::Of(TypeKind::Bint)).kind == TypeKind::Int);
  CHECK(Promote(Type::Of(TypeKind::UInt)).kind == TypeKind::UInt);
  CHECK(Promote(Type::Of(TypeKind::Double)).kind == TypeKind::Double);
}

TEST_CASE("usual arithmetic conversions follow C", "[check]") {
  auto common = [](TypeKind a, TypeKind b) { return CommonArithmetic(Type::Of(a), Type::Of(b)).kind; };
  CHECK(common(TypeKind::Int, TypeKind::Long) == TypeKind::Long);
  CHECK(common(TypeKind::Int, TypeKind::UInt) == TypeKind::UInt);
  CHECK(common(TypeKind::Long, TypeKind::ULong) == TypeKind::ULong);
  CHECK(common(TypeKind::UInt, TypeKind::Long) == TypeKind::Long);  // long holds every uint
  CHECK(common(TypeKind::ULong, TypeKind::LongLong) == TypeKind::ULongLong);
  CHECK(common(TypeKind::Short, TypeKind::UShort) == TypeKind::Int);
  CHECK(common(TypeKind::Float, TypeKind::Long) == TypeKind::Float);
  CHECK(common(TypeKind::Float, TypeKind::Double) == TypeKind::Double);
  CHECK(common(TypeKind::Error, TypeKind::Int) == TypeKind::Error);
}

TEST_CASE("joining assigned types", "[check]") {
  CHECK(Join(Type::Error(), Type::Of(TypeKind::ULong)).kind == TypeKind::ULong);
  CHECK(Join(Type::Of(TypeKind::Int), Type::Of(TypeKind::Double)).kind == TypeKind::Double);
  CHECK(Join(Type::Of(TypeKind::Int), Type::Object()).IsObject());
  Type view = Type::Of(TypeKind::MemoryView);
  view.ndim = 1;
  CHECK(Join(view, Type::Of(TypeKind::Int)).IsObject());
}

TEST_CASE("types are spelled for users and for C++", "[check]") {
  Type view = Type::Of(TypeKind::MemoryView);
  view.element = pyxx::syntax::ScalarKind::Float;
  view.ndim = 2;
  view.contiguous_dim = 1;
  CHECK(SpellPyxx(view) == "cython.float[:, ::1]");
  CHECK(SpellCpp(view) == "pyxx::View<float, 2>");
  CHECK(SpellPyxx(Type::Of(TypeKind::ULong)) == "cython.ulong");
  CHECK(SpellCpp(Type::Of(TypeKind::ULong)) == "unsigned long");
  CHECK(SpellCpp(Type::Of(TypeKind::Bint)) == "bool");
  CHECK(SpellPyxx(Type::Object("list")) == "list");
}
