# expected-no-diagnostics
# Defaults of any kind, evaluated when the `def` runs; decorators written in
# Python on `def` functions; C functions with constant or stored defaults.
import functools

import cython

N = 3


def register(fn):
    return fn


def mutable(x, into=[], table={}, k=N * 2, name=str(N)):
    into.append(x)
    return into, table, k, name


@cython.cfunc
def c_default(x: cython.int, k: cython.int = N + 1) -> cython.int:
    return x * k


@cython.ccall
def cp_default(x, extra=[]) -> cython.int:
    return x + len(extra)


@register
@functools.lru_cache(maxsize=128)
def cached(n: cython.int, step=N):
    return n * step


def calls() -> cython.int:
    mutable(1)
    return c_default(2) + cp_default(3) + cached(4)
