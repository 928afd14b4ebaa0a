"""The measured side of the benchmarks: runs inside a fresh interpreter per tool.

    python3 worker.py TASK (--module-dir DIR --module NAME | --jit-source FILE) [options]

The functions come either from an extension module (built by pyxx or by Cython),
or from a plain Python source whose functions Numba compiles on their first call
(the source is executed as a module, unchanged). Prints one JSON object.

Tasks:
  jit        time `import numba`, executing the source, and each listed function's first call
  run        best-of-k wall time of fib(N) for the GIL-holding and the GIL-releasing function
  threads    the article's experiment: one call, two GIL threads, nogil first, GIL first
  callgrind  the warm-up calls, then fib(N): callgrind counts the whole process from outside,
             and the driver subtracts a run with N = 2
  sum        best-of-k wall time of a float64 array sum (the memoryview benchmark)
  histogram  examples/histogram: one fill(N) on one instance, then T threads each filling
             its own instance (an extension type with a C array; Numba: a jitclass)
  cythonize  Cython's compiler in this process: the first compile, then best of k more
             (start-up and imports versus the compile itself; needs --source and --out)
"""
import argparse
import importlib
import json
import resource
import sys
import time
import types
from threading import Thread

FIB_30 = 832040


def rss_kib():
    """Peak RSS of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load_source_module(path):
    """Execute a plain Python file as a module (Numba needs real module globals)."""
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    name = "jit_" + path.rsplit("/", 1)[-1].split(".")[0]
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    exec(code, module.__dict__)
    return module


def load(args):
    if args.jit_source:
        return load_source_module(args.jit_source)
    sys.path.insert(0, args.module_dir)
    return importlib.import_module(args.module)


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def best(repeat, action):
    return min(timed(action) for _ in range(repeat))


def two_threads(first, second, n):
    def action():
        threads = [Thread(target=first, args=[n]), Thread(target=second, args=[n])]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return action


def fib_functions(module, args):
    gil, nogil = getattr(module, args.gil_fn), getattr(module, args.nogil_fn)
    # Also the warm-up that makes Numba compile before anything is timed.
    for f in (gil, nogil):
        if f(30) != FIB_30:
            raise SystemExit(f"{f.__name__}(30) = {f(30)}, expected {FIB_30}")
    return gil, nogil


def task_jit(args):
    start = time.perf_counter()
    importlib.import_module("numba")  # its cost is part of what a Numba user waits for
    import_s = time.perf_counter() - start
    rss_import = rss_kib()
    start = time.perf_counter()
    module = load(args)
    load_s = time.perf_counter() - start
    compile_s = {name: timed(lambda: getattr(module, name)(2)) for name in args.functions}
    second_call_s = {name: timed(lambda: getattr(module, name)(2)) for name in args.functions}
    return {"import_s": import_s, "load_s": load_s, "first_call_s": compile_s,
            "second_call_s": second_call_s, "rss_after_import_kib": rss_import, "rss_peak_kib": rss_kib()}


def task_run(args):
    gil, nogil = fib_functions(load(args), args)
    rss_loaded = rss_kib()
    value = gil(args.n)
    if nogil(args.n) != value:
        raise SystemExit("the GIL and nogil functions disagree")
    return {"gil_s": best(args.repeat, lambda: gil(args.n)),
            "nogil_s": best(args.repeat, lambda: nogil(args.n)),
            "value_mod_2_64": value % 2**64, "rss_after_load_kib": rss_loaded, "rss_peak_kib": rss_kib()}


def task_threads(args):
    gil, nogil = fib_functions(load(args), args)
    n, k = args.n, args.repeat
    return {"one_call_s": best(k, lambda: gil(n)),
            "two_gil_threads_s": best(k, two_threads(gil, gil, n)),
            "nogil_first_s": best(k, two_threads(nogil, gil, n)),
            "gil_first_s": best(k, two_threads(gil, nogil, n))}


def task_callgrind(args):
    gil, _ = fib_functions(load(args), args)
    gil(args.n)
    return {}


def task_sum(args):
    import numpy as np
    array = np.random.default_rng(12345).random(args.n)
    expected = float(array.sum())
    if args.numpy:
        return {"sum_s": best(args.repeat, array.sum), "rss_peak_kib": rss_kib()}
    f = getattr(load(args), args.fn)
    start = time.perf_counter()
    got = f(array)  # for Numba: type inference and compilation happen here
    first_call_s = time.perf_counter() - start
    if abs(got - expected) > 1e-9 * abs(expected):
        raise SystemExit(f"{args.fn} returned {got}, numpy.sum gives {expected}")
    return {"sum_s": best(args.repeat, lambda: f(array)), "first_call_s": first_call_s,
            "rss_peak_kib": rss_kib()}


def task_histogram(args):
    module = load(args)
    if args.jit_source:  # Numba: the loop is a nogil function of the jitclass instance
        make, fill = module.Histogram, module.fill
        bins = lambda h: list(h.bins())  # noqa: E731
    else:
        make, fill = module.Histogram, lambda h, n: h.fill(n)
        bins = lambda h: h.bins()  # noqa: E731
    start = time.perf_counter()
    probe = make(42)
    fill(probe, 1000)  # for Numba: compilation happens here
    first_call_s = time.perf_counter() - start
    counts, x = [0] * 64, 42
    for _ in range(1000):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        counts[x >> 58] += 1
    if bins(probe) != counts:
        raise SystemExit("the histogram disagrees with the generator run in Python")

    def threads():
        histograms = [make(seed) for seed in range(args.threads)]
        workers = [Thread(target=fill, args=(h, args.n)) for h in histograms]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        if any(sum(bins(h)) != args.n for h in histograms):
            raise SystemExit("a thread's histogram lost counts")
    return {"one_fill_s": best(args.repeat, lambda: fill(make(1), args.n)),
            "threads_fill_s": best(args.repeat, threads), "first_call_s": first_call_s,
            "rss_peak_kib": rss_kib()}


def task_cythonize(args):
    start = time.perf_counter()
    from Cython.Compiler import Main
    import_s = time.perf_counter() - start
    options = Main.CompilationOptions(Main.default_options, language_level=3, output_file=args.out)

    def compile_once():
        if Main.compile(args.source, options).num_errors:
            raise SystemExit(f"Cython reported errors in {args.source}")
    return {"import_s": import_s, "first_s": timed(compile_once), "warm_s": best(args.repeat, compile_once)}


TASKS = {"jit": task_jit, "run": task_run, "threads": task_threads,
         "callgrind": task_callgrind, "sum": task_sum, "histogram": task_histogram,
         "cythonize": task_cythonize}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("--module-dir")
    parser.add_argument("--module")
    parser.add_argument("--jit-source", help="plain Python file whose functions Numba compiles")
    parser.add_argument("--gil-fn", default="cython_gil")
    parser.add_argument("--nogil-fn", default="cython_nogil")
    parser.add_argument("--functions", nargs="*", default=[], help="jit: functions to compile")
    parser.add_argument("--fn", default="sum_array", help="sum: the function to time")
    parser.add_argument("--numpy", action="store_true", help="sum: time numpy's own sum instead")
    parser.add_argument("--source", help="cythonize: the .py file")
    parser.add_argument("--out", help="cythonize: the .c file to write")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=2, help="histogram: threads, one instance each")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.task == "cythonize":
        if not (args.source and args.out):
            parser.error("cythonize needs --source and --out")
    elif not args.numpy and not args.jit_source and not (args.module_dir and args.module):
        parser.error("give --module-dir and --module, or --jit-source")
    print(json.dumps(TASKS[args.task](args)))


if __name__ == "__main__":
    main()
