import cython


def make_counter(start: cython.int):
    count: cython.long = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def adders(values):
    offset = 10
    made = [(lambda x, v=v: x + v + offset) for v in values]
    return made
