"""Proves that the sanitized differential tests really run sanitized modules.

Builds two tiny extension modules with $CXX $CXXFLAGS (the flags the
diff-asan tests give `pyxx build`), imports each in a fresh interpreter (with
the environment of those tests: LD_PRELOAD of the ASan runtime) and calls a
function with a heap overflow, then one with a signed overflow: each must stop
the interpreter with an AddressSanitizer or UBSan report.

Usage: asan_canary.py -I PYTHON_INCLUDE
"""
import argparse
import os
import shlex
import subprocess
import sys
import sysconfig
import tempfile

MODULE = r"""
#include <Python.h>
#include <cstdlib>
static PyObject* bad(PyObject*, PyObject* arg) {
  long n = PyLong_AsLong(arg);
  if (n == -1 && PyErr_Occurred()) return nullptr;
#if CANARY_HEAP
  volatile char* p = static_cast<char*>(std::malloc(static_cast<size_t>(n)));
  p[n] = 1;  // one past the end
  std::free(const_cast<char*>(p));
  return PyLong_FromLong(0);
#else
  volatile int i = static_cast<int>(n);
  return PyLong_FromLong(i + 2147483647);  // overflows for n >= 1
#endif
}
static PyMethodDef methods[] = {{"bad", bad, METH_O, nullptr}, {nullptr, nullptr, 0, nullptr}};
static PyModuleDef def = {PyModuleDef_HEAD_INIT, NAME_STR, nullptr, -1, methods};
PyMODINIT_FUNC INIT_FUNC() { return PyModule_Create(&def); }
"""

CASES = [("heap", "CANARY_HEAP=1", "AddressSanitizer"), ("signed", "CANARY_HEAP=0", "runtime error")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-I", dest="include", action="append", default=[])
    args = parser.parse_args()
    cxx = shlex.split(os.environ.get("CXX", "c++"))
    flags = shlex.split(os.environ.get("CXXFLAGS", ""))
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    failed = False
    with tempfile.TemporaryDirectory(prefix="pyxx-asan-canary-") as work:
        for name, define, report in CASES:
            module = f"canary_{name}"
            source = os.path.join(work, module + ".cpp")
            with open(source, "w") as f:
                f.write(MODULE)
            build = subprocess.run(
                [*cxx, "-shared", "-fPIC", "-O1", f"-D{define}", f"-DNAME_STR=\"{module}\"",
                 f"-DINIT_FUNC=PyInit_{module}", *[f"-I{d}" for d in args.include], *flags,
                 source, "-o", os.path.join(work, module + suffix)],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if build.returncode != 0:
                print(f"error: cannot build {module}:\n{build.stdout}", file=sys.stderr)
                return 1
            env = dict(os.environ, LD_PRELOAD=os.environ.get("PYXX_DIFF_PRELOAD", ""))
            run = subprocess.run([sys.executable, "-c", f"import {module}; {module}.bad(8); print('survived')"],
                                 cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if run.returncode == 0 or report not in run.stderr:
                print(f"error: the {name} canary was not caught (exit {run.returncode}, expected "
                      f"'{report}'):\n{run.stdout}{run.stderr[-3000:]}", file=sys.stderr)
                failed = True
            else:
                print(f"{name} canary caught: {report}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
