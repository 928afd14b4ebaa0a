// Test main: starts an embedded interpreter (with the test extension module
// registered as a builtin) around the Catch2 session.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>

#include "pyxx/runtime.hpp"

extern "C" PyObject* PyInit_pyxx_runtime_testmod(void);  // module_test.cpp

namespace {

bool StartPython() {
  if (PyImport_AppendInittab("pyxx_runtime_testmod", PyInit_pyxx_runtime_testmod) != 0) return false;
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.parse_argv = 0;
  config.install_signal_handlers = 0;
  PyStatus status = PyConfig_SetBytesString(&config, &config.home, PYXX_TEST_PYTHON_HOME);
  if (!PyStatus_Exception(status)) status = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(status)) {
    std::fprintf(stderr, "cannot start Python: %s\n", status.err_msg != nullptr ? status.err_msg : "?");
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Catch::Session session;
  if (const int status = session.applyCommandLine(argc, argv); status != 0) return status;
  if (!StartPython()) return 2;
  const int failed = session.run();
  if (Py_FinalizeEx() != 0) return 3;
  return failed;
}
