# Pointers and C arrays: malloc/calloc/realloc/free, PyMem_*, indexing and
# stores through pointers, pointer arithmetic and comparison, NULL, C arrays
# (one and two dimensions, arrays of structs), sizeof, libc.string, stdint,
# and the conversion of arrays and pointer slices to lists.
import cython
from cython.cimports.libc.stdlib import malloc, calloc, realloc, free
from cython.cimports.libc.string import memcpy, memset
from cython.cimports.libc.stdint import int32_t, uint8_t, int64_t
from cython.cimports.cpython.mem import PyMem_Malloc, PyMem_Free

Pair = cython.struct(a=cython.int, b=cython.double)


@cython.cfunc
@cython.nogil
def total(p: cython.p_int, n: cython.Py_ssize_t) -> cython.long:
    s: cython.long = 0
    i: cython.Py_ssize_t
    for i in range(n):
        s += p[i]
    return s


@cython.cfunc
@cython.nogil
def fill(p: cython.pointer(cython.double), n: cython.int, step: cython.double) -> cython.void:
    q: cython.p_double = p
    end: cython.p_double = p + n
    v: cython.double = 0.0
    while q < end:
        q[0] = v
        v += step
        q += 1


def squares(n: cython.int):
    p: cython.p_int = cython.cast(cython.p_int, malloc(n * cython.sizeof(cython.int)))
    if not p:
        raise MemoryError()
    i: cython.int
    for i in range(n):
        p[i] = i * i
    with cython.nogil:
        t = total(p, n)
    out = p[:n]
    middle = p[1:n - 1]
    free(p)
    return t, out, middle


def ramp(n: cython.int, step: cython.double):
    p: cython.p_double = cython.cast(cython.p_double, calloc(n, cython.sizeof(cython.double)))
    before = p[:n]
    with cython.nogil:
        fill(p, n, step)
    p = cython.cast(cython.p_double, realloc(p, 2 * n * cython.sizeof(cython.double)))
    memcpy(p + n, p, n * cython.sizeof(cython.double))
    result = p[:2 * n]
    memset(p, 0, n * cython.sizeof(cython.double))
    cleared = p[:n]
    free(p)
    return before, result, cleared


def pointer_maths():
    p: cython.p_int = cython.cast(cython.p_int, PyMem_Malloc(10 * cython.sizeof(cython.int)))
    i: cython.int
    for i in range(10):
        p[i] = 100 + i
    q: cython.p_int = p + 7
    r: cython.p_int = q - 3
    out = (q[0], r[0], (2 + p)[1], q - p, p - q, q > p, q == r + 4, q != r, r <= p)
    PyMem_Free(p)
    return out


def null_checks(make: cython.bint):
    p: cython.p_double = cython.NULL
    before = p is cython.NULL, not p, p == cython.NULL
    if make:
        p = cython.cast(cython.p_double, malloc(cython.sizeof(cython.double)))
        p[0] = 2.5
    after = p is cython.NULL, p is not cython.NULL, p != cython.NULL
    value = p[0] if p else -1.0
    free(p)
    return before, after, value


def arrays():
    a = cython.declare(cython.int[5])
    i: cython.int
    for i in range(5):
        a[i] = (i + 1) * 10
    a[4] += 2
    grid = cython.declare(cython.double[2][3])
    grid[2][1] = 1.5
    grid[0][0] = -1.0
    return a, grid, a[1] + a[3]


def array_sizes():
    return (cython.sizeof(cython.int[5]), cython.sizeof(cython.double[2][3]), cython.sizeof(Pair),
            cython.sizeof(Pair[4]), cython.sizeof(cython.p_int), cython.sizeof(cython.pointer(Pair)),
            cython.sizeof(int32_t), cython.sizeof(uint8_t), cython.sizeof(int64_t))


def struct_array(n: cython.int):
    pairs = cython.declare(Pair[4])
    i: cython.int
    for i in range(4):
        pairs[i].a = i * n
        pairs[i].b = i / 2
    pairs[3] = Pair(a=-1, b=0.25)
    return pairs, pairs[2].a + pairs[3].a


def stdint_values(x: int32_t, y: uint8_t) -> int64_t:
    z: int64_t = x
    return z * 1000 + y


def from_list(values: list):
    a = cython.declare(cython.int[4])
    a = values
    return a, a[0] + a[3]


def array_slices(lo: cython.int, hi: cython.int):
    a = cython.declare(cython.int[6])
    i: cython.int
    for i in range(6):
        a[i] = i * 11
    return a[lo:hi], a[:hi], a[lo:]


@cython.boundscheck(False)
@cython.wraparound(False)
def array_slices_unchecked(lo: cython.int, hi: cython.int):
    # pyxx clamps array slices also here (Cython's result is undefined): Python's result.
    a = cython.declare(cython.int[6])
    i: cython.int
    for i in range(6):
        a[i] = i * 11
    return a[lo:hi], a[:hi], a[lo:]


def array_index(i: cython.int, j: cython.uint, k: cython.Py_ssize_t):
    # Indices are checked as a list's are (Cython does not check: pyxx raises
    # IndexError rather than read or write outside the array).
    a = cython.declare(cython.int[4])
    grid = cython.declare(cython.double[3][2])
    n: cython.int
    for n in range(4):
        a[n] = n * 7
    a[i] += 1
    grid[k][1] = a[j]
    return a, grid


@cython.cfunc
@cython.nogil
def array_index_nogil(i: cython.int) -> cython.int:
    a = cython.declare(cython.int[3])
    a[0] = 4
    a[1] = 5
    a[2] = 6
    return a[i]


def array_index_without_gil(i: cython.int) -> cython.int:
    with cython.nogil:
        r: cython.int = array_index_nogil(i)
    return r


@cython.wraparound(False)
def array_index_no_wrap(i: cython.int) -> cython.int:
    a = cython.declare(cython.int[3])
    a[2] = 9
    return a[i]
