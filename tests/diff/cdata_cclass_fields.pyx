# C data as fields of extension types: a struct, a C array (one- and
# two-dimensional, of structs too) and a pointer in the instance, zero-filled
# when it is made, read and written in place (also without the GIL, from
# several threads, each on its own instance); public and readonly struct and
# array fields convert to a dict / list when read from Python and back when set.
import cython
from cython.cimports.libc.stdlib import calloc, free

Point = cython.struct(x=cython.double, y=cython.double)


@cython.cclass
class Walker:
    pos: Point
    steps = cython.declare(cython.long[4], visibility='readonly')
    grid: cython.int[3][2]  # two rows of three
    trail: Point[3]
    origin = cython.declare(Point, visibility='public')
    weights = cython.declare(cython.double[3], visibility='public')
    scratch: cython.p_double

    def __cinit__(self):
        self.scratch = cython.cast(cython.p_double, calloc(4, cython.sizeof(cython.double)))

    def __dealloc__(self):
        free(self.scratch)

    def walk(self, n: cython.long) -> cython.double:
        i: cython.long
        with cython.nogil:
            for i in range(n):
                self.pos.x += 1.0
                self.pos.y -= 0.5
                self.steps[i % 4] += 1
                self.grid[i % 2][i % 3] += 1
                self.trail[i % 3] = Point(self.pos.x, self.pos.y)
                self.scratch[i % 4] = self.pos.x
        return self.pos.x + self.pos.y

    def state(self):
        return self.pos, self.steps, self.grid, self.trail, self.scratch[0]

    def move_to(self, p: dict):
        self.pos = p
        return self.pos.x

    def cells(self):
        return self.grid[1], self.grid[1][2], self.steps[1:3]


def weighted(w: Walker) -> cython.double:
    total: cython.double = 0
    i: cython.int
    with cython.nogil:
        for i in range(3):
            total += w.weights[i] * (w.origin.x + i)
    return total
