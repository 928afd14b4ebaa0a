# A `@classmethod` whose .pxd declaration makes it a cpdef method (Cython's
# tests/run/pure_mode_cmethod_inheritance_T583 does so): Cython drops the
# decorator, so the method takes the instance first and runs the override of
# the instance's type; through an instance the result is Python's.
import cython


class Shelf:
    @classmethod
    def label(tp):
        return "shelf"

    def size(self, n):
        return n


class Rack(Shelf):
    @classmethod
    def label(tp):
        return "rack"


def labels(s: Shelf):
    return s.label(), s.size(2)
