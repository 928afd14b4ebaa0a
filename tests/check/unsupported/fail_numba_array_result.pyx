# A Numba function returning an array: Numba returns a NumPy array, which
# pyxx has no way to make; a memoryview object would be a different value.
import numba


@numba.njit("float64[:](float64[:])")
def same(a):  # expected-error PX304: returning an array from a Numba function
    return a


@numba.njit
def tail(a: numba.float64[:]):  # expected-error PX304: returning an array from a Numba function
    return a[1:]


@numba.njit("float64(float64[:])")
def first(a):
    return a[0]
