// `from cython.cimports.cpython import array` (Cython's cpython/array.pxd):
// `array.array` as a type (an isinstance test at every store, as for an
// extension type), as a value, the inline helpers (`array.clone`, `resize`,
// `extend`, ...) and the data pointer `a.data.as_ints`. The runtime does them
// through public API only (runtime/include/pyxx/cpython_array.hpp).
#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {
namespace {

constexpr std::string_view kArrayPath = "cpython.array.array";
constexpr std::string_view kHelperPrefix = "cpython.array.";

// A helper's parameters: 'a' an array.array, 'n' a Py_ssize_t, 'b' a bint,
// 'p' a char pointer; the result: 'a' an array.array, 'i' an int (0), 'v' void.
struct ArrayHelper {
  std::string_view name;
  std::string_view params;
  std::array<std::string_view, 3> names;
  char result;
};

constexpr ArrayHelper kHelpers[] = {
    {"clone", "anb", {"template", "length", "zero"}, 'a'},
    {"copy", "a", {"self"}, 'a'},
    {"resize", "an", {"self", "n"}, 'i'},
    {"resize_smart", "an", {"self", "n"}, 'i'},
    {"extend", "aa", {"self", "other"}, 'i'},
    {"extend_buffer", "apn", {"self", "stuff", "n"}, 'i'},
    {"zero", "a", {"self"}, 'v'},
};

// The members of Cython's `__data_union` pyxx reads (not `as_pyunicodes`:
// Py_UNICODE is gone from CPython's API).
struct DataMember {
  std::string_view name;
  TypeKind element;  // Void: `as_voidptr`
};

constexpr DataMember kDataMembers[] = {
    {"as_voidptr", TypeKind::Void},     {"as_chars", TypeKind::Char},       {"as_schars", TypeKind::SChar},
    {"as_uchars", TypeKind::UChar},     {"as_shorts", TypeKind::Short},     {"as_ushorts", TypeKind::UShort},
    {"as_ints", TypeKind::Int},         {"as_uints", TypeKind::UInt},       {"as_longs", TypeKind::Long},
    {"as_ulongs", TypeKind::ULong},     {"as_longlongs", TypeKind::LongLong}, {"as_ulonglongs", TypeKind::ULongLong},
    {"as_floats", TypeKind::Float},     {"as_doubles", TypeKind::Double},
};

auto KnownHelpers() -> std::string {
  std::string out;
  for (const auto& h : kHelpers) {
    out += (out.empty() ? "`array." : ", `array.") + std::string(h.name) + "`";
  }
  return out;
}

}  // namespace

auto Checker::IsArrayTypeRef(const Expr& e) -> bool {
  return e.kind == Expr::Kind::DialectRef && e.dialect_path == kArrayPath;
}

void Checker::UseArrayType(SourceRange where) {
  if (!out_.array_type_used) {
    out_.array_type_used = where;
  }
}

auto Checker::CheckArrayTypeValue(const Expr& e) -> Type {
  if (RequireGil(GilOp::PassObject, e.range, "(the type `array.array`)")) {
    return Type::Error();
  }
  UseArrayType(e.range);
  // The type object, emitted as a cimported extension type's is.
  out_.Write(e).resolution = Resolution{Resolution::Kind::ForeignCClass, -1, std::string(checked::kArrayArray)};
  return Type::Object("type");
}

auto Checker::CheckArrayHelperCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  const std::string name = path.substr(kHelperPrefix.size());
  const auto* helper = std::find_if(std::begin(kHelpers), std::end(kHelpers),
                                    [&](const ArrayHelper& h) { return h.name == name; });
  if (helper == std::end(kHelpers)) {
    Report(Kind::UnsupportedExpression, e.callee().range,
           fmt::format("`array.{}` of cpython.array (pyxx knows {}; CPython's array object layout is private)", name,
                       KnownHelpers()));
    return Type::Error();
  }
  // Positional arguments, then keywords by Cython's parameter names.
  const size_t arity = helper->params.size();
  std::vector<const Expr*> bound(arity, nullptr);
  if (e.args.size() > arity) {
    Report(Kind::WrongArgumentCount, e.range, "array." + name, arity, arity == 1 ? "" : "s", e.args.size(), "were");
    return Type::Error();
  }
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (e.args[i]->kind == Expr::Kind::Starred) {
      Report(Kind::UnsupportedExpression, e.args[i]->range, fmt::format("`*` arguments to `array.{}`", name));
      return Type::Error();
    }
    bound[i] = e.args[i].get();
  }
  for (const auto& kw : e.keywords) {
    const auto* it = std::find(helper->names.begin(), helper->names.begin() + arity, kw.name);
    if (kw.name.empty() || it == helper->names.begin() + arity) {
      Report(Kind::WrongArgumentCount, kw.name.empty() ? kw.value->range : kw.name_range, "array." + name,
             fmt::format("no argument named `{}`;", kw.name), "", "it", "was");
      return Type::Error();
    }
    const auto k = static_cast<size_t>(it - helper->names.begin());
    if (bound[k] != nullptr) {
      Report(Kind::InvalidTypeUse, kw.name_range, fmt::format("`{}` is given twice to `array.{}`", kw.name, name));
      return Type::Error();
    }
    bound[k] = kw.value.get();
  }
  if (std::count(bound.begin(), bound.end(), nullptr) != 0) {
    const size_t given = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.range, "array." + name, arity, arity == 1 ? "" : "s", given,
           given == 1 ? "was" : "were");
    return Type::Error();
  }
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, path};
  // Cython's helpers are no nogil functions: they make, resize or read Python objects.
  if (RequireGilForCall(fmt::format("`array.{}`", name), e.range, -1)) {
    return Type::Error();
  }
  UseArrayType(e.range);
  bool ok = true;
  const Type array = Type::Object(std::string(checked::kArrayArray));
  // Checked in source order (positional, then keywords), as they are evaluated.
  std::vector<const Expr*> order;
  for (const auto& a : e.args) {
    order.push_back(a.get());
  }
  for (const auto& kw : e.keywords) {
    order.push_back(kw.value.get());
  }
  for (const Expr* a : order) {
    const char code = helper->params[static_cast<size_t>(std::find(bound.begin(), bound.end(), a) - bound.begin())];
    Type t = CheckExpr(*a);
    if (t.IsError()) {
      ok = false;
      continue;
    }
    switch (code) {
      case 'a':
        ok &= CheckConvertible(*a, t, array);
        break;
      case 'n':
        ok &= CheckConvertible(*a, t, Type::Of(TypeKind::SSizeT));
        break;
      case 'b':
        ok &= CheckConvertible(*a, t, Type::Of(TypeKind::Bint));
        break;
      default: {  // 'p': Cython's `char* stuff`
        Type p = (t.IsArray() ? Type::PointerTo(*t.target) : t);
        if (!p.IsPointer() || p.target == nullptr ||
            (p.target->kind != TypeKind::Char && p.target->kind != TypeKind::UChar &&
             p.target->kind != TypeKind::SChar)) {
          Report(Kind::TypeMismatch, a->range, Describe(t), "a `cython.p_char`");
          ok = false;
        }
        break;
      }
    }
  }
  out_.Write(e).call_arguments = bound;
  MarkRaises();  // MemoryError, TypeError (None, another typecode), BufferError (a resize while exported)
  if (!ok) {
    return Type::Error();
  }
  switch (helper->result) {
    case 'a': return array;
    case 'i': return Type::Of(TypeKind::Int);
    default: return Type::Of(TypeKind::Void);
  }
}

auto Checker::CheckArrayData(const Expr& e) -> std::optional<Type> {
  const Expr& base = e.object();  // already checked
  if (base.kind != Expr::Kind::Attribute || base.name != "data" || !IsArrayArray(TypeOf(base.object()))) {
    return std::nullopt;
  }
  // `.data` was checked as an object attribute of an array: what it stands for is decided here.
  const auto* member = std::find_if(std::begin(kDataMembers), std::end(kDataMembers),
                                    [&](const DataMember& m) { return m.name == e.name; });
  if (member == std::end(kDataMembers)) {
    Report(Kind::UnsupportedExpression, e.range,
           fmt::format("`.data.{}` of an `array.array` (pyxx reads `.data.as_voidptr`, `.as_chars`, `.as_ints`, "
                       "`.as_doubles`, ... of the C number types)",
                       e.name));
    return Type::Error();
  }
  // The pointer comes from the buffer protocol (the array's struct is private to
  // CPython), which needs the GIL; Cython reads the struct and does not.
  if (RequireGil(GilOp::ArrayData, e.range, fmt::format("(`.data.{}`: take the pointer before `with nogil:`)", e.name))) {
    return Type::Error();
  }
  MarkRaises();  // AttributeError for None
  out_.Write(e).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "array.data"};
  return Type::PointerTo(Type::Of(member->element));
}

}  // namespace pyxx::check
