# locals() in a function: one dict built from the variables, sorted by name, C
# values converted, object ones left out while unbound; a method's __class__.
import cython


def snapshot(a, n: cython.int):
    if n:
        b = a
    x: cython.double = n / 2
    return locals()


class Named:
    def method(self):
        __class__
        return vars()
