"""End to end: `pyxx build` as `cythonize -i` (docs/building.md).

Several inputs and glob patterns, `-j` compiling modules at once, modules that
are up to date skipped (and exactly the changed ones compiled again), progress
lines (`-q`, `-v`), `-O`/`-g`, CXXFLAGS/LDFLAGS, a time limit on the compiler,
a module that cimports another of the same build, the interpreter refused when
too old or without headers, and `pyxx config`. Most tests use a fake compiler
(a script that logs its calls) so that they stay fast; a few compile for real
and import the result.
"""
import os
import shlex
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
import unittest

import support
from support import OPTIONS, alive

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")

PROGRAM = """\
import cython

def answer() -> cython.int:
    return {value}
"""

EXPORTER = """\
import cython

@cython.cfunc
def twice(x: cython.int) -> cython.int:
    return {factor} * x
"""

IMPORTER = """\
import cython
from cython.cimports.lib import twice

def use(x: cython.int) -> cython.int:
    return twice(x)
"""

# Logs "start NAME time" and "end NAME time" around a short sleep (so that
# parallel runs overlap), then "links" by copying the source to -o.
FAKE_COMPILER = """\
import os, sys, time
args = sys.argv[1:]
source = next(a for a in args if a.endswith(".cpp"))
name = os.path.basename(args[args.index("-o") + 1]).split(".")[0]
def log(what):
    with open(os.environ["FAKE_CXX_LOG"], "a") as f:
        f.write(repr([what, name, time.monotonic(), args]) + "\\n")
log("start")
time.sleep(float(os.environ.get("FAKE_CXX_SLEEP", "0")))
with open(source) as f:
    text = f.read()
with open(args[args.index("-o") + 1], "w") as f:
    f.write("built from:\\n" + text)
log("end")
"""

HANGING_COMPILER = """\
#!/bin/sh
sleep 300 &
echo "$$ $!" > "$HANG_PIDS.tmp"
mv "$HANG_PIDS.tmp" "$HANG_PIDS"
wait
"""


class BuildTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-build-many-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.fake = os.path.join(self.tmp, "fake_cxx.py")
        with open(self.fake, "w", encoding="utf-8") as f:
            f.write(FAKE_COMPILER)
        self.log = os.path.join(self.tmp, "cxx.log")
        self.src = os.path.join(self.tmp, "src")
        self.out = os.path.join(self.tmp, "out")

    def write(self, relative, text):
        path = os.path.join(self.src, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def env(self, **extra):
        env = dict(os.environ, FAKE_CXX_LOG=self.log, **extra)
        for name in ("CXX", "CXXFLAGS", "LDFLAGS"):
            if name not in extra:
                env.pop(name, None)
        return env

    def fake_cxx(self):
        return shlex.join([sys.executable, self.fake])

    def build(self, *args, env=None, fake=True, check=True):
        command = [OPTIONS.pyxx, "build", *args, "-o", self.out, "--python", sys.executable]
        if fake:
            command += ["--cxx", self.fake_cxx()]
        result = subprocess.run(command, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env if env is not None else self.env(), cwd=self.src, timeout=300)
        if check:
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result

    def compiled(self):
        """The modules compiled since the last call, in the order they started."""
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            calls = [eval(line) for line in f]  # repr() of a list
        os.remove(self.log)
        return [name for what, name, _, _ in calls if what == "start"]

    def calls(self):
        with open(self.log, encoding="utf-8") as f:
            return [eval(line) for line in f]


class ManyInputs(BuildTest):
    def test_globs_packages_and_parallel_real_builds_import(self):
        self.write("a.pyx", PROGRAM.format(value=1))
        self.write("pkg/__init__.py", "")
        self.write("pkg/sub/__init__.py", "")
        self.write("pkg/sub/b.pyx", PROGRAM.format(value=2))
        self.write("pkg/c.pyx", PROGRAM.format(value=3))
        self.write(".hidden/d.pyx", PROGRAM.format(value=4))  # `**` does not enter hidden directories
        result = self.build("**/*.pyx", "-j", "2", fake=False)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 3, result.stdout)
        self.assertEqual(sorted(line.split()[2] for line in lines), ["a", "pkg.c", "pkg.sub.b"])
        for i, line in enumerate(lines, 1):
            self.assertTrue(line.startswith(f"[{i}/3] compiling "), line)
        check = ("import sys; sys.path.insert(0, sys.argv[1]); import a, pkg.c, pkg.sub.b; "
                 "print(a.answer(), pkg.sub.b.answer(), pkg.c.answer(), pkg.sub.b.__file__)")
        imported = support.run([sys.executable, "-c", check, self.out], check=True)
        values = imported.stdout.split()
        self.assertEqual(values[:3], ["1", "2", "3"])
        self.assertEqual(values[3], os.path.join(self.out, "pkg", "sub", "b" + EXT_SUFFIX))

    def test_parallel_jobs_overlap_and_one_job_does_not(self):
        for name in "abc":
            self.write(f"{name}.pyx", PROGRAM.format(value=1))
        env = self.env(FAKE_CXX_SLEEP="0.5")

        def overlapping():
            times = {}
            for what, name, when, _ in self.calls():
                times.setdefault(name, {})[what] = when
            spans = sorted((t["start"], t["end"]) for t in times.values())
            os.remove(self.log)
            return any(spans[i + 1][0] < spans[i][1] for i in range(len(spans) - 1))

        self.build("a.pyx", "b.pyx", "c.pyx", "-j", "3", env=env)
        self.assertTrue(overlapping())
        self.build("a.pyx", "b.pyx", "c.pyx", "--force", env=env)
        self.assertFalse(overlapping())

    def test_errors_in_one_module_do_not_stop_the_others(self):
        self.write("good.pyx", PROGRAM.format(value=1))
        self.write("bad.pyx", "import cython\n\ndef f() -> cython.int:\n    return undefined_name\n")
        result = self.build("bad.pyx", "good.pyx", check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("bad.pyx:4:", result.stderr)
        self.assertIn("[1/2] bad: not built (errors in bad.pyx)", result.stdout)
        self.assertEqual(self.compiled(), ["good"])

    def test_usage_errors(self):
        self.write("a.pyx", PROGRAM.format(value=1))
        self.write("other/a.pyx", PROGRAM.format(value=2))
        cases = [
            (["nothing/*.pyx"], "no file matches `nothing/*.pyx`"),
            (["a.pyx", "other/a.pyx"], "a.pyx and other/a.pyx both build module `a`"),
            (["a.pyx", "other/a.pyx", "--module-name", "x"], "--module-name names one module"),
            (["a.pyx", "-q", "-v"], "-q and -v contradict each other"),
            (["a.pyx", "-j", "0"], "--jobs"),
            (["a.pyx", "-O", "7"], "-O"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = self.build(*args, check=False)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(message, result.stderr)
        self.assertEqual(self.compiled(), [])


class UpToDate(BuildTest):
    def test_exactly_what_changed_is_compiled_again(self):
        a = self.write("a.pyx", PROGRAM.format(value=1))
        self.write("b.pyx", PROGRAM.format(value=2))
        self.build("a.pyx", "b.pyx")
        self.assertEqual(self.compiled(), ["a", "b"])
        result = self.build("a.pyx", "b.pyx")
        self.assertEqual(result.stdout, "[1/2] a is up to date\n[2/2] b is up to date\n")
        self.assertEqual(self.compiled(), [])
        os.utime(a)  # touched, not changed: the generated C++ is the same
        self.build("a.pyx", "b.pyx")
        self.assertEqual(self.compiled(), [])
        self.write("a.pyx", PROGRAM.format(value=10))
        self.build("a.pyx", "b.pyx")
        self.assertEqual(self.compiled(), ["a"])
        module = os.path.join(self.out, "b" + EXT_SUFFIX)
        with open(module, "a", encoding="utf-8") as f:
            f.write("changed by hand")
        self.build("a.pyx", "b.pyx")
        self.assertEqual(self.compiled(), ["b"])
        os.remove(os.path.join(self.out, "a.cpp"))
        self.build("a.pyx", "b.pyx")
        self.assertEqual(self.compiled(), ["a"])
        self.build("a.pyx", "b.pyx", "--force")
        self.assertEqual(self.compiled(), ["a", "b"])

    def test_flags_compiler_and_options_make_it_out_of_date(self):
        self.write("a.pyx", PROGRAM.format(value=1))
        self.build("a.pyx")
        self.compiled()
        changes = [
            ("CXXFLAGS", (), self.env(CXXFLAGS="-DX=1")),
            ("LDFLAGS", (), self.env(LDFLAGS="-Wl,-O1")),
            ("-O", ("-O", "1"), None),
            ("-g", ("-g",), None),
            ("CXX with an argument", ("--cxx", self.fake_cxx() + " -DFROM_CXX"), None),
        ]
        for what, args, env in changes:
            with self.subTest(what):
                fake = "--cxx" not in args
                self.build("a.pyx", *args, env=env, fake=fake)
                self.assertEqual(self.compiled(), ["a"])
                self.build("a.pyx", *args, env=env, fake=fake)
                self.assertEqual(self.compiled(), [], "unchanged a second time")
        # The compiler's own file changed (an upgrade): out of date.
        self.build("a.pyx")
        self.compiled()
        later = time.time() + 5
        os.utime(self.fake, (later, later))
        self.build("a.pyx")
        self.assertEqual(self.compiled(), ["a"])

    def test_flags_reach_the_compiler_in_order(self):
        self.write("a.pyx", PROGRAM.format(value=1))
        self.build("a.pyx", "-O", "3", "-g", env=self.env(CXXFLAGS="-O1 '-DA=x y'", LDFLAGS="-Wl,--as-needed"))
        (call,) = [args for what, _, _, args in self.calls() if what == "start"]
        self.assertIn("-O3", call)
        self.assertIn("-g", call)
        self.assertIn("-DA=x y", call)
        self.assertGreater(call.index("-O1"), call.index("-O3"))  # CXXFLAGS win
        self.assertEqual(call[-1], "-Wl,--as-needed")  # LDFLAGS after the objects

    def test_an_edited_cimported_module_recompiles_its_importer_after_it(self):
        self.write("lib.pyx", EXPORTER.format(factor=2))
        self.write("user.pyx", IMPORTER)
        # The importer named first: it waits for lib's declarations.
        self.build("user.pyx", "lib.pyx", "-j", "2")
        self.assertEqual(self.compiled(), ["lib", "user"])
        self.build("user.pyx", "lib.pyx")
        self.assertEqual(self.compiled(), [])
        self.write("lib.pyx", EXPORTER.format(factor=3))  # the body only: same declarations
        self.build("user.pyx", "lib.pyx")
        self.assertEqual(self.compiled(), ["lib"])
        self.write("lib.pyx", EXPORTER.format(factor=3).replace("cython.int", "cython.long"))
        self.build("user.pyx", "lib.pyx", "-j", "2")
        self.assertEqual(self.compiled(), ["lib", "user"])  # user sees the new signature
        with open(os.path.join(self.out, "user.cpp"), encoding="utf-8") as f:
            self.assertIn("long", f.read())


class Output(BuildTest):
    def test_quiet_and_verbose(self):
        self.write("a b.pyx", PROGRAM.format(value=1))
        quiet = self.build("a b.pyx", "-q", "--module-name", "ab")
        self.assertEqual(quiet.stdout + quiet.stderr, "")
        verbose = self.build("a b.pyx", "-v", "--force", "--module-name", "ab")
        linker, note, progress, command = verbose.stdout.splitlines()
        self.assertEqual(linker, "pyxx: the compiler's default linker: the compiler is neither GCC nor Clang")
        self.assertEqual(note, "pyxx: no precompiled header: the compiler is not GCC")
        self.assertEqual(progress, f"[1/1] compiling ab (a b.pyx -> {self.out}/ab{EXT_SUFFIX})")
        words = shlex.split(command)  # quoted as a shell reads it back
        self.assertEqual(words[:2], [sys.executable, self.fake])
        self.assertIn("-shared", words)


class Limits(BuildTest):
    def test_a_compiler_over_its_time_limit_is_stopped(self):
        hang = os.path.join(self.tmp, "hang.sh")
        with open(hang, "w", encoding="utf-8") as f:
            f.write(HANGING_COMPILER)
        os.chmod(hang, 0o755)
        pids = os.path.join(self.tmp, "pids")
        self.write("a.pyx", PROGRAM.format(value=1))
        started = time.monotonic()
        result = self.build("a.pyx", "--timeout", "1", "--cxx", hang, env=self.env(HANG_PIDS=pids), fake=False,
                            check=False)
        self.assertLess(time.monotonic() - started, 30)
        self.assertEqual(result.returncode, 2)
        self.assertIn("stopped after the time limit of 1 s", result.stderr)
        with open(pids, encoding="utf-8") as f:
            for pid in map(int, f.read().split()):
                deadline = time.monotonic() + 10
                while alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.05)
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
                    self.fail("the compiler outlived its time limit")
        self.assertEqual([n for n in os.listdir(self.out)], [])  # no temporaries

    def fake_python(self, version, include):
        path = os.path.join(self.tmp, f"python{version}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(f"""\
                #!/bin/sh
                echo pyxx-executable=$0
                echo pyxx-version={version}
                echo pyxx-include={include}
                echo pyxx-ext-suffix=.so
                """))
        os.chmod(path, 0o755)
        return path

    def test_an_old_python_or_one_without_headers_is_refused(self):
        self.write("a.pyx", PROGRAM.format(value=1))
        old = self.fake_python("3.8", sysconfig.get_paths()["include"])
        for python, message in ((old, "is Python 3.8; pyxx builds for Python 3.9 or newer"),
                                (self.fake_python("3.12", self.tmp), "has no development headers")):
            with self.subTest(python=python):
                run = subprocess.run([OPTIONS.pyxx, "build", "a.pyx", "--python", python, "-o", self.out,
                                      "--cxx", self.fake_cxx()], cwd=self.src, env=self.env(), text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
                self.assertEqual(run.returncode, 2)
                self.assertIn(message, run.stderr)
        missing = subprocess.run([OPTIONS.pyxx, "config", "--includes", "--python", "no-such-python-here"],
                                 text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(missing.returncode, 2)
        self.assertIn("cannot query Python `no-such-python-here`", missing.stderr)


class Config(BuildTest):
    def config(self, *args):
        return support.run([OPTIONS.pyxx, "config", *args, "--python", sys.executable], check=True).stdout

    def test_answers_match_the_interpreter(self):
        self.assertEqual(self.config("--ext-suffix"), EXT_SUFFIX + "\n")
        includes = shlex.split(self.config("--includes"))
        self.assertIn("-I" + sysconfig.get_paths()["include"], includes)
        self.assertTrue(any(os.path.exists(i[2:] + "/pyxx/runtime.hpp") for i in includes), includes)
        both = self.config("--cxxflags", "--ext-suffix").splitlines()
        self.assertEqual(both[1], EXT_SUFFIX)
        self.assertIn("-fvisibility=hidden", shlex.split(both[0]))
        nothing = support.run([OPTIONS.pyxx, "config"])
        self.assertEqual(nothing.returncode, 2)
        self.assertIn("say what to print", nothing.stderr)

    def test_runtime_include_is_the_bare_directory_and_asks_no_python(self):
        includes = shlex.split(self.config("--includes"))
        runtime = support.run([OPTIONS.pyxx, "config", "--runtime-include", "--python", "no-such-python-here"],
                              check=True).stdout
        self.assertEqual(includes[0], "-I" + runtime.rstrip("\n"))
        self.assertTrue(os.path.exists(os.path.join(runtime.rstrip("\n"), "pyxx", "runtime.hpp")))
        # Unquoted even where a shell would need quotes (meson reads it as is).
        odd = os.path.join(self.tmp, "odd dir $x")
        shutil.copytree(os.path.join(runtime.rstrip("\n"), "pyxx"), os.path.join(odd, "pyxx"))
        moved = support.run([OPTIONS.pyxx, "config", "--runtime-include"],
                            env=dict(os.environ, PYXX_RUNTIME_INCLUDE=odd), check=True).stdout
        self.assertEqual(moved, odd + "\n")
        last = self.config("--ext-suffix", "--runtime-include").splitlines()
        self.assertEqual(last, [EXT_SUFFIX, runtime.rstrip("\n")])

    def test_a_hand_written_build_with_its_flags_imports(self):
        self.write("m.pyx", PROGRAM.format(value=42))
        os.makedirs(self.out)
        support.run([OPTIONS.pyxx, "translate", os.path.join(self.src, "m.pyx"),
                     "-o", os.path.join(self.out, "m.cpp")], check=True)
        cxx = shlex.split(os.environ.get("CXX") or "c++")
        support.run([*cxx, *shlex.split(self.config("--cxxflags")), os.path.join(self.out, "m.cpp"),
                     *shlex.split(self.config("--ldflags")),
                     "-o", os.path.join(self.out, "m" + self.config("--ext-suffix").strip())], check=True)
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import m; print(m.answer())", self.out], check=True)
        self.assertEqual(imported.stdout.strip(), "42")


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
