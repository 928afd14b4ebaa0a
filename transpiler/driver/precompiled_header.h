// A precompiled header of what every generated module starts with (the
// pragmas and `#include "pyxx/runtime.hpp"`, so Python.h and the runtime):
// most of a small module's compile time is spent parsing these. It is built
// once per compiler, flags, Python and runtime into the cache directory
// (cache_dir.h) and handed to each compile with `-include`; the compiled
// module is byte-identical to one built without it. GCC only (its .gch is
// found beside the header); with another compiler nothing changes.
#pragma once

#include <string>
#include <vector>

#include "driver/build.h"

namespace pyxx::driver {

// The lines of generated C++ up to its runtime include, comments left out;
// empty when there is no such include.
auto GeneratedPrelude(const std::string& cpp) -> std::string;

// The flags that make a compile of a module with this `prelude` use the
// precompiled header, building it first when the cache has none; empty when
// none can be used (`why` then says why, for -v).
auto PrecompiledHeaderFlags(const CompilerSettings& settings, const std::string& prelude,
                            const std::string& toolchain, int timeout_seconds, std::string& why)
    -> std::vector<std::string>;

}  // namespace pyxx::driver
