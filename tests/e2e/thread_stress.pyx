# Functions that release the GIL, for tests/e2e/test_thread_stress.py: plain
# values, raising paths (an exception set in released code, the GIL taken only
# to raise it), memoryview reads and writes, and a long hold of a buffer.
import cython


@cython.cfunc
@cython.nogil
def mix_step(x: cython.ulong) -> cython.ulong:
    x ^= x >> 33
    x *= 0xFF51AFD7ED558CCD
    x ^= x >> 33
    return x


def mix(seed: cython.ulong, n: cython.long) -> cython.ulong:
    acc: cython.ulong = seed
    with cython.nogil:
        for i in range(n):
            acc = mix_step(acc + i)
    return acc


@cython.cfunc
@cython.nogil
def checked_ratio(a: cython.long, b: cython.long) -> cython.long:
    if b < 0:
        raise ValueError("negative divisor")
    return a // b


def ratio(a: cython.long, b: cython.long) -> cython.long:
    with cython.nogil:
        r = checked_ratio(a, b)
    return r


def weighted_sum(v: cython.double[:], w: cython.double) -> cython.double:
    total: cython.double = 0.0
    with cython.nogil:
        for i in range(v.shape[0]):
            total += v[i] * w
    return total


def scale_into(src: cython.double[:], dst: cython.double[:], k: cython.double):
    with cython.nogil:
        for i in range(src.shape[0]):
            dst[i] = src[i] * k


def element(v: cython.long[:], i: cython.Py_ssize_t) -> cython.long:
    x: cython.long = 0
    with cython.nogil:
        x = v[i]
    return x


def hold_and_sum(data: cython.uchar[:], rounds: cython.long) -> cython.ulong:
    # Reads the whole buffer `rounds` times without the GIL: long enough for
    # another thread to try to resize the object that exports it.
    total: cython.ulong = 0
    with cython.nogil:
        for _ in range(rounds):
            for i in range(data.shape[0]):
                total += data[i]
    return total
