"""Random-program differential tester: generated modules, compiled vs plain Python.

Usage:
  random_programs.py --pyxx PYXX [--seed N] [--modules M] [--cfuncs C] [--defs D]
                     [--keep DIR] [--minutes T]

Each module (program_generator.py) is built by pyxx and run by
tests/tools/run_diff_test.py, compiled and as plain Python under tests/shim;
results, exception types and messages, the log of calls, the nogil trace and
the memoryviews' contents after each call must be identical.

Without --seed a random seed is drawn and printed; `--seed N` reproduces a run
(module i of seed N is always the same program). --minutes keeps generating
modules until the time is up (long runs). Failing modules are kept in --keep DIR
(default: a directory printed at the end) for reduce_program.py.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
RUN_DIFF = os.path.join(os.path.dirname(HERE), "tools", "run_diff_test.py")

import program_generator  # noqa: E402


def module_name(seed, index):
    return f"rp_{seed}_{index}"


def generate(directory, seed, index, cfuncs, defs):
    rng = random.Random(f"{seed}/{index}")
    pyx_text, driver_text = program_generator.write_module(rng, seed, index, cfuncs, defs)
    pyx = os.path.join(directory, module_name(seed, index) + ".pyx")
    with open(pyx, "w") as out:
        out.write(pyx_text)
    with open(os.path.splitext(pyx)[0] + ".driver.py", "w") as out:
        out.write(driver_text)
    return pyx


def run_one(pyxx, pyx):
    """(passed, output) of the differential test of one module."""
    result = subprocess.run([sys.executable, RUN_DIFF, "--pyxx", pyxx, pyx],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return result.returncode == 0, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyxx", required=True)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--modules", type=int, default=2)
    parser.add_argument("--cfuncs", type=int, default=4)
    parser.add_argument("--defs", type=int, default=8)
    parser.add_argument("--minutes", type=float, help="run modules until this much time has passed")
    parser.add_argument("--keep", help="write every module here (failing ones are always kept)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**9)
    print(f"random_programs: seed {seed}", flush=True)
    keep = args.keep or tempfile.mkdtemp(prefix="pyxx-random-")
    os.makedirs(keep, exist_ok=True)
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    failed, index = [], 0
    with tempfile.TemporaryDirectory(prefix="pyxx-random-") as tmp:
        while (index < args.modules) if deadline is None else (time.monotonic() < deadline):
            directory = keep if args.keep else tmp
            pyx = generate(directory, seed, index, args.cfuncs, args.defs)
            passed, output = run_one(args.pyxx, pyx)
            if not passed:
                if directory != keep:
                    pyx = generate(keep, seed, index, args.cfuncs, args.defs)
                failed.append(pyx)
                print(output, end="")
                print(f"FAILED: module {index} of seed {seed}: {pyx}", flush=True)
            else:
                print(f"ok: module {index} of seed {seed}", flush=True)
            index += 1
    print(f"random_programs: seed {seed}: {index} modules, {len(failed)} failed"
          + (f" (kept in {keep})" if failed else ""))
    if not failed and not args.keep:
        os.rmdir(keep) if not os.listdir(keep) else None
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
