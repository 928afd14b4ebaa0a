// The `return`, `break` and `continue` statements that leave a block: what a
// `try` whose `finally` block jumps needs to know (check_stmt.cpp, CheckTry).
#pragma once

#include "checked/checked_module.h"
#include "syntax/tree.h"

namespace pyxx::check {

// Which kinds of jump in `block` leave it: a `return` anywhere (outside nested
// `def`/`class`), a `break` or `continue` not inside a loop of the block (a
// loop's `else` block is outside its loop).
auto LeavingJumps(const syntax::Block& block) -> checked::JumpKinds;

}  // namespace pyxx::check
