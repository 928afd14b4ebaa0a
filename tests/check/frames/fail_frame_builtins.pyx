# globals(), locals(), vars(), dir(), eval() and exec() read the calling
# Python frame; compiled code has none of its own. Where a call would need a
# function's local variables as a mapping, pyxx refuses (PX302).
import cython


def in_generator_expression(xs):
    return list(locals() for x in xs)  # expected-error PX302: `locals()` in a generator expression


class Derived(dict):
    def keys_seen(self):
        super().keys()
        return locals()  # expected-error PX302: `locals()` in a method that uses zero-argument `super()`

    def inner_uses_class(self):
        def inner():
            return __class__
        return vars()  # expected-error PX302: `vars()` in a method that uses zero-argument `super()` or whose inner function uses `__class__`


def with_c_string(data: bytes):
    p: cython.p_char = data
    return locals()  # expected-error PX302: `locals()` in a function with the C string pointer `p`


def with_const(n: cython.int):
    limit: cython.const[cython.int] = n * 2
    return locals()  # expected-error PX302: `locals()` in a function with the `cython.const` variable `limit`


def listing():
    return dir()  # expected-error PX302: `dir()` in a function


def evaluate(s):
    return eval(s)  # expected-error PX302: `eval()` without a globals mapping in a function


def execute(s):
    exec(s, None)  # expected-error PX302: `exec()` without a globals mapping


def execute_none_locals(s):
    exec(s, None, None)  # expected-error PX302: `exec()` without a globals mapping


def in_comprehension():
    return [locals() for i in range(3)]  # expected-error PX302: `locals()` in a function


EVALUATE = lambda s: eval(s)  # expected-error PX302: `eval()` without a globals mapping
MODULE_COMPREHENSION = [dir() for i in range(2)]  # expected-error PX302: `dir()` in a function


class Body:
    NAMES = [vars() for i in range(2)]  # expected-error PX302: `vars()` in a function


def as_value():
    return globals  # expected-error PX302: the builtin `globals` as a value


def passed_on(xs):
    return list(map(eval, xs))  # expected-error PX302: the builtin `eval` as a value


import builtins
import builtins as b
from builtins import globals as module_globals  # expected-error PX302: `globals` imported from `builtins`


def through_builtins(s):
    return builtins.eval(s)  # expected-error PX302: `builtins.eval`


def through_alias():
    return b.locals()  # expected-error PX302: `b.locals`


def through_dunder():
    return __builtins__.vars  # expected-error PX302: `__builtins__.vars`


def other_builtins():
    return builtins.len("ab"), b.sorted("ba")
