"""End to end: a module split into parts compiled as parallel translation units.

`--part-lines N` lowers the part size so that small modules get several parts.
The same programs built in one unit and in parts behave exactly alike (extension
types with C methods and inheritance, closures, generators, fused functions,
module-level code and globals, exceptions and their tracebacks, a cimport from
another module); the split file still builds as one unit by hand (no macro); the
build compiles each part with -DPYXX_PART=k and links them; the module's bytes
do not depend on -j or on the directory it is built in; an unchanged module is
not rebuilt.
"""
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import unittest

import support
from support import OPTIONS

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")

PROVIDER = '''
import cython

OFFSET = 10


@cython.cfunc
def shifted(x: cython.long) -> cython.long:
    return x + OFFSET


@cython.cclass
class Counter:
    count: cython.int

    def __init__(self, start: cython.int):
        self.count = start

    @cython.ccall
    def bump(self, by: cython.int) -> cython.int:
        self.count += by
        return self.count
'''

PROGRAM = '''
import cython
from cython.cimports.provider import shifted, Counter

number = cython.fused_type(cython.long, cython.double)
log = []


@cython.cclass
class Shape:
    sides: cython.int

    def __init__(self, sides: cython.int):
        self.sides = sides

    @cython.ccall
    def area(self) -> cython.double:
        return 0.0

    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides, area {self.area()}"


@cython.cclass
class Square(Shape):
    side: cython.double

    def __init__(self, side: cython.double):
        Shape.__init__(self, 4)
        self.side = side

    @cython.ccall
    def area(self) -> cython.double:
        return self.side * self.side


class Triangle(Shape):
    def area(self):
        return 1.5


def twice(x: number) -> number:
    return x + x


def make_adder(n):
    def add(x):
        return x + n
    return add


def counter():
    total = 0

    def step(k):
        nonlocal total
        total += k
        return total
    return step


def squares(n: cython.int):
    i: cython.int
    for i in range(n):
        yield i * i


@cython.cfunc
def checked(x: cython.int) -> cython.int:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 3


def run_checked(x: cython.int):
    return checked(x)


def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)


def total_of(values: list) -> cython.double:
    s: cython.double = 0
    for v in values:
        s += v
    return s


def use_cimports(k: cython.long):
    c = Counter(1)
    c.bump(2)
    return shifted(k), c.bump(3)


log.append(sum(squares(5)))
GREETING = "parts " + str(len(log))
'''

DRIVER = '''
import sys, traceback
sys.path.insert(0, sys.argv[1])
import program as m
out = []
out.append(m.Square(3.0).describe())
out.append(m.Triangle(3).describe())
out.append(m.Shape(5).describe())
out.append(repr(m.twice(4)) + " " + repr(m.twice(1.25)))
out.append(m.make_adder(5)(7))
step = m.counter()
step(2)
out.append(step(3))
out.append(list(m.squares(6)))
out.append(m.run_checked(4))
out.append(m.total_of([1, 2.5, 3]))
out.append(m.use_cimports(5))
out.append((m.log, m.GREETING))
out.append(type(m.make_adder(1)) is type(m.counter()))
for call in (lambda: m.run_checked(-2), lambda: m.deep(3)):
    try:
        call()
    except Exception:
        kind, value, tb = sys.exc_info()
        out.append((kind.__name__, str(value), [(f.name, f.lineno) for f in traceback.extract_tb(tb)][1:]))
for line in out:
    print(line)
'''


class Parts(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pyxx-parts-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.env = dict(os.environ, PYXX_CACHE_DIR=os.path.join(self.tmp, "cache"))
        for name, text in (("provider.py", PROVIDER), ("program.py", PROGRAM), ("driver.py", DRIVER)):
            with open(os.path.join(self.tmp, name), "w") as f:
                f.write(textwrap.dedent(text))

    def build(self, out, *args, cwd=None):
        result = subprocess.run([OPTIONS.pyxx, "build", "provider.py", "program.py", "-o", out,
                                 "--python", sys.executable, *args],
                                cwd=cwd or self.tmp, env=self.env, text=True, capture_output=True, timeout=600)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result.stdout

    def run_driver(self, out):
        return support.run([sys.executable, os.path.join(self.tmp, "driver.py"), os.path.join(self.tmp, out)],
                           check=True).stdout

    def module_bytes(self, out, name="program", base=None):
        with open(os.path.join(base or self.tmp, out, name + EXT_SUFFIX), "rb") as f:
            return f.read()

    def test_parts_behave_as_one_unit(self):
        self.build("one", "--part-lines", "0")
        verbose = self.build("split", "--part-lines", "12", "-v", "-j2")
        with open(os.path.join(self.tmp, "split", "program.cpp")) as f:
            cpp = f.read()
        parts = int(re.search(r"^// pyxx-parts: (\d+) ", cpp.split("\n", 2)[1]).group(1))
        self.assertGreater(parts, 2)
        for k in range(parts):
            self.assertIn(f"-DPYXX_PART={k} -c ", verbose)
        self.assertIn(f"program.part{parts - 1}.o -o ", verbose)  # the link of every part
        with open(os.path.join(self.tmp, "one", "program.cpp")) as f:
            self.assertNotIn("PYXX_PART", f.read())
        expected = self.run_driver("one")
        self.assertIn("('ValueError', 'negative: -2', [('<lambda>', 20), ('run_checked', 76), ('checked', 71)])",
                      expected)
        self.assertEqual(self.run_driver("split"), expected)
        self.assertEqual(os.listdir(os.path.join(self.tmp, "split")).count("program" + EXT_SUFFIX), 1)
        self.assertFalse([n for n in os.listdir(os.path.join(self.tmp, "split")) if n.startswith(".")])

    def test_split_file_builds_as_one_unit_by_hand(self):
        self.build("split", "--part-lines", "12")
        flags = support.run([OPTIONS.pyxx, "config", "--cxxflags", "--python", sys.executable], check=True)
        cxx = (os.environ.get("CXX") or "c++").split()
        hand = os.path.join(self.tmp, "hand")
        os.mkdir(hand)
        shutil.copy(os.path.join(self.tmp, "split", "provider" + EXT_SUFFIX), hand)
        support.run([*cxx, *flags.stdout.split(), "-shared",
                     os.path.join(self.tmp, "split", "program.cpp"), "-o", os.path.join(hand, "program" + EXT_SUFFIX)],
                    check=True)
        self.build("one", "--part-lines", "0")
        self.assertEqual(self.run_driver("hand"), self.run_driver("one"))

    def test_parts_are_warning_free(self):
        verbose = self.build("split", "--part-lines", "12", "-v", "--force", "--no-pch")
        self.assertNotIn("warning", verbose)

    def test_module_bytes_do_not_depend_on_jobs_or_directory(self):
        self.build("a", "--part-lines", "12", "-j1")
        first = self.module_bytes("a")
        self.build("a", "--part-lines", "12", "-j2", "--force")
        self.assertEqual(self.module_bytes("a"), first, "-j changed the module")
        other = os.path.join(self.tmp, "elsewhere")
        os.mkdir(other)
        for name in ("provider.py", "program.py"):
            shutil.copy(os.path.join(self.tmp, name), other)
        self.build("a", "--part-lines", "12", "-j2", cwd=other)
        self.assertEqual(self.module_bytes("a", base=other), first, "the directory changed the module")
        again = self.build("a", "--part-lines", "12", "-j2")
        self.assertIn("program is up to date", again)

    def test_a_failing_part_fails_the_module_and_leaves_nothing(self):
        result = subprocess.run([OPTIONS.pyxx, "build", "provider.py", "program.py", "-o", "bad", "--python", sys.executable,
                                 "--part-lines", "12", "-j2"],
                                cwd=self.tmp, env=dict(self.env, CXXFLAGS="-DPYXX_PART=99"), text=True,
                                capture_output=True, timeout=600)
        self.assertNotEqual(result.returncode, 0)
        out_dir = os.path.join(self.tmp, "bad")
        self.assertFalse(os.path.exists(out_dir) and [n for n in os.listdir(out_dir) if n.startswith(".")])
        self.assertFalse(os.path.exists(os.path.join(out_dir, "program" + EXT_SUFFIX)))


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
