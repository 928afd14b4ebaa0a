"""A differential program under a debug CPython: same output, no leaked reference.

Usage: run_refcount_test.py --pyxx PYXX --python DEBUG_PYTHON NAME.pyx

Builds NAME.pyx for DEBUG_PYTHON (a CPython built with Py_DEBUG, which has
sys.gettotalrefcount and checks its own invariants with assertions), then runs the
driver NAME.driver.py in that interpreter twice, each in a fresh process:
  compiled  the extension module; its first output must equal the plain run's
            (a debug CPython turns misuse of the exception state or of reference
            counts into an assertion failure, i.e. a failed run);
  plain     NAME.pyx as Python source with tests/shim on sys.path.
Each process then runs the driver again, several times, with its output thrown
away, and records how sys.gettotalrefcount() (and, for information,
sys.getallocatedblocks()) moved over each run. The plain run's growth is the
program's own (a list that a driver appends to); a compiled module that holds more
references than that after every measured run leaks. Like CPython's
`regrtest -R`, one quiet run among the measured ones clears it: caches that fill
once are not leaks. Warm-up and measured runs: PYXX_REFCOUNT_WARMUP (3) and
PYXX_REFCOUNT_RUNS (4).
"""
import argparse
import contextlib
import difflib
import importlib
import importlib.machinery
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile

import run_diff_test  # this file's folder is on sys.path
from run_diff_test import load_source_module

TOOLS_DIR = os.path.dirname(os.path.abspath(__file__))
SHIM_DIR = os.path.join(os.path.dirname(TOOLS_DIR), "shim")
WARMUP_RUNS = int(os.environ.get("PYXX_REFCOUNT_WARMUP", "3"))
MEASURED_RUNS = int(os.environ.get("PYXX_REFCOUNT_RUNS", "4"))


def measure(run_driver):
    """Growth of (references, memory blocks) over each measured run of the driver."""
    import gc
    deltas = []
    for index in range(WARMUP_RUNS + MEASURED_RUNS):
        gc.collect()
        refs, blocks = sys.gettotalrefcount(), sys.getallocatedblocks()
        with contextlib.redirect_stdout(io.StringIO()):  # dropped before measuring
            run_driver()
        gc.collect()
        growth = (sys.gettotalrefcount() - refs, sys.getallocatedblocks() - blocks)
        if index >= WARMUP_RUNS:
            deltas.append(growth)
    return deltas


def child(mode, pyx, driver, module_dir, report_path):
    """Runs in a fresh debug interpreter: load the module one way, run the driver."""
    if not hasattr(sys, "gettotalrefcount"):
        raise SystemExit(f"{sys.executable} is not a debug build of CPython")
    name = os.path.splitext(os.path.basename(pyx))[0]
    sys.path.insert(0, TOOLS_DIR)  # diff_support
    import diff_support
    diff_support.COMPILED = mode == "compiled"  # which side models C (wraps=, c_model=, converts=)
    if mode == "plain":
        sys.path.insert(0, SHIM_DIR)
        module = load_source_module(name, pyx)
    else:
        sys.path.insert(0, module_dir)
        module = importlib.import_module(name)
        if not module.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            raise SystemExit(f"{module.__file__} is not an extension module")
    run = load_source_module(f"{name}_driver", driver).run
    run(module)
    sys.stdout.flush()
    deltas = measure(lambda: run(module))
    with open(report_path, "w", encoding="utf-8") as report:
        json.dump(deltas, report)


def run_child(python, mode, pyx, driver, module_dir):
    """(output, [(ref delta, block delta) per measured run]) or None on failure."""
    report_path = os.path.join(module_dir, f"{mode}.deltas.json")
    result = subprocess.run(
        [python, os.path.abspath(__file__), "--child", mode, pyx, driver, module_dir,
         report_path],
        text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if result.returncode != 0:
        print(f"error: the {mode} run under {python} failed (exit {result.returncode}):\n"
              f"{result.stdout}{result.stderr}", file=sys.stderr)
        return None
    with open(report_path, encoding="utf-8") as report:
        return result.stdout, [tuple(delta) for delta in json.load(report)]


def leaks(compiled, plain):
    """True when the compiled run held more references than the plain one after every
    measured run. Memory blocks are only reported: caches inside CPython (the type
    attribute cache, interned names) fill over tens of runs, so blocks do not settle
    fast enough to judge; a leaked object always shows as a leaked reference."""
    return all(c[0] > p[0] for c, p in zip(compiled, plain))


def main():
    if len(sys.argv) == 7 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description="pyxx program under a debug CPython")
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--python", required=True, help="a debug build of CPython")
    parser.add_argument("pyx")
    args = parser.parse_args()
    pyx = os.path.abspath(args.pyx)
    driver = os.path.splitext(pyx)[0] + ".driver.py"
    modules = run_diff_test.needed_modules(driver)
    if run_diff_test.python_with(modules, [args.python]) is None:
        print(f"skipped: {args.python} does not import {', '.join(modules)}")
        return run_diff_test.SKIPPED
    with tempfile.TemporaryDirectory(prefix="pyxx-refcount-") as module_dir:
        # PYXX_CHECK_FRAME: storing into a frame slot that still holds an
        # object aborts (runtime/frame_slots.hpp), so a missed release fails here.
        flags = (os.environ.get("CXXFLAGS", "") + " -DPYXX_CHECK_FRAME").strip()
        build = subprocess.run([args.pyxx, "build", os.path.basename(pyx), "-o", module_dir,
                                "--python", args.python], cwd=os.path.dirname(pyx),
                               env=dict(os.environ, CXXFLAGS=flags))
        if build.returncode != 0:
            print(f"error: pyxx build {pyx} --python {args.python} exited {build.returncode}",
                  file=sys.stderr)
            return 1
        compiled = run_child(args.python, "compiled", pyx, driver, module_dir)
        plain = run_child(args.python, "plain", pyx, driver, module_dir)
    if compiled is None or plain is None:
        return 1
    (compiled_output, compiled_deltas), (plain_output, plain_deltas) = compiled, plain
    if compiled_output != plain_output:
        sys.stdout.writelines(difflib.unified_diff(
            plain_output.splitlines(keepends=True), compiled_output.splitlines(keepends=True),
            fromfile="plain Python (debug build)", tofile="compiled by pyxx (debug build)"))
        print("\nerror: under the debug CPython the compiled module behaves differently",
              file=sys.stderr)
        return 1
    print(f"references per driver run: compiled {[d[0] for d in compiled_deltas]}, "
          f"plain {[d[0] for d in plain_deltas]}")
    print(f"memory blocks per driver run: compiled {[d[1] for d in compiled_deltas]}, "
          f"plain {[d[1] for d in plain_deltas]}")
    if "numpy" in modules:
        # NumPy's buffer import (np.asarray/np.frombuffer of a memoryview) keeps one
        # reference per call under a debug CPython, in plain Python too; the compiled
        # run makes such calls where the plain one has ndarrays: no verdict on leaks.
        print(f"{len(plain_output.splitlines())} results identical (leaks not judged: NumPy)")
        return 0
    if leaks(compiled_deltas, plain_deltas):
        print("error: the compiled module leaks: it holds more references after every run "
              "of the driver", file=sys.stderr)
        return 1
    print(f"{len(plain_output.splitlines())} results identical, no leak")
    return 0


if __name__ == "__main__":
    sys.exit(main())
