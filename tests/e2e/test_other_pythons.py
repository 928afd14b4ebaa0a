"""Full-API modules for every other CPython 3.9-3.13 installed here.

The suite runs its differential programs against the Python it was
configured with; this test runs a set of them -- chosen for the parts of the
runtime that differ between CPython versions: the handled-exception state
(a type/value/traceback triple before 3.11), generators, closures, messages
CPython reworded (`with`, unbound variables, `%` by zero), tracebacks,
recursion, extension types, memoryviews -- with each other Python found, built
for it with `pyxx build --python` and compared with the same program run there
as plain Python. A version not installed here is skipped and reported.
"""
import os
import subprocess
import sys
import unittest

import support
from pythons import find_pythons
from support import OPTIONS, parse_options_then_run_unittest

PROGRAMS = [
    "exc_semantics", "lang_generators", "lang_closures", "lang_with_statement", "lang_unbound_inferred",
    "int_arith", "lang_tracebacks", "deep_recursion", "cclass_basics", "lang_mv_double_1d",
]
SKIPPED = 77  # run_diff_test.py: the program needs a module this Python lacks


class OtherPythons(unittest.TestCase):
    def test_programs_match_plain_python(self):
        pythons = find_pythons()
        others = {minor: python for minor, (python, headers) in pythons.items()
                  if headers and minor != sys.version_info[1]}
        if not others:
            support.skip_program("no other CPython 3.9-3.13 with its headers (Python.h) here")
        runner = support.test_file("tools", "run_diff_test.py")
        for minor, python in sorted(others.items()):
            for program in PROGRAMS:
                with self.subTest(python=f"3.{minor}", program=program):
                    result = subprocess.run(
                        [python, runner, "--pyxx", OPTIONS.pyxx, support.test_file("diff", program + ".pyx")],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
                        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
                    if result.returncode == SKIPPED:
                        support.record_skip(f"{program} under Python 3.{minor}: {result.stdout.strip()}",
                                            "test_programs_match_plain_python")
                        continue
                    self.assertEqual(result.returncode, 0, f"Python 3.{minor}, {program}:\n{result.stdout}")
        for minor in sorted(set(range(9, 14)) - set(others) - {sys.version_info[1]}):
            support.record_skip(f"Python 3.{minor} (with headers) is not installed here",
                                "test_programs_match_plain_python")


if __name__ == "__main__":
    parse_options_then_run_unittest()
