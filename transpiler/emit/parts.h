// Parallel translation units: how a large module's C++ is divided into parts
// that `pyxx build` compiles at once (docs/internals.md, "Parts"). The file
// stays one file; `-DPYXX_PART=k` selects part k's definitions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pyxx::emit {

// The number of parts of a module of `source_lines` lines (1: one translation
// unit, the file has no part guards at all).
auto PartCount(size_t source_lines, int part_lines) -> int;
// The part of each function, from the size of its code: contiguous runs of
// about equal size, in source order, part 0 counting `part0_extra` (its code
// that is no function's: the exec function, the method table) before them.
auto AssignParts(const std::vector<size_t>& sizes, int parts, size_t part0_extra = 0) -> std::vector<int>;
// The line written second in the file, which ModulePartCount reads back.
auto PartCountLine(int parts) -> std::string;
// After the runtime include: the macros that make one part of the file or,
// without PYXX_PART, the whole module in its anonymous namespace.
auto PartMacros(const std::string& module_name, int parts) -> std::string;
// `#if` / `#endif` around the definitions of part `part`.
auto PartBegin(int part) -> std::string;
auto PartEnd() -> std::string;

}  // namespace pyxx::emit
