"""The article's threading experiment, run against modules built by pyxx.

Usage: python3 experiment.py MODULE_DIR [--n N] [--only cython|numba]

MODULE_DIR holds fib_cython<EXT_SUFFIX> and/or fib_numba<EXT_SUFFIX> (made by
`pyxx build`). For each, as in the article: one call with the GIL held, one
call that releases it, two GIL-holding threads, the releasing thread started
first beside a GIL-holding one, and the GIL-holding one started first. Wall
time shows the parallelism; CPU time (all threads) stays about the same.
"""
import argparse
import importlib
import sys
import time
from threading import Thread

PROGRAMS = {
    # module name: (function that releases the GIL, function that holds it)
    "cython": ("fib_cython", "cython_nogil", "cython_gil"),
    "numba": ("fib_numba", "numba_nogil", "numba_gil"),
}


def timed(label, action):
    wall0, cpu0 = time.perf_counter(), time.process_time()
    action()
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    print(f"  {label:<44} wall {wall * 1000:8.0f} ms   cpu {cpu * 1000:8.0f} ms", flush=True)
    return wall, cpu


def in_threads(first, second, n):
    def action():
        t1 = Thread(target=first, args=[n])
        t2 = Thread(target=second, args=[n])
        t1.start(); t2.start()
        t1.join(); t2.join()
    return action


def run_program(key, n):
    module_name, nogil_name, gil_name = PROGRAMS[key]
    module = importlib.import_module(module_name)
    f_nogil = getattr(module, nogil_name)
    f_gil = getattr(module, gil_name)
    print(f"{module_name} (from {module.__file__}), N = {n:_}")
    # Both versions compute the same value (fib(N) in wrapping 64-bit arithmetic).
    if f_nogil(30) != 832040 or f_gil(30) != 832040:
        raise SystemExit(f"{module_name}: wrong fibonacci(30)")
    if key == "numba":
        # The article's last Numba cell: a nogil function that calls itself.
        print(f"  numba_recurse(2) = {module.numba_recurse(2)}")
    single_gil, single_cpu = timed(f"{gil_name}(N)", lambda: f_gil(n))
    timed(f"{nogil_name}(N)", lambda: f_nogil(n))
    both_gil, _ = timed(f"threads: {gil_name} + {gil_name}", in_threads(f_gil, f_gil, n))
    nogil_first, _ = timed(f"threads: {nogil_name} first, then {gil_name}",
                           in_threads(f_nogil, f_gil, n))
    gil_first, _ = timed(f"threads: {gil_name} first, then {nogil_name}",
                         in_threads(f_gil, f_nogil, n))
    print(f"  relative to one call: two GIL threads {both_gil / single_gil:.2f}x, "
          f"nogil first {nogil_first / single_gil:.2f}x, GIL first {gil_first / single_gil:.2f}x")
    if single_gil > 1.3 * single_cpu:
        # One busy thread took much longer than its CPU time: other processes
        # hold the cores, so two threads cannot run side by side either.
        print("  note: the cores are busy with other work (wall >> cpu for one call);"
              " the parallel case cannot show its gain on this run")
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module_dir", help="directory holding the modules built by pyxx build")
    parser.add_argument("--n", type=int, default=1_000_000_000, help="Fibonacci index (default 1e9)")
    parser.add_argument("--only", choices=sorted(PROGRAMS), help="run one program only")
    args = parser.parse_args()
    sys.path.insert(0, args.module_dir)
    for key in PROGRAMS:
        if args.only in (None, key):
            run_program(key, args.n)


if __name__ == "__main__":
    main()
