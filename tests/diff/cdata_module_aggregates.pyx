# Module-level C arrays and structs (`cython.declare(cython.int[8])`,
# `cython.declare(Point)`): elements and fields read and written in place,
# with and without the GIL, in the module's code and in functions; whole
# copies; `cython.address` of module-level variables and of their elements.
import cython
from cython.cimports.libc.string import memset

Point = cython.struct(x=cython.double, y=cython.double)
Shape = cython.struct(corners=Point[3], n=cython.int, spin=cython.doublecomplex)

squares = cython.declare(cython.int[8])
grid = cython.declare(cython.long[4][3])
origin = cython.declare(Point)
shape = cython.declare(Shape)
primes = cython.declare(cython.int[4], [2, 3, 5, 7])
counter = cython.declare(cython.int, 5)
k = cython.declare(cython.int)

for k in range(8):
    squares[k] = k * k
origin.x = 0.5


@cython.cfunc
@cython.nogil
def fill(v: cython.int) -> cython.int:
    i: cython.int
    for i in range(3):
        grid[i][i] = v + i
    grid[2][3] += 10
    origin.y += 2.0
    shape.corners[1].x = 3.0
    shape.n += 1
    shape.spin += 1j
    return squares[3] + squares[-1] + primes[2]


def run_without_gil(v: cython.int):
    r: cython.int
    with cython.nogil:
        r = fill(v)
    return r, grid, origin, shape


def read_back():
    return squares, squares[2:5], primes[1], origin.x, shape.corners[1]


def through_pointers():
    c: cython.p_int = cython.address(counter)
    c[0] += 1
    q: cython.p_int = cython.address(squares[2])
    q[0] = 100
    p: cython.p_double = cython.address(origin.y)
    p[0] = -1.0
    memset(grid, 0, cython.sizeof(grid))
    return counter, squares[2], grid, origin


def copies():
    global origin
    local: Point = origin
    local.x = 99.0
    before = origin
    origin = Point(x=4.0, y=5.0)
    return local, before, origin


cursor = cython.declare(cython.p_int)


def walk_pointer():
    # Pointer arithmetic on a module-level pointer and on a pointer field of a
    # module-level struct.
    global cursor
    cursor = cython.address(squares[1])
    cursor += 2
    cursor -= 1
    return cursor[0], cursor[1]


def with_objects(o):
    squares[0] += o
    shape.corners[0].y += o
    primes[3] = o
    return squares[0], shape.corners[0].y, primes


def wrong_index():
    return squares[8]
