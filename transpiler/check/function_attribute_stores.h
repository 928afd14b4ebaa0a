// The names whose attributes the module sets or deletes: `f.calls = 0`,
// `f.calls += 1`, `del f.cache`, `setattr(f, "x", v)`, `delattr(f, "x")`.
// A module-level `def` of such a name needs a `__dict__`, as Python's
// functions (and Cython 3's) have, so it becomes a function object
// (FunctionInfo::bound_at_def) instead of a builtin function, which has none.
#pragma once

#include <set>
#include <string>

#include "syntax/tree.h"

namespace pyxx::check {

// Every name that is the object of an attribute store or deletion, or the
// first argument of `setattr`/`delattr`, anywhere in the module (function
// bodies included, whatever the name means there). A superset is harmless:
// such a function only becomes a function object, which behaves as Python's.
auto NamesWithStoredAttributes(const syntax::Module& module) -> std::set<std::string>;

}  // namespace pyxx::check
