# Counting primes without the GIL: a C helper marked @cython.nogil, called from
# a `def` inside `with cython.nogil:`, so several Python threads can count
# different ranges at the same time. demo.py checks the counts and splits the
# work over threads.
import cython


@cython.cfunc
@cython.nogil
def is_prime(n: cython.ulong) -> cython.bint:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d: cython.ulong = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d = d + 2
    return True


def count_primes(start: cython.ulong, stop: cython.ulong):
    """The number of primes p with start <= p < stop."""
    count: cython.ulong = 0
    with cython.nogil:
        for n in range(start, stop):
            if is_prime(n):
                count = count + 1
    return count


def nth_prime(k: cython.ulong):
    """The k-th prime (1-based), found without the GIL."""
    found: cython.ulong = 0
    n: cython.ulong = 1
    with cython.nogil:
        while found < k:
            n = n + 1
            if is_prime(n):
                found = found + 1
    return n
