// The Makefile-style dependency file of `pyxx translate --depfile`.
#pragma once

#include <string>

namespace pyxx::driver {

// "TARGET: INPUT\n" with both paths escaped for make (space, tab, '#', '$',
// '\' before those). False + `error` for a path make cannot spell (a newline).
auto DepfileText(const std::string& target, const std::string& input, std::string& text, std::string& error) -> bool;

}  // namespace pyxx::driver
