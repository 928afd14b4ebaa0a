# `global` and `nonlocal` before any use of the name in the function; a
# lambda or a comprehension before the declaration is a scope of its own.
# ok-for: PX122
# expected-no-diagnostics
import cython

total = 0
scale = cython.declare(cython.double, 2.0)


def declared_first():
    global total, scale
    total += 1
    scale *= 2
    return total, scale


def own_scopes(items):
    doubled = [total * 2 for total in items]
    pick = lambda total: total + 1
    global total
    total = len(doubled)
    return pick(total)


def outer():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump
