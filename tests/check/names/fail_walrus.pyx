# Assignment expressions where Python refuses them (SyntaxError, PX002), where
# pyxx does not take them yet (PX302), and stores without the GIL (PX201).
import cython


def rebinds_loop_variable(xs):
    return [x := 1 for x in xs]  # expected-error PX002: invalid syntax: assignment expression cannot rebind comprehension iteration variable `x`


def in_iterable(xs):
    return [v for v in (ys := xs)]  # expected-error PX002: invalid syntax: assignment expression cannot be used in a comprehension iterable expression


class InClassComprehension:
    values = [y := v for v in range(3)]  # expected-error PX002: invalid syntax: assignment expression within a comprehension cannot be used in a class body


def in_generator_expression(xs):
    return sum(t := v for v in xs)  # expected-error PX302: an assignment expression (`:=`) in a generator expression not supported yet


@cython.nogil
@cython.cfunc
def object_without_gil(n: cython.int) -> cython.int:
    if (o := None) is None:  # expected-error PX201
        return n
    return 0
