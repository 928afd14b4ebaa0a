"""End to end: a module's augmenting .pxd (mod.pxd beside mod.py). pyxx reads it
for check, translate and build; it is a dependency of the module (in the
depfile, and an edit of it rebuilds the module); its diagnostics name it.
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

import support
from support import OPTIONS

MODULE = """\
def scale(x, factor=2):
    return x * factor
"""


class AugmentingPxd(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-pxd-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.source = os.path.join(self.tmp, "scaling.py")
        self.write("scaling.py", MODULE)
        self.write("scaling.pxd", "cpdef int scale(int x, int factor=*)\n")

    def write(self, name, text):
        with open(os.path.join(self.tmp, name), "w", encoding="utf-8") as f:
            f.write(text)

    def call_scale(self, out, argument):
        code = ("import sys; sys.path.insert(0, sys.argv[1]); import scaling\n"
                "try:\n    print(repr(scaling.scale(float(sys.argv[2]))))\n"
                "except TypeError as e:\n    print('TypeError')\n")
        return support.run([sys.executable, "-c", code, out, argument], check=True).stdout.strip()

    def test_the_depfile_names_the_pxd(self):
        out = os.path.join(self.tmp, "scaling.cpp")
        depfile = os.path.join(self.tmp, "scaling.d")
        support.run([OPTIONS.pyxx, "translate", self.source, "-o", out, "--depfile", depfile], check=True)
        with open(depfile, encoding="utf-8") as f:
            text = f.read()
        pxd = os.path.join(self.tmp, "scaling.pxd")
        self.assertEqual(text, f"{out}: {self.source} {pxd}\n")

    def test_editing_the_pxd_rebuilds_the_module(self):
        out = os.path.join(self.tmp, "out")
        support.pyxx_build(OPTIONS.pyxx, self.source, out)
        self.assertEqual(self.call_scale(out, "1.5"), "TypeError")  # x is a C int
        self.write("scaling.pxd", "cpdef double scale(double x, double factor=*)\n")
        build = support.pyxx_build(OPTIONS.pyxx, self.source, out)
        self.assertIn("compiling scaling", build.stdout)
        self.assertEqual(self.call_scale(out, "1.5"), "3.0")
        unchanged = support.pyxx_build(OPTIONS.pyxx, self.source, out)
        self.assertNotIn("compiling scaling", unchanged.stdout)

    def test_diagnostics_name_the_pxd(self):
        self.write("scaling.pxd", "cpdef int scale(int x, int factor=*)\ncdef extern from 'm.h':\n    pass\n")
        result = support.run([OPTIONS.pyxx, "check", self.source])
        self.assertEqual(result.returncode, 1)
        self.assertIn("scaling.pxd:2:1: error: `cdef extern from \"m.h\"` (of extern blocks, only those of math.h, "
                      "stdlib.h and string.h are read) in an augmenting .pxd file is not supported [PX123]",
                      result.stderr)
        result = support.run([OPTIONS.pyxx, "check", "--diagnostics-format", "json", self.source])
        reported = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual([(d["file"], d["line"], d["code"]) for d in reported],
                         [(os.path.join(self.tmp, "scaling.pxd"), 2, "PX123")])
        out = os.path.join(self.tmp, "out")
        build = support.run([OPTIONS.pyxx, "build", self.source, "-o", out, "--python", sys.executable])
        self.assertEqual(build.returncode, 1)
        self.assertFalse(os.path.exists(os.path.join(out, "scaling.cpp")))

    def test_a_mismatch_points_at_both_files(self):
        self.write("scaling.py", MODULE.replace("factor=2", "factor"))
        result = support.run([OPTIONS.pyxx, "check", "--diagnostics-format", "sarif", self.source])
        self.assertEqual(result.returncode, 1)
        log = json.loads(result.stdout)
        run = log["runs"][0]
        uris = [a["location"]["uri"] for a in run["artifacts"]]
        (finding,) = run["results"]
        self.assertEqual(finding["ruleId"], "PX124")
        where = finding["locations"][0]["physicalLocation"]["artifactLocation"]
        note = finding["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
        self.assertTrue(uris[where["index"]].endswith("scaling.py"))
        self.assertTrue(uris[note["index"]].endswith("scaling.pxd"))


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
