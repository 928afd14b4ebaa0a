// C++ algorithms (`from cython.cimports.libcpp.algorithm import sort`): the
// templates over a range of contiguous elements that pyxx can type exactly,
// called with pointers or with a vector's `v.begin()` / `v.end()` (which are
// pointers into its elements here, offset with `+ n` / `- n`). Anything else
// of `libcpp.algorithm`, and iterators anywhere but in these calls, is refused.
#include <fmt/format.h>

#include "check/checker_impl.h"

namespace pyxx::check {
namespace {

struct Algorithm {
  const char* name;
  int iterators;  // leading iterator arguments
  bool ordered;   // compares elements with `<`
  bool value;     // a last argument of the element type
};

constexpr Algorithm kAlgorithms[] = {
    {"sort", 2, true, false},         {"stable_sort", 2, true, false}, {"partial_sort", 3, true, false},
    {"nth_element", 3, true, false},  {"reverse", 2, false, false},    {"fill", 2, false, true},
};

}  // namespace

auto Checker::CheckAlgorithmCall(const Expr& e) -> Type {
  const std::string& path = e.callee().dialect_path;
  const std::string name = path.substr(path.rfind('.') + 1);
  out_.Write(e.callee()).resolution = Resolution{Resolution::Kind::CBuiltin, -1, "algorithm." + name};
  Record(e.callee(), Type::Error());
  const Algorithm* algorithm = nullptr;
  for (const Algorithm& a : kAlgorithms) {
    if (name == a.name) algorithm = &a;
  }
  if (algorithm == nullptr) {
    Report(Kind::UnsupportedExpression, e.callee().range, fmt::format("`{}`", path));
    return Type::Error();  // its arguments are not checked: they may be iterators
  }
  const size_t expected = static_cast<size_t>(algorithm->iterators) + (algorithm->value ? 1 : 0);
  if (!e.keywords.empty() || e.args.size() != expected) {
    const size_t n = e.args.size() + e.keywords.size();
    Report(Kind::WrongArgumentCount, e.args_range.empty() ? e.range : e.args_range, name,
           fmt::format("{}", expected), expected == 1 ? "" : "s", n, n == 1 ? "was" : "were");
    return Type::Error();
  }
  // The iterators: pointers of one type (a vector's begin()/end() are pointers here).
  Type iterator = Type::Error();
  bool ok = true;
  ++iterator_arguments_;
  for (int i = 0; i < algorithm->iterators && ok; ++i) {
    const Expr& a = *e.args[static_cast<size_t>(i)];
    Type t = CheckExpr(a);
    if (t.IsError()) {
      ok = false;
      continue;
    }
    if (t.IsArray()) {
      t = Type::PointerTo(*t.target);  // a C array: its first element
    }
    if (!t.IsPointer() || t.IsNull() || t.target->IsVoid()) {
      Report(Kind::TypeMismatch, a.range, Describe(t), "an iterator (a typed pointer, or a vector's `begin()`/`end()`)");
      ok = false;
    } else if (iterator.IsError()) {
      iterator = t;
    } else if (!(t == iterator)) {
      Report(Kind::TypeMismatch, a.range, Describe(t), Describe(iterator));
      ok = false;
    }
  }
  --iterator_arguments_;
  if (!ok) {
    return Type::Error();
  }
  const Type& element = *iterator.target;
  if (algorithm->ordered && !(element.IsInteger() || element.IsFloating() || element.IsCppString())) {
    Report(Kind::InvalidOperands, e.range, "<", fmt::format("{} (`{}` orders its elements)", Describe(element), name));
    return Type::Error();
  }
  if (algorithm->value) {
    const Expr& v = *e.args.back();
    Type t = CheckValueFor(v, element);
    if (t.IsError() || !CheckConvertible(v, t, element)) {
      return Type::Error();
    }
  }
  out_.uses_cpp_algorithm = true;
  MarkRaises();  // ValueError for a range that ends before it begins; MemoryError copying strings
  return Type::Of(TypeKind::Void);
}

}  // namespace pyxx::check
