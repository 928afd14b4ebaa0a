"""End to end: examples/meson-project, a package with two pyxx modules (one
cimporting the other) built by meson (docs/building.md, "meson and
meson-python").

PlainMeson: `meson setup` + ninja for the suite's Python, the modules
imported from the build tree, then exactly the needed work redone after each
edit (restat of meson's custom targets, the cimported declarations file as an
input of its importer).
MesonPython: a wheel made by meson-python, with `python -m build` (pyxx found
on PATH) and with `pip wheel` (pyxx given as a meson option), installed into a
temporary directory and imported.

DocsRecipe: the recipe in docs/building.md is the example's code.

Needs meson >= 1.0 and ninja; the wheels also a Python with headers that has
meson-python, build and pip (Debian: meson python3-mesonpy python3-build
python3-pip, which tests/run.sh installs). No index is used.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import support
from support import OPTIONS, run

INSTALL_HINT = "apt-get install meson python3-mesonpy python3-build python3-pip"
HAS_MESON_PYTHON = ("import os, sysconfig, mesonpy, build, pip; "
                    "assert os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h'))")
# The installed package re-exports from its modules (__init__.py); the build
# tree has the modules only.
CHECK_IMPORT = ("import sys; sys.path.insert(0, sys.argv[1]); import fastsum, fastsum.core, fastsum.scaled; "
                "print(fastsum.core.total(1000), fastsum.scaled.scaled_total(10, 3)); print(fastsum.core.__file__); "
                "print(getattr(fastsum, 'total', None) is fastsum.core.total)")


def meson_version():
    """(major, minor) of the meson on PATH, None when there is none."""
    if shutil.which("meson") is None:
        return None
    found = re.match(r"(\d+)\.(\d+)", run(["meson", "--version"]).stdout.strip())
    return (int(found[1]), int(found[2])) if found else None


def python_with_meson_python():
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run([python, "-c", HAS_MESON_PYTHON],
                                                     capture_output=True).returncode == 0:
            return python
    return None


def code(lines):
    """The lines that are neither blank nor comments."""
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


class DocsRecipe(unittest.TestCase):
    def test_the_recipe_in_the_docs_is_the_example(self):
        with open(os.path.join(OPTIONS.source_dir, "docs", "building.md"), encoding="utf-8") as f:
            section = f.read().split("\n## meson and meson-python\n", 1)[1].split("\n## ", 1)[0]
        blocks = re.findall(r"```(meson|toml)\n(.*?)```", section, re.S)
        files = ["meson.build", "meson_options.txt", os.path.join("fastsum", "meson.build"), "pyproject.toml"]
        self.assertEqual(len(blocks), len(files))
        for (language, block), name in zip(blocks, files):
            with open(support.example("meson-project", name), encoding="utf-8") as f:
                example = code(f.read().splitlines())
            if language == "toml":  # the docs leave out the description
                self.assertTrue(set(code(block.splitlines())) <= set(example), name)
            else:
                self.assertEqual(code(block.splitlines()), example, name)


class Project(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-meson-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.project = os.path.join(self.tmp, "project")
        shutil.copytree(support.example("meson-project"), self.project)

    def check_import(self, python, site, package=True):
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        out = run([python, "-c", CHECK_IMPORT, site], env=env, cwd=self.tmp, check=True).stdout.splitlines()
        self.assertEqual(out[0], "499500 135")
        self.assertEqual(out[2], str(package))
        suffix = run([python, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"],
                     check=True).stdout.strip()
        self.assertTrue(out[1].endswith(os.path.join("fastsum", "core" + suffix)), out[1])  # not core.py
        return out[1]


class PlainMeson(Project):
    @classmethod
    def setUpClass(cls):
        if (meson_version() or (0, 0)) < (1, 0) or shutil.which("ninja") is None:
            raise unittest.SkipTest(f"meson >= 1.0 and ninja are not installed ({INSTALL_HINT})")

    def setUp(self):
        super().setUp()
        self.build_dir = os.path.join(self.project, "build")
        # meson builds for its own Python unless a machine file names another.
        native = os.path.join(self.tmp, "native.ini")
        with open(native, "w", encoding="utf-8") as f:
            f.write(f"[binaries]\npython = '{sys.executable}'\n")
        run(["meson", "setup", self.build_dir, f"--native-file={native}", f"-Dpyxx={os.path.abspath(OPTIONS.pyxx)}"],
            cwd=self.project, check=True)

    def build(self):
        """ninja's work: (modules translated, modules compiled)."""
        out = run(["ninja", "-C", self.build_dir], check=True).stdout
        translated = set(re.findall(r"Generating fastsum/fastsum\.(\w+) with a custom command", out))
        compiled = set(re.findall(r"Compiling C\+\+ object fastsum/(\w+)\.", out))
        return translated, compiled

    def edit(self, name, old, new):
        path = os.path.join(self.project, "fastsum", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        # A time later than every output's: the edit must be seen as newer.
        later = max(os.stat(os.path.join(d, n)).st_mtime
                    for d, _, names in os.walk(self.build_dir) for n in names) + 2
        os.utime(path, (later, later))

    def total(self):
        check = "import sys; sys.path.insert(0, sys.argv[1]); import fastsum.scaled as s; print(s.scaled_total(10, 3))"
        return int(run([sys.executable, "-c", check, self.build_dir], check=True).stdout)

    def test_builds_imports_and_redoes_exactly_what_an_edit_needs(self):
        self.assertEqual(self.build(), ({"core", "scaled"}, {"core", "scaled"}))
        module = self.check_import(sys.executable, self.build_dir, package=False)
        # Hidden visibility: the module exports its init function, nothing else of its own.
        symbols = run(["nm", "-D", "--defined-only", module], check=True).stdout.split()
        self.assertEqual([s for s in symbols if s.startswith("PyInit")], ["PyInit_core"])
        self.assertFalse([s for s in symbols if "sum_below" in s], symbols)
        # Sources named relative to the project in the generated code.
        with open(os.path.join(self.build_dir, "fastsum", "core.cpp"), encoding="utf-8") as f:
            generated = f.read()
        self.assertIn('#line 9 "fastsum/core.py"', generated)
        self.assertNotIn(self.project, generated)
        # pyxx's flags: C++17, -O2 (meson's default would be -O0), no FMA contraction.
        commands = run(["ninja", "-C", self.build_dir, "-t", "commands"], check=True).stdout
        (compile_core,) = [c for c in commands.splitlines() if c.endswith("-c fastsum/core.cpp")]
        for flag in ("-std=c++17", "-O2", "-ffp-contract=off", "-fvisibility=hidden"):
            self.assertIn(f" {flag} ", compile_core)

        self.assertEqual(self.build(), (set(), set()))
        self.assertEqual(self.total(), 135)
        # A body edit: core's declarations stay, so scaled is left alone.
        self.edit("core.py", "        s += i\n", "        s += 2 * i\n")
        self.assertEqual(self.build(), ({"core"}, {"core"}))
        self.assertEqual(self.total(), 270)
        # A comment on an existing line: the C++ is the same, nothing compiles.
        self.edit("scaled.py", "    return factor * sum_below(n)\n", "    return factor * sum_below(n)  # scaled\n")
        self.assertEqual(self.build(), ({"scaled"}, set()))
        # The signature: core's declarations change, so scaled is redone too.
        self.edit("core.py", "def sum_below(n: cython.long) -> cython.long", "def sum_below(n: cython.int) -> cython.long")
        self.assertEqual(self.build(), ({"core", "scaled"}, {"core", "scaled"}))
        self.assertEqual(self.total(), 270)


class MesonPython(Project):
    @classmethod
    def setUpClass(cls):
        cls.python = python_with_meson_python()
        if cls.python is None or (meson_version() or (0, 0)) < (1, 0):
            raise unittest.SkipTest(f"no Python here has meson-python, build, pip and its headers ({INSTALL_HINT})")

    def install_and_import(self, dist):
        (wheel,) = glob.glob(os.path.join(dist, "fastsum-0.1.0-*.whl"))
        site = os.path.join(self.tmp, "site")
        run([self.python, "-m", "pip", "install", "--no-deps", "--no-index", "--target", site, wheel],
            env=self.env, check=True)
        module = self.check_import(self.python, site)
        # Nothing of where the project was built is in the module (reproducible wheels).
        with open(module, "rb") as f:
            self.assertNotIn(self.tmp.encode(), f.read())
        return module

    def setUp(self):
        super().setUp()
        self.env = dict(os.environ, PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
        self.env.pop("PYTHONPATH", None)

    def test_python_build_makes_a_wheel_with_the_pyxx_on_path(self):
        tools = os.path.join(self.tmp, "bin")
        os.mkdir(tools)
        os.symlink(os.path.abspath(OPTIONS.pyxx), os.path.join(tools, "pyxx"))
        self.env["PATH"] = tools + os.pathsep + self.env.get("PATH", "")
        dist = os.path.join(self.tmp, "dist")
        build_dir = os.path.join(self.tmp, "mesonpy-build")
        run([self.python, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist,
             f"-Cbuilddir={build_dir}", self.project], env=self.env, check=True)
        self.install_and_import(dist)
        # pyxx's flags, -O2 included (pyproject.toml), whatever meson-python's default.
        with open(os.path.join(build_dir, "compile_commands.json"), encoding="utf-8") as f:
            (compile_core,) = [c["command"] for c in json.load(f) if c["file"].endswith("core.cpp")]
        for flag in ("-std=c++17", "-O2", "-ffp-contract=off", "-fvisibility=hidden"):
            self.assertIn(f" {flag} ", compile_core)

    def test_pip_wheel_with_pyxx_given_as_a_meson_option(self):
        dist = os.path.join(self.tmp, "dist")
        run([self.python, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w", dist,
             f"--config-settings=setup-args=-Dpyxx={os.path.abspath(OPTIONS.pyxx)}", self.project],
            env=self.env, check=True)
        self.install_and_import(dist)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
