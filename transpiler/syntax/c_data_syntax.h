// C data types written as expressions: `cython.pointer(T)`, `cython.pointer[T]`,
// `cython.p_int`, `cython.int[10]`, struct/union/typedef names, libc.stdint's
// fixed-width integers. One reader for annotations (lower_types.cpp) and for the
// type arguments of cython.declare/cast/sizeof (check/), so both agree.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "syntax/tree.h"

namespace pyxx::syntax {

// Is `name` a struct, union or typedef the module declares?
using CTypeNames = std::function<bool(const std::string& name)>;

// The C data type `e` spells, or nullopt when it does not have the shape of
// one (then the caller's own rules apply: scalars, objects, memoryviews).
// A shape that is wrong inside (`cython.pointer(3)`) gives Kind::Invalid.
auto CDataTypeExpr(const Expr& e, const CTypeNames& names) -> std::optional<TypeExpr>;

// Any type a C data type can be built on: a scalar, `object`, or C data.
auto AnyCTypeExpr(const Expr& e, const CTypeNames& names) -> std::optional<TypeExpr>;

// `libcpp.map.map`, `libcpp.set.set`, `libcpp.utility.pair` and the unordered
// ones: the C++ class templates of two or one parameters pyxx compiles besides
// `vector` (their TypeExpr is Kind::CppTemplate).
auto IsCppTemplatePath(std::string_view dialect_path) -> bool;

// `p_int`, `pp_double` (Cython's pointer shorthands): the number of `p`s and the scalar.
auto PointerShorthand(std::string_view name) -> std::optional<std::pair<int, ScalarKind>>;

// A C type named without `cython.` where Cython reads a C type (its
// parse_basic_type): the type of `cython.cast`/`sizeof`/`declare`, a member of
// `cython.fused_type(...)`. `double`, `int`, `float` (C float), `ulong`,
// `p_char`, `pp_double`; nullopt for other names. (In an annotation such a
// name is no C type for Cython.)
auto BareCTypeName(std::string_view name, SourceRange range) -> std::optional<TypeExpr>;

// `libc.stdint.int32_t` and friends, on LP64.
auto StdintScalar(std::string_view canonical_path) -> std::optional<ScalarKind>;

// The C typedefs of NumPy's `numpy` .pxd (`numpy.int32_t`, `numpy.float64_t`,
// `numpy.npy_intp`, ...), as the C types NumPy's headers make them on LP64;
// nullopt for other names (those whose C type changed between NumPy versions
// included: `long_t`, `ulong_t`).
auto NumpyScalar(std::string_view canonical_path) -> std::optional<ScalarKind>;

// `X = cython.struct(...)`, `cython.union(...)`, `cython.typedef(T)` at the top
// of a module: "struct", "union" or "typedef" (its call is `s.value`), else "".
auto CTypeDeclarationKind(const Stmt& s) -> std::string_view;

}  // namespace pyxx::syntax
