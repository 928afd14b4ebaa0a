"""Build speed of a small module, side by side: `pyxx build` against Cython
at its best (cython3 -3 without Pythran's import, then the C compiler with the
flags pyxx uses), end to end, for the article's Cython program
(examples/article/fib_cython.pyx) and any other sources given.

    python3 bench/build_speed.py --pyxx build/release/transpiler/pyxx [--python /usr/bin/python3]
                                 [--repeat 5] [SOURCE.pyx ...]

Prints a Markdown table: best-of-N wall time of each way, and the ratio
cython+cc / pyxx build. pyxx is measured three ways: warm (its cache holds the
precompiled header and the interpreter's answer, as on every build but the
first), cold (an empty cache: the first build on a machine) and without the
precompiled header (--no-pch). Not a test: nothing is asserted
(docs/benchmarks.md).
"""
import argparse
import os
import shutil
import sys
import tempfile

from measure import best_of
from tools import SHARED_FLAGS, Toolchain

ARTICLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples", "article")

# Debian's cython3 imports Pythran at start-up when python3-pythran is
# installed (most of its translate time); a user without Pythran does not pay
# that, so it is kept out: `import pythran` fails and Cython goes on without it.
CYTHON_WITHOUT_PYTHRAN = ("import sys; sys.modules['pythran'] = None; "
                          "from Cython.Compiler.Main import setuptools_main; sys.exit(setuptools_main())")


def measure(tc, source, work, repeat):
    name = os.path.basename(source).rsplit(".", 1)[0]
    out = os.path.join(work, "pyxx-" + name)
    cache = os.path.join(work, "cache")
    build = [tc.pyxx, "build", source, "-o", out, "--python", tc.python, "--force", "-q"]
    warm_env = dict(os.environ, PYXX_CACHE_DIR=cache)
    best_of(1, build, env=warm_env)  # fills the cache
    warm = best_of(repeat, build, env=warm_env)
    colds = []
    for i in range(repeat):
        fresh = os.path.join(work, f"cold-cache-{i}")
        colds.append(best_of(1, build, env=dict(os.environ, PYXX_CACHE_DIR=fresh)).wall_s)
        shutil.rmtree(fresh, ignore_errors=True)
    no_pch = best_of(repeat, build + ["--no-pch"], env=warm_env)

    cy_dir = os.path.join(work, "cython-" + name)
    os.makedirs(cy_dir, exist_ok=True)
    py_file = os.path.join(cy_dir, name + "_cy.py")
    shutil.copyfile(source, py_file)
    c_file = os.path.join(cy_dir, name + "_cy.c")
    translate = best_of(repeat, [tc.python, "-c", CYTHON_WITHOUT_PYTHRAN, "-3", py_file, "-o", c_file])
    compile_c = best_of(repeat, [tc.cc, *SHARED_FLAGS, "-I" + tc.include_dir, c_file, "-o",
                                 os.path.join(cy_dir, name + "_cy" + tc.ext_suffix)])
    cython_total = translate.wall_s + compile_c.wall_s
    cython_cpu = translate.cpu_s + compile_c.cpu_s
    return {
        "source": os.path.relpath(source),
        "pyxx warm": warm.wall_s,
        "pyxx cold": min(colds),
        "pyxx --no-pch": no_pch.wall_s,
        "cython3": translate.wall_s,
        "cc": compile_c.wall_s,
        "cython3 + cc": cython_total,
        "ratio": cython_total / warm.wall_s,
        "pyxx warm cpu": warm.cpu_s,
        "cython3 + cc cpu": cython_cpu,
        "cpu ratio": cython_cpu / warm.cpu_s,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--python", default="/usr/bin/python3", help="the Python both build for (Cython's own)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args()
    tc = Toolchain.find(os.path.abspath(args.pyxx), args.python)
    sources = [os.path.abspath(s) for s in args.sources] or [os.path.join(ARTICLE, "fib_cython.pyx")]
    with tempfile.TemporaryDirectory(prefix="pyxx-build-speed-") as work:
        rows = [measure(tc, s, work, args.repeat) for s in sources]
    print(f"Best of {args.repeat}, wall seconds; ratio = (cython3 + cc) / pyxx warm. The CPU columns are\n"
          "user + system seconds of the processes (the same ratio where other work shares the cores).\n")
    print("| source | pyxx build (warm) | pyxx build (cold cache) | pyxx build --no-pch "
          "| cython3 (no Pythran) | cc -O2 | cython3 + cc | ratio | CPU: pyxx warm | CPU: cython3 + cc | CPU ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['source']} | {r['pyxx warm']:.3f} | {r['pyxx cold']:.3f} | {r['pyxx --no-pch']:.3f} "
              f"| {r['cython3']:.3f} | {r['cc']:.3f} | {r['cython3 + cc']:.3f} | {r['ratio']:.2f}x "
              f"| {r['pyxx warm cpu']:.3f} | {r['cython3 + cc cpu']:.3f} | {r['cpu ratio']:.2f}x |")


if __name__ == "__main__":
    sys.exit(main())
