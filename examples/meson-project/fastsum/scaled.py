import cython
from cython.cimports.fastsum.core import sum_below


def scaled_total(n: cython.long, factor: cython.long) -> cython.long:
    return factor * sum_below(n)
