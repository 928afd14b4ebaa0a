// `pyxx build` of many modules, as `cythonize -i`: each source is translated,
// modules whose outputs are up to date (build_stamp.h) are skipped, and the
// others are compiled, up to `jobs` at once. A module that cimports another of
// the same build is translated again after that one is published, so it always
// sees the declarations it is compiled against.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/source_buffer.h"
#include "diagnostics/diagnostic.h"
#include "driver/build.h"
#include "driver/pipeline.h"

namespace pyxx::driver {

enum class Verbosity { Quiet, Normal, Verbose };

struct BuildOptions {
  std::vector<std::string> inputs;        // source files (patterns already expanded)
  std::string out_dir = ".";
  std::string module_name;                // --module-name: only with one input
  std::string source_root;                // --source-root (source_root.h)
  std::vector<std::string> include_dirs;  // -I
  bool warnings_as_errors = false;
  int limited_api = 0;                    // --limited-api (limited_api.h); 0: the full API
  int part_lines = emit::kDefaultPartLines;  // --part-lines (emit/parts.h)
  bool force = false;                     // compile even what is up to date
  bool precompiled_header = true;         // precompiled_header.h (--no-pch turns it off)
  int jobs = 1;
  int timeout_seconds = 0;                // per compiler run; 0: none
  Verbosity verbosity = Verbosity::Normal;
  CompilerSettings compiler;
  // Prints a module's diagnostics and its augmenting .pxd's (main.cpp renders them as `pyxx translate` does).
  std::function<void(const base::SourceBuffer&, const TranslateResult&)> print_diagnostics;
};

// Builds every input; returns the exit status: 0 all built or up to date,
// 1 a source has errors, 2 an I/O or compiler failure (the worse of the two).
// Every module is attempted even after another failed.
auto BuildModules(const BuildOptions& options) -> int;

}  // namespace pyxx::driver
