// printf-style formats: the arguments each conversion takes, for the checker
// (which holds every argument to its conversion) and the emitter (which passes
// each as the conversion reads it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "syntax/tree.h"

namespace pyxx::syntax {

// What one argument of a conversion must be.
enum class FormatArg : uint8_t {
  Int,         // int after C's promotions (%d, %i, %c, %hd, `*` width and precision)
  UInt,        // unsigned int (or a narrower unsigned type promoted to int)
  Long, ULong, LongLong, ULongLong,
  SSize, Size,  // %zd, %zu
  Double,      // %f %e %g %a (a float is promoted), also with `l`
  LongDouble,  // %Lf
  CString,     // %s
  Pointer,     // %p
};

struct FormatConversion {
  std::string spelled;  // "%ld", "%*d"
  std::vector<FormatArg> args;
};

// The conversions of `format` in order, or the description of the first one
// pyxx does not compile (`%n`, `%ls`, an unknown conversion, a cut-off one).
auto ParseFormat(const std::string& format, std::vector<FormatConversion>& out) -> std::optional<std::string>;

// The C integer type an integer conversion reads (`%ld`: long), if it reads one:
// an integer literal is passed as that type.
auto FormatInteger(FormatArg arg) -> std::optional<ScalarKind>;

}  // namespace pyxx::syntax
