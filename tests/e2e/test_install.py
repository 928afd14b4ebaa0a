"""End to end: the installed layout works on its own.

Installs the build tree into a temporary prefix, moves the prefix elsewhere (so
nothing can rely on absolute build paths), then from an unrelated directory:
  * <prefix>/bin/pyxx build  -> an importable module (runtime headers found
    at <prefix>/include relative to the executable);
  * a CMake project using find_package(pyxx) and pyxx_add_module().
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest

import support
from support import OPTIONS, run

CHECK_MODULE = ("import sys; sys.path.insert(0, sys.argv[1]); import fib_cython as m; "
                "assert m.cython_nogil(90) == 2880067194370816120, m.cython_nogil(90); "
                "print(m.__file__)")


def setUpModule():
    global tmp, prefix
    tmp = tempfile.mkdtemp(prefix="pyxx-install-")
    staged = os.path.join(tmp, "staged")
    run([OPTIONS.cmake, "--install", OPTIONS.build_dir, "--prefix", staged], check=True)
    prefix = os.path.join(tmp, "moved", "prefix")
    shutil.move(staged, prefix)


def tearDownModule():
    shutil.rmtree(tmp)


class InstalledLayout(unittest.TestCase):
    def test_files_are_in_place(self):
        self.assertTrue(os.access(os.path.join(prefix, "bin", "pyxx"), os.X_OK))
        source_headers = sorted(os.path.basename(p) for p in glob.glob(
            os.path.join(OPTIONS.source_dir, "runtime", "include", "pyxx", "*.hpp")))
        installed_headers = sorted(os.path.basename(p) for p in glob.glob(
            os.path.join(prefix, "include", "pyxx", "*.hpp")))
        self.assertTrue(source_headers)
        self.assertEqual(installed_headers, source_headers)
        configs = glob.glob(os.path.join(prefix, "lib*", "**", "pyxxConfig.cmake"), recursive=True)
        self.assertEqual(len(configs), 1, configs)
        self.assertTrue(os.path.exists(os.path.join(os.path.dirname(configs[0]),
                                                    "pyxxConfigVersion.cmake")))

    def test_the_python_helpers_find_the_installed_pyxx(self):
        (module,) = glob.glob(os.path.join(prefix, "lib*", "**", "pyxx", "setuptools.py"), recursive=True)
        helpers = os.path.dirname(os.path.dirname(module))
        env = dict(os.environ, PYTHONPATH=helpers, PATH="/usr/bin:/bin")
        env.pop("PYXX", None)
        found = run([sys.executable, "-c", "import pyxx; print(pyxx.find_pyxx())"], env=env, check=True)
        self.assertEqual(found.stdout.strip(), os.path.join(prefix, "bin", "pyxx"))

    def test_installed_pyxx_builds_a_module_from_elsewhere(self):
        work = tempfile.mkdtemp(prefix="work-", dir=tmp)
        shutil.copy(support.example("article", "fib_cython.pyx"), work)
        os.mkdir(os.path.join(work, "out"))
        run([os.path.join(prefix, "bin", "pyxx"), "build", "fib_cython.pyx", "-o", "out",
             "--python", sys.executable], cwd=work, check=True)
        out = os.path.join(work, "out")
        imported = run([sys.executable, "-c", CHECK_MODULE, out], check=True)
        self.assertTrue(imported.stdout.strip().startswith(out))

    def test_find_package_and_pyxx_add_module(self):
        project = tempfile.mkdtemp(prefix="consumer-", dir=tmp)
        # The `.py` spelling the language guide recommends, through the CMake package.
        shutil.copy(support.example("article", "fib_cython.pyx"), os.path.join(project, "fib_cython.py"))
        with open(os.path.join(project, "CMakeLists.txt"), "w", encoding="utf-8") as lists:
            lists.write(
                "cmake_minimum_required(VERSION 3.25)\n"
                "project(consumer LANGUAGES CXX)\n"
                "find_package(pyxx 0.1 CONFIG REQUIRED)\n"
                "pyxx_add_module(fib_cython SOURCE fib_cython.py)\n")
        build = os.path.join(project, "build")
        configure = [OPTIONS.cmake, "-S", project, "-B", build,
                     f"-DCMAKE_PREFIX_PATH={prefix}", f"-DPython3_EXECUTABLE={sys.executable}"]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        run(configure, check=True)
        run([OPTIONS.cmake, "--build", build], check=True)
        imported = run([sys.executable, "-c", CHECK_MODULE, build], check=True)
        self.assertTrue(imported.stdout.strip().startswith(build))


    def test_limited_api_module(self):
        # LIMITED_API 3.9: the module is NAME.abi3.so, built with --limited-api.
        project = tempfile.mkdtemp(prefix="abi3-", dir=tmp)
        shutil.copy(support.example("article", "fib_cython.pyx"), os.path.join(project, "fib_cython.py"))
        lists = os.path.join(project, "CMakeLists.txt")
        def write_lists(limited):
            with open(lists, "w", encoding="utf-8") as f:
                f.write("cmake_minimum_required(VERSION 3.20)\n"
                        "project(abi3 LANGUAGES CXX)\n"
                        "find_package(Python3 REQUIRED COMPONENTS Interpreter Development.Module)\n"
                        "find_package(pyxx 0.1 CONFIG REQUIRED)\n"
                        f"pyxx_add_module(fib_cython fib_cython.py LIMITED_API {limited})\n")
        build = os.path.join(project, "build")
        write_lists("3.9")
        result = self.configure(project, build, f"-DPython3_EXECUTABLE={sys.executable}")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        run([OPTIONS.cmake, "--build", build], check=True)
        self.assertTrue(os.path.exists(os.path.join(build, "fib_cython.abi3.so")), os.listdir(build))
        with open(os.path.join(build, "pyxx_generated", "fib_cython.cpp"), encoding="utf-8") as f:
            self.assertIn("#define Py_LIMITED_API 0x03090000", f.read())
        imported = run([sys.executable, "-c", CHECK_MODULE, build], check=True)
        self.assertEqual(imported.stdout.strip(), os.path.join(build, "fib_cython.abi3.so"))
        for limited, message in (("three", "is not a Python version"), ("3.99", "needs the headers of Python")):
            with self.subTest(limited=limited):
                write_lists(limited)
                result = self.configure(project, os.path.join(project, "build-" + limited),
                                        f"-DPython3_EXECUTABLE={sys.executable}")
                self.assertNotEqual(result.returncode, 0)
                self.assertIn(message, result.stdout + result.stderr)

    def configure(self, source, build, *extra):
        command = [OPTIONS.cmake, "-S", source, "-B", build, f"-DCMAKE_PREFIX_PATH={prefix}", *extra]
        if shutil.which("ninja"):
            command += ["-G", "Ninja"]
        return run(command)

    def test_cmake_project_example_builds_installs_and_imports(self):
        project = os.path.join(tmp, "cmake-project")
        shutil.copytree(support.example("cmake-project"), project)
        build = os.path.join(project, "build")
        # No build type: pyxx_add_module optimises anyway. find_package(Python) here.
        result = self.configure(project, build, f"-DPython_EXECUTABLE={sys.executable}",
                                "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        run([OPTIONS.cmake, "--build", build], check=True)
        with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
            commands = [entry["command"] for entry in json.load(f)]
        self.assertEqual(len(commands), 2)
        for command in commands:
            for flag in ("-O2", "-fvisibility=hidden", "-ffp-contract=off"):
                self.assertIn(flag, command.split())
        site = os.path.join(project, "installed")
        run([OPTIONS.cmake, "--install", build, "--prefix", site], check=True)
        check = ("import sys; sys.path.insert(0, sys.argv[1]); import fastsum, fastsum.core; "
                 "print(fastsum.total(1000), fastsum.scaled_total(10, 3), fastsum.core.__file__)")
        total, scaled, where = run([sys.executable, "-c", check, site], check=True).stdout.split()
        self.assertEqual((total, scaled), ("499500", "135"))
        self.assertEqual(where, os.path.join(site, "fastsum", "core" + sysconfig.get_config_var("EXT_SUFFIX")))
        symbols = run(["nm", "-D", "--defined-only", where], check=True).stdout.split()
        self.assertEqual([s for s in symbols if s.startswith("PyInit")], ["PyInit_core"])
        self.assertFalse([s for s in symbols if "sum_below" in s], symbols)
        # Paths in the generated code are relative to the project (--source-root).
        with open(os.path.join(build, "pyxx_generated", "fastsum", "core.cpp"), encoding="utf-8") as f:
            generated = f.read()
        self.assertIn('#line 9 "src/fastsum/core.py"', generated)
        self.assertNotIn(project, generated)

    def test_two_different_pythons_are_refused(self):
        other = "/usr/bin/python3"
        if not os.path.exists(other) or os.path.realpath(other) == os.path.realpath(sys.executable):
            self.skipTest("needs a second Python at /usr/bin/python3, other than the test's")
        project = tempfile.mkdtemp(prefix="mismatch-", dir=tmp)
        shutil.copy(support.example("article", "fib_cython.pyx"), project)
        with open(os.path.join(project, "CMakeLists.txt"), "w", encoding="utf-8") as lists:
            lists.write("cmake_minimum_required(VERSION 3.20)\n"
                        "project(mismatch LANGUAGES CXX)\n"
                        "find_package(Python REQUIRED COMPONENTS Interpreter Development.Module)\n"
                        "find_package(Python3 REQUIRED COMPONENTS Interpreter Development.Module)\n"
                        "find_package(pyxx CONFIG REQUIRED)\n"
                        "pyxx_add_module(fib_cython fib_cython.pyx)\n")
        result = self.configure(project, os.path.join(project, "build"), f"-DPython_EXECUTABLE={sys.executable}",
                                f"-DPython3_EXECUTABLE={other}")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("two different Pythons were found", result.stdout + result.stderr)


if __name__ == "__main__":
    support.parse_options_then_run_unittest(extra_options=[
        ("--cmake", "the cmake executable"),
        ("--build-dir", "the pyxx build tree to install"),
    ])
