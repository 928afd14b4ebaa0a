// The Makefile-style dependency file of `pyxx translate --depfile`.
#pragma once

#include <string>
#include <vector>

namespace pyxx::driver {

// "TARGET: INPUT MORE...\n" with the paths escaped for make (space, tab, '#',
// '$', '\' before those). `more`: the declarations files of cimported modules.
// False + `error` for a path make cannot spell (a newline).
auto DepfileText(const std::string& target, const std::string& input, const std::vector<std::string>& more,
                 std::string& text, std::string& error) -> bool;

}  // namespace pyxx::driver
