# expected-no-diagnostics
# ok-for: PX401
import cython


def f(n: cython.int) -> cython.int:
    used = n * 2
    _ignored = n * 3
    for _i in range(n):
        used += 1
    return used


def bound_on_purpose(rows: list) -> cython.int:
    # Loop variables, unpacking targets and declarations are not "assigned but
    # never used" (pyflakes agrees): only a value stored to the bare name is.
    i: cython.int
    count: cython.int = 0
    for row in rows:
        count += 1
    first, second = 1, 2
    squares = [i * i for i in range(3)]
    return count + first + len(squares)


def typed_loop_counters(reps: cython.int) -> cython.int:
    # The C idiom: a counter declared (or declared and set) before the loop
    # that binds it, and used only as the loop's target.
    r: cython.int
    k: cython.int = 0
    j = cython.declare(cython.int)
    total: cython.int = 0
    for r in range(reps):
        total += 1
    for k in range(reps):
        total += 1
    with cython.nogil:
        for j in range(reps):
            total += 1
    return total
