// Class-private name mangling (see mangle.h).
#include "syntax/mangle.h"

#include "syntax/walk.h"

namespace pyxx::syntax {

auto MangledName(std::string_view class_name, std::string_view name) -> std::string {
  if (name.size() < 3 || name.substr(0, 2) != "__" || name.substr(name.size() - 2) == "__" ||
      name.find('.') != std::string_view::npos) {
    return std::string(name);
  }
  const size_t first = class_name.find_first_not_of('_');
  if (first == std::string_view::npos) {
    return std::string(name);  // a class named only with underscores mangles nothing
  }
  return "_" + std::string(class_name.substr(first)) + std::string(name);
}

namespace {

class Mangler {
 public:
  explicit Mangler(std::string class_name) : class_name_(std::move(class_name)) {}

  void Block(syntax::Block& block) {
    for (auto& s : block) {
      if (s) Statement(*s);
    }
  }

 private:
  void Rename(std::string& name) { name = MangledName(class_name_, name); }

  void Expression(Expr& e) {
    if (e.kind == Expr::Kind::Name || e.kind == Expr::Kind::Attribute) {
      Rename(e.name);  // not a call's keyword names: CPython leaves those as written
    }
    ForEachChild(e, [&](Expr& child) { Expression(child); });
    if (e.kind == Expr::Kind::Lambda && e.function) {
      Parameters(*e.function);
      Block(e.function->body);
    }
  }

  void Parameters(Function& fn) {
    for (auto& p : fn.params) {
      Rename(p.name);
    }
  }

  void Statement(Stmt& s) {
    if (s.kind == Stmt::Kind::Class) {
      // Its name, decorators, bases and keywords are in this scope; its body is its own.
      RenameBinding(s.name, s.unmangled_name);
      for (auto& d : s.decorators) Expression(*d);
      for (auto& b : s.bases) Expression(*b);
      for (auto& k : s.class_keywords) Expression(*k.value);
      return;
    }
    if (s.function) {
      RenameBinding(s.function->name, s.function->unmangled_name);
      Parameters(*s.function);
    }
    for (auto& name : s.names) {
      Rename(name);  // global, nonlocal
    }
    for (auto& h : s.handlers) {
      Rename(h.name);
    }
    for (auto& imp : s.imports) {
      const std::string bound = BoundName(imp);
      const std::string mangled = MangledName(class_name_, bound);
      if (mangled != bound) imp.alias = mangled;
    }
    ForEachChild(s, Overloaded{[&](Expr& e) { Expression(e); }, [&](Stmt& child) { Statement(child); }});
  }

  void RenameBinding(std::string& name, std::string& unmangled) {
    std::string mangled = MangledName(class_name_, name);
    if (mangled != name) {
      unmangled = name;
      name = std::move(mangled);
    }
  }

  std::string class_name_;
};

}  // namespace

void MangleClassPrivateNames(Stmt& class_stmt) {
  if (class_stmt.blocks.empty()) return;
  Mangler(WrittenClassName(class_stmt)).Block(class_stmt.blocks[0]);
}

}  // namespace pyxx::syntax
