"""Modules whose names are not ASCII (PEP 489): `pyxx build café.pyx` gives an
extension that `import café` loads through PyInitU_<punycode>, with the module's
own name in `__name__`, and functions that work. Each name is also imported
from a fresh interpreter with `python -c "import <name>"`, as a user would.
"""
import importlib
import importlib.machinery
import os
import subprocess
import sys
import tempfile
import unittest

import support
from support import OPTIONS

# Names chosen to exercise punycode: Latin with accents, Greek, CJK, a mix
# with digits and underscores, a German sharp s (NFKC-stable, not ASCII).
NAMES = ["café", "λόγος", "名前", "mod_ß_2", "ñandú_x"]

PROGRAM = '''
import cython


def twice(n: cython.int) -> cython.int:
    return 2 * n


def module_name():
    return __name__
'''


class UnicodeModuleNames(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory(prefix="pyxx-unicode-")
        for name in NAMES:
            path = os.path.join(cls.dir.name, name + ".pyx")
            with open(path, "w", encoding="utf-8") as f:
                f.write(PROGRAM)
            support.pyxx_build(OPTIONS.pyxx, path, cls.dir.name)
        sys.path.insert(0, cls.dir.name)

    @classmethod
    def tearDownClass(cls):
        sys.path.remove(cls.dir.name)
        cls.dir.cleanup()

    def test_import_in_this_interpreter(self):
        for name in NAMES:
            with self.subTest(name=name):
                module = importlib.import_module(name)
                self.assertTrue(module.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)))
                self.assertEqual(module.__name__, name)
                self.assertEqual(module.module_name(), name)
                self.assertEqual(module.twice(21), 42)

    def test_import_statement_in_a_fresh_interpreter(self):
        for name in NAMES:
            with self.subTest(name=name):
                result = support.run([sys.executable, "-c", f"import {name}; print({name}.twice(5), {name}.__name__)"],
                                     cwd=self.dir.name,
                                     env=dict(os.environ, PYTHONPATH=self.dir.name, PYTHONIOENCODING="utf-8"))
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stdout.strip(), f"10 {name}")


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
