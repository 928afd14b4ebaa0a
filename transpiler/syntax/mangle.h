// Class-private name mangling, as CPython's compiler does it: inside a class
// body (and the functions in it), an identifier `__x` that does not end in `__`
// stands for `_Class__x`.
#pragma once

#include <string>
#include <string_view>

#include "syntax/tree.h"

namespace pyxx::syntax {

// The name a `def` or `class` was written with: its `__name__` (the binding may be mangled).
inline auto WrittenName(const Function& fn) -> const std::string& {
  return fn.unmangled_name.empty() ? fn.name : fn.unmangled_name;
}
inline auto WrittenClassName(const Stmt& class_stmt) -> const std::string& {
  return class_stmt.unmangled_name.empty() ? class_stmt.name : class_stmt.unmangled_name;
}

// `name` as written in class `class_name`: `_Class__name` for a private name,
// else `name` (CPython's _Py_Mangle).
auto MangledName(std::string_view class_name, std::string_view name) -> std::string;

// Rewrites the names, attribute names, parameters, `global`/`nonlocal` names,
// `except ... as` names and import bindings of a lowered `class` statement's body
// (nested classes' bodies excepted: they were rewritten with their own name). A
// `def` or `class` whose binding changes keeps the name it was written with
// in `unmangled_name`, which is its `__name__`.
void MangleClassPrivateNames(Stmt& class_stmt);

}  // namespace pyxx::syntax
