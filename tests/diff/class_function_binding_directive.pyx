# cython: binding=True
# With the directive every module-level `def` is a function object that binds
# as a method, also where only Python code attaches it to a class (Cython's
# T494 case); `@cython.binding(False)` keeps one a builtin function.
import cython


def foo(self):
    return self is not None


def plus(a, b=1):
    return a + b


@cython.binding(False)
def stays_builtin(a):
    return a


def called_directly(n: cython.int) -> cython.int:
    return plus(n, 2) + stays_builtin(n)
