"""Runs the primes example: python3 demo.py MODULE_DIR [--limit N] [--threads T]

Checks count_primes and nth_prime against a plain-Python sieve, then counts the
primes below the limit in T threads at once (each thread its own range) and
prints the timings. Exits non-zero if any result is wrong.
"""
import argparse
import sys
import time
from threading import Thread


def sieve_count(limit):
    flags = bytearray([1]) * limit
    flags[0:2] = b"\x00\x00"[:min(2, limit)]
    for p in range(2, int(limit ** 0.5) + 1):
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, limit, p)))
    return sum(flags)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("module_dir")
    parser.add_argument("--limit", type=int, default=2_000_000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, args.module_dir)
    import primes

    for limit in (0, 1, 2, 3, 100, 10_000):
        assert primes.count_primes(0, limit) == sieve_count(limit), limit
    assert [primes.nth_prime(k) for k in (1, 2, 3, 4, 5, 1000)] == [2, 3, 5, 7, 11, 7919]

    start = time.perf_counter()
    expected = primes.count_primes(0, args.limit)
    one = time.perf_counter() - start
    assert expected == sieve_count(args.limit)

    bounds = [args.limit * i // args.threads for i in range(args.threads + 1)]
    counts = [0] * args.threads

    def work(i):
        counts[i] = primes.count_primes(bounds[i], bounds[i + 1])

    threads = [Thread(target=work, args=(i,)) for i in range(args.threads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    many = time.perf_counter() - start
    assert sum(counts) == expected, (counts, expected)
    print(f"primes below {args.limit:_}: {expected:_}")
    print(f"  one thread   {one * 1000:7.0f} ms")
    print(f"  {args.threads} threads    {many * 1000:7.0f} ms  (the GIL is released while counting)")


if __name__ == "__main__":
    main()
