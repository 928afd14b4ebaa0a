import cython

G = 10


def f(obj, lst: list):
    with cython.nogil:
        x = obj[0]  # expected-error PX201: indexing
        y = obj.attr  # expected-error PX201: attribute
        if obj == 1:  # expected-error PX201: comparing
            pass
        if obj:  # expected-error PX201: truth-testing
            pass
        z = G  # expected-error PX201: global
        w = [1, 2]  # expected-error PX201: list
        t = (1, 2)  # expected-error PX201: tuple
        d = {1: 2}  # expected-error PX201: dict
        s = "text"  # expected-error PX201: string
        u = obj + 1  # expected-error PX201: arithmetic
        for item in lst:  # expected-error PX201: iterating
            pass
        k = obj[1:2]  # expected-error PX201: slicing
        fn = lambda: 0  # expected-error PX201: lambda
        obj2 = None  # expected-error PX201
        q = f"{G}"  # expected-error PX201: f-string
    return x, y, z, w, t, d, s, u, k, fn, obj2, q, item


@cython.nogil
@cython.cfunc
def c_number_attribute(i: cython.int) -> cython.int:
    k = i.__class__  # expected-error PX201: converting a C value to a Python object
    return 0
