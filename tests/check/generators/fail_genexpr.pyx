# Generator expressions make generator objects: they need the GIL, as in Cython.
import cython


def genexpr_without_gil(n: cython.int):
    with cython.nogil:
        g = (i for i in range(n))  # expected-error PX201: comprehension
    return n


@cython.cfunc
@cython.nogil
def genexpr_over_nogil_locals(n: cython.int) -> cython.int:
    k: cython.int = 2
    with cython.gil:
        total = sum(i * k for i in range(n))  # expected-error PX302: variables of a nogil function
    return k


def genexpr_using_comprehension_variable(rows, n: cython.int):
    return [any(x > r for x in rows) for r in range(n)]  # expected-error PX302: comprehension variable


def generator_without_gil(n: cython.int):
    def inner():
        with cython.nogil:
            yield n  # expected-error PX201
    return inner


def c_iterable(n: cython.int):
    return (i for i in n)  # expected-error PX111: for


def yield_in_nogil_lambda(n: cython.int):
    with cython.nogil:
        f = lambda: (yield n)  # expected-error PX201: lambda
    return n
