// The linker a build uses. GNU ld takes about 40 ms of CPU for a small
// module's link, a sixth of a warm `pyxx build`; gold links the same module in
// a few. Whether the compiler can link with gold (`-fuse-ld=gold`) is probed
// once per compiler, by linking an empty shared library, and the answer kept
// in the cache directory (cache_dir.h). The choice joins the compile command
// (and so the build stamp), for every module of the build, with or without the
// precompiled header, so that a module is the same file either way.
#pragma once

#include <string>

#include "driver/build.h"

namespace pyxx::driver {

// The flag that makes GCC and Clang link with gold.
inline constexpr const char* kGoldLinkerFlag = "-fuse-ld=gold";

// True when the compiler (GCC or Clang) can link with gold; false when it
// cannot, when it is another program, when the user chose a linker (-fuse-ld= in the command, CXXFLAGS or LDFLAGS), or when
// there is no cache to keep the answer in (`why` then says why, for -v).
auto CanUseGoldLinker(const CompilerSettings& settings, const std::string& toolchain, int timeout_seconds,
                      std::string& why) -> bool;

}  // namespace pyxx::driver
