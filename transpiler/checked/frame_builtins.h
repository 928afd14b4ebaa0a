// The builtins that read the calling Python frame: globals(), locals(),
// vars(), dir(), eval(), exec(). Compiled code has no frame of its own, so
// the builtins themselves would see the caller's. check/ decides what a call
// means where it stands; emit/ gives the module's (or class body's) namespaces.
#pragma once

#include <string>

namespace pyxx::checked {

// Where a call of one of them stands: the Resolution::index of its callee
// (kind Builtin; -1 is an ordinary builtin call).
enum class FrameScope : int {
  Module = 0,     // module code: globals and locals are the module's __dict__
  ClassBody = 1,  // a class body: locals are the class namespace
  Function = 2,   // a function, lambda or comprehension: locals are its variables
};

inline auto IsFrameBuiltin(const std::string& name) -> bool {
  return name == "globals" || name == "locals" || name == "vars" || name == "dir" || name == "eval" ||
         name == "exec";
}

}  // namespace pyxx::checked
