import cython


def nested_def_without_gil(n: cython.int) -> cython.int:
    with cython.nogil:
        def inner():  # expected-error PX201: creating a function object
            return 1
    return n


def lambda_without_gil(n: cython.int) -> cython.int:
    with cython.nogil:
        f = lambda: 1  # expected-error PX201: lambda
    return n


def call_closure_without_gil(n: cython.int) -> cython.int:
    def inner():
        return n
    with cython.nogil:
        inner()  # expected-error PX202: inner
    return n


def nonlocal_without_binding():
    def inner():
        nonlocal missing  # expected-error PX101: missing
        missing = 1
    return inner


def nonlocal_in_module_function():
    nonlocal x  # expected-error PX109: nonlocal
    x = 1
    return x


def deletes_enclosing_variable():
    x = 1

    def inner():
        nonlocal x
        del x  # expected-error PX301: del
    inner()


def cython_decorated_nested_function():
    @cython.cfunc  # expected-error PX303
    def inner(n: cython.int) -> cython.int:
        return n
    return inner


def captured_memoryview(v: cython.double[:]):  # expected-error PX304: memoryview
    return lambda: v[0]


def lambda_in_comprehension(n: cython.int):
    return [lambda: i for i in range(n)]  # expected-error PX302: comprehension variable
