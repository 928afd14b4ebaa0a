"""End to end: examples/setuptools-project, a package with two pyxx modules
(one cimporting the other), built into a wheel by pip and by `python -m build`
with pyxx.setuptools (docs/building.md, "setuptools"), installed and imported;
and built in place twice, the second time compiling nothing.

The build needs setuptools, wheel and pip for a Python that has its headers:
the suite's Python when it has them, else Debian's /usr/bin/python3
(tests/run.sh installs python3-setuptools, python3-wheel and python3-pip;
`python -m build` also python3-build).
No index is used (--no-index, --no-build-isolation).
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import support
from support import OPTIONS, run

HAS_TOOLS = ("import os, sysconfig, setuptools, wheel, pip; "
             "assert os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h'))")


def python_with_build_tools():
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run([python, "-c", HAS_TOOLS], capture_output=True).returncode == 0:
            return python
    return None


class SetuptoolsProject(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.python = python_with_build_tools()
        if cls.python is None:
            support.skip_program("no Python here has setuptools, wheel, pip and its headers "
                                 "(apt-get install python3-setuptools python3-wheel python3-pip python3-dev)")

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-setuptools-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.project = os.path.join(self.tmp, "project")
        shutil.copytree(support.example("setuptools-project"), self.project)
        # The helpers from this source tree, the pyxx under test.
        self.env = dict(os.environ, PYTHONPATH=os.path.abspath(os.path.join(OPTIONS.source_dir, "python")), PYXX=OPTIONS.pyxx,
                        PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1")

    def check_import(self, site):
        check = ("import sys; sys.path.insert(0, sys.argv[1]); import fastsum, fastsum.core, fastsum.scaled; "
                 "print(fastsum.total(1000), fastsum.scaled_total(10, 3)); print(fastsum.core.__file__)")
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        out = run([self.python, "-c", check, site], env=env, cwd=self.tmp, check=True).stdout.splitlines()
        self.assertEqual(out[0], "499500 135")
        suffix = run([self.python, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"],
                     check=True).stdout.strip()
        self.assertTrue(out[1].endswith("core" + suffix), out[1])  # the compiled module, not core.py
        return out[1]

    def test_pip_builds_a_wheel_that_installs_and_imports(self):
        dist = os.path.join(self.tmp, "dist")
        run([self.python, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
             "-w", dist, self.project], env=self.env, check=True)
        (wheel,) = glob.glob(os.path.join(dist, "fastsum-0.1.0-*.whl"))
        site = os.path.join(self.tmp, "site")
        run([self.python, "-m", "pip", "install", "--no-deps", "--no-index", "--target", site, wheel],
            env=self.env, check=True)
        module = self.check_import(site)
        # Paths in the generated code are relative to the project (reproducible wheels).
        (cpp,) = glob.glob(os.path.join(self.project, "build", "temp*", "pyxx", "fastsum", "core.cpp"))
        with open(cpp, encoding="utf-8") as f:
            generated = f.read()
        self.assertIn('#line 9 "fastsum/core.py"', generated)
        self.assertNotIn(self.project, generated)
        # Hidden visibility: the module exports its init function and nothing else of its own.
        symbols = run(["nm", "-D", "--defined-only", module], check=True).stdout.split()
        self.assertEqual([s for s in symbols if s.startswith("PyInit")], ["PyInit_core"])
        self.assertFalse([s for s in symbols if "sum_below" in s], symbols)

    def test_python_build_makes_a_wheel_that_installs_and_imports(self):
        if run([self.python, "-c", "import build"]).returncode != 0:
            self.skipTest(f"{self.python} has no `build` module (apt-get install python3-build)")
        dist = os.path.join(self.tmp, "dist")
        run([self.python, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, self.project],
            env=self.env, check=True)
        (wheel,) = glob.glob(os.path.join(dist, "fastsum-0.1.0-*.whl"))
        site = os.path.join(self.tmp, "site")
        run([self.python, "-m", "pip", "install", "--no-deps", "--no-index", "--target", site, wheel],
            env=self.env, check=True)
        self.check_import(site)

    def test_a_limited_api_wheel_is_abi3(self):
        # py_limited_api=True: NAME.abi3.so for the limited API of 3.9, in a cp39-abi3 wheel.
        setup_py = os.path.join(self.project, "setup.py")
        with open(setup_py, encoding="utf-8") as f:
            text = f.read()
        text = text.replace('["fastsum/scaled.py"])', '["fastsum/scaled.py"], py_limited_api=True)')
        text = text.replace('["fastsum/core.py"])', '["fastsum/core.py"], py_limited_api=True)')
        text = text.replace("cmdclass=", 'options={"bdist_wheel": {"py_limited_api": "cp39"}},\n    cmdclass=')
        with open(setup_py, "w", encoding="utf-8") as f:
            f.write(text)
        dist = os.path.join(self.tmp, "dist")
        run([self.python, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
             "-w", dist, self.project], env=self.env, check=True)
        (wheel,) = glob.glob(os.path.join(dist, "fastsum-0.1.0-cp39-abi3-*.whl"))
        site = os.path.join(self.tmp, "site")
        run([self.python, "-m", "pip", "install", "--no-deps", "--no-index", "--target", site, wheel],
            env=self.env, check=True)
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        check = ("import sys; sys.path.insert(0, sys.argv[1]); import fastsum, fastsum.core; "
                 "print(fastsum.total(1000), fastsum.scaled_total(10, 3), fastsum.core.__file__)")
        out = run([self.python, "-c", check, site], env=env, cwd=self.tmp, check=True).stdout.split()
        self.assertEqual(out[:2], ["499500", "135"])
        self.assertTrue(out[2].endswith("core.abi3.so"), out[2])
        (cpp,) = glob.glob(os.path.join(self.project, "build", "temp*", "pyxx", "fastsum", "core.cpp"))
        with open(cpp, encoding="utf-8") as f:
            self.assertIn("#define Py_LIMITED_API 0x03090000\n", f.read())

    def test_a_limited_api_module_the_api_cannot_compile_is_refused(self):
        with open(os.path.join(self.project, "fastsum", "core.py"), "a", encoding="utf-8") as f:
            f.write("\n\n@cython.cclass\nclass Box:\n    size: cython.int\n")
        make = ("from setuptools import setup; from pyxx.setuptools import PyxxExtension, build_ext; "
                "setup(ext_modules=[PyxxExtension('fastsum.core', ['fastsum/core.py'], limited_api='3.10')], "
                "cmdclass={'build_ext': build_ext})")
        result = run([self.python, "-c", make, "build_ext", "--inplace"], cwd=self.project, env=self.env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("core.py:21:1: error: an extension type (`@cython.cclass`) cannot be compiled for the limited "
                      "API of CPython 3.10", result.stderr)
        self.assertIn("pyxx could not translate", result.stderr)

    def test_build_in_place_twice_compiles_only_once(self):
        build = [self.python, "setup.py", "build_ext", "--inplace"]
        first = run(build, cwd=self.project, env=self.env, check=True)
        self.assertIn("building 'fastsum.core'", first.stdout + first.stderr)
        self.check_import(self.project)
        with open(os.path.join(self.project, "fastsum", "core.py"), "a", encoding="utf-8") as f:
            f.write("# a comment: the C++ stays the same\n")
        second = run(build, cwd=self.project, env=self.env, check=True)
        self.assertNotIn("building 'fastsum.", second.stdout + second.stderr)

    def test_errors_in_a_module_stop_the_build_with_its_diagnostics(self):
        with open(os.path.join(self.project, "fastsum", "core.py"), "a", encoding="utf-8") as f:
            f.write("\n\ndef broken() -> cython.int:\n    return undefined_name\n")
        result = run([self.python, "setup.py", "build_ext", "--inplace"], cwd=self.project, env=self.env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("core.py:21:", result.stderr)
        self.assertIn("pyxx could not translate", result.stderr)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
