# A finally block that jumps is emitted inline after its `try`: the exception
# is held in a pyxx::PendingException, and the jumps out of the other blocks
# record what they do and `goto` the block, which makes the last jump.
import cython


def first_int(items):
    for item in items:
        try:
            if item is None:
                break
            return int(item)
        finally:
            continue
    return -1


@cython.cfunc
@cython.nogil
def safe_div(a: cython.int, b: cython.int) -> cython.int:
    try:
        return a // b
    finally:
        if b == 0:
            return 0


def plain_finally(x):
    try:
        return x + 1
    finally:
        x = None
