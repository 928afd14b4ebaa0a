# Cython's typing decorators on nested functions act as on any `def`.
import cython


def typed_inner(n):
    @cython.locals(i=cython.int, total=cython.long)
    def inner(k):
        total = 0
        for i in range(k):
            total += i * i
        return total
    return inner(n)


def wrapping_inner(n):
    @cython.locals(x=cython.uchar)
    def inner(k):
        x = k
        x += 250
        return x
    return inner(n)


def directive_inner(values):
    @cython.boundscheck(False)
    @cython.wraparound(False)
    def inner(v: cython.double[:]) -> cython.double:
        s: cython.double = 0.0
        for j in range(v.shape[0]):
            s += v[j]
        return s
    return inner(values)


def nested_two_levels(n):
    count = 0

    def middle():
        def inner():
            nonlocal count
            count += 1
            return count
        return inner() + inner()
    return middle() + count + n
