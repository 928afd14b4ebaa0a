"""End to end: what the pyxx command line reads and writes (spec section 9).

Inputs only from regular files, with a size limit; outputs never replace a
directory, FIFO or device and get the mode a new file gets (umask); paths are
escaped wherever they appear in generated C++; I/O errors name the OS reason.
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

import support
from support import OPTIONS

PROGRAM = """\
import cython

def fail(n: cython.int) -> cython.int:
    if n > 0:
        raise ValueError("n is positive")
    return n
"""


def run_pyxx(*args, cwd=None, umask=None, stdout=subprocess.PIPE, env=None):
    """pyxx with a timeout: a blocked read (FIFO, device) fails the test instead of hanging it."""
    def before_exec():
        if umask is not None:
            os.umask(umask)
    return subprocess.run([OPTIONS.pyxx, *map(str, args)], cwd=cwd, text=True, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=60, preexec_fn=before_exec, env=env)


class Inputs(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-files-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.out = os.path.join(self.tmp, "out")

    def assert_refused(self, path, reason):
        for command in (["check", path], ["translate", path, "-o", self.out + ".cpp"],
                        ["build", path, "-o", self.out, "--python", sys.executable]):
            with self.subTest(command=command[0], path=path):
                result = run_pyxx(*command)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(path, result.stderr)
                self.assertIn(reason, result.stderr)
                self.assertFalse(os.path.exists(self.out + ".cpp"))
                self.assertFalse(os.path.exists(self.out) and os.listdir(self.out))

    def test_directory_fifo_and_device_are_refused(self):
        directory = os.path.join(self.tmp, "dir.pyx")
        os.mkdir(directory)
        self.assert_refused(directory, "directory")
        fifo = os.path.join(self.tmp, "fifo.pyx")
        os.mkfifo(fifo)
        self.assert_refused(fifo, "FIFO")  # without blocking on it (no writer ever comes)
        self.assert_refused("/dev/zero", "character device")  # without reading forever

    def test_input_size_is_limited(self):
        big = os.path.join(self.tmp, "big.pyx")
        with open(big, "wb") as f:
            f.truncate((32 << 20) + 1)  # sparse: costs no disk
        result = run_pyxx("check", big)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("larger than", result.stderr)

    def test_missing_input_names_the_os_reason(self):
        missing = os.path.join(self.tmp, "missing.pyx")
        result = run_pyxx("translate", missing)
        self.assertEqual(result.returncode, 2)
        self.assertIn(missing + ": No such file or directory", result.stderr)


class Outputs(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-files-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.source = os.path.join(self.tmp, "prog.pyx")
        with open(self.source, "w", encoding="utf-8") as f:
            f.write(PROGRAM)

    def translate(self, *args, **kwargs):
        return run_pyxx("translate", self.source, *args, **kwargs)

    def test_non_regular_outputs_are_never_replaced(self):
        directory = os.path.join(self.tmp, "dir.cpp")
        os.mkdir(directory)
        fifo = os.path.join(self.tmp, "fifo.cpp")
        os.mkfifo(fifo)
        to_device = os.path.join(self.tmp, "null.cpp")
        os.symlink("/dev/null", to_device)
        for target, reason in ((directory, "directory"), (fifo, "FIFO"), (to_device, "character device")):
            for option in ("-o", "--depfile"):
                with self.subTest(target=target, option=option):
                    args = [option, target] if option == "-o" else ["-o", os.path.join(self.tmp, "x.cpp"),
                                                                     option, target]
                    result = self.translate(*args)
                    self.assertEqual(result.returncode, 2, result.stderr)
                    self.assertIn(target, result.stderr)
                    self.assertIn(reason, result.stderr)
        self.assertTrue(os.path.isdir(directory))
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertEqual(os.readlink(to_device), "/dev/null")
        self.assertEqual(sorted(os.listdir(self.tmp)), ["dir.cpp", "fifo.cpp", "null.cpp", "prog.pyx"])

    def test_build_refuses_a_directory_in_place_of_an_output(self):
        out = os.path.join(self.tmp, "out")
        os.makedirs(os.path.join(out, "prog.cpp"))
        result = run_pyxx("build", self.source, "-o", out, "--python", sys.executable)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("directory", result.stderr)
        self.assertEqual(os.listdir(out), ["prog.cpp"])

    def test_a_symlink_to_a_regular_file_is_written_through(self):
        real = os.path.join(self.tmp, "real.cpp")
        with open(real, "w", encoding="utf-8") as f:
            f.write("old")
        link = os.path.join(self.tmp, "link.cpp")
        os.symlink("real.cpp", link)
        result = self.translate("-o", link)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(os.readlink(link), "real.cpp")
        with open(real, encoding="utf-8") as f:
            self.assertIn("Generated by pyxx", f.read())

    def test_outputs_respect_the_umask(self):
        for umask in (0o027, 0o000, 0o077):
            with self.subTest(umask=oct(umask)):
                # New files each time: an output that already holds its contents is left alone.
                out = os.path.join(self.tmp, f"prog{umask:o}.cpp")
                depfile = os.path.join(self.tmp, f"prog{umask:o}.d")
                result = self.translate("-o", out, "--depfile", depfile, umask=umask)
                self.assertEqual(result.returncode, 0, result.stderr)
                for path in (out, depfile):
                    self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o666 & ~umask, path)

    def test_io_errors_name_the_os_reason(self):
        missing_dir = os.path.join(self.tmp, "no", "such", "x.cpp")
        result = self.translate("-o", missing_dir)
        self.assertEqual(result.returncode, 2)
        self.assertIn(missing_dir, result.stderr)
        self.assertIn("No such file or directory", result.stderr)
        under_file = os.path.join(self.source, "out")
        result = run_pyxx("build", self.source, "-o", under_file, "--python", sys.executable)
        self.assertEqual(result.returncode, 2)
        self.assertIn(self.source, result.stderr)
        self.assertIn("not a directory", result.stderr)
        with open("/dev/full", "w") as full:
            result = self.translate("-o", "-", stdout=full)
        self.assertEqual(result.returncode, 2)
        self.assertIn("standard output: No space left on device", result.stderr)

    def test_depfile_paths_are_escaped_for_make(self):
        source = os.path.join(self.tmp, "a b#$.pyx")
        shutil.copy(self.source, source)
        out = os.path.join(self.tmp, "o u t.cpp")
        depfile = os.path.join(self.tmp, "deps.d")
        result = run_pyxx("translate", source, "-o", out, "--depfile", depfile, "--module-name", "m")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(depfile, encoding="utf-8") as f:
            text = f.read()
        escaped = lambda p: p.replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")
        self.assertEqual(text, f"{escaped(out)}: {escaped(source)}\n")

    def test_a_path_make_cannot_spell_is_refused_in_a_depfile(self):
        source = os.path.join(self.tmp, "line\nbreak.pyx")
        shutil.copy(self.source, source)
        result = run_pyxx("translate", source, "-o", os.path.join(self.tmp, "x.cpp"),
                          "--depfile", os.path.join(self.tmp, "x.d"), "--module-name", "m")
        self.assertEqual(result.returncode, 2)
        self.assertIn("line break", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.cpp")))


class PathsInGeneratedCode(unittest.TestCase):
    """A file or directory name can hold anything but '/' and NUL; none of it may
    turn into code: the header comment, kSourceFile and #line all escape it."""

    def test_hostile_path_is_escaped(self):
        tmp = tempfile.mkdtemp(prefix="pyxx-files-")
        self.addCleanup(shutil.rmtree, tmp)
        # A name cannot hold '/', so "*/" and "??/" are each a name's end and a separator.
        directory = os.path.join(tmp, 'dir\n#error injected by the directory\n"q\\*', "??")
        os.makedirs(directory)
        source = os.path.join(directory, 'f\nint injected = ;\n"\'\\é??=\\.pyx')
        with open(source, "w", encoding="utf-8") as f:
            f.write(PROGRAM)
        out = os.path.join(tmp, "out")
        # -trigraphs: a "??/" that reached the C++ unescaped would become a backslash.
        env = dict(os.environ, CXXFLAGS="-trigraphs -Wall -Werror -Wno-trigraphs")
        result = run_pyxx("build", source, "-o", out, "--module-name", "hostile", "--python", sys.executable,
                          env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(out, "hostile.cpp"), encoding="utf-8") as f:
            generated = f.read()
        for line in generated.splitlines():
            self.assertFalse(line.startswith(("#error", "int injected", '"q', '"\'')), line)
        check = ("import sys, traceback; sys.path.insert(0, sys.argv[1]); import hostile\n"
                 "try:\n    hostile.fail(1)\nexcept ValueError as e:\n"
                 "    print(repr(traceback.extract_tb(e.__traceback__)[-1].filename))\n")
        imported = support.run([sys.executable, "-c", check, out], check=True)
        self.assertEqual(imported.stdout.strip(), repr(source))


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
