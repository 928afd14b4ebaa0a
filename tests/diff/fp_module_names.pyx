# Module globals bound inside module-level blocks, and globals a function creates
# with `global x; x = ...`: read from functions and from module code.
import cython

if __name__ == "__main__":
    import sys
    print(sys.argv)

try:
    import numpy_that_does_not_exist as numpy
except ImportError:
    numpy = None

try:
    from math import tau as TAU
except ImportError as missing:
    TAU = 6.0

if TAU > 6:
    MODE = "big"
else:
    MODE = "small"

for _k in range(3):
    LAST = _k

with cython.nogil(False):
    INSIDE_WITH = 1


def has_numpy():
    return numpy is not None


def describe():
    return (MODE, TAU, LAST, INSIDE_WITH)


def main_only():
    return sys.argv  # NameError: bound only when run as a script


def init():
    global counter, names
    counter = 0
    names = []


def bump(name):
    global counter
    counter += 1
    names.append(name)
    return counter


def read():
    return (counter, names)


def forget():
    global counter
    del counter


def loop_global(n: cython.int):
    global last_seen
    for last_seen in range(n):
        pass
    return last_seen


AT_IMPORT = describe()
