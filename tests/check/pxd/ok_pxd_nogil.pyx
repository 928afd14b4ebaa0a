# ok-for: PX124 PX202
# expected-no-diagnostics
import cython


@cython.nogil
def scaled(x):
    return x * 2.0


def shifted(x):
    return x + 1.0


def reported(x):
    return x


@cython.with_gil
def traced(x):
    return x


def run(x: cython.double) -> cython.double:
    with cython.nogil:
        x = traced(reported(shifted(scaled(x))))
    return x
