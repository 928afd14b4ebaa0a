// Which compiler a command runs, judged by the files it names (followed
// through symlinks: c++ -> /etc/alternatives/c++ -> g++-12), without running
// it: `ccache g++` is GCC, `clang++` is Clang, a script in their place is
// neither. What pyxx adds to a build (a precompiled header, the gold linker)
// is only tried with a compiler known to take it.
#pragma once

#include <string>
#include <vector>

namespace pyxx::driver {

enum class CompilerFamily { kGcc, kClang, kOther };

auto CompilerFamilyOf(const std::vector<std::string>& cxx) -> CompilerFamily;

}  // namespace pyxx::driver
