# Python's own syntax errors in parameter lists, which the grammar lets through.


def bad_default(a=1, b):  # expected-error PX002: non-default argument follows default argument
    return a


def bare_star(a, *):  # expected-error PX002: named arguments must follow bare `*`
    return a
