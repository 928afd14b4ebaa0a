"""The measured side of bench/kernels.py: one interpreter, four tools, paired rounds."""
import importlib.util
import os
import platform
import statistics
import sys
import threading
import time

import numpy as np


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tools(work):
    suffix = next(f for f in os.listdir(os.path.join(work, "pyxx")) if f.endswith(".so"))[len("kernels"):]
    sys.path.insert(0, work)
    return {
        "pyxx": load("kernels", os.path.join(work, "pyxx", "kernels" + suffix)),
        "Cython": load("kernels", os.path.join(work, "cython", "kernels" + suffix)),
        "Numba": load("kernels_numba", os.path.join(work, "kernels_numba.py")),
        "C++": load("kernels_cpp", os.path.join(work, "cpp", "kernels_cpp" + suffix)),
    }


CALLS = 200_000


def call_loop(f):
    def loop():
        for _ in range(CALLS):
            f(7)
    return loop


def two_threads(f, a):
    """Two calls of a GIL-releasing kernel, in two threads at once."""
    def run():
        threads = [threading.Thread(target=f, args=(a,)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return run


def make_data():
    """One set of arrays that every tool works on (the same memory, the same pages)."""
    rng = np.random.default_rng(1)
    n = 1_000_000
    return {"a": rng.random(n), "b": rng.random(n), "y": rng.random(n), "out": np.zeros(n),
            "flags": np.ones(2_000_000, dtype=np.uint8), "ma": rng.random((120, 120)),
            "mb": rng.random((120, 120)), "mc": np.zeros((120, 120)), "big": rng.random(4_000_000)}


def cases(m, data):
    a, b, y, out, flags = data["a"], data["b"], data["y"], data["out"], data["flags"]
    ma, mb, mc, big = data["ma"], data["mb"], data["mc"], data["big"]
    n = a.shape[0]

    def sieve():
        flags[:] = 1
        return m.sieve(flags)

    def matmul():
        m.matmul(ma, mb, mc)
        return float(mc.sum())

    def stencil():
        m.stencil(a, out)
        return float(out[n // 2])

    def stencil_checked():
        m.stencil_checked(a, out)
        return float(out[n // 2])

    def saxpy():
        m.saxpy(1e-9, a, y)
        return None

    return [
        ("sum of 1M float64", lambda: m.sum_(a), 1),
        ("dot of 1M float64", lambda: m.dot(a, b), 1),
        ("saxpy over 1M float64", saxpy, 1),
        ("mandelbrot 200x200, 256 iterations", lambda: m.mandelbrot(200, 200, 256), 1),
        ("sieve over 2M bytes", sieve, 1),
        ("matmul 120x120", matmul, 1),
        ("3-point stencil over 1M float64", stencil, 1),
        ("the same stencil, bounds-checked (Numba, C++: unchecked)", stencil_checked, 1),
        ("integer hash, 2M rounds", lambda: int(m.int_hash(2_000_000)), 1),
        ("call of a one-argument def (ns per call)", call_loop(m.call_def), CALLS),
        ("call of a one-argument ccall (ns per call)", call_loop(m.call_ccall), CALLS),
        ("two threads, nogil sum of 4M float64 each", two_threads(m.sum_nogil, big), 1),
    ]


def main():
    work, rounds = sys.argv[1], int(sys.argv[2])
    mods = tools(work)
    names = list(mods)
    data = make_data()
    table = {name: cases(mod, data) for name, mod in mods.items()}
    # Same results everywhere (and Numba's JIT compiled) before any timing.
    for k, (label, _, _) in enumerate(table["pyxx"]):
        results = {name: table[name][k][1]() for name in names}
        if "matmul" in label or "stencil" in label:  # same loops, but compared loosely
            ok = all(abs(results[name] - results["pyxx"]) <= 1e-9 * abs(results["pyxx"]) for name in names)
        else:
            ok = len({repr(v) for v in results.values()}) == 1
        if not ok and "saxpy" not in label:
            print(f"results differ for {label}: {results}", file=sys.stderr)
            sys.exit(1)
    times = {(name, k): [] for name in names for k in range(len(table["pyxx"]))}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for k in range(len(table["pyxx"])):
            for name in order:
                label, f, per = table[name][k]
                f()  # untimed: every timed call finds the data where its own last call left it
                t0 = time.perf_counter_ns()
                f()
                times[(name, k)].append((time.perf_counter_ns() - t0) / per)
    print(f"CPython {platform.python_version()}, {os.cpu_count()} logical cores, load average "
          f"{os.getloadavg()[0]:.2f}, {rounds} rounds\n")
    print("| kernel | pyxx | Cython | Numba | C++ | pyxx/Cython | pyxx/Numba | pyxx/C++ |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for k, (label, _, per) in enumerate(table["pyxx"]):
        best = {name: min(times[(name, k)]) for name in names}
        unit = "ns" if per > 1 else "ms"
        scale = 1.0 if per > 1 else 1e-6
        cells = [f"{best[name] * scale:.1f} {unit}" if per > 1 else f"{best[name] * scale:.2f} ms" for name in names]
        ratios = [statistics.median(p / o for p, o in zip(times[("pyxx", k)], times[(name, k)]))
                  for name in names[1:]]
        print(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(f"{x:.2f}" for x in ratios) + " |")


if __name__ == "__main__":
    main()
