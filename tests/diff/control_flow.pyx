# Statements on C values: if/elif/else, while, for over range with any step
# (negative and run-time ones too), break, continue, tuple assignment.
import cython


def classify(n: cython.long) -> cython.int:
    if n < 0:
        return -1
    elif n == 0:
        return 0
    elif n < 10:
        return 1
    else:
        return 2


def sum_range(start: cython.long, stop: cython.long, step: cython.long):
    total: cython.long = 0
    for i in range(start, stop, step):
        total = total + i
    return total


def count_down(n: cython.long):
    count: cython.long = 0
    last: cython.long = -1
    for i in range(n, 0, -3):
        count = count + 1
        last = i
    return count * 1000 + last


def collatz_steps(n: cython.ulong) -> cython.int:
    steps: cython.int = 0
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps


def first_multiple(start: cython.long, k: cython.long, limit: cython.long):
    i: cython.long = start
    found: cython.long = -1
    while i <= limit:
        if i % k != 0:
            i = i + 1
            continue
        found = i
        break
    return found


def skip_sum(n: cython.long):
    total: cython.long = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        if i > 50:
            break
        total = total + i
    return total


def nested_loops(n: cython.int):
    pairs: cython.int = 0
    for i in range(n):
        for j in range(i, n, 2):
            if (i + j) % 5 == 0:
                continue
            pairs = pairs + 1
    return pairs


def swap_sub(a: cython.long, b: cython.long):
    a, b = b, a - b
    return a * 100 + b


def gcd(a: cython.long, b: cython.long):
    while b != 0:
        a, b = b, a % b
    return a


def fib_pair(n: cython.int):
    a: cython.long = 0
    b: cython.long = 1
    for _ in range(n):
        a, b = b, a + b
    return a
