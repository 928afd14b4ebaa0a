# Generators inside functions: nested `def`s and lambdas with `yield`, over the
# variables of the functions around them (cells, C-typed ones included).
import cython


def counter(start: cython.int):
    def gen(step: cython.int):
        value: cython.int = start
        while value < start + 3 * step:
            yield value
            value += step
    return gen


def shared_state():
    total = 0

    def adder():
        nonlocal total
        while True:
            got = yield total
            if got is None:
                return total
            total += got

    def peek():
        return total
    return adder(), peek


def c_cell(n: cython.int):
    scale: cython.double = 0.5

    def gen():
        i: cython.int
        for i in range(n):
            yield i * scale
    g = gen()
    scale = 2.0
    return g


def outer_generator(n: cython.int):
    def inner():
        return n * 2
    yield inner()
    yield n


def lambda_generator(xs):
    return lambda: (yield from xs)


def tree_walk(tree):
    def walk(node, depth: cython.int):
        if isinstance(node, list):
            for child in node:
                yield from walk(child, depth + 1)
        else:
            yield node, depth
    return list(walk(tree, 0))


def guarded(log):
    def gen():
        try:
            yield 1
            yield 2
        finally:
            log.append("finally")
    return gen


def outlives_function(xs):
    def gen():
        for x in xs:
            yield x + 1
    return gen()
