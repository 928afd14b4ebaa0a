# Arithmetic the checker proves cannot overflow is plain C++; the rest keeps
# the wrap-around helpers (pyxx::wrap_add ...), which define signed overflow.
import cython


@cython.boundscheck(False)
@cython.wraparound(False)
def stencil(a: cython.double[::1], out: cython.double[::1]) -> None:
    n: cython.Py_ssize_t = a.shape[0]
    i: cython.Py_ssize_t
    for i in range(1, n - 1):              # n - 1: plain (n >= 0)
        out[i] = a[i - 1] + a[i] + a[i + 1]  # i - 1, i + 1: plain


def counted(x: list, k: cython.int) -> cython.long:
    total: cython.long = 0
    i: cython.int
    for i in range(len(x) - 1):            # len(x) - 1: plain (len >= 0)
        total += i + 1                     # an int counter may reach INT_MAX: helper
    for i in range(10, len(x) // 2):       # the same: helper
        total += i + 1
    for i in range(1000):
        total += i + 1                     # i <= 999: plain
    for i in range(100):
        total += -i * 3 + k                # -i * 3 plain; + k can overflow: helper
    return total
