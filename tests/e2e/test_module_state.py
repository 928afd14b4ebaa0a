"""Module state lives in the module object (PEP 489): several module objects of
one extension keep their own globals, come and go without leaking or breaking
each other, and `ccall` functions are called directly as Cython calls them.

Runs with the configured Python and, when one is installed with its headers,
with a debug CPython (python3-dbg), which also checks the total reference count
and catches use-after-free with its debug allocator.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from support import OPTIONS, parse_options_then_run_unittest, run

PROGRAM = '''
import cython

counter = 0


def bump() -> cython.int:
    global counter
    counter += 1
    return counter


def get():
    return counter


@cython.cfunc
def c_get() -> object:
    return counter


def get_via_cfunc():
    return c_get()


@cython.ccall
def cc() -> cython.int:
    return 1


def constants(obj):
    obj.label = "label"
    return (obj.label, "text", b"raw", 2.5, -7, 99999999999999999999999, -99999999999999999999999, "caf\u00e9")


def calls_cc() -> cython.int:
    return cc()
'''

DRIVER = '''
import gc
import importlib.util
import sys

sys.path.insert(0, sys.argv[1])
import types

CONSTANTS = ("label", "text", b"raw", 2.5, -7, 99999999999999999999999, -99999999999999999999999, "caf\u00e9")


def alone():
    # No other module object holds the constants: each one made here makes
    # them, and dropping it releases them.
    spec = importlib.util.find_spec("modstate")
    module = importlib.util.module_from_spec(spec)
    assert not hasattr(module, "constants")  # functions come with exec, after the constants
    spec.loader.exec_module(module)
    assert module.constants(types.SimpleNamespace()) == CONSTANTS
    del module
    gc.collect()


for _ in range(3):
    alone()

import modstate as first


def make():
    module = importlib.util.module_from_spec(first.__spec__)
    first.__spec__.loader.exec_module(module)
    return module


def cycle():
    module = make()
    module.bump()
    module.bump()
    first.bump()
    assert module.get() == 2 and module.get_via_cfunc() == 2, module.get()
    assert module.constants(types.SimpleNamespace()) == CONSTANTS
    kept = module.bump
    del module
    gc.collect()
    assert kept() == 3  # the function keeps its module alive
    del kept
    gc.collect()


for _ in range(20):  # warm up caches before counting references
    cycle()
total = getattr(sys, "gettotalrefcount", None)
before = total() if total else 0
for _ in range(200):
    cycle()
    alone()
gc.collect()
after = total() if total else 0
assert first.get() == 220 and first.get_via_cfunc() == 220, first.get()
assert first.constants(types.SimpleNamespace()) == CONSTANTS
# Cython calls a module-level cpdef function directly (its lookup_module_cpdef
# option is off by default): rebinding the name does not reach the callers.
first.cc = lambda: 99
assert first.calls_cc() == 1
print("reference delta", after - before)
'''


def debug_python():
    """A debug CPython with the headers to build for, or None."""
    for name in ("python3-dbg", f"python{sys.version_info[0]}.{sys.version_info[1]}-dbg"):
        python = shutil.which(name)
        if python is None:
            continue
        probe = subprocess.run(
            [python, "-c", "import os, sys, sysconfig; "
                           "assert hasattr(sys, 'gettotalrefcount'); "
                           "assert os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h'))"],
            capture_output=True)
        if probe.returncode == 0:
            return python
    return None


class ModuleObjects(unittest.TestCase):
    def build_and_run(self, python):
        with tempfile.TemporaryDirectory() as work:
            with open(os.path.join(work, "modstate.pyx"), "w") as f:
                f.write(PROGRAM)
            run([OPTIONS.pyxx, "build", "modstate.pyx", "-o", "out", "--python", python], cwd=work, check=True)
            result = run([python, "-c", DRIVER, os.path.join(work, "out")], cwd=work)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            return result.stdout

    def test_configured_python(self):
        self.assertIn("reference delta", self.build_and_run(sys.executable))

    def test_debug_python(self):
        python = debug_python()
        if python is None:
            self.skipTest("no debug CPython with headers installed (python3-dbg)")
        output = self.build_and_run(python)
        delta = int(output.split("reference delta")[1])
        # 200 module objects made and dropped: a leak of any object per module
        # object would show as hundreds of references.
        self.assertLess(abs(delta), 50, output)


if __name__ == "__main__":
    parse_options_then_run_unittest()
