# locals() and vars() in functions: a new dict of the function's variables,
# C values converted, unbound ones left out (as Cython 3 builds it).
import cython


def params_and_locals(a, b: cython.int, flag: cython.bint):
    c = a * 2
    ratio: cython.double = b / 4
    return locals()


def unbound_left_out(take: cython.bint):
    if take:
        chosen = "yes"
    early = locals()
    later = 1
    return early


def deleted(x):
    y = x + 1
    del x
    return vars()


def inferred_after_call():
    seen = locals()
    count = 3
    count += 1
    return seen, count


Point = cython.struct(x=cython.int, y=cython.double)


def struct_value(n: cython.int):
    p: Point = Point(n, n / 2)
    return locals()


def with_closure(n):
    total = n * 10

    def inner(k):
        return locals(), total + k

    return inner(1), sorted(locals())


def in_lambda(v):
    return (lambda w, z=2: locals())(v)


def gen_locals(n):
    for i in range(n):
        yield sorted(locals().items())


def view_local(data):
    v: cython.int[:] = data
    return sorted(locals())


class Holder:
    def named(self):
        __class__
        return sorted(locals())

    def plain(self):
        return sorted(locals())


def c_values(n: cython.int):
    pair: tuple[cython.int, cython.double] = (n, n / 4)
    letter: cython.Py_UCS4 = 'x'
    z: cython.doublecomplex = n + 1j
    row: cython.int[3] = [n, n + 1, n + 2]
    return locals()


def declared_unassigned():
    count: cython.int
    label = "x"
    return locals()


def key_order(zeta, alpha):
    middle = 1
    return list(locals())
