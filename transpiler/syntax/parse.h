// The syntax phase's entry point: source text -> pyxx's own syntax tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic_sink.h"
#include "syntax/tree.h"

namespace pyxx::syntax {

// What a module's augmenting .pxd declares (syntax/augment.cpp), known before
// the module is lowered: a module-level class it declares is an extension type
// (its body's annotations are C fields, annotations naming it test the type),
// and the structs and typedefs it declares are C types of the module.
struct AugmentingNames {
  std::set<std::string, std::less<>> extension_types;
  std::set<std::string, std::less<>> c_types;
  // Its cimports (`from libc.math cimport sqrt`): local name -> canonical path, visible in the module too.
  std::vector<std::pair<std::string, std::string>> dialect_bindings;
  // C types cimported from a declarations-only .pxd ("dishes.spamdish"): the
  // import binds no dialect name; the type (in `c_types`) is folded in instead.
  std::set<std::string, std::less<>> cimported_c_types;
  // C functions of standard headers its extern blocks declare (bound in
  // `dialect_bindings` to their libc path); the module gets them as its
  // Module::extern_functions, in this order.
  std::vector<ExternFunction> extern_functions;
  // Cimports of those functions from a declarations-only .pxd: the cimported
  // path ("mylib.fast_sin") -> index in `extern_functions`.
  std::map<std::string, int, std::less<>> cimported_functions;
  // Its fused types (`ctypedef fused`): the first of the module's, in this order.
  std::vector<FusedTypeDef> fused_types;
};

struct ParseOptions {
  // Pathological input must not hang the tool: the parser may do this many
  // operations per input byte, plus a fixed allowance (ordinary code needs
  // fewer than 5 a byte). Counted, not timed: a file gets the same answer on
  // every machine and under any load.
  uint64_t max_operations_per_byte = 100;
  uint64_t base_operations = 1'000'000;
  size_t max_bytes = size_t{32} << 20;
  const AugmentingNames* augmenting = nullptr;
  // Fused functions are specialised right after lowering, unless the caller
  // does it later (an augmented module: once its .pxd's types are merged in).
  bool expand_fused = true;
};

// Parses with tree-sitter and lowers to a Module. Syntax and dialect-spelling
// errors (PX0xx, and PX3xx for unsupported type spellings) go to `sink`; the
// returned tree then holds whatever could be recovered.
auto Parse(const base::SourceBuffer& source, const std::string& module_name,
           diag::DiagnosticSink& sink, const ParseOptions& options = {}) -> Module;

// Stable text dump for snapshot tests (`pyxx translate --dump=syntax`).
auto Dump(const Module& module, const base::SourceBuffer& source) -> std::string;

}  // namespace pyxx::syntax
