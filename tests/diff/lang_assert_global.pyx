# `assert` with and without messages (the message is evaluated only when the
# test fails), in GIL and nogil code; `global` creating module globals.
import cython

calls = []


def note(text):
    calls.append(text)
    return text


def check_positive(x):
    assert x > 0, note(f"not positive: {x}")
    return x


def check_bare(x):
    assert x
    return "ok"


def check_tuple_message(x):
    assert x != 3, ("three", x)
    return x


@cython.cfunc
@cython.nogil
def half_c(n: cython.int) -> cython.int:
    assert n % 2 == 0, "odd"
    return n // 2


def half(n: cython.int) -> cython.int:
    with cython.nogil:
        r = half_c(n)
    return r


def taken_calls():
    out = list(calls)
    calls.clear()
    return out


def make_globals(n):
    global counter, created_here
    counter = n
    created_here = [n] * 2


def bump():
    global counter
    counter += 1
    return counter


def read_globals():
    return counter, created_here


def loop_global():
    global last
    for last in range(4):
        pass
    return last


def delete_global():
    global created_here
    del created_here
