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
