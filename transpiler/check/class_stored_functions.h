// The names a module stores as attributes of a class: `meth = f` in a class
// body, `Cls.meth = f` anywhere (`Cls` a class of the module). A module-level
// `def` of such a name must bind as a method, as Python's functions do, so it
// becomes a function object (FunctionInfo::bound_at_def) instead of a builtin
// function of the module.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "syntax/tree.h"

namespace pyxx::check {

// Every name that is the value of an assignment in a class body, or of an
// assignment to an attribute of a name that one of the module's `class`
// statements binds, or the value of `setattr(Cls, ...)` of such a name,
// anywhere in the module (nested bodies included); a value's names are those
// it may evaluate to (`f if c else g`, `f or g`). A
// superset is harmless: such a function only becomes a function object,
// which behaves as Python's.
auto FunctionsStoredInClasses(const syntax::Module& module) -> std::set<std::string>;

// The value `v` of a call `setattr(Cls, name, v)` with `Cls` one of `classes`, or null.
auto SetattrOfClassValue(const syntax::Expr& call, const std::set<std::string>& classes) -> const syntax::Expr*;

// The names a stored value may evaluate to: `f`, either branch of
// `f if c else g`, any operand of `f or g` / `f and g`, the value of `(m := f)`.
auto StoredValueNames(const syntax::Expr& value) -> std::vector<const syntax::Expr*>;

// The names the module's `class` statements bind (nested ones included).
auto ModuleClassNames(const syntax::Module& module) -> std::set<std::string>;

}  // namespace pyxx::check
