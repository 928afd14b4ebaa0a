"""End to end: hostile command-line input (what test_cli_files and test_cli_build
do not already cover).

Special files as inputs (socket, /dev/stdin on a pipe that never closes, /dev/null,
links to devices and directories, a link loop, bytes that are not text); paths
with a line break and with a leading '-'; many concurrent runs writing one
output; a build killed by SIGHUP or by SIGKILL. pyxx must answer each with a
clear error or a correct result: never block, crash (exit 70 or a signal), or
leave a partial output.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
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

# A compiler that hangs (with a child of its own) until it is killed.
HANGING_COMPILER = """\
#!/bin/sh
sleep 300 &
echo "$$ $!" > "$HANG_PIDS.tmp"
mv "$HANG_PIDS.tmp" "$HANG_PIDS"
wait
"""


def pyxx(*args, cwd=None, env=None, stdin=subprocess.DEVNULL, timeout=120):
    """pyxx with a timeout, so that a blocked read fails the test instead of hanging it."""
    return subprocess.run([OPTIONS.pyxx, *map(str, args)], cwd=cwd, env=env, stdin=stdin, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-hostile-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def write(self, name, value=42, text=None):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(PROGRAM.format(value=value) if text is None else text)
        return path

    def assert_no_crash(self, result):
        self.assertNotEqual(result.returncode, 70, result.stderr)  # internal error
        self.assertGreaterEqual(result.returncode, 0, "pyxx died of a signal")


class SpecialInputs(TempDirTest):
    def assert_refused(self, path, reason, **kwargs):
        out = os.path.join(self.tmp, "out")
        for command in (["check", path], ["translate", path, "-o", out + ".cpp"],
                        ["build", path, "-o", out, "--python", sys.executable]):
            with self.subTest(command=command[0], path=path):
                result = pyxx(*command, **kwargs)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(reason, result.stderr)
                self.assertFalse(os.path.exists(out + ".cpp"))
                self.assertFalse(os.path.exists(out) and os.listdir(out))

    def test_a_socket_is_refused(self):
        path = os.path.join(self.tmp, "sock.pyx")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.addCleanup(server.close)
        server.bind(path)
        server.listen(1)
        self.assert_refused(path, "socket")

    def test_stdin_on_a_pipe_that_never_closes_is_refused_without_blocking(self):
        read_end, write_end = os.pipe()
        self.addCleanup(os.close, write_end)
        with os.fdopen(read_end) as stdin:
            self.assert_refused("/dev/stdin", "FIFO", stdin=stdin, timeout=30)

    def test_devices_and_links_to_them_are_refused(self):
        self.assert_refused("/dev/null", "character device")
        link = os.path.join(self.tmp, "zero.pyx")
        os.symlink("/dev/zero", link)
        self.assert_refused(link, "character device")  # without reading forever

    def test_a_link_to_a_directory_and_a_link_loop_are_refused(self):
        os.mkdir(os.path.join(self.tmp, "d"))
        to_dir = os.path.join(self.tmp, "dir.pyx")
        os.symlink("d", to_dir)
        self.assert_refused(to_dir, "directory")
        loop = os.path.join(self.tmp, "loop.pyx")
        os.symlink("loop.pyx", loop)
        self.assert_refused(loop, "Too many levels of symbolic links")

    def test_bytes_that_are_not_text_get_a_diagnostic(self):
        cases = {
            "nul.pyx": b"import cython\x00\x00\ndef f():\n    return 1\n",
            "latin1.pyx": b"x = '\xe9\xff'\n",
            "truncated_utf8.pyx": b"x = '\xe2\x82'\n",
            "random.pyx": bytes(range(256)) * 4,
            "bom_only.pyx": b"\xef\xbb\xbf",
        }
        for name, data in cases.items():
            path = os.path.join(self.tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            with self.subTest(name=name):
                result = pyxx("translate", path, "-o", path + ".cpp")
                self.assert_no_crash(result)
                if result.returncode != 0:
                    self.assertEqual(result.returncode, 1, result.stderr)
                    self.assertIn(name, result.stderr)  # a diagnostic that names the file
                    self.assertFalse(os.path.exists(path + ".cpp"))

    def test_an_empty_file_is_an_empty_module(self):
        path = os.path.join(self.tmp, "empty.pyx")
        open(path, "w").close()
        result = pyxx("check", path)
        self.assertEqual((result.returncode, result.stderr), (0, ""))


class HostilePaths(TempDirTest):
    def test_a_line_break_in_the_input_path(self):
        directory = os.path.join(self.tmp, "a\nb")
        os.mkdir(directory)
        source = os.path.join(directory, "bad\nname.pyx")
        with open(source, "w", encoding="utf-8") as f:
            f.write("import cython\n\ndef f(n: cython.int) -> cython.int:\n    return n +\n")
        result = pyxx("check", "--diagnostics-format=json", source)
        self.assertEqual(result.returncode, 1, result.stderr)
        diagnostic = json.loads(result.stdout.strip() or result.stderr.strip().splitlines()[0])
        if isinstance(diagnostic, dict) and "diagnostics" in diagnostic:
            diagnostic = diagnostic["diagnostics"][0]
        elif isinstance(diagnostic, list):
            diagnostic = diagnostic[0]
        self.assertEqual(diagnostic["file"], source)  # exact, line break included
        self.assertEqual(diagnostic["code"], "PX002")
        good = os.path.join(directory, "good\nname.pyx")
        with open(good, "w", encoding="utf-8") as f:
            f.write(PROGRAM.format(value=1))
        out = os.path.join(directory, "out\n.cpp")
        result = pyxx("translate", good, "--module-name", "good", "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as f:
            generated = f.read()
        self.assertNotIn("\nname.pyx", generated)  # the line break is escaped wherever the path appears

    def test_a_leading_dash_in_input_and_output_paths(self):
        self.write("-dash.pyx", value=7)
        # Without `--` it is an option pyxx does not know: a usage error, nothing read.
        result = pyxx("check", "-dash.pyx", cwd=self.tmp)
        self.assertEqual(result.returncode, 2, result.stderr)
        result = pyxx("check", "--", "-dash.pyx", cwd=self.tmp)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        result = pyxx("translate", "--module-name", "dash", "-o", "-out.cpp", "--", "-dash.pyx", cwd=self.tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.tmp, "-out.cpp")))
        # A real build: the compiler must not take the source, output or directory for options.
        result = pyxx("build", "--module-name", "dash", "-o", "-built", "--python", sys.executable,
                      "--", "-dash.pyx", cwd=self.tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import dash; print(dash.answer())", os.path.join(self.tmp, "-built")],
                               check=True)
        self.assertEqual(imported.stdout.strip(), "7")

    def test_the_module_name_of_a_dash_file_must_be_given(self):
        self.write("-dash.pyx")
        result = pyxx("translate", "-o", "x.cpp", "--", "-dash.pyx", cwd=self.tmp)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("--module-name", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.cpp")))


class Concurrency(TempDirTest):
    def test_concurrent_translates_to_one_output_leave_one_whole_file(self):
        sources = [self.write(f"p{i}.pyx", value=i) for i in range(12)]
        expected = set()
        for i, source in enumerate(sources):
            alone = os.path.join(self.tmp, f"alone{i}.cpp")
            self.assertEqual(pyxx("translate", source, "--module-name", "m", "-o", alone).returncode, 0)
            with open(alone, encoding="utf-8") as f:
                expected.add(f.read())
            os.remove(alone)
        out = os.path.join(self.tmp, "m.cpp")
        procs = [subprocess.Popen([OPTIONS.pyxx, "translate", s, "--module-name", "m", "-o", out],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for s in sources * 3]
        for p in procs:
            _, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
        with open(out, encoding="utf-8") as f:
            self.assertIn(f.read(), expected)  # one run's output, whole
        self.assertEqual(sorted(n for n in os.listdir(self.tmp) if n.endswith(".cpp") or n.startswith(".")),
                         ["m.cpp"])  # no temporaries left

    def test_concurrent_real_builds_of_one_stem_give_a_matching_pair(self):
        out = os.path.join(self.tmp, "out")
        sources = []
        for i in range(3):
            os.mkdir(os.path.join(self.tmp, f"d{i}"))
            sources.append(self.write(f"d{i}/m.pyx", value=100 + i))
        procs = [subprocess.Popen([OPTIONS.pyxx, "build", s, "-o", out, "--python", sys.executable],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for s in sources]
        for p in procs:
            _, err = p.communicate(timeout=300)
            self.assertEqual(p.returncode, 0, err)
        with open(os.path.join(out, "m.cpp"), encoding="utf-8") as f:
            cpp = f.read()
        values = {int(v) for v in re.findall(r"\b10[0-2]\b", cpp)}
        self.assertEqual(len(values), 1, values)
        (value,) = values
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import m; print(m.answer())", out], check=True)
        self.assertEqual(int(imported.stdout), value)  # the module was built from that m.cpp
        # m.cpp, m<EXT_SUFFIX>, m.pyxd (its declarations file) and the module's
        # stamp, no temporaries.
        self.assertEqual(len(os.listdir(out)), 4, os.listdir(out))


class Killed(TempDirTest):
    def start_hanging_build(self, out, pids):
        compiler = os.path.join(self.tmp, "hang.sh")
        if not os.path.exists(compiler):
            with open(compiler, "w", encoding="utf-8") as f:
                f.write(HANGING_COMPILER)
            os.chmod(compiler, 0o755)
        source = self.write("m.pyx", value=2)
        proc = subprocess.Popen([OPTIONS.pyxx, "build", source, "-o", out, "--python", sys.executable,
                                 "--cxx", compiler], env=dict(os.environ, HANG_PIDS=pids),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.addCleanup(self.stop, proc, pids)
        deadline = time.monotonic() + 120
        while not os.path.exists(pids) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(pids), proc.stderr.read() if proc.poll() is not None else "")
        with open(pids, encoding="utf-8") as f:
            return proc, [int(p) for p in f.read().split()]

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

    def test_sighup_stops_the_compiler_and_leaves_nothing(self):
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        pids = os.path.join(self.tmp, "pids")
        proc, compiler_pids = self.start_hanging_build(out, pids)
        proc.send_signal(signal.SIGHUP)
        proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, -signal.SIGHUP)
        deadline = time.monotonic() + 10
        while any(map(alive, compiler_pids)) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertFalse([p for p in compiler_pids if alive(p)], "the compiler outlived pyxx")
        self.assertEqual(os.listdir(out), [])

    def test_sigkill_leaves_the_previous_build_whole_and_the_next_one_works(self):
        out = os.path.join(self.tmp, "out")
        first = self.write("m.pyx", value=1)
        self.assertEqual(pyxx("build", first, "-o", out, "--python", sys.executable).returncode, 0)
        before = {n: read_bytes(os.path.join(out, n)) for n in os.listdir(out)}
        pids = os.path.join(self.tmp, "pids")
        proc, _ = self.start_hanging_build(out, pids)
        proc.kill()  # cannot be caught: temporaries may stay, the outputs must not change
        proc.communicate(timeout=60)
        self.stop(proc, pids)
        after = {n: read_bytes(os.path.join(out, n)) for n in os.listdir(out) if not n.startswith(".")}
        self.assertEqual(after, before)
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import m; print(m.answer())", out], check=True)
        self.assertEqual(imported.stdout.strip(), "1")
        third = self.write("m.pyx", value=3)
        result = pyxx("build", third, "-o", out, "--python", sys.executable)
        self.assertEqual(result.returncode, 0, result.stderr)  # not blocked by the dead build's lock
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import m; print(m.answer())", out], check=True)
        self.assertEqual(imported.stdout.strip(), "3")


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
