// An augmenting .pxd (Cython's `mod.pxd` beside `mod.py`) spelled in pure
// Python mode: its "shadow module". `cpdef int f(int x, int y=*)` becomes
//
//   @cython.ccall
//   def f(x: cython.int, y: cython.int = ...) -> cython.int: ...
//
// `cdef class A:` an `@cython.cclass` class with its fields and method
// declarations, `cdef struct P:` a `P = cython.struct(...)` assignment, and so
// on; the parser reads the shadow like any module, and syntax/augment.cpp folds
// what it declares into the .py's tree. Constructs without a pure-mode
// spelling (`cpdef enum`, C++ classes, DEF, include, extern blocks of other than
// standard headers pyxx knows, ...) are reported here (PX123), at their place
// in the .pxd. A known extern function is bound to pyxx's declaration of it
// (syntax/pxd_extern.h); a `cpdef` one also gets its Python wrapper, a `def`.
// A `cdef enum` is read into `enums` (its constants have no pure-mode
// spelling); its type is spelled `color = cython.typedef(cython.uint)`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::syntax {

struct PxdShadow {
  std::string text;
  // Per line of `text` (0-based): the .pxd range it was made from (the line
  // `import cython` at the top has an empty range at 0).
  std::vector<base::SourceRange> origins;
  // What was reported (PX123), in order: the construct and where it is (a
  // reader other than the augmenting one says it in its own words).
  std::vector<std::pair<base::SourceRange, std::string>> rejected;
  // The C functions of standard headers its extern blocks declare (their
  // `pxd` is for the caller to set), and the names of the `cpdef` ones, whose
  // Python wrapper `def` the shadow holds.
  std::vector<ExternFunction> externs;
  std::vector<std::string> wrappers;
  // Its C enums; the shadow spells each named one's type as a typedef.
  std::vector<CEnum> enums;
};

auto MakePxdShadow(const base::SourceBuffer& pxd, diag::DiagnosticSink& sink) -> PxdShadow;

}  // namespace pyxx::syntax
