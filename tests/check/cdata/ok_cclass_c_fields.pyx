# C data fields of an extension type: structs, C arrays (of structs too),
# unions and pointers, private or (when they have a Python value) public and
# readonly, read and written in place without the GIL.
# ok-for: PX103
# expected-no-diagnostics
import cython

Point = cython.struct(x=cython.double, y=cython.double)
Number = cython.union(i=cython.long, d=cython.double)


@cython.cclass
class Body:
    pos = cython.declare(Point, visibility='public')
    path = cython.declare(Point[4], visibility='readonly')
    counts: cython.int[3][2]
    number: Number
    cursor: cython.pointer(Point)

    def step(self, dt: cython.double):
        with cython.nogil:
            self.pos.x += dt
            self.path[0] = self.pos
            self.counts[1][2] += 1
            self.number.d = dt
            self.cursor = cython.address(self.path[1])
            self.cursor.y = self.pos.x


def advance(b: Body, dt: cython.double) -> cython.double:
    with cython.nogil:
        b.pos.y = b.pos.x * dt
        b.counts[0][0] = b.counts[1][2]
    return b.pos.y
