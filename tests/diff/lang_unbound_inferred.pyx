# Unannotated locals that pyxx would infer as C types, read where they may be
# unbound: Python raises UnboundLocalError, and so must the compiled module
# (such a local stays an object). Locals certain to be bound stay C-typed.
import contextlib

import cython


def if_without_else(flag):
    if flag:
        x = 1.5
    return x


def int_in_one_branch(flag):
    if flag:
        y = 1
    else:
        pass
    return y


def both_branches(flag, n: cython.int):
    if flag:
        z = n * 2
    else:
        z = n - 1
    return z, cython.typeof(z)


def loop_variable_after_loop(n: cython.int):
    for i in range(n):
        pass
    return i


def assigned_in_loop_body(n: cython.int):
    total = 0
    kind = ""
    for i in range(n):
        step = i * 2
        total += step
        kind = cython.typeof(step)
    return total, kind


def read_after_the_loop(n: cython.int):
    for i in range(n):
        step = i * 2
    return step


def while_true_with_break(n: cython.int):
    k = 0
    while True:
        last = k * 3
        k += 1
        if k >= n:
            break
    return last, cython.typeof(last)


def while_may_not_run(n: cython.int):
    k = 0
    while k < n:
        seen = k
        k += 1
    return seen


def after_except(text):
    try:
        value = int(text) * 2
    except ValueError:
        pass
    return value


def after_suppress(d: cython.double):
    with contextlib.suppress(ZeroDivisionError):
        q = 1.0 / d
    return q


def deleted(flag):
    w = 2.5
    if flag:
        del w
    return w


def walrus_in_and(a, b: cython.int):
    if a and (m := b * 2) > 0:
        return m
    return m


def unbound_in_nogil_function_is_fine(n: cython.int) -> cython.double:
    acc = 0.0
    with cython.nogil:
        for j in range(n):
            part = j * 0.5
            acc += part
    return acc
