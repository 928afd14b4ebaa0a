"""End to end: what makes a small `pyxx build` fast, and that it changes nothing.

The precompiled header of Python.h + the runtime is built once into the cache
directory and reused; a module compiled with it is byte-identical to one
compiled without it (with and without -g); concurrent builds with an empty
cache both succeed and leave one whole entry. The interpreter's answer is
cached for a real interpreter binary (keyed by its path and file identity),
never for a script such as a pyenv shim. Builds are reproducible: the same
module twice gives the same bytes. The cache keeps a bounded number of entries,
evicting the least recently used (but none used within the last hour).
The linker: gold when the compiler can use it (probed once, the answer cached),
the compiler's default when it cannot or the user chose one.
"""
import glob
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import unittest

import support
from support import OPTIONS

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


def is_gcc():
    cxx = os.environ.get("CXX") or "c++"
    try:
        out = subprocess.run([*cxx.split(), "--version"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return "Free Software Foundation" in out and "clang" not in out


class BuildsWithACache(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-build-cache-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.cache = os.path.join(self.tmp, "cache")
        shutil.copy(support.example("article", "fib_cython.pyx"), self.tmp)

    def build(self, out, *args, cache=None, python=sys.executable):
        env = dict(os.environ, PYXX_CACHE_DIR=cache or self.cache)
        result = subprocess.run([OPTIONS.pyxx, "build", "fib_cython.pyx", "-o", out, "--python", python, *args],
                                cwd=self.tmp, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                timeout=300)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result.stdout

    def module_bytes(self, out):
        with open(os.path.join(self.tmp, out, "fib_cython" + EXT_SUFFIX), "rb") as f:
            return f.read()


class Cache(BuildsWithACache):
    def test_precompiled_header_is_reused_and_changes_no_byte(self):
        if not is_gcc():
            self.skipTest("the precompiled header is used with GCC only; the compiler here is not GCC")
        for debug in ([], ["-g"]):
            with self.subTest(flags=debug):
                first = self.build("out", "-v", "--force", *debug)
                self.assertIn(" -include ", first)
                with_pch = self.module_bytes("out")
                again = self.build("out", "-v", "--force", *debug)
                self.assertIn(" -include ", again)
                self.assertEqual(self.module_bytes("out"), with_pch, "two builds differ")
                plain = self.build("out", "-v", "--force", "--no-pch", *debug)
                self.assertNotIn(" -include ", plain)
                self.assertEqual(self.module_bytes("out"), with_pch, "the precompiled header changed the module")
        entries = glob.glob(os.path.join(self.cache, "pch-*"))
        self.assertEqual(len(entries), 2, entries)  # one for -O2, one for -O2 -g
        for entry in entries:
            self.assertEqual(sorted(os.listdir(entry)), ["key.txt", "prelude.hpp", "prelude.hpp.gch"])
        imported = support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                "import fib_cython; print(fib_cython.cython_nogil(90))",
                                os.path.join(self.tmp, "out")], check=True)
        self.assertEqual(imported.stdout.strip(), "2880067194370816120")

    def test_concurrent_builds_with_an_empty_cache(self):
        if not is_gcc():
            self.skipTest("the precompiled header is used with GCC only; the compiler here is not GCC")
        env = dict(os.environ, PYXX_CACHE_DIR=self.cache)
        procs = [subprocess.Popen([OPTIONS.pyxx, "build", "fib_cython.pyx", "-o", f"out{i}", "-q",
                                   "--python", sys.executable], cwd=self.tmp, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(3)]
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            self.assertEqual(proc.returncode, 0, err)
        (entry,) = glob.glob(os.path.join(self.cache, "pch-*"))
        self.assertEqual(sorted(os.listdir(entry)), ["key.txt", "prelude.hpp", "prelude.hpp.gch"])
        # Different output directories, no -g: the same bytes.
        self.assertEqual(len({self.module_bytes(f"out{i}") for i in range(3)}), 1)

    def fake_entries(self, ages):
        # Entries as another configuration would leave them, last used `age` seconds ago.
        now = time.time()
        for i, age in enumerate(ages):
            entry = os.path.join(self.cache, f"pch-other{i:02d}")
            os.makedirs(entry)
            for name in ("key.txt", "prelude.hpp", "prelude.hpp.gch"):
                open(os.path.join(entry, name), "w").close()
            os.utime(os.path.join(entry, "key.txt"), (now - age, now - age))

    def entry_names(self):
        return sorted(os.path.basename(e) for e in glob.glob(os.path.join(self.cache, "pch-*")))

    def test_the_least_recently_used_entries_are_evicted(self):
        if not is_gcc():
            self.skipTest("the precompiled header is used with GCC only; the compiler here is not GCC")
        # Ten entries of other configurations: other09 used a minute ago, the
        # others days ago (other00 most recently). The new entry makes eleven:
        # the three least recently used go, down to eight.
        self.fake_entries([86400 + 60 * i for i in range(9)] + [60])
        self.build("out", "-q")
        names = self.entry_names()
        self.assertEqual(len(names), 8, names)
        self.assertEqual([n for n in names if n.startswith("pch-other")],
                         [f"pch-other{i:02d}" for i in (0, 1, 2, 3, 4, 5, 9)])
        # A hit marks its entry as used: it is the most recent now.
        (own,) = [n for n in names if not n.startswith("pch-other")]
        stamp = os.path.join(self.cache, own, "key.txt")
        os.utime(stamp, (1, 1))
        self.build("out", "-q", "--force")
        self.assertGreater(os.stat(stamp).st_mtime, time.time() - 600)

    def test_entries_used_within_the_hour_are_kept(self):
        if not is_gcc():
            self.skipTest("the precompiled header is used with GCC only; the compiler here is not GCC")
        self.fake_entries([60 * (i + 1) for i in range(10)])  # a concurrent build may be about to use them
        self.build("out", "-q")
        self.assertEqual(len(self.entry_names()), 11)

    def test_no_cache_and_another_compiler_build_without_it(self):
        off = self.build("out", "-v", cache="off")
        self.assertIn("no precompiled header: no cache directory", off)
        self.assertNotIn(" -include ", off)
        fake = os.path.join(self.tmp, "fake.sh")
        with open(fake, "w", encoding="utf-8") as f:
            f.write('#!/bin/sh\nfor a; do out=$next; next=; [ "$a" = -o ] && next=1 && continue; '
                    '[ -n "$out" ] && : > "$a"; done; exit 0\n')
        os.chmod(fake, 0o755)
        other = self.build("out2", "-v", "--cxx", fake)
        self.assertIn("no precompiled header: the compiler is not GCC", other)
        self.assertFalse(glob.glob(os.path.join(self.cache, "pch-*")))

    def test_the_interpreters_answer_is_cached_for_a_binary_only(self):
        with open(os.path.realpath(sys.executable), "rb") as f:
            if f.read(4) != b"\x7fELF":
                self.skipTest("the test Python is not an ELF binary")
        self.build("out", "-q", "--no-pch")
        (entry,) = glob.glob(os.path.join(self.cache, "python-*.txt"))
        with open(entry, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("pyxx-ext-suffix=" + EXT_SUFFIX, text)
        # The entry is what the next build reads: a changed answer shows.
        with open(entry, "w", encoding="utf-8") as f:
            f.write(text.replace("pyxx-ext-suffix=" + EXT_SUFFIX, "pyxx-ext-suffix=.cached.so"))
        self.build("out", "-q", "--no-pch")
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "out", "fib_cython.cached.so")))
        # A key that no longer matches (the interpreter changed): asked again.
        with open(entry, "w", encoding="utf-8") as f:
            f.write(text.replace("program ", "program /elsewhere", 1))
        self.build("out", "-q", "--no-pch")
        with open(entry, encoding="utf-8") as f:
            self.assertEqual(f.read(), text)
        # A script in the interpreter's place is asked every time.
        shim = os.path.join(self.tmp, "python-shim")
        with open(shim, "w", encoding="utf-8") as f:
            f.write(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
        os.chmod(shim, 0o755)
        self.build("out", "-q", "--no-pch", python=shim)
        self.assertEqual(len(glob.glob(os.path.join(self.cache, "python-*.txt"))), 1)


def gold_linker():
    """True when the C++ compiler can link a shared library with gold."""
    cxx = (os.environ.get("CXX") or "c++").split()
    with tempfile.TemporaryDirectory() as tmp:
        try:
            return subprocess.run([*cxx, "-x", "c++", os.devnull, "-fPIC", "-shared", "-fuse-ld=gold", "-o",
                                   os.path.join(tmp, "probe.so")], capture_output=True).returncode == 0
        except OSError:
            return False


class Linker(BuildsWithACache):
    def linker_entries(self):
        return glob.glob(os.path.join(self.cache, "linker-*.txt"))

    def imports(self, out):
        return support.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                            "import fib_cython; print(fib_cython.cython_nogil(30))",
                            os.path.join(self.tmp, out)], check=True).stdout.strip()

    def test_gold_is_probed_once_and_links_every_build(self):
        if not gold_linker():
            self.skipTest("the compiler cannot link with gold here (binutils' ld.gold)")
        self.build("out", "-q", cache="off")  # no cache: the default linker
        # The linker is part of the command the stamp records: the module built
        # with another is rebuilt, not taken as up to date.
        first = self.build("out", "-v")
        self.assertNotIn("is up to date", first)
        self.assertIn(" -fuse-ld=gold", first)
        (entry,) = self.linker_entries()
        with open(entry, encoding="utf-8") as f:
            self.assertTrue(f.read().endswith("\ngold\n"))
        os.utime(entry, (1, 1))  # a second probe would write it again
        for flags in ([], ["--no-pch"]):
            self.assertIn(" -fuse-ld=gold", self.build("out", "-v", "--force", *flags))
        self.assertEqual(os.stat(entry).st_mtime, 1)
        self.assertEqual(self.imports("out"), "832040")

    def test_a_linker_the_user_chose_is_kept(self):
        env = dict(os.environ, LDFLAGS="-fuse-ld=bfd", PYXX_CACHE_DIR=self.cache)
        result = subprocess.run([OPTIONS.pyxx, "build", "fib_cython.pyx", "-o", "out", "-v", "--python",
                                 sys.executable], cwd=self.tmp, env=env, text=True, capture_output=True, timeout=300)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("-fuse-ld=bfd", result.stdout)
        self.assertNotIn("-fuse-ld=gold", result.stdout)
        self.assertIn("default linker: the command or the flags choose the linker", result.stdout)
        self.assertEqual(self.linker_entries(), [])
        self.assertEqual(self.imports("out"), "832040")

    def test_a_compiler_without_gold_and_no_cache_keep_the_default_linker(self):
        wrapper = os.path.join(self.tmp, "g++-without-gold")  # GCC by its name, so it is probed
        cxx = os.environ.get("CXX") or "c++"
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write('#!/bin/sh\nfor a; do [ "$a" = -fuse-ld=gold ] && exit 1; done\n'
                    f'exec {cxx} "$@"\n')
        os.chmod(wrapper, 0o755)
        out = self.build("out", "-v", "--cxx", wrapper)
        self.assertNotIn("-fuse-ld=", out)
        self.assertIn("default linker: the compiler cannot link with gold", out)
        (entry,) = self.linker_entries()
        with open(entry, encoding="utf-8") as f:
            self.assertTrue(f.read().endswith("\ndefault\n"))
        self.assertEqual(self.imports("out"), "832040")
        off = self.build("out2", "-v", cache="off")
        self.assertNotIn("-fuse-ld=", off)
        self.assertIn("default linker: no cache directory", off)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
