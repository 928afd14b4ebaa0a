"""One differential test: the same .pyx compiled by pyxx and run as plain Python.

Usage: run_diff_test.py --pyxx PYXX NAME.pyx

Builds NAME.pyx with `pyxx build`, then runs the driver NAME.driver.py (which
defines run(mod)) twice, each in a fresh interpreter:
  compiled  the extension module, with no shim on sys.path (the compiled
            module must not import `cython` or `numba` at run time);
  plain     NAME.pyx loaded as Python source, with tests/shim on sys.path.
The two outputs must be identical; a unified diff is printed otherwise.
"""
import argparse
import difflib
import importlib
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import tempfile

TOOLS_DIR = os.path.dirname(os.path.abspath(__file__))
SHIM_DIR = os.path.join(os.path.dirname(TOOLS_DIR), "shim")


def load_source_module(name, path):
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def child(mode, pyx, driver, module_dir):
    """Runs in a fresh interpreter: load the module one way, run the driver."""
    name = os.path.splitext(os.path.basename(pyx))[0]
    sys.path.insert(0, TOOLS_DIR)  # diff_support
    import diff_support
    diff_support.COMPILED = mode == "compiled"
    if mode == "plain":
        sys.path.insert(0, SHIM_DIR)
        module = load_source_module(name, pyx)
    else:
        sys.path.insert(0, module_dir)
        module = importlib.import_module(name)
        suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
        if not module.__file__.endswith(suffixes):
            raise SystemExit(f"{module.__file__} is not an extension module")
    load_source_module(f"{name}_driver", driver).run(module)
    sys.stdout.flush()


def needed_modules(driver):
    """What a driver declares with `# diff-needs: numpy` (run only where it imports)."""
    with open(driver, encoding="utf-8") as f:
        return [m.strip() for line in f if line.startswith("# diff-needs:")
                for m in line.split(":", 1)[1].split(",") if m.strip()]


def python_with(modules, candidates):
    """The first interpreter that imports every module (None if none does)."""
    for python in candidates:
        if not modules:
            return python
        if os.path.exists(python) and subprocess.run(
                [python, "-c", "; ".join(f"import {m}" for m in modules)], capture_output=True).returncode == 0:
            return python
    return None


SKIPPED = 77  # ctest's SKIP_RETURN_CODE for these tests


def child_environment():
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    # diff-asan tests (docs/fuzzing.md): the sanitizer runtime goes into the
    # interpreters that load the module, not into pyxx and the compiler.
    if os.environ.get("PYXX_DIFF_PRELOAD"):
        env["LD_PRELOAD"] = os.environ["PYXX_DIFF_PRELOAD"]
    return env


def run_child(mode, pyx, driver, module_dir, python=sys.executable):
    result = subprocess.run(
        [python, os.path.abspath(__file__), "--child", mode, pyx, driver, module_dir],
        text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=child_environment())
    if result.returncode != 0:
        print(f"error: the {mode} run failed (exit {result.returncode}):\n{result.stdout}"
              f"{result.stderr}", file=sys.stderr)
        return None
    return result.stdout


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description="pyxx differential test")
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("pyx")
    args = parser.parse_args()
    pyx = os.path.abspath(args.pyx)
    driver = os.path.splitext(pyx)[0] + ".driver.py"
    if not os.path.exists(driver):
        print(f"error: {pyx} has no driver {os.path.basename(driver)}", file=sys.stderr)
        return 1
    # NumPy is not a dependency: a driver that needs it runs under the first
    # Python that has it (Debian's python3-numpy serves /usr/bin/python3).
    modules = needed_modules(driver)
    python = python_with(modules, [sys.executable, "/usr/bin/python3"])
    if python is None:
        print(f"skipped: no Python here imports {', '.join(modules)}")
        return SKIPPED
    with tempfile.TemporaryDirectory(prefix="pyxx-diff-") as module_dir:
        # PYXX_DIFF_BUILD_ARGS: more `pyxx build` options, e.g. "--limited-api 3.9"
        # to run a program as an abi3 module (docs/testing.md).
        extra = os.environ.get("PYXX_DIFF_BUILD_ARGS", "").split()
        build = subprocess.run([args.pyxx, "build", os.path.basename(pyx), "-o", module_dir,
                                "--python", python, *extra], cwd=os.path.dirname(pyx))
        if build.returncode != 0:
            print(f"error: pyxx build {pyx} exited {build.returncode}", file=sys.stderr)
            return 1
        compiled = run_child("compiled", pyx, driver, module_dir, python)
        plain = run_child("plain", pyx, driver, module_dir, python)
    if compiled is None or plain is None:
        return 1
    if not plain.strip():
        print("error: the driver printed nothing", file=sys.stderr)
        return 1
    if compiled != plain:
        sys.stdout.writelines(difflib.unified_diff(
            plain.splitlines(keepends=True), compiled.splitlines(keepends=True),
            fromfile="plain Python", tofile="compiled by pyxx"))
        print("\nerror: the compiled module behaves differently from plain Python",
              file=sys.stderr)
        return 1
    print(f"{len(plain.splitlines())} results identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
