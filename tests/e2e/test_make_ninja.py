"""End to end: examples/make-and-ninja built with make and with ninja
(docs/building.md), and exactly the needed work redone after each edit.

pyxx translate writes its outputs only when their contents change, so ninja's
`restat` (and make's re-check of times) skips the C++ compile when an edit
leaves the C++ as it was, and an importer is translated again only when the
declarations file it cimports changed. Also: depfile paths are escaped as GCC
escapes them, ninja reads such a depfile, and `-o -` needs `--depfile-target`.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import support
from support import OPTIONS, run

LIB_BODY = "    return 2 * x\n"


class Project(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-make-ninja-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.dir = os.path.join(self.tmp, "project")
        shutil.copytree(support.example("make-and-ninja"), self.dir)
        self.env = dict(os.environ, PYXX=OPTIONS.pyxx, PYTHON=sys.executable)

    def edit(self, name, old, new):
        path = os.path.join(self.dir, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        # A time later than every output's: the edit must be seen as newer.
        later = max(os.stat(os.path.join(self.dir, n)).st_mtime for n in os.listdir(self.dir)) + 2
        os.utime(path, (later, later))

    def imported(self, x):
        check = "import sys; sys.path.insert(0, sys.argv[1]); import user; print(user.scaled(int(sys.argv[2])))"
        return int(run([sys.executable, "-c", check, self.dir, str(x)], check=True).stdout)

    def scenario(self, build, retranslated=frozenset()):
        """The edits and, for each, what must be redone (translate, compile);
        `retranslated`: what the tool translates again although nothing changed."""
        self.assertEqual(build(), ({"lib", "user"}, {"lib", "user"}))
        self.assertEqual(self.imported(21), 42)
        self.assertEqual(build(), (set(), set()))
        # The body only: lib's declarations stay, so user is left alone.
        self.edit("lib.py", LIB_BODY, "    return 3 * x\n")
        self.assertEqual(build(), ({"lib"} | retranslated, {"lib"}))
        self.assertEqual(self.imported(21), 63)
        # A comment on an existing line: the C++ is the same, nothing compiles.
        self.edit("user.py", "    return scale(x)\n", "    return scale(x)  # scaled\n")
        self.assertEqual(build(), ({"user"} | retranslated, set()))
        # The signature: lib's declarations change, so user is redone too.
        self.edit("lib.py", "def scale(x: cython.int) -> cython.int", "def scale(x: cython.long) -> cython.long")
        self.assertEqual(build(), ({"lib", "user"}, {"lib", "user"}))
        self.assertEqual(self.imported(21), 63)

    def test_ninja(self):
        if shutil.which("ninja") is None:
            self.skipTest("ninja is not installed")
        run(["sh", "configure.sh"], cwd=self.dir, env=self.env, check=True)

        def build():
            out = run(["ninja"], cwd=self.dir, env=self.env, check=True).stdout
            translated = set(re.findall(r"TRANSLATE (\w+)\.py", out))
            compiled = set(re.findall(r"CXX (\w+)\.", out))
            return translated, compiled

        self.scenario(build)
        # The importer's dependency on lib.pyxd came from its depfile.
        deps = run(["ninja", "-t", "deps", "user.cpp"], cwd=self.dir, check=True).stdout
        self.assertRegex(deps, r"(?m)^\s+(\./)?lib\.pyxd$")

    def test_make(self):
        if shutil.which("make") is None:
            self.skipTest("make is not installed")

        def build():
            out = run(["make", f"PYXX={OPTIONS.pyxx}", f"PYTHON={sys.executable}"], cwd=self.dir,
                      env=self.env, check=True).stdout
            translated = set(re.findall(r"translate (\w+)\.py", out))
            compiled = set(re.findall(r" (\w+)\.cpp -o ", out))
            return translated, compiled

        # make has no restat: a source newer than its unchanged declarations is
        # translated again on each run, and so is its importer (cheap), but
        # nothing is compiled for them.
        self.scenario(build, {"lib", "user"})


class Depfiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-depfile-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_paths_are_escaped_as_gcc_escapes_them(self):
        cxx = shutil.which("g++")
        if cxx is None:
            self.skipTest("g++ is not installed")
        hostile = "s p#a$b\\ c"  # a space, '#', '$' and a backslash before a space
        sub = os.path.join(self.tmp, hostile)
        os.makedirs(sub)
        shutil.copy(support.example("make-and-ninja", "lib.py"), sub)
        shutil.copy(support.example("make-and-ninja", "user.py"), sub)
        run([OPTIONS.pyxx, "translate", f"{hostile}/lib.py", "-o", f"{hostile}/lib.cpp"], cwd=self.tmp, check=True)
        run([OPTIONS.pyxx, "translate", f"{hostile}/user.py", "-o", f"{hostile}/user.cpp",
             "--depfile", "user.d"], cwd=self.tmp, check=True)
        with open(os.path.join(self.tmp, "user.d"), encoding="utf-8") as f:
            ours = f.read()
        # GCC's own depfile for a file that includes the same paths.
        with open(os.path.join(sub, "probe.h"), "w", encoding="utf-8"):
            pass
        with open(os.path.join(self.tmp, "probe.cpp"), "w", encoding="utf-8") as f:
            f.write(f'#include "{hostile}/probe.h"\n')
        gcc = run([cxx, "-MM", "-MQ", f"{hostile}/user.cpp", "probe.cpp"], cwd=self.tmp, check=True).stdout
        target, prerequisites = gcc.split(": ", 1)
        header = prerequisites.split("probe.cpp ", 1)[1].strip()
        self.assertTrue(header.endswith("/probe.h"), gcc)
        self.assertNotEqual(header, f"{hostile}/probe.h", "GCC escaped nothing: the test proves nothing")
        escaped_dir = header[:-len("probe.h")]
        self.assertEqual(ours, f"{target}: {escaped_dir}user.py {escaped_dir}lib.pyxd\n")

    def test_ninja_reads_an_escaped_depfile(self):
        if shutil.which("ninja") is None:
            self.skipTest("ninja is not installed")
        sub = os.path.join(self.tmp, "s p#a$b")
        os.makedirs(sub)
        for name in ("lib.py", "user.py"):
            shutil.copy(support.example("make-and-ninja", name), sub)
        with open(os.path.join(self.tmp, "build.ninja"), "w", encoding="utf-8") as f:
            f.write("rule pyxx\n"
                    f"  command = {OPTIONS.pyxx} translate $in -o $out --depfile $out.d\n"
                    "  depfile = $out.d\n  deps = gcc\n  restat = 1\n"
                    "build s$ p#a$$b/lib.cpp: pyxx s$ p#a$$b/lib.py\n"
                    "build s$ p#a$$b/user.cpp: pyxx s$ p#a$$b/user.py || s$ p#a$$b/lib.cpp\n")
        run(["ninja"], cwd=self.tmp, check=True)
        deps = run(["ninja", "-t", "deps"], cwd=self.tmp, check=True).stdout
        self.assertIn("s p#a$b/lib.pyxd", deps)
        self.assertIn("ninja: no work to do", run(["ninja"], cwd=self.tmp, check=True).stdout)
        later = os.stat(os.path.join(sub, "lib.pyxd")).st_mtime + 2
        os.utime(os.path.join(sub, "lib.pyxd"), (later, later))
        self.assertIn("user.py", run(["ninja", "-v"], cwd=self.tmp, check=True).stdout)

    def test_stdout_output_needs_a_depfile_target(self):
        source = support.example("make-and-ninja", "lib.py")
        refused = run([OPTIONS.pyxx, "translate", source, "-o", "-", "--depfile", "x.d"], cwd=self.tmp)
        self.assertEqual(refused.returncode, 2)
        self.assertIn("--depfile-target", refused.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.d")))
        ok = run([OPTIONS.pyxx, "translate", source, "-o", "-", "--depfile", "x.d", "--depfile-target", "out dir/lib.cpp"],
                 cwd=self.tmp, check=True)
        self.assertIn("PYXX_GENERATED_MODULE(lib,", ok.stdout)
        with open(os.path.join(self.tmp, "x.d"), encoding="utf-8") as f:
            self.assertEqual(f.read(), f"out\\ dir/lib.cpp: {source}\n")

    def test_unchanged_outputs_keep_their_time(self):
        source = os.path.join(self.tmp, "lib.py")
        shutil.copy(support.example("make-and-ninja", "lib.py"), source)
        outputs = [os.path.join(self.tmp, n) for n in ("lib.cpp", "lib.pyxd", "lib.d")]
        translate = [OPTIONS.pyxx, "translate", source, "-o", outputs[0], "--depfile", outputs[2]]
        run(translate, check=True)
        old = 1_000_000_000
        for path in outputs:
            os.utime(path, (old, old))
        run(translate, check=True)
        self.assertEqual([os.stat(p).st_mtime for p in outputs], [old] * 3)
        with open(source, "a", encoding="utf-8") as f:
            f.write("\n\ndef added() -> cython.int:\n    return 1\n")
        run(translate, check=True)
        times = [os.stat(p).st_mtime for p in outputs]
        self.assertNotEqual(times[0], old)  # the C++ changed
        self.assertEqual(times[1:], [old, old])  # no new C function, same inputs


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
