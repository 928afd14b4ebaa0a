# expected-no-diagnostics
# Names bound inside module-level `if`/`try`/`for`/`with` blocks are module globals.
import cython

if __name__ == "__main__":
    import sys
    print(sys.argv)

try:
    import numpy
except ImportError:
    numpy = None

try:
    from math import tau as TAU
except ImportError as missing:
    TAU = 6.283185307179586
    reason = missing

if __name__ != "__main__":
    MODE = "compiled"
else:
    MODE = "plain"

for _k in range(2):
    LAST = _k


def has_numpy():
    return numpy is not None


def describe():
    return (MODE in ("compiled", "plain"), TAU, LAST)
