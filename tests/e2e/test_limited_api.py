"""abi3 modules (`pyxx build --limited-api 3.9`): built once, with the oldest
Python 3.9+ found here, and imported into every Python 3.9-3.13 found here.

The modules (tests/e2e/limited_api/): plain functions (C scalars, structs,
arrays, arguments of every kind, exceptions, `with`, `with nogil`), a module
that cimports a raising C function of another, and the article's Cython
module. The driver prints one line per call -- results, exception messages
and traceback entries; every Python must print exactly what the full-API
build for the same Python prints, and every Python the same as the first
(the messages CPython changed in between being checked against the running
interpreter by the driver itself).

Pythons are looked for under ~/.pyenv/versions and on PATH; a version that is
absent (or has no headers, for the full-API build) is skipped and reported.
"""
import os
import shutil
import tempfile
import unittest

import support
from pythons import MINORS, find_pythons
from support import OPTIONS, parse_options_then_run_unittest, run

MODULES = ["shapes.py", "rooms.py", "functions.py", "fib_cython.pyx"]


class LimitedApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pythons = find_pythons()
        cls.tmp = tempfile.TemporaryDirectory(prefix="pyxx-abi3-")
        cls.src = os.path.join(cls.tmp.name, "src")
        shutil.copytree(support.test_file("e2e", "limited_api"), cls.src)
        shutil.copy(support.example("article", "fib_cython.pyx"), cls.src)
        builders = [m for m in sorted(cls.pythons) if cls.pythons[m][1]]
        if not builders:
            support.skip_program("no Python 3.9-3.13 with its headers (Python.h) here")
        cls.build_minor = builders[0]
        cls.abi3 = os.path.join(cls.tmp.name, "abi3")
        run([OPTIONS.pyxx, "build", *MODULES, "-o", cls.abi3, "-j", "2", "-q", "--limited-api", "3.9",
             "--python", cls.pythons[cls.build_minor][0]], cwd=cls.src, check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def drive(self, python, module_dir):
        result = run([python, os.path.join(self.src, "driver.py"), module_dir], cwd=self.tmp.name, check=True)
        self.assertIn("fib: 832040.0", result.stdout)
        return result.stdout

    def full_api_output(self, minor):
        """The driver's output with the full-API build for Python 3.<minor>, or None."""
        python, headers = self.pythons[minor]
        if not headers:
            return None
        out = os.path.join(self.tmp.name, f"full-3.{minor}")
        run([OPTIONS.pyxx, "build", *MODULES, "-o", out, "-j", "2", "-q", "--python", python],
            cwd=self.src, check=True)
        return self.drive(python, out)

    def test_one_build_every_python(self):
        names = sorted(os.listdir(self.abi3))
        for module in ("shapes", "rooms", "functions", "fib_cython"):
            self.assertIn(module + ".abi3.so", names)
        reference = None
        compared = []
        for minor in MINORS:
            if minor not in self.pythons:
                support.record_skip(f"Python 3.{minor} is not installed here", "test_one_build_every_python")
                continue
            with self.subTest(python=f"3.{minor}"):
                python = self.pythons[minor][0]
                limited = self.drive(python, self.abi3)
                full = self.full_api_output(minor)
                if full is not None:
                    self.assertEqual(limited, full, f"Python 3.{minor}: abi3 and full-API builds differ")
                    reference = reference or full
                compared.append((minor, limited))
        self.assertTrue(compared)
        if reference is None:
            support.record_skip("no Python 3.9+ with headers for a full-API build to compare with",
                                "test_one_build_every_python")
            return
        for minor, limited in compared:
            self.assertEqual(limited, reference, f"Python 3.{minor}: the abi3 build prints other results")

    def test_versions_checked(self):
        # A Python older than the limited API asked for cannot build it (its
        # headers do not know it); an unknown version is a usage error.
        oldest, (python, _) = self.build_minor, self.pythons[self.build_minor]
        if oldest < 13:
            result = run([OPTIONS.pyxx, "build", "functions.py", "-o", os.path.join(self.tmp.name, "x"),
                          "--limited-api", f"3.{oldest + 1}", "--python", python], cwd=self.src)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn(f"--limited-api 3.{oldest + 1} needs the headers of Python 3.{oldest + 1}", result.stderr)
        for bad in ("3.8", "3.14", "4.0", "3.09", "abc"):
            result = run([OPTIONS.pyxx, "translate", "functions.py", "-o", "-", "--limited-api", bad], cwd=self.src)
            self.assertEqual(result.returncode, 2, bad)
            self.assertIn("--limited-api takes a CPython version from 3.9 to 3.13", result.stderr)
        config = run([OPTIONS.pyxx, "config", "--ext-suffix", "--limited-api", "3.9", "--python", python], check=True)
        self.assertEqual(config.stdout.strip(), ".abi3.so")

    def test_generated_code_names_the_version(self):
        for version, value in (("3.9", "0x03090000"), ("3.12", "0x030C0000")):
            cpp = run([OPTIONS.pyxx, "translate", "functions.py", "-o", "-", "--limited-api", version],
                      cwd=self.src, check=True).stdout
            self.assertIn(f"#define Py_LIMITED_API {value}\n#include \"pyxx/runtime.hpp\"", cpp)
            self.assertIn("PYXX_DEF_FLAGS", cpp)
        full = run([OPTIONS.pyxx, "translate", "functions.py", "-o", "-"], cwd=self.src, check=True).stdout
        self.assertNotIn("Py_LIMITED_API", full)
        self.assertNotIn("PYXX_DEF_", full)

    def test_extension_type_refused_with_location(self):
        result = run([OPTIONS.pyxx, "build", "counter.py", "-o", os.path.join(self.tmp.name, "refused"),
                      "--limited-api", "3.9", "--python", self.pythons[self.build_minor][0]], cwd=self.src)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("counter.py:6:1: error: an extension type (`@cython.cclass`) cannot be compiled for the "
                      "limited API of CPython 3.9", result.stderr)
        self.assertIn("[PX306]", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp.name, "refused", "counter.abi3.so")))


if __name__ == "__main__":
    parse_options_then_run_unittest()
