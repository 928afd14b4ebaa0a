"""Build speed of a large module: `pyxx build -j2` in one translation unit and
in parts compiled in parallel, against cython3 -3 (without Pythran's import)
then the C compiler with pyxx's flags, and against one unit with -flto=2 (GCC's
parallel back end), on a generated module of about --lines lines.

    python3 bench/large_module.py --pyxx build/release/transpiler/pyxx [--lines 20000] [--jobs 2]

The module mixes what real modules hold: C-typed numeric functions (ccall and
cfunc), plain `def` functions on objects (lists, dicts, strings, sum/min/max)
and a few extension types. Prints a Markdown table (wall and CPU time, one run
each: the builds take tens of seconds) and the load average. Not a test.
"""
import argparse
import os
import sys
import tempfile

from build_speed import CYTHON_WITHOUT_PYTHRAN
from measure import best_of
from tools import SHARED_FLAGS, Toolchain

BLOCK = '''
@cython.ccall
def kernel_{i}(n: cython.long) -> cython.double:
    total: cython.double = 0.0
    k: cython.long
    for k in range(n):
        total += (k * {m}) * 0.5 - k / 3.0
    return total


@cython.cfunc
def clamp_{i}(x: cython.double, lo: cython.double, hi: cython.double) -> cython.double:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def scaled_{i}(n: cython.long, factor: cython.double):
    return clamp_{i}(kernel_{i}(n) * factor, -1e9, 1e9)


def words_{i}(items, sep: str):
    out = []
    for item in items:
        if item:
            out.append(str(item) + sep)
    return "".join(out)


def stats_{i}(a, b: cython.long):
    values = [a, b, a + b]
    d = {{"min": min(values), "max": max(values)}}
    return sum(values), d


def lookup_{i}(table: dict, key, default=None):
    if key in table:
        return table[key]
    return default
'''

CLASS = '''
@cython.cclass
class Acc_{i}:
    total: cython.double
    count: cython.long

    def __init__(self):
        self.total = 0.0
        self.count = 0

    @cython.ccall
    def add(self, x: cython.double) -> cython.double:
        self.total += x
        self.count += 1
        return self.total

    def mean(self):
        return self.total / self.count if self.count else 0.0
'''


def generate(lines):
    """The module's text: blocks of functions, an extension type every 20 blocks."""
    out = ["import cython\n"]
    count = 0
    i = 0
    while count < lines:
        text = BLOCK.format(i=i, m=i % 7 + 1)
        if i % 20 == 0:
            text += CLASS.format(i=i)
        out.append(text)
        count += text.count("\n")
        i += 1
    out.append(f"\nCHECK = scaled_0(10, 2.0) + Acc_0().add(1.0)\n")
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cython-python", default="/usr/bin/python3",
                        help="the Python whose Cython translates (Debian's cython3 is /usr/bin/python3's)")
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip", default="", help="comma-separated rows to leave out (cython,one,lto,split,...)")
    parser.add_argument("--part-lines", default="default",
                        help="comma-separated --part-lines values to measure ('default': pyxx's own)")
    args = parser.parse_args()
    tc = Toolchain.find(os.path.abspath(args.pyxx), args.python)
    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory(prefix="pyxx-large-") as work:
        source = os.path.join(work, "large.py")
        with open(source, "w") as f:
            f.write(generate(args.lines))
        n_lines = sum(1 for _ in open(source))
        env = dict(os.environ, PYXX_CACHE_DIR=os.path.join(work, "cache"))
        build = [tc.pyxx, "build", source, "-o", os.path.join(work, "out"), "--python", tc.python, "--force", "-q",
                 "-j", str(args.jobs)]
        best_of(1, [tc.pyxx, "build", os.path.join(os.path.dirname(__file__), "..", "examples", "article",
                                                   "fib_cython.pyx"), "-o", os.path.join(work, "warm"),
                    "--python", tc.python, "-q"], env=env)  # fills the cache (precompiled header)
        load_before = os.getloadavg()
        rows = []
        if "cython" not in skip:
            c_file = os.path.join(work, "large_cy.c")
            translate = best_of(1, [args.cython_python, "-c", CYTHON_WITHOUT_PYTHRAN, "-3", source, "-o", c_file])
            compile_c = best_of(1, [tc.cc, *SHARED_FLAGS, "-I" + tc.include_dir, c_file, "-o",
                                    os.path.join(work, "large_cy" + tc.ext_suffix)])
            rows.append(("cython3 + cc -O2", translate.wall_s + compile_c.wall_s, translate.cpu_s + compile_c.cpu_s))
        if "one" not in skip:
            r = best_of(1, build + ["--part-lines", "0"], env=env)
            rows.append(("pyxx build, one unit", r.wall_s, r.cpu_s))
        if "lto" not in skip:
            lto = dict(env, CXXFLAGS="-flto=2", LDFLAGS="-flto=2")
            r = best_of(1, build + ["--part-lines", "0"], env=lto)
            rows.append(("pyxx build, one unit, -flto=2", r.wall_s, r.cpu_s))
        for part_lines in args.part_lines.split(","):
            extra = ["--part-lines", part_lines] if part_lines != "default" else []
            r = best_of(1, build + extra, env=env)
            with open(os.path.join(work, "out", "large.cpp")) as f:
                f.readline()
                second = f.readline()
            parts = second.split()[2] if second.startswith("// pyxx-parts:") else "1"
            rows.append((f"pyxx build, {parts} parts", r.wall_s, r.cpu_s))
        base = rows[0][1] if rows and rows[0][0].startswith("cython") else None
        print(f"{n_lines} lines, -j{args.jobs}, load average before: {load_before}\n")
        print("| build | wall s | CPU s | cython+cc / this |")
        print("|---|---:|---:|---:|")
        for name, wall, cpu in rows:
            ratio = f"{base / wall:.2f}x" if base else "-"
            print(f"| {name} | {wall:.1f} | {cpu:.1f} | {ratio} |")
        print(f"\nload average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
