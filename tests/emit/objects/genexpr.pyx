import cython


def scaled(xs, k: cython.int):
    return any(x * k > 10 for x in xs if x)


def counter(start: cython.int):
    def gen(step):
        value: cython.int = start
        while True:
            yield value
            value += step
    return gen
