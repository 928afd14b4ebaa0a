# `global x` or `nonlocal x` after the function's own code used or bound `x`
# is Python's SyntaxError: pyxx refuses it too (PX122).
import cython

total = 0
scale = cython.declare(cython.double, 2.0)


def read_first():
    before = total  # expected-error PX122: `total` is used before its `global` declaration
    global total  # expected-note: move the `global` statement to the start of the function
    total = before + 1
    return total


def bound_first():
    scale = 3.0  # expected-error PX122: `scale` is assigned before its `global` declaration
    global scale  # expected-note: Python refuses this (SyntaxError)
    return scale


def outer():
    count = 0

    def bump():
        count_seen = count  # expected-error PX122: `count` is used before its `nonlocal` declaration
        nonlocal count  # expected-note: move the `nonlocal` statement
        count += 1
        return count_seen

    return bump
