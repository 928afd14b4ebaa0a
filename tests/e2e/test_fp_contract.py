"""The generated C++ forbids floating-point contraction by itself: compiled by
hand with flags that allow fused multiply-add (-ffp-contract=fast for GCC,
Clang's default `on`) and -march=native on a machine with FMA, `a * b + c`
still rounds twice, as Python does. Exit 77 (skipped) without FMA or compiler.
"""
import importlib.util
import os
import shutil
import sys
import sysconfig
import tempfile
import unittest

from support import OPTIONS, parse_options_then_run_unittest, run, skip_program

SOURCE = '''\
import cython


def fma_candidate(a: cython.double, b: cython.double, c: cython.double) -> cython.double:
    return a * b + c


def dot3(x0: cython.double, x1: cython.double, x2: cython.double) -> cython.double:
    s: cython.double = 0.0
    s += x0 * x0
    s += x1 * x1
    s += x2 * x2
    return s
'''


def has_fma():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return " fma" in f.read()
    except OSError:
        return False


def python_fma_candidate(a, b, c):
    return a * b + c


class FpContract(unittest.TestCase):
    def build_with(self, cxx, flags):
        if shutil.which(cxx) is None:
            self.skipTest(f"{cxx} not found")
        with tempfile.TemporaryDirectory(prefix="pyxx-fp-") as work:
            name = "fp_contract_" + cxx.replace("+", "x").replace("-", "_")
            pyx = os.path.join(work, name + ".pyx")
            with open(pyx, "w", encoding="utf-8") as f:
                f.write(SOURCE)
            cpp = os.path.join(work, name + ".cpp")
            run([OPTIONS.pyxx, "translate", pyx, "-o", cpp], check=True)
            ext = os.path.join(work, name + sysconfig.get_config_var("EXT_SUFFIX"))
            runtime = os.path.join(OPTIONS.source_dir, "runtime", "include")
            run([cxx, "-std=c++17", "-O2", *flags, "-fPIC", "-shared", f"-I{runtime}",
                 f"-I{sysconfig.get_paths()['include']}", cpp, "-o", ext], check=True)
            spec = importlib.util.spec_from_file_location(name, ext)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module

    def check(self, module):
        a = 1.0 + 2.0 ** -30
        c = -(1.0 + 2.0 ** -29)
        # Rounded twice this is exactly 0.0; a fused multiply-add gives 2**-60.
        self.assertEqual(python_fma_candidate(a, a, c), 0.0)
        self.assertEqual(module.fma_candidate(a, a, c), 0.0)
        xs = (1.0 + 2.0 ** -27, 3.0 + 2.0 ** -40, 1e-9 + 2.0 ** -70)
        expected = 0.0
        for x in xs:
            expected += x * x
        self.assertEqual(module.dot3(*xs), expected)

    def test_gcc_fast_contraction(self):
        self.check(self.build_with("g++", ["-ffp-contract=fast", "-march=native"]))

    def test_clang_default_contraction(self):
        self.check(self.build_with("clang++", ["-ffp-contract=on", "-march=native"]))


if __name__ == "__main__":
    if not has_fma():
        skip_program("no FMA on this machine: nothing to contract")
    parse_options_then_run_unittest()
