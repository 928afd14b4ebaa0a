"""End to end: reproducible artefacts (docs/building.md, "Reproducible modules").

The same project checked out in two directories and built with absolute paths
from a third gives byte-identical C++ and modules with `--source-root`
(#line directives and the traceback path name the file relative to the
root), and different ones without it (so the comparison means something).
A traceback from the module names the relative path.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import support
from support import OPTIONS, run

PROGRAM = """\
import cython


def fail(n: cython.int) -> cython.int:
    if n > 0:
        raise ValueError("n is positive")
    return n
"""


class Reproducible(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-repro-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.roots = [os.path.join(self.tmp, "one"), os.path.join(self.tmp, "two", "deeper")]
        for root in self.roots:
            os.makedirs(os.path.join(root, "src"))
            with open(os.path.join(root, "src", "m.py"), "w", encoding="utf-8") as f:
                f.write(PROGRAM)
        self.elsewhere = os.path.join(self.tmp, "elsewhere")
        os.makedirs(self.elsewhere)

    def build(self, root, *extra):
        run([OPTIONS.pyxx, "build", os.path.join(root, "src", "m.py"), "-o", os.path.join(root, "out"), "-q",
             "--force", "--python", sys.executable, *extra], cwd=self.elsewhere, check=True)
        outputs = {}
        for name in sorted(os.listdir(os.path.join(root, "out"))):
            if not name.endswith(".pyxx-stamp"):  # the stamp records the paths on purpose
                with open(os.path.join(root, "out", name), "rb") as f:
                    outputs[name] = f.read()
        return outputs

    def test_two_checkouts_give_the_same_bytes_with_a_source_root(self):
        same = [self.build(root, "--source-root", root) for root in self.roots]
        self.assertEqual(sorted(same[0]), sorted(same[1]))
        for name in same[0]:
            self.assertEqual(same[0][name], same[1][name], name)
        self.assertIn(b'#line 6 "src/m.py"', same[0]["m.cpp"])
        different = [self.build(root) for root in self.roots]
        self.assertNotEqual(different[0]["m.cpp"], different[1]["m.cpp"])
        # The traceback names the file as the root has it.
        self.build(self.roots[0], "--source-root", self.roots[0])
        check = ("import sys, traceback; sys.path.insert(0, sys.argv[1]); import m\n"
                 "try:\n    m.fail(1)\nexcept ValueError:\n    traceback.print_exc()\n")
        shown = run([sys.executable, "-c", check, os.path.join(self.roots[0], "out")], check=True).stderr
        self.assertIn('File "src/m.py", line 6', shown)

    def test_a_file_outside_the_root_is_refused(self):
        for command in ("build", "translate"):
            with self.subTest(command=command):
                result = run([OPTIONS.pyxx, command, os.path.join(self.roots[0], "src", "m.py"),
                              "--source-root", self.roots[1], "-o", os.path.join(self.tmp, "x")])
                self.assertEqual(result.returncode, 2)
                self.assertIn("is not inside the source root", result.stderr)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
