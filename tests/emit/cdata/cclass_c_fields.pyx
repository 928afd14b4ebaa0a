# A struct and a C array as fields of an extension type: members of the
# instance struct (zeroed by tp_alloc), public ones exposed through the generic
# C-field getter and setter (struct <-> dict, array <-> list), used in place
# without the GIL.
import cython

Point = cython.struct(x=cython.double, y=cython.double)


@cython.cclass
class Track:
    pos = cython.declare(Point, visibility='public')
    hits: cython.int[4]

    def hit(self, k: cython.int):
        with cython.nogil:
            self.hits[k & 3] += 1
            self.pos.x += 1.0
        return self.hits[:2]
