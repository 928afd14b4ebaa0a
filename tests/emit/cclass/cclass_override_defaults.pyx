# An override that changes a default value: every slot of the chain takes the
# mask of the parameters passed, and the method's slot holds a thunk that
# fills in its own defaults before it runs the method.
import cython


@cython.cclass
class Torch:
    @cython.cfunc
    def shine(self, color=None, level: cython.int = 1) -> cython.int:
        return level


@cython.cclass
class Beacon(Torch):
    @cython.cfunc
    def shine(self, color="red", level: cython.int = 5, blink: cython.bint = True) -> cython.int:
        return level * 10


def through_torch(o: Torch) -> cython.int:
    return o.shine(level=3)
