"""End to end: the pyxx command line (spec section 9) on real files.

Exit codes (0 ok, 1 input has errors, 2 usage or I/O error), no output left
behind on error, deterministic output, and the article's crashing example
rejected at compile time.
"""
import filecmp
import json
import os
import shutil
import sys
import tempfile
import unittest

import support
from support import OPTIONS, run


def parse_json_diagnostics(text):
    """A JSON array of diagnostics, an object holding one under "diagnostics",
    or JSON Lines (one diagnostic object per line)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(value, dict):
        return value["diagnostics"] if "diagnostics" in value else [value]
    return value


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-cli-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def pyxx(self, *args, cwd=None):
        return run([OPTIONS.pyxx, *args], cwd=cwd)

    def test_version_and_help(self):
        version = self.pyxx("--version")
        self.assertEqual(version.returncode, 0, version.stderr)
        self.assertIn("0.", version.stdout + version.stderr)
        for args in (["--help"], ["translate", "--help"], ["build", "--help"], ["check", "--help"]):
            with self.subTest(args=args):
                result = self.pyxx(*args)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("usage", (result.stdout + result.stderr).lower())

    def test_usage_errors_exit_2(self):
        for args in (["no-such-command"], ["translate"], ["translate", "--no-such-flag", "x.pyx"],
                     ["translate", os.path.join(self.tmp, "missing.pyx")]):
            with self.subTest(args=args):
                self.assertEqual(self.pyxx(*args).returncode, 2)

    def test_translate_is_deterministic(self):
        source = support.example("article", "fib_cython.pyx")
        first, second = (os.path.join(self.tmp, name) for name in ("a.cpp", "b.cpp"))
        for out in (first, second):
            result = self.pyxx("translate", source, "-o", out)
            self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(filecmp.cmp(first, second, shallow=False))
        with open(first, encoding="utf-8") as generated:
            self.assertIn('#line 5 "', generated.read())  # the `def fibonacci` line

    def test_module_name_option(self):
        result = self.pyxx("build", support.example("article", "fib_cython.pyx"), "-o", self.tmp,
                           "--module-name", "renamed", "--python", sys.executable)
        self.assertEqual(result.returncode, 0, result.stderr)
        imported = run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                        "import renamed; print(renamed.cython_gil(10))", self.tmp], check=True)
        self.assertEqual(imported.stdout.strip(), "55")

    def test_no_line_directives(self):
        out = os.path.join(self.tmp, "plain.cpp")
        result = self.pyxx("translate", support.example("article", "fib_cython.pyx"),
                           "-o", out, "--no-line-directives")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as generated:
            self.assertNotIn("#line", generated.read())

    def test_check_accepts_the_article_programs(self):
        for program in ("fib_cython.pyx", "fib_numba.pyx"):
            with self.subTest(program=program):
                result = self.pyxx("check", support.example("article", program))
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_cython_recurse_is_rejected_with_px203(self):
        result = self.pyxx("check", support.example("article", "cython_recurse.pyx"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("PX203", result.stdout + result.stderr)
        self.assertIn("cython_recurse.pyx:14:", result.stdout + result.stderr)

    def test_errors_leave_no_output(self):
        source = support.example("article", "cython_recurse.pyx")
        out_dir = os.path.join(self.tmp, "out")
        os.mkdir(out_dir)
        build = run([OPTIONS.pyxx, "build", source, "-o", out_dir, "--python", sys.executable])
        self.assertEqual(build.returncode, 1, build.stdout + build.stderr)
        self.assertIn("PX203", build.stdout + build.stderr)
        self.assertEqual(os.listdir(out_dir), [])
        cpp = os.path.join(self.tmp, "recurse.cpp")
        translate = self.pyxx("translate", source, "-o", cpp)
        self.assertEqual(translate.returncode, 1)
        self.assertFalse(os.path.exists(cpp))

    def test_json_diagnostics(self):
        result = self.pyxx("check", support.example("article", "cython_recurse.pyx"),
                           "--diagnostics-format", "json")
        self.assertEqual(result.returncode, 1)
        diagnostics = parse_json_diagnostics(result.stdout)
        codes = [d["code"] for d in diagnostics]
        self.assertIn("PX203", codes)
        first = next(d for d in diagnostics if d["code"] == "PX203")
        self.assertEqual(first["line"], 14)
        for field in ("file", "column", "end_line", "end_column", "severity", "message", "notes"):
            self.assertIn(field, first)

    def test_explain(self):
        result = self.pyxx("explain", "PX203")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("PX203", result.stdout)
        self.assertNotEqual(self.pyxx("explain", "PX999").returncode, 0)

    def test_build_from_another_directory(self):
        # A relative source path, resolved against the working directory.
        shutil.copy(support.example("article", "fib_cython.pyx"), self.tmp)
        os.mkdir(os.path.join(self.tmp, "out"))
        result = self.pyxx("build", "fib_cython.pyx", "-o", "out", "--python", sys.executable,
                           cwd=self.tmp)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        built = os.listdir(os.path.join(self.tmp, "out"))
        self.assertTrue(any(name.startswith("fib_cython.") for name in built), built)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
