"""Names as Python binds them in module code: call-time lookup of `def`
functions, __name__, __doc__, docstrings and parenthesized targets."""
import cython


def helper() -> cython.int:
    """Returns 1 unless the module's `helper` is rebound."""
    return 1


def calls_helper() -> cython.int:
    return helper() + 10


def obj_helper(x):
    return x * 2


def calls_obj_helper(v):
    return obj_helper(v)


def calls_obj_helper_kw():
    return obj_helper(x=3)


@cython.cfunc
def c_calls_helper() -> cython.int:
    return helper() * 100


def via_cfunc() -> cython.int:
    return c_calls_helper()


@cython.ccall
def cc(n: cython.int) -> cython.int:
    """A ccall function's docstring."""
    return n + 1


def no_doc():
    return 0


def bytes_first():
    b"not a docstring"
    return 0


def module_name():
    return __name__


def module_doc():
    return __doc__


def fib(n: cython.int) -> cython.long:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


NAME_AT_IMPORT = __name__
DOC_AT_IMPORT = __doc__

(paren) = 5
((nested)) = "n"
(first), second = 1, 2
HELPER_AT_IMPORT = calls_helper()


def read_parenthesized():
    (local) = paren + 1
    return paren, nested, first, second, local
