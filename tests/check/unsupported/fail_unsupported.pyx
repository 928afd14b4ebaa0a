import cython


@cython.cfunc
def c_function_with_class() -> cython.int:
    class Point:  # expected-error PX301: a class statement in a C function
        pass
    return 0


def uses_lambda(n: cython.int):
    return [lambda: i for i in range(n)]  # expected-error PX302


@cython.inlinex  # expected-error PX303
def decorated(n: cython.int) -> cython.int:
    return n


Either = cython.union(i=cython.int, d=cython.double)
table = cython.declare(Either[4])  # expected-error PX304: a module-level C variable of a union (`Either`) (inside
