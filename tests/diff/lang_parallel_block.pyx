# `with cython.nogil, parallel():` blocks: pyxx runs the block once, as a
# team of one thread (its prange loops run in order), which OpenMP allows;
# a thread-local buffer set up in the block, and reductions in its prange
# loops.
import cython
from cython.cimports.libc.math import sqrt
from cython.cimports.libc.stdlib import free, malloc
from cython.parallel import parallel, prange, threadid


@cython.boundscheck(False)
@cython.wraparound(False)
def normalize(x: cython.double[:]):
    i: cython.Py_ssize_t
    total: cython.double = 0
    norm: cython.double
    with cython.nogil, parallel():
        for i in prange(x.shape[0]):
            total += x[i] * x[i]
        norm = sqrt(total)
        for i in prange(x.shape[0]):
            x[i] /= norm
    return list(x)


def with_buffer(n: cython.int, threads: cython.int) -> cython.long:
    i: cython.int
    j: cython.int
    total: cython.long = 0
    buf: cython.p_int
    with cython.nogil:
        with parallel(num_threads=threads):
            buf = cython.cast(cython.p_int, malloc(cython.sizeof(cython.int) * 4))
            for i in range(4):
                buf[i] = i * 2
            for j in prange(n):
                total += buf[j % 4]
            free(buf)
    return total


def thread_numbers(n: cython.int) -> cython.long:
    # threadid() is each thread's number in its team: 0 in a team of one.
    seen: cython.long = 0
    with cython.nogil, parallel():
        for i in prange(n):
            seen += threadid()
    return seen + threadid()
