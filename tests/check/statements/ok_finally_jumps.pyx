# `return`, `break` and `continue` inside `finally` (they drop the exception
# being propagated, as in Python), in GIL code, nogil code, loops and generators.
# expected-no-diagnostics
import cython


def first_good(items):
    for item in items:
        try:
            return int(item)
        finally:
            continue
    return None


def ignore_errors(f):
    try:
        f()
    finally:
        return "done"


@cython.cfunc
@cython.nogil
def clamp_div(a: cython.int, b: cython.int) -> cython.int:
    try:
        return a // b
    finally:
        if b == 0:
            return 0


def sum_until_error(n: cython.int) -> cython.long:
    total: cython.long = 0
    i: cython.int
    with cython.nogil:
        for i in range(n):
            try:
                total += clamp_div(100, i) // (i - 3)
            finally:
                if i == 3:
                    break
    return total


def gen(items):
    for item in items:
        try:
            yield item
        finally:
            if item is None:
                return
