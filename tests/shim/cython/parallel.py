"""Shim for `cython.parallel`: prange is range, run serially."""


def prange(*args, nogil=False, schedule=None, chunksize=None, num_threads=None,
           use_threads_if=None):
    return range(*args)


class parallel:
    """`with cython.parallel.parallel():` -- one thread, nothing to set up."""

    def __init__(self, num_threads=None, use_threads_if=None):
        pass

    def __enter__(self):
        return None

    def __exit__(self, *exc_info):
        return False


def threadid():
    return 0
