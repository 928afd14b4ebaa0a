# A `@classmethod` whose .pxd declaration makes it a cpdef method: Cython drops
# the decorator and the method takes the instance first. A body that does not
# use that parameter is the same for calls through instances.
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
# expected-no-diagnostics
