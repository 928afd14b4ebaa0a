#include "driver/compiler_family.h"

#include <cstdlib>

#include "driver/files.h"

namespace pyxx::driver {

auto CompilerFamilyOf(const std::vector<std::string>& cxx) -> CompilerFamily {
  CompilerFamily family = CompilerFamily::kOther;
  for (const std::string& word : cxx) {
    std::string program = FindProgram(word);
    if (program.empty()) {
      continue;
    }
    char* real = realpath(program.c_str(), nullptr);
    std::string name = real != nullptr ? real : program;
    std::free(real);
    name = name.substr(name.find_last_of('/') + 1);
    if (name.find("clang") != std::string::npos) {
      return CompilerFamily::kClang;
    }
    if (name.find("g++") != std::string::npos || name.find("gcc") != std::string::npos) {
      family = CompilerFamily::kGcc;
    }
  }
  return family;
}

}  // namespace pyxx::driver
