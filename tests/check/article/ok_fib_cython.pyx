# expected-no-diagnostics
# ok-for: PX203 PX205
# The article's Cython program in pure-mode spelling (spec §10).
import cython

@cython.cfunc
@cython.nogil
def fibonacci(n: cython.ulong) -> cython.ulong:
    if n <= 1:
        return n
    a: cython.ulong = 0
    b: cython.ulong = 1
    c: cython.ulong = a + b
    for _i in range(2, n):
        a = b
        b = c
        c = a + b
    return c

def cython_nogil(n: cython.ulong):
    with cython.nogil:
        value = fibonacci(n)
    return value

def cython_gil(n: cython.ulong):
    return fibonacci(n)
