"""Runs the histogram example: python3 demo.py MODULE_DIR [--n N] [--threads T]

Checks Histogram.fill against the same generator in plain Python, then fills T
histograms in T threads at once (each thread its own instance) and prints the
timings, and checks that fill releases the GIL (the main thread keeps running
while another thread fills). Exits non-zero if a result is wrong or the GIL
was not released.
"""
import argparse
import sys
import time
from threading import Thread

MASK = (1 << 64) - 1


def plain_bins(seed, n):
    counts = [0] * 64
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        counts[x >> 58] += 1
    return counts, x


def rounds_while_filling(histogram_type, n):
    """How often the main thread ran (0.2 ms rounds) while another thread filled.

    With a huge switch interval Python threads never preempt each other: the
    main thread runs only while the filling thread has released the GIL.
    """
    box = {"done": False}
    h = histogram_type(7)

    def fill():
        h.fill(n)
        box["done"] = True

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        worker = Thread(target=fill)
        worker.start()
        rounds = 0
        while not box["done"]:
            time.sleep(0.0002)
            rounds += 1
        worker.join()
    finally:
        sys.setswitchinterval(old)
    return rounds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("module_dir")
    parser.add_argument("--n", type=int, default=20_000_000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, args.module_dir)
    from histogram import Histogram

    h = Histogram(42)
    total = h.fill(100_000)
    expected, state = plain_bins(42, 100_000)
    if h.bins() != expected or total != 100_000:
        print("wrong counts", file=sys.stderr)
        return 1
    if h.fill(1) != 100_001:
        print("wrong total", file=sys.stderr)
        return 1
    expected2, _ = plain_bins(state, 1)
    if [a + b for a, b in zip(expected, expected2)] != h.bins():
        print("the generator's state was not kept between calls", file=sys.stderr)
        return 1

    start = time.perf_counter()
    Histogram(1).fill(args.n)
    one = time.perf_counter() - start

    histograms = [Histogram(seed) for seed in range(args.threads)]
    threads = [Thread(target=h.fill, args=(args.n,)) for h in histograms]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    parallel = time.perf_counter() - start
    print(f"one fill({args.n:_}): {one:.3f} s; {args.threads} threads, one histogram each: {parallel:.3f} s "
          f"(sequential would be about {one * args.threads:.3f} s)")
    if any(sum(h.bins()) != args.n for h in histograms):
        print("a thread's histogram lost counts", file=sys.stderr)
        return 1

    rounds = rounds_while_filling(Histogram, 200_000_000)
    print(f"the main thread ran {rounds} rounds while another thread filled")
    if rounds < 25:
        print("fill did not release the GIL", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
