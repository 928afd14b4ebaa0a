"""End to end: how `pyxx build` runs the C++ compiler (spec section 9).

CXX/--cxx and CXXFLAGS are split into words; an output directory starting with
'-' is not taken for an option; builds into one directory never mix or delete
each other's files; a killed build stops its compiler and leaves nothing behind.
Most tests use a small fake compiler (a script) so that they stay fast.
"""
import glob
import hashlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
import unittest

import support
from support import OPTIONS, alive

PROGRAM = """\
import cython

def answer() -> cython.int:
    return {value}
"""

# A stand-in for the C++ compiler: records its arguments, reads the source
# operand, waits a little (so that concurrent builds overlap) and "links" by
# writing the source it read to the -o path.
FAKE_COMPILER = """\
import os, random, sys, time
args = sys.argv[1:]
with open(os.environ["FAKE_CXX_LOG"], "a") as log:
    log.write(repr(args) + "\\n")
source = next(a for a in args if a.endswith(".cpp"))
with open(source) as f:
    text = f.read()
time.sleep(random.uniform(0, 0.2))
if "FAIL" in os.environ.get("FAKE_CXX_MODE", ""):
    sys.exit("fake compiler: failing as asked")
with open(args[args.index("-o") + 1], "w") as f:
    f.write("built from:\\n" + text)
"""

# A compiler that hangs (and has a child of its own) until it is killed.
HANGING_COMPILER = """\
#!/bin/sh
sleep 300 &
echo "$$ $!" > "$HANG_PIDS.tmp"
mv "$HANG_PIDS.tmp" "$HANG_PIDS"
wait
"""

# One that ignores SIGTERM (as do the children it starts) and closes its output.
STUBBORN_COMPILER = """\
#!/bin/sh
trap '' TERM INT
exec >/dev/null 2>&1
sleep 300 &
echo "$$ $!" > "$HANG_PIDS.tmp"
mv "$HANG_PIDS.tmp" "$HANG_PIDS"
while :; do sleep 1; done
"""


class Build(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-build-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.fake = os.path.join(self.tmp, "fake cxx.py")  # a space: it must be quoted in CXX
        with open(self.fake, "w", encoding="utf-8") as f:
            f.write(FAKE_COMPILER)
        self.log = os.path.join(self.tmp, "cxx.log")

    def write_program(self, relative, value):
        path = os.path.join(self.tmp, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(PROGRAM.format(value=value))
        return path

    def env(self, **extra):
        return dict(os.environ, FAKE_CXX_LOG=self.log, **extra)

    def fake_cxx(self):
        return shlex.join([sys.executable, self.fake])

    def pyxx(self, *args, env=None, cwd=None):
        return subprocess.run([OPTIONS.pyxx, *args], text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env if env is not None else self.env(), cwd=cwd, timeout=300)

    def compiler_calls(self):
        with open(self.log, encoding="utf-8") as f:
            return [eval(line) for line in f]  # repr() of a list of str

    def test_cxx_and_cxxflags_are_split_into_words(self):
        source = self.write_program("m.pyx", 1)
        out = os.path.join(self.tmp, "out")
        env = self.env(CXX=self.fake_cxx() + " --from-env", CXXFLAGS="-DA='x y' -O1")
        result = self.pyxx("build", source, "-o", out, "--python", sys.executable, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = self.pyxx("build", source, "-o", out, "--python", sys.executable,
                           "--cxx", self.fake_cxx() + ' "--from option"', env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        from_env, from_option = self.compiler_calls()
        self.assertEqual(from_env[0], "--from-env")
        self.assertEqual(from_option[0], "--from option")  # --cxx wins over $CXX
        for call in (from_env, from_option):
            self.assertIn("-DA=x y", call)
            self.assertIn("-O1", call)
            # CXXFLAGS come after pyxx's own flags, so they can override them.
            self.assertGreater(call.index("-O1"), call.index("-O2"))
        bad = self.pyxx("build", source, "-o", out, "--python", sys.executable, "--cxx", "'unterminated")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("unterminated", bad.stderr)

    def test_an_interpreter_that_prints_warnings_first_is_still_understood(self):
        # An interpreter may write to stderr before answering (a broken LD_PRELOAD,
        # a site hook): pyxx reads only its tagged answer, not the noise.
        noisy = os.path.join(self.tmp, "noisy-python")
        with open(noisy, "w", encoding="utf-8") as f:
            f.write("#!/bin/sh\necho 'ERROR: ld.so: object cannot be preloaded' >&2\n"
                    f"exec {shlex.quote(sys.executable)} \"$@\"\n")
        os.chmod(noisy, 0o755)
        source = self.write_program("m.pyx", 1)
        result = self.pyxx("build", source, "-o", os.path.join(self.tmp, "out"), "--python", noisy,
                           "--cxx", self.fake_cxx())
        self.assertEqual(result.returncode, 0, result.stderr)
        real_include = "-I" + sysconfig.get_paths()["include"]
        self.assertIn(real_include, self.compiler_calls()[0])

    def test_real_compiler_with_arguments_and_output_directory_starting_with_dash(self):
        shutil.copy(support.example("article", "fib_cython.pyx"), self.tmp)
        cxx = os.environ.get("CXX") or "c++"
        env = dict(os.environ, CXX=cxx + " -DPYXX_CLI_TEST=1", CXXFLAGS="-O1 -g0")
        result = self.pyxx("build", "fib_cython.pyx", "--output-dir=-out", "--python", sys.executable,
                           env=env, cwd=self.tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import fib_cython; print(fib_cython.cython_gil(10))",
                                os.path.join(self.tmp, "-out")], check=True)
        self.assertEqual(imported.stdout.strip(), "55")

    def test_a_failed_build_leaves_another_builds_files_alone(self):
        out = os.path.join(self.tmp, "out")
        good = self.write_program("a/m.pyx", 1)
        self.assertEqual(self.pyxx("build", good, "-o", out, "--python", sys.executable,
                                   "--cxx", self.fake_cxx()).returncode, 0)
        before = {name: hashlib.sha256(open(os.path.join(out, name), "rb").read()).hexdigest()
                  for name in os.listdir(out)}
        failing = self.write_program("b/m.pyx", 2)  # the same stem
        result = self.pyxx("build", failing, "-o", out, "--python", sys.executable, "--cxx", self.fake_cxx(),
                           env=self.env(FAKE_CXX_MODE="FAIL"))
        self.assertEqual(result.returncode, 2)
        after = {name: hashlib.sha256(open(os.path.join(out, name), "rb").read()).hexdigest()
                 for name in os.listdir(out)}
        self.assertEqual(after, before)

    def test_concurrent_builds_of_the_same_stem_never_mix(self):
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        sources = [self.write_program(f"{d}/m.pyx", i) for i, d in enumerate("abcdef")]
        procs = [subprocess.Popen([OPTIONS.pyxx, "build", s, "-o", out, "--python", sys.executable,
                                   "--cxx", self.fake_cxx()], env=self.env(), text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for s in sources * 2]
        for p in procs:
            _, err = p.communicate(timeout=300)
            self.assertEqual(p.returncode, 0, err)
        names = sorted(os.listdir(out))
        self.assertEqual(len(names), 4, names)  # m.cpp, m<EXT_SUFFIX>, m.pyxd and its stamp, no temporaries
        cpp = os.path.join(out, "m.cpp")
        (module,) = [os.path.join(out, n) for n in names
                     if n not in ("m.cpp", "m.pyxd") and not n.endswith(".pyxx-stamp")]
        # The stamp describes the set that won: it names each file as it is now.
        with open(module + ".pyxx-stamp", encoding="utf-8") as f:
            recorded = [shlex.split(line)[1:] for line in f if line.startswith("output ")]
        self.assertEqual(len(recorded), 3, recorded)
        for path, size, mtime, inode in recorded:
            st = os.stat(path)
            self.assertEqual((int(size), int(mtime), int(inode)), (st.st_size, st.st_mtime_ns, st.st_ino), path)
        with open(cpp, encoding="utf-8") as f, open(module, encoding="utf-8") as g:
            self.assertEqual(g.read(), "built from:\n" + f.read())  # one build's pair

    @staticmethod
    def stop(proc, pids):
        """Leaves no process behind even when the test failed half-way."""
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        if os.path.exists(pids):
            with open(pids, encoding="utf-8") as f:
                for pid in map(int, f.read().split()):
                    if alive(pid):
                        os.kill(pid, signal.SIGKILL)

    def test_a_killed_build_stops_its_compiler_and_leaves_nothing(self):
        compilers = {}
        for name, script in (("hang", HANGING_COMPILER), ("stubborn", STUBBORN_COMPILER)):
            compilers[name] = os.path.join(self.tmp, name + ".sh")
            with open(compilers[name], "w", encoding="utf-8") as f:
                f.write(script)
            os.chmod(compilers[name], 0o755)
        source = self.write_program("m.pyx", 1)
        for compiler, sig in (("hang", signal.SIGTERM), ("hang", signal.SIGINT), ("stubborn", signal.SIGTERM)):
            with self.subTest(compiler=compiler, signal=sig.name):
                out = os.path.join(self.tmp, f"out-{compiler}-{sig.name}")
                os.mkdir(out)
                pids = os.path.join(self.tmp, f"pids-{compiler}-{sig.name}")
                proc = subprocess.Popen([OPTIONS.pyxx, "build", source, "-o", out, "--python", sys.executable,
                                         "--cxx", compilers[compiler]], env=self.env(HANG_PIDS=pids),
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
                self.addCleanup(self.stop, proc, pids)
                deadline = time.monotonic() + 120
                while not os.path.exists(pids) and time.monotonic() < deadline and proc.poll() is None:
                    time.sleep(0.05)
                self.assertTrue(os.path.exists(pids), proc.stderr.read() if proc.poll() is not None else "")
                with open(pids, encoding="utf-8") as f:
                    compiler_pids = [int(p) for p in f.read().split()]
                self.assertTrue(any(name.startswith(".m.") for name in os.listdir(out)))  # temporaries exist
                proc.send_signal(sig)
                proc.communicate(timeout=60)
                self.assertEqual(proc.returncode, -sig)  # pyxx dies of the signal, as a killed tool should
                deadline = time.monotonic() + 10
                while any(map(alive, compiler_pids)) and time.monotonic() < deadline:
                    time.sleep(0.05)
                self.assertFalse([p for p in compiler_pids if alive(p)], "the compiler outlived pyxx")
                self.assertEqual(os.listdir(out), [])


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
