// Which locals some read may find unbound: a definite-assignment analysis of a
// function body, on the syntax alone. A local inferred as a C type has no
// "unbound" state, so one that may be read before it is assigned stays a
// Python object (check_infer.cpp), whose read raises UnboundLocalError as in
// Python. The analysis is conservative: "maybe unbound" may be said of a read
// that is always bound (that costs speed, never a wrong result).
#pragma once

#include <string>
#include <unordered_set>

#include "syntax/tree.h"

namespace pyxx::check {

// The names of `candidates` that some read in `body` (outside nested `def`s,
// lambdas and generator expressions) may find unbound.
auto MaybeUnboundNames(const syntax::Block& body, const std::unordered_set<std::string>& candidates)
    -> std::unordered_set<std::string>;

}  // namespace pyxx::check
