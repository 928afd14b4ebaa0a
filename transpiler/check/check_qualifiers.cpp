// `cython.const[T]` and `cython.volatile[T]` on a function's local variables
// (and const on its parameters and result): what they may qualify, where they
// may be declared, and that nothing stores to a const one after its declaration.
#include <fmt/format.h>

#include "check/checker_impl.h"
#include "syntax/walk.h"

namespace pyxx::check {

namespace {

auto QualifierName(const syntax::TypeExpr& t) -> const char* {
  return t.is_const ? "cython.const" : "cython.volatile";
}

// A generator's locals live in its frame object, declared apart from the body.
auto Yields(const syntax::Block& body) -> bool {
  bool yields = false;
  syntax::ForEachExprIn(body, [&](const Expr& e) {
    yields |= e.kind == Expr::Kind::Yield || e.kind == Expr::Kind::Await;
  });
  return yields;
}

}  // namespace

auto Checker::QualifiedLocalType(const FunctionInfo& fn, const Stmt& s, bool numba, bool top_level)
    -> std::optional<Type> {
  const syntax::TypeExpr& annotation = *s.annotation;
  syntax::TypeExpr unqualified = annotation;
  unqualified.is_const = false;
  unqualified.is_volatile = false;
  Type t = AnnotationType(unqualified, numba);
  if (t.IsError()) {
    return std::nullopt;
  }
  const char* qualifier = QualifierName(annotation);
  // A C number, or (const only) a pointer: what the C++ declaration can qualify
  // without touching conversions of structs, arrays and views.
  if (!(t.IsNumeric() || (t.IsPointer() && !annotation.is_volatile)) || (annotation.is_const && annotation.is_volatile)) {
    Report(Kind::UnsupportedType, annotation.range, fmt::format("`{}` of {}", qualifier, Describe(t)));
    return std::nullopt;
  }
  if (!top_level) {
    // C++ scopes a declaration to its block; Python's local outlives it.
    Report(Kind::UnsupportedType, s.targets[0]->range,
           fmt::format("a `{}` local declared inside a block (declare it in the function's own body)", qualifier));
    return std::nullopt;
  }
  if (fn.syntax != nullptr && Yields(fn.syntax->body)) {
    Report(Kind::UnsupportedType, annotation.range, fmt::format("a `{}` local in a generator or coroutine", qualifier));
    return std::nullopt;
  }
  if (annotation.is_const && !s.value) {
    Report(Kind::InvalidTypeUse, s.targets[0]->range,
           fmt::format("the `cython.const` variable `{}` must be given its value where it is declared",
                       s.targets[0]->name));
    return std::nullopt;
  }
  return t;
}

void Checker::MarkQualifiedLocals(FunctionInfo& fn, const std::unordered_map<std::string, const Stmt*>& qualified,
                                  const std::vector<std::pair<std::string, SourceRange>>& bindings) {
  for (const auto& entry : qualified) {
    const std::string& name = entry.first;  // not a structured binding: lambdas below capture it
    const Stmt* declaration = entry.second;
    auto it = fn.local_index.find(name);
    if (it == fn.local_index.end()) {
      continue;  // declared `global`: the annotation was rejected there
    }
    LocalVar& local = fn.locals[static_cast<size_t>(it->second)];
    local.is_const = declaration->annotation->is_const;
    local.is_volatile = declaration->annotation->is_volatile;
    if (!local.is_const) {
      continue;
    }
    const SourceRange declared = declaration->targets[0]->range;
    // The C++ variable exists from its declaration on: an earlier use (its own
    // value included) would be Python's UnboundLocalError.
    syntax::ForEachExprIn(fn.syntax->body, [&](const Expr& e) {
      if (e.kind == Expr::Kind::Name && e.name == name && e.range.begin < declaration->range.end &&
          e.range.begin != declared.begin) {
        Report(Kind::UseBeforeAssignment, e.range, name);
      }
    });
    for (const auto& [bound, where] : bindings) {
      if (bound == name && where.begin != declared.begin) {
        Report(Kind::InvalidAssignmentTarget, where,
               fmt::format("store to `{}`: it is declared `cython.const`", name))
            .AddNote(Kind::PreviousDefinition, declared, name);
      }
    }
  }
}

auto Checker::ConstValueType(const syntax::TypeExpr& annotation, bool numba) -> Type {
  syntax::TypeExpr unqualified = annotation;
  unqualified.is_const = false;
  Type t = AnnotationType(unqualified, numba);
  if (t.IsError()) {
    return t;
  }
  // As for locals: a C number or a pointer, whose C++ type a `const` does not change
  // at a call (the parameter is a copy, the result a value).
  if (!(t.IsNumeric() || t.IsPointer())) {
    Report(Kind::UnsupportedType, annotation.range, fmt::format("`cython.const` of {}", Describe(t)));
    return Type::Error();
  }
  return t;
}

void Checker::MarkConstParams(FunctionInfo& fn, const std::vector<std::pair<std::string, SourceRange>>& bindings) {
  if (fn.syntax == nullptr) {
    return;
  }
  for (const syntax::Param& p : fn.syntax->params) {
    if (!p.annotation || !p.annotation->is_const || p.annotation->is_volatile) {
      continue;
    }
    auto it = fn.local_index.find(p.name);
    if (it == fn.local_index.end()) {
      continue;
    }
    fn.locals[static_cast<size_t>(it->second)].is_const = true;
    // The parameter is bound by the call: every binding in the body is a store.
    for (const auto& [bound, where] : bindings) {
      if (bound == p.name && where.begin != p.range.begin) {
        Report(Kind::InvalidAssignmentTarget, where,
               fmt::format("store to `{}`: the parameter is declared `cython.const`", p.name))
            .AddNote(Kind::PreviousDefinition, p.range, p.name);
      }
    }
  }
}

}  // namespace pyxx::check
