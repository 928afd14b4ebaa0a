"""Runs the primes example: python3 demo.py MODULE_DIR [--limit N] [--threads T]

Checks count_primes and nth_prime against a plain-Python sieve, then counts the
primes below the limit in T threads at once (each thread its own range) and
prints the timings, and measures that the count releases the GIL (how often the
main thread runs meanwhile). Exits non-zero if any result is wrong or the GIL
was not released.
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


# A count that releases the GIL for all its work lets the main thread run
# hundreds of rounds of 0.2 ms (the count takes about half a second); one that
# holds it, or releases it only for a moment, lets it run a round or two.
MIN_ROUNDS = 25
MEASURED_LIMIT = 2_000_000  # whatever --limit says, so that the bound holds


def rounds_while_counting(primes, limit):
    """How often the main thread ran while another thread called count_primes.

    With a huge switch interval Python threads never preempt each other, so the
    main thread runs only while the counting thread has released the GIL. The
    counting thread reads the counter right after the call, holding the GIL again.
    """
    box = {"rounds": 0, "seen": None}

    def count():
        primes.count_primes(0, limit)
        box["seen"] = box["rounds"]

    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        worker = Thread(target=count)
        worker.start()
        while worker.is_alive():
            box["rounds"] += 1
            time.sleep(0.0002)
        worker.join()
    finally:
        sys.setswitchinterval(old_interval)
    return box["seen"]


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
    rounds = rounds_while_counting(primes, MEASURED_LIMIT)
    print(f"primes below {args.limit:_}: {expected:_}")
    print(f"  one thread   {one * 1000:7.0f} ms")
    print(f"  {args.threads} threads    {many * 1000:7.0f} ms")
    if rounds < MIN_ROUNDS:
        sys.exit(f"error: the main thread ran only {rounds} times while count_primes ran: "
                 "the GIL was not released for the count")
    print(f"  while one thread counted, the main thread ran {rounds} times: the GIL was released")


if __name__ == "__main__":
    main()
