# Module-level C variables resolve to c-global (reads, stores, a loop variable).
import cython

count = cython.declare(cython.int, 0)
tag: cython.int = 1  # an annotation at module level: a Python global


def bump(n: cython.int) -> cython.int:
    global count
    for count in range(n):
        pass
    count += tag
    return count
