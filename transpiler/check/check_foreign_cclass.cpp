// Extension types of other pyxx modules (`from cython.cimports.pkg.mod import T`):
// the declarations file lists each type's exported fields and C methods. They
// are declared here as "pkg.mod.T", so that annotations, casts, `isinstance`
// and field access treat them as the module's own types; their C methods are
// foreign functions taking the instance first (called through the exporting
// module's trampolines), their fields are reached at the offsets it publishes.
#include <fmt/format.h>

#include <algorithm>

#include "check/checker_impl.h"

namespace pyxx::check {

namespace {

// "T" of the exporting module is "mod.T" here.
auto Qualified(const std::string& module, const Type& t) -> Type {
  return t.IsExtension() ? Type::Instance(module + "." + t.extension) : t;
}

}  // namespace

void Checker::DeclareForeignCClasses() {
  if (cimports_ == nullptr) {
    return;
  }
  for (const CimportedModule& m : *cimports_) {
    if (m.declarations == nullptr) {
      continue;
    }
    const CheckedModule& declared = *m.declarations;
    for (const CClassInfo& cls : declared.cclasses) {  // bases first, as the module defines them
      CClassInfo foreign;
      foreign.name = m.name + "." + cls.name;
      foreign.foreign_module = m.name;
      foreign.foreign_name = cls.name;
      foreign.final = cls.final;
      foreign.base = cls.base.empty() ? std::string() : m.name + "." + cls.base;
      for (const auto& f : cls.fields) {
        foreign.field_index.emplace(f.name, static_cast<int>(foreign.fields.size()));
        foreign.fields.push_back(checked::CClassField{f.name, Qualified(m.name, f.type), f.visibility, f.declared});
      }
      std::vector<std::pair<int, std::string>> methods;  // in source order: the emitted code is stable
      for (const auto& [name, index] : cls.c_method_index) {
        methods.emplace_back(index, name);
      }
      std::sort(methods.begin(), methods.end());
      for (const auto& [index, name] : methods) {
        const FunctionInfo& method = declared.functions[static_cast<size_t>(index)];
        ForeignFunction f{m.name, method, cls.name, &method};
        f.info.cclass = -1;  // an index into the other module's types
        for (Type& t : f.info.param_types) {
          t = Qualified(m.name, t);
        }
        if (!f.info.locals.empty()) {
          f.info.locals[0].type = f.info.param_types[0];
        }
        f.info.return_type = Qualified(m.name, f.info.return_type);
        // What the declaration says, not what its `...` body does (as for functions).
        const auto& attrs = method.syntax->attrs;
        f.info.can_raise = !(attrs.has_exceptval && !attrs.exceptval_check);
        f.info.uses_module = false;
        out_.foreign_functions.push_back(std::move(f));
        foreign.foreign_methods.emplace(name, static_cast<int>(out_.foreign_functions.size()) - 1);
      }
      out_.cclass_index.emplace(foreign.name, static_cast<int>(out_.cclasses.size()));
      out_.cclasses.push_back(std::move(foreign));
    }
  }
}

auto Checker::ForeignCClassNamed(const Expr& ref) const -> std::string {
  if (ref.kind != Expr::Kind::DialectRef) {
    return {};
  }
  auto it = out_.cclass_index.find(ref.dialect_path);
  return it != out_.cclass_index.end() && out_.cclasses[static_cast<size_t>(it->second)].IsForeign() ? ref.dialect_path
                                                                                                    : std::string();
}

auto Checker::CheckForeignCClassCall(const Expr& e, const std::string& cls) -> Type {
  Type made = CheckObjectCall(e);
  if (made.IsError()) {
    return made;
  }
  static_cast<void>(cls);
  MarkRaises();
  return made;  // an object, as a call of the module's own types gives (annotate the variable to type it)
}

auto Checker::PeekForeignMethod(const Expr& call) const -> int {
  const Expr& callee = call.callee();
  if (callee.kind != Expr::Kind::Attribute) {
    return -1;
  }
  std::optional<Type> t = PeekInstanceType(callee.object());
  // The type's own C methods first: a type derived from a cimported one inherits its C methods.
  return t && out_.FindCMethod(t->extension, callee.name) < 0 ? out_.FindForeignMethod(t->extension, callee.name) : -1;
}

auto Checker::CheckForeignMethodCall(const Expr& e, int foreign) -> Type {
  const Expr& callee = e.callee();
  // Copies: checking the arguments may add foreign functions (the vector grows).
  const ForeignFunction f = out_.foreign_functions[static_cast<size_t>(foreign)];
  const FunctionInfo& method = f.info;
  Type object = CheckExpr(callee.object());
  Record(callee, Type::Error());  // a C method is no value of its own
  if (object.IsError()) {
    CheckObjectArguments(e);
    return Type::Error();
  }
  out_.Write(callee).resolution = Resolution{Resolution::Kind::ForeignFunction, foreign, method.name()};
  if (!method.nogil) {
    bool reported = RequireGilForCall(
        fmt::format("`{}.{}` of module `{}` (declared without `@cython.nogil`)", f.method_of, method.name(), f.module),
        e.range, -1);
    if (reported || InNogil()) {
      return Type::Error();
    }
  } else if (InNogil() && !CheckBorrowedInstance(callee.object())) {
    return Type::Error();
  }
  MarkRaises();  // None has no methods (AttributeError)
  if (HasUnpacking(e)) {
    Report(Kind::UnsupportedExpression, e.args_range.empty() ? e.range : e.args_range,
           fmt::format("`*`/`**` unpacking in a call of the C method `{}`", method.name()));
    CheckObjectArguments(e);
    return Type::Error();
  }
  return CheckBoundArguments(e, method, &callee.object());
}

}  // namespace pyxx::check
