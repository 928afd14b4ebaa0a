# The dialect's names are read at compile time: binding them is PX110, with the reason.
import cython


def make():
    return 1


cython = make()  # expected-error PX110: names part of the Cython or Numba dialect
