#include "driver/build.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "driver/files.h"

namespace pyxx::driver {

auto QueryPython(const std::string& python, PythonConfig& config, std::string& error) -> bool {
  CommandResult r = RunCommand({python, "-c",
                                "import sysconfig; print(sysconfig.get_paths()['include']); "
                                "print(sysconfig.get_config_var('EXT_SUFFIX'))"});
  if (r.exit_code != 0) {
    error = "cannot query Python `" + python + "`: " + r.output;
    return false;
  }
  size_t nl = r.output.find('\n');
  if (nl == std::string::npos) {
    error = "unexpected answer from `" + python + "`";
    return false;
  }
  config.include_dir = r.output.substr(0, nl);
  std::string rest = r.output.substr(nl + 1);
  config.ext_suffix = rest.substr(0, rest.find('\n'));
  if (!FileExists(config.include_dir + "/Python.h")) {
    error = "Python.h not found in " + config.include_dir + " (install the Python development headers, "
            "e.g. `apt-get install python3-dev`)";
    return false;
  }
  return true;
}

auto RuntimeIncludeDir() -> std::string {
  if (const char* env = std::getenv("PYXX_RUNTIME_INCLUDE"); env != nullptr && *env != '\0') {
    return env;
  }
  std::string exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    std::string installed = exe_dir + "/../include";
    if (FileExists(installed + "/pyxx/runtime.hpp")) {
      return installed;
    }
  }
#ifdef PYXX_SOURCE_RUNTIME_INCLUDE
  return PYXX_SOURCE_RUNTIME_INCLUDE;
#else
  return {};
#endif
}

auto CompileExtension(const CompileRequest& request, std::string& error) -> bool {
  std::string temp = request.output_path + ".pyxx-tmp-" + std::to_string(getpid());
  std::string runtime = RuntimeIncludeDir();
  if (runtime.empty() || !FileExists(runtime + "/pyxx/runtime.hpp")) {
    error = "cannot find the pyxx runtime headers (set PYXX_RUNTIME_INCLUDE)";
    return false;
  }
  CommandResult r = RunCommand({request.cxx, "-std=c++17", "-O2", "-ffp-contract=off", "-fPIC", "-shared", "-fvisibility=hidden",
                                "-I" + runtime, "-I" + request.python.include_dir, request.cpp_path, "-o", temp});
  if (r.exit_code != 0) {
    unlink(temp.c_str());
    error = r.exit_code < 0 ? r.output : "the C++ compiler failed:\n" + r.output;
    return false;
  }
  if (std::rename(temp.c_str(), request.output_path.c_str()) != 0) {
    unlink(temp.c_str());
    error = "cannot write " + request.output_path;
    return false;
  }
  return true;
}

}  // namespace pyxx::driver
