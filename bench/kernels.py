"""Kernel bench: pyxx against Cython, Numba and hand-written C++, in one process.

Builds bench/kernels/kernels.pyx with `pyxx build` and (copied to a .py file)
with `cython3 -3` + cc, kernels_cpp.cpp with c++, all with the flags `pyxx
build` uses; Numba runs kernels_numba.py. Then one interpreter imports all four
and, round after round, calls each kernel once per tool in a rotating order:
every ratio is paired (the same round, the same machine state), and the
report gives each tool's best time and the median over rounds of
pyxx/tool. Every result is checked against the others first.

    python3 bench/kernels.py --pyxx build/release/transpiler/pyxx [--rounds 15]

Not a test: nothing is asserted about timings, and it is not part of ctest.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS = os.path.join(HERE, "kernels")
# The flags `pyxx build` passes (transpiler/driver/build.cpp), for Cython's C and the hand-written C++.
FLAGS = ["-O2", "-ffp-contract=off", "-fPIC", "-shared", "-fvisibility=hidden"]


def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def build(pyxx, python, work):
    query = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['include']); "
                                          "print(sysconfig.get_config_var('EXT_SUFFIX'))"],
                           check=True, capture_output=True, text=True).stdout.split()
    include, suffix = query[0], query[1]
    for d in ("pyxx", "cython", "cpp"):
        os.makedirs(os.path.join(work, d), exist_ok=True)
    run([pyxx, "build", "--force", "-q", os.path.join(KERNELS, "kernels.pyx"), "-o", os.path.join(work, "pyxx"),
         "--python", python])
    py = os.path.join(work, "cython", "kernels.py")
    shutil.copyfile(os.path.join(KERNELS, "kernels.pyx"), py)
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    run([shutil.which("cython3") or "cython", "-3", py, "-o", py[:-3] + ".c"], env=env,
        stderr=subprocess.DEVNULL)
    run([os.environ.get("CC", "cc"), *FLAGS, "-I" + include, py[:-3] + ".c", "-o",
         os.path.join(work, "cython", "kernels" + suffix)])
    run([os.environ.get("CXX", "c++"), "-std=c++17", *FLAGS, "-I" + include, os.path.join(KERNELS, "kernels_cpp.cpp"),
         "-o", os.path.join(work, "cpp", "kernels_cpp" + suffix)])
    shutil.copyfile(os.path.join(KERNELS, "kernels_numba.py"), os.path.join(work, "kernels_numba.py"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--python", default="/usr/bin/python3", help="the interpreter Debian's cython3 and numba serve")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--keep", help="build into this directory (kept)")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="pyxx-kernels-")
    build(os.path.abspath(args.pyxx), args.python, work)
    subprocess.run([args.python, os.path.join(HERE, "kernels_worker.py"), work, str(args.rounds)], check=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
