# expected-no-diagnostics
# ok-for: PX201 PX302
# Generator expressions and generators inside functions, in GIL code.
import cython


def lazy_any(xs, limit: cython.int) -> cython.bint:
    return any(x > limit for x in xs)


def unused_target(xs):
    return sum(1 for _ in xs) + sum(1 for x in xs)


@cython.cfunc
@cython.nogil
def genexpr_in_gil_block(n: cython.int) -> cython.int:
    with cython.gil:
        print(sum(i for i in range(10)))  # no variable of the nogil function inside
    return n


def nested_generator(n: cython.int):
    def inner(k: cython.int):
        i: cython.int
        for i in range(k):
            yield i * n
    return inner


def lambda_generator(xs):
    return lambda: (yield from xs)


def genexpr_in_comprehension(rows):
    return [sum(v for v in row) for row in rows]
