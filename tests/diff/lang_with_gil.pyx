# @cython.with_gil cfuncs: callable from nogil code, they take the GIL on
# entry, so their bodies may use Python objects; their errors propagate.
import cython

log = []


@cython.cfunc
@cython.with_gil
def record(tag: cython.int, value: cython.double) -> cython.void:
    log.append((tag, value))


@cython.cfunc
@cython.with_gil
def checked_sqrt(x: cython.double) -> cython.double:
    if x < 0:
        raise ValueError(f"negative input {x}")
    return x ** 0.5


def run_loop(n: cython.int) -> cython.double:
    del log[:]
    acc: cython.double = 0.0
    with cython.nogil:
        for i in range(n):
            acc += i * 0.5
            if i % 2 == 0:
                record(i, acc)
    return acc


def recorded():
    return list(log)


def roots(a: cython.double, b: cython.double) -> cython.double:
    r: cython.double = 0.0
    with cython.nogil:
        r = checked_sqrt(a) + checked_sqrt(b)
    return r


def roots_with_gil(a: cython.double) -> cython.double:
    return checked_sqrt(a)


@cython.cfunc
@cython.with_gil
def shout(n: cython.int) -> cython.int:
    print("shout", n, "x" * n)
    return n * n


def talk(n: cython.int) -> cython.int:
    total: cython.int = 0
    with cython.nogil:
        for i in range(n):
            total += shout(i)
    return total
