# Module-level C variables: `cython.declare` at the top level makes C globals,
# initialised in module-body order, read and written from def, cfunc and nogil
# code (`global` to assign in a function), not module attributes. A
# module-level annotation declares nothing (as in Cython 3): a Python global.
import cython
from cython.parallel import prange

trace = []
hits = cython.declare(cython.int, 0)
scale = cython.declare(cython.double, 1.5)
limit = cython.declare(cython.long, 7 * 6)
cython.declare(ready=cython.bint, step=cython.short)
z = cython.declare(cython.doublecomplex, 1 + 2j)
small = cython.declare(cython.uchar)
annotated: cython.int = 7  # a Python global: Cython ignores module-level annotations
names: list = []
plain = cython.declare(list, [1, 2])  # a Python type: a Python global, as any other

trace.append(limit)  # initialised already: module code runs in order
step = 3
ready = limit > 40
limit += step  # module code reads and writes them too
shadow = cython.declare(cython.int, 5)
i = cython.declare(cython.int)
total = cython.declare(cython.longlong, 0)

# A prange at module level: the C global `i` is the loop variable, `total` the sum.
for i in prange(10, nogil=True):
    total += i
trace.append((i, total))
annotated = annotated * 2
trace.append(annotated)


@cython.cfunc
@cython.nogil
def bump(k: cython.int) -> cython.int:
    global hits
    hits += k
    return hits


def add(n: cython.int) -> cython.double:
    global hits, limit
    acc: cython.double = 0
    with cython.nogil:
        for j in range(n):
            acc += scale * j
            bump(step)
        limit = hits + limit
    return acc


def snapshot():
    return (hits, scale, limit, ready, step, shadow, z, small)


def set_scale(x):
    global scale
    scale = x  # converted to a C double, as Cython does
    return scale


def set_small(x):
    global small
    small = x
    return small


def local_shadow():
    shadow = "a local"  # no `global`: a local, as in Python
    return shadow


def bump_with(f):
    global hits
    hits += f()  # the target is read before the value runs
    return hits


def reset():
    global hits
    hits = 0


def loop_variable(n: cython.int):
    global step
    out = []
    for step in range(n):
        out.append(step)
    return out, step


def prange_target(n: cython.int):
    # The C global `i` as a prange loop variable inside a function, `total` summed.
    global i, total
    total = 0
    for i in prange(n, nogil=True):
        total += i * 2
    return i, total


@cython.cfunc
@cython.nogil
def rotate() -> cython.doublecomplex:
    global z
    z = z * 1j
    return z


@cython.cfunc
@cython.nogil
def shift(step: cython.doublecomplex) -> cython.doublecomplex:
    # An augmented assignment stores into the module's variable (it once
    # updated a copy of it).
    global z
    z += step
    z *= 1
    return z


def shifts():
    return shift(2j), shift(-1), z


def complex_steps(n: cython.int):
    out = []
    for j in range(n):
        with cython.nogil:
            rotate()
        out.append((j, z))
    return out


def readers():
    # A nested function, a lambda, a generator and a comprehension read them too.
    def inner():
        return hits + 1

    f = lambda: scale * 2  # noqa: E731

    def gen():
        for k in range(2):
            yield limit + k

    return inner(), f(), list(gen()), [hits * k for k in range(3)]


def nested_writer():
    def inner():
        global hits
        hits = 100
        return hits

    return inner(), hits


def annotated_is_python():
    global annotated
    annotated = "a string now"  # a Python global: any object
    return annotated


def spin(n: cython.int) -> cython.int:
    # Several threads store without the GIL: each store is whole (relaxed
    # atomics), so the last store of a thread leaves n - 1 there.
    global shadow
    with cython.nogil:
        for j in range(n):
            shadow = j
    return shadow


def declare_locals(a: cython.double):
    w = cython.declare(cython.doublecomplex, 1 + 2j)
    u = cython.declare(cython.uchar)
    cython.declare(v=cython.floatcomplex)
    v = w * a
    return w * a, u, v


class Five:
    def __enter__(self):
        return 5

    def __exit__(self, *exc):
        return False


def with_target():
    global hits
    with Five() as hits:
        hits += 1
    return hits


def exported():
    # pyxx, as Cython for cdef globals: a C variable is no module attribute.
    import sys
    module = sys.modules[__name__]
    visible = [name for name in ("hits", "scale", "limit", "ready", "step", "shadow", "z", "small", "i", "total")
               if hasattr(module, name)]
    return visible if cython.compiled else []


names.append(snapshot())
