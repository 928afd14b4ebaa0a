// `cdef extern from "<standard header>":` blocks of a .pxd. The generated C++
// includes only the runtime and Python.h, so a block is read only when it
// names a standard C header whose functions pyxx already declares itself
// (libc.math, libc.stdlib, libc.string: syntax/libc_functions.h,
// syntax/libc_math.h), and each declaration must say exactly what pyxx's own
// declaration says: the name is then bound to it, as a cimport would be.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pyxx::syntax {

// The libc module a header stands for ("math.h" or "<math.h>" -> "libc.math"), or empty.
auto LibcModuleOfHeader(std::string_view header) -> std::string_view;

struct ExternDeclaration {
  std::string local;  // the name the .pxd gives it (`_sin`)
  std::string path;   // pyxx's declaration it is bound to (`libc.math.sin`)
  bool nogil = false;  // on the function or on the block
  bool cpdef = false;  // `cpdef`: the module also gets a Python wrapper
  // The wrapper's pure-mode parameters and result ("x: cython.double", "cython.double"),
  // set only for `cpdef` functions of C numbers.
  std::string wrapper_params;
  std::string wrapper_result;
  std::string wrapper_args;  // "x"
};

// Reads one declaration line of an extern block of `libc_module`
// (`[cpdef] double _sin "sin" (double x) [nogil] [noexcept]`). nullopt with
// `error` set (what is wrong, naming the construct) when it is not a function
// pyxx declares or does not match its declaration.
auto ReadExternDeclaration(std::string_view line, std::string_view libc_module, bool block_nogil,
                           std::string& error) -> std::optional<ExternDeclaration>;

}  // namespace pyxx::syntax
