# __defaults__ and __kwdefaults__ of the functions pyxx makes function
# objects of (nested functions, methods, lambdas, decorated module-level
# functions), as Python shows them: keyword-only defaults are in
# __kwdefaults__ only, and a mutable default is the object the calls use.
import functools

import cython

BASE = 10


def make_inner():
    def inner(x=5, *, y=6, z):
        return x, y, z
    return inner


def make_plain():
    def plain(x):
        return x
    return plain


def make_keyword_only():
    def only(*, k=None, m):
        return k, m
    return only


class Holder:
    def method(self, y=7, *, z=8):
        return y, z


LAMBDA = lambda p, q=1, *, r=2: (p, q, r)  # noqa: E731


@functools.lru_cache(maxsize=None)
def cached(a, b=BASE * 2):
    return a + b


def identity(f):
    return f


@identity
def decorated(a, b=[], *, c=BASE, d):
    b.append(a)
    return a, b, c, d


def typed_inner():
    def t(n: cython.int = 4, *, flag: cython.bint = True):
        return n, flag
    return t


def report(f):
    return f.__defaults__, f.__kwdefaults__


def run():
    inner = make_inner()
    shared = decorated.__defaults__[0]
    decorated(1, d=2)
    return [
        report(inner),
        report(make_plain()),
        report(make_keyword_only()),
        report(Holder.method),
        report(LAMBDA),
        report(cached.__wrapped__),
        report(decorated),
        shared is decorated.__defaults__[0],
        report(typed_inner()),
    ]
