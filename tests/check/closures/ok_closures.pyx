# expected-no-diagnostics
import cython


def counter(start: cython.int):
    count: cython.long = start

    def step(by: cython.int = 1) -> cython.long:
        nonlocal count
        count += by
        return count

    return step


def captures_loop_variable(n: cython.int):
    total: cython.double = 0.0
    scale = lambda x: x * 2
    for i in range(n):
        with cython.nogil:
            total += i  # C locals, also those an inner function uses, need no GIL
    return scale(total)


def nested_twice(a):
    def middle(b):
        return lambda c: a + b + c
    return middle(1)(2)
